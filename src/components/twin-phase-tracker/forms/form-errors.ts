import { msg } from '@lit/localize';
import { isTwinError, type ValidationIssue } from '../../../sdk/errors.js';
import { errorMessage } from '../../../localization/error-message.js';

/** What a form shows after a refused save: one sentence, and the fields to mark. */
export interface FormProblem {
  message: string;
  fields: string[];
}

/** Sentences for the checks a teacher meets most, in the UI language; the store's own English otherwise. */
function issueSentence(issue: ValidationIssue): string | undefined {
  const field = issue.path.split('.')[0];
  if (/ends before it starts/.test(issue.message)) return msg('The end date is before the start date.', { id: 'tracker.error.dates' });
  if (field === 'travelBack') return msg('The day of travel back is before the day of travel out.', { id: 'tracker.error.travel' });
  if (field === 'value') return msg('Choose a rating from 1 to 5.', { id: 'tracker.error.rating' });
  if (field === 'competence') return msg('Choose one of the listed competences.', { id: 'tracker.error.competence' });
  if (field === 'phase') return msg('Choose a phase that exists: this one was removed.', { id: 'tracker.error.phase' });
  return undefined;
}

export function formProblem(error: unknown): FormProblem {
  if (isTwinError(error) && error.code === 'validation') {
    const issues = (error as { issues?: ValidationIssue[] }).issues ?? [];
    const known = issues.map(issueSentence).find(Boolean);
    // The store's message names the field and the rule (in English) when no sentence of ours fits.
    return { message: known ?? error.message, fields: issues.map((issue) => issue.path.split('.')[0]).filter(Boolean) };
  }
  return { message: errorMessage(error), fields: [] };
}
