import type { IssueName, ValidationIssue } from '../sdk/errors.js';

// The kinds are the SDK's: it sets one on each issue it raises where the check is declared.
export type { IssueName };

export interface IssueKind {
  kind: IssueName;
  /** The numbers the issue names, in order: a limit ("at most 300"), a range ("from 1 to 5"), a size in bytes. */
  numbers: number[];
}

/**
 * The kind of an issue read from its English wording, for the issues that come without one: those
 * of a custom collection, whose schema an integrator wrote (with zod's refine and no kind). First
 * match wins; a group captures each number the sentence needs.
 */
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

/** The kind read from the issue's wording (see READINGS): undefined when no reading matches. */
export function issueKindFromWording(issue: ValidationIssue): IssueKind | undefined {
  for (const [pattern, kind] of READINGS) {
    const match = pattern.exec(issue.message);
    if (match) return { kind, numbers: match.slice(1).map((n) => Number(n.replace(/,/g, ''))) };
  }
  return undefined;
}

/**
 * What a refused field needs, as a form can tell a person in their language, or undefined for an
 * issue no person meets through a form. The SDK's own issues say it (`kind`, `numbers`); only an
 * issue without a kind is read from its wording.
 */
export function issueKind(issue: ValidationIssue): IssueKind | undefined {
  return issue.kind ? { kind: issue.kind, numbers: issue.numbers ?? [] } : issueKindFromWording(issue);
}
