import { msg } from '@lit/localize';
import type { ValidationIssue } from '../../../sdk/errors.js';
import { formProblem, type FormProblem } from '../../../localization/form-problem.js';

export type { FormProblem };

/** Sentences for the checks a teacher meets most, in the UI language; the store's own English otherwise. */
function issueSentence(issue: ValidationIssue): string | undefined {
  const field = issue.path.split('.')[0];
  if (issue.kind === 'ends-before-start') return msg('The end date is before the start date.', { id: 'tracker.error.dates' });
  if (field === 'travelBack') return msg('The day of travel back is before the day of travel out.', { id: 'tracker.error.travel' });
  if (field === 'value') return msg('Choose a rating from 1 to 5.', { id: 'tracker.error.rating' });
  if (field === 'competence') return msg('Choose one of the listed competences.', { id: 'tracker.error.competence' });
  if (field === 'phase') return msg('Choose a phase that exists: this one was removed.', { id: 'tracker.error.phase' });
  return undefined;
}

/** The problem of a refused plan save, in the teacher's language where the check is a common one. */
export const planProblem = (error: unknown): FormProblem => formProblem(error, issueSentence);
