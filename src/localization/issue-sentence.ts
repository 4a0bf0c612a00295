import { msg, str } from '@lit/localize';
import type { ValidationIssue } from '../sdk/errors.js';
import { formatFileSize } from './file-size.js';
import { issueKind } from './issue-kind.js';
import { uiLocale } from './localization.js';

/** A limit in the reader's way of writing numbers: "20,000", "20 000", "20.000". */
const number = (value: number) => value.toLocaleString(uiLocale());

/**
 * The sentence a form shows for a field the store refused, in the UI language; undefined for an
 * issue no form lets a person cause (those get the general "check the marked fields").
 */
export function issueSentence(issue: ValidationIssue): string | undefined {
  const known = issueKind(issue);
  if (!known) return undefined;
  const [first, second] = known.numbers;
  switch (known.kind) {
    case 'empty':
      return msg('A required field is empty: fill it in.', { id: 'sdk.issue.empty' });
    case 'too-long':
      return msg(str`This text is too long: at most ${number(first)} characters.`, { id: 'sdk.issue.too-long' });
    case 'too-many':
      return msg(str`This list is too long: at most ${number(first)} items.`, { id: 'sdk.issue.too-many' });
    case 'number-range':
      return msg(str`Choose a whole number from ${number(first)} to ${number(second)}.`, { id: 'sdk.issue.number-range' });
    case 'control-characters':
      return msg('This text contains invisible characters (often from copying and pasting): type it again.', { id: 'sdk.issue.control-characters' });
    case 'link':
      return msg('Give a web address that starts with https:// or http://, or an email link (mailto:).', { id: 'sdk.issue.link' });
    case 'link-needed':
      return msg('Give the web address of the link.', { id: 'sdk.issue.link-needed' });
    case 'date':
      return msg('This date does not exist: choose another one.', { id: 'sdk.issue.date' });
    case 'ends-before-start':
      return msg('This ends before it starts: choose an end date on or after the start date.', { id: 'sdk.issue.ends-before-start' });
    case 'monday':
      return msg('Choose a Monday: the first day of the week.', { id: 'sdk.issue.monday' });
    case 'language':
      return msg('Choose a language from the list.', { id: 'sdk.issue.language' });
    case 'choice':
      return msg('Choose one of the options offered.', { id: 'sdk.issue.choice' });
    case 'alt-text':
      return msg('Describe each picture in a few words for those who cannot see it (alt text).', { id: 'sdk.issue.alt-text' });
    case 'attachment-needed':
      return msg('Add the picture, clip or file this post needs.', { id: 'sdk.issue.attachment-needed' });
    case 'unsafe-markup':
      return msg('The text contains code or unsafe links: only bold, italic, lists and web links can be kept.', { id: 'sdk.issue.unsafe-markup' });
    case 'week-or-phase':
      return msg('Choose a week or a phase for these prompts.', { id: 'sdk.issue.week-or-phase' });
    case 'removed':
      return msg('What this refers to no longer exists (it may have been removed): choose another.', { id: 'sdk.issue.removed' });
    case 'file-too-large':
      return msg(str`This file is too large: the limit is ${formatFileSize(first)}.`, { id: 'sdk.issue.file-too-large' });
    case 'file-type':
      return msg('This kind of file cannot be added here: its content is not one of the accepted types.', { id: 'sdk.issue.file-type' });
  }
}
