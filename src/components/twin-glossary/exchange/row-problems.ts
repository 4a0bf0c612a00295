import { msg } from '@lit/localize';
import { isTwinError, type ValidationIssue } from '../../../sdk/errors.js';
import { errorMessage } from '../../../localization/error-message.js';
import { issueSentence } from '../../../localization/issue-sentence.js';

/** A row of an import that was not imported, and why, in the UI language. */
export interface RowProblem {
  row: number;
  /** The CSV column the problem is in (`term:en`, `category`), when it is one field's. */
  column?: string;
  message: string;
}

/** A row lists at most this many problems: the first ones are enough to mend it. */
const PER_ROW = 3;

/**
 * The column of a refused field as the CSV names it: `translations.en.term` is `term:en`. The file
 * itself uses these names, so they are not translated.
 */
function columnOf(path: string): string | undefined {
  const [first, lang, field] = path.split('.');
  if (first === 'translations') return lang && field ? `${field}:${lang}` : undefined;
  return first || undefined;
}

/** Why the glossary's check refused a row: one line per field, each a sentence in the UI language. */
export function issueProblems(row: number, issues: readonly ValidationIssue[]): RowProblem[] {
  const problems: RowProblem[] = [];
  for (const issue of issues) {
    const column = columnOf(issue.path);
    const sentence = issueSentence(issue);
    const message = sentence ?? (column ? msg('This value cannot be used here.', { id: 'glossary-exchange.unusable-value' }) : msg('This is not a glossary entry.', { id: 'glossary-exchange.not-an-entry' }));
    if (!problems.some((problem) => problem.column === column && problem.message === message)) problems.push({ row, ...(column ? { column } : {}), message });
  }
  return problems.slice(0, PER_ROW);
}

/** Why the store did not write a row of the batch. */
export function writeProblems(row: number, error: unknown): RowProblem[] {
  if (isTwinError(error) && error.code === 'validation') return issueProblems(row, (error as { issues?: ValidationIssue[] }).issues ?? []);
  return [{ row, message: isTwinError(error) ? errorMessage(error) : msg('This entry could not be saved.', { id: 'glossary-exchange.not-saved' }) }];
}
