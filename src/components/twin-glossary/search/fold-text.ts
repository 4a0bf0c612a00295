/** Combining marks left by NFKD: the accents that a search ignores. */
const MARKS = /\p{M}+/gu;
const SPACES = /\s+/gu;

/**
 * Text as a search compares it: case- and accent-insensitive, compatibility forms unified
 * (`ﬁ` is `fi`, full-width `Ａ` is `a`), runs of spaces made one. `Marée ` and `maree` fold alike.
 */
export function foldText(text: string): string {
  return text.normalize('NFKD').replace(MARKS, '').toLowerCase().replace(SPACES, ' ').trim();
}

/** One character folded as `foldText` folds it (`É` gives `e`, `ﬁ` gives `fi`), for position-keeping folds. */
export function foldCharacter(char: string): string {
  return char.normalize('NFKD').replace(MARKS, '').toLowerCase();
}
