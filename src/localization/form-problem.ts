import { isTwinError, type ValidationIssue } from '../sdk/errors.js';
import { errorMessage } from './error-message.js';

/** What a form shows after a refused save: one sentence, and the fields to mark. */
export interface FormProblem {
  message: string;
  fields: string[];
}

/**
 * The problem to show for a failed save. A refused record names its fields and says why (the
 * store's English sentence, unless `sentenceFor` has one in the UI language for an issue); any
 * other failure gets the localized sentence for its error code.
 */
export function formProblem(error: unknown, sentenceFor?: (issue: ValidationIssue) => string | undefined): FormProblem {
  if (isTwinError(error) && error.code === 'validation') {
    const issues = (error as { issues?: ValidationIssue[] }).issues ?? [];
    const known = sentenceFor && issues.map(sentenceFor).find(Boolean);
    return { message: known || error.message, fields: issues.map((issue) => issue.path.split('.')[0]).filter(Boolean) };
  }
  return { message: errorMessage(error), fields: [] };
}
