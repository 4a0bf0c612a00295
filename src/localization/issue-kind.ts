import type { ValidationIssue } from '../sdk/errors.js';

/**
 * What a refused field needs, as a form can tell a person in their language. The SDK words its
 * issues in English for developers and gives no code; these are read from its fixed wording (the
 * schemas' messages), and a test runs the SDK's own refusals through them, so a change of wording
 * there fails here instead of showing English.
 */
export type IssueName =
  | 'empty'
  | 'too-long'
  | 'too-many'
  | 'number-range'
  | 'control-characters'
  | 'link'
  | 'link-needed'
  | 'date'
  | 'ends-before-start'
  | 'monday'
  | 'language'
  | 'choice'
  | 'alt-text'
  | 'attachment-needed'
  | 'unsafe-markup'
  | 'week-or-phase'
  | 'removed'
  | 'file-too-large'
  | 'file-type';

export interface IssueKind {
  kind: IssueName;
  /** The numbers the issue names, in order: a limit ("at most 300"), a range ("from 1 to 5"), a size in bytes. */
  numbers: number[];
}

/** First match wins; a group captures each number the sentence needs. */
const READINGS: [pattern: RegExp, kind: IssueName][] = [
  [/^(?:must not be empty|is missing|needs at least one|a text post needs a title or some text)/, 'empty'],
  [/^is too long: at most ([\d,]+) characters/, 'too-long'],
  [/^has too many [a-z ]+: at most ([\d,]+)/, 'too-many'],
  [/^must be a whole number from (-?\d+) to (-?\d+)/, 'number-range'],
  [/^contains invisible control characters/, 'control-characters'],
  [/^must be an http\(s\) or mailto link/, 'link'],
  [/^a link needs a web address/, 'link-needed'],
  [/^(?:must be a date like|is not a real date)/, 'date'],
  [/ends before it starts$/, 'ends-before-start'],
  [/^must be a Monday/, 'monday'],
  [/^must be a language code/, 'language'],
  [/^must be (?:one of|a colour label):/, 'choice'],
  [/needs a description (?:\(alt text\)|for each image)/, 'alt-text'],
  [/^an? [a-z ]+ needs an? [a-z ]+\(attachment\)/, 'attachment-needed'],
  [/^contains code or unsafe links/, 'unsafe-markup'],
  [/^a prompt set needs a week \(from, to\) or a phase/, 'week-or-phase'],
  [/^(?:names .+ that does not exist or was removed|must name an? )/, 'removed'],
  [/^exceeds (\d+) bytes/, 'file-too-large'],
  [/^content is /, 'file-type'],
];

/** The kind of a validation issue, or undefined for one no person meets through a form. */
export function issueKind(issue: ValidationIssue): IssueKind | undefined {
  for (const [pattern, kind] of READINGS) {
    const match = pattern.exec(issue.message);
    if (match) return { kind, numbers: match.slice(1).map((n) => Number(n.replace(/,/g, ''))) };
  }
  return undefined;
}
