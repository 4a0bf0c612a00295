import { isTwinError, type ValidationIssue } from '../sdk/errors.js';
import { errorMessage } from './error-message.js';
import { issueSentence } from './issue-sentence.js';

/** What a form shows after a refused save: one sentence, and the fields to mark. */
export interface FormProblem {
  message: string;
  fields: string[];
}

type SentenceFor = (issue: ValidationIssue) => string | undefined;

const issuesOf = (error: unknown): ValidationIssue[] | undefined =>
  isTwinError(error) && error.code === 'validation' ? ((error as { issues?: ValidationIssue[] }).issues ?? []) : undefined;

/**
 * What a refused record needs, in the UI language, for the first of its issues a sentence is
 * known for: the widget's own (`sentenceFor`), else the common one for the store's check. Undefined
 * for any other failure, or a check no form lets a person fail.
 */
export function refusalSentence(error: unknown, sentenceFor?: SentenceFor): string | undefined {
  return issuesOf(error)
    ?.map((issue) => sentenceFor?.(issue) || issueSentence(issue))
    .find(Boolean);
}

/**
 * The problem to show for a failed save, in the UI language: for a refused record, what it needs
 * (or "check the marked fields") and the fields to mark; for any other failure, the sentence for
 * its error code.
 */
export function formProblem(error: unknown, sentenceFor?: SentenceFor): FormProblem {
  const issues = issuesOf(error);
  return {
    message: refusalSentence(error, sentenceFor) || errorMessage(error),
    fields: (issues ?? []).map((issue) => issue.path.split('.')[0]).filter(Boolean),
  };
}
