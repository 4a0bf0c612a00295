/**
 * The longest HTML string the sanitizer parses. Checked before parsing, so a huge paste (a
 * whole book, or Word's bloated clipboard) is refused at once instead of freezing the tab.
 */
export const RICH_TEXT_MAX_INPUT = 100_000;

/** Thrown by `sanitizeRichText` (and what builds on it) for input over `RICH_TEXT_MAX_INPUT`. */
export class RichTextTooLongError extends Error {
  override readonly name = 'RichTextTooLongError';

  constructor(
    /** Characters of the refused input. */
    readonly length: number,
    readonly limit: number = RICH_TEXT_MAX_INPUT,
  ) {
    super(`Rich text refused: ${length.toLocaleString('en')} characters, the limit is ${limit.toLocaleString('en')}.`);
  }
}

/** Schemes a pupil's link may use. Anything else (`javascript:`, `data:`, `file:`, relative) is refused. */
const SAFE_PROTOCOLS = new Set(['http:', 'https:', 'mailto:']);

/**
 * The link in its normal form (`HTTPS://Example.org` gives `https://example.org/`) when it is an
 * absolute http(s) or mailto URL, else undefined.
 */
export function safeLink(href: string): string | undefined {
  try {
    const url = new URL(href.trim());
    return SAFE_PROTOCOLS.has(url.protocol) ? url.href : undefined;
  } catch {
    return undefined;
  }
}
