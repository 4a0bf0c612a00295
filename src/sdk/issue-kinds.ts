/**
 * What a refused field needs, as a stable name a program (and a form, in its own language) can
 * act on; the issue's English `message` is for developers. Set where the check is declared (or read
 * from zod's structured issue), never from the wording.
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
