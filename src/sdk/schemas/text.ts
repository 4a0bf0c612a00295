import * as z from 'zod/mini';
import { LIMITS } from './limits.js';
import { refusal } from './refusal.js';

/** No control characters (other than tab and newlines). A regex check: cheaper than a refine on every read. */
export const NO_CONTROL_CHARS = /^[^\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]*$/;
/** Something other than spaces: blank text counts as empty. */
export const NOT_BLANK = /\S/;

/** The message of a wrong type: "is missing" when there is no value at all, else `wrong` ("must be text"). */
export const typeError = (wrong: string) => ({ error: (issue: { input?: unknown }) => (issue.input === undefined ? 'is missing' : wrong) });

/** Plain text (never markup), at most `max` characters; `required` refuses empty or blank text. */
export function text(max: number, options: { required?: boolean } = {}) {
  const schema = z.string(typeError('must be text')).check(
    z.maxLength(max, `is too long: at most ${max.toLocaleString('en')} characters`),
    z.regex(NO_CONTROL_CHARS, 'contains invisible control characters'),
  );
  return options.required ? schema.check(z.regex(NOT_BLANK, 'must not be empty')) : schema;
}

export const shortText = (options: { required?: boolean } = {}) => text(LIMITS.shortText, options);
export const longText = () => text(LIMITS.longText);

/** Only http(s) and mailto links are allowed: `javascript:`, `data:` and friends are refused. */
export function isSafeUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:' || url.protocol === 'mailto:';
  } catch {
    return false;
  }
}

export const safeUrl = () =>
  z.string().check(
    z.maxLength(LIMITS.url, `is too long: at most ${LIMITS.url} characters`),
    refusal(isSafeUrl, 'link', 'must be an http(s) or mailto link'),
  );

/** BCP 47 language tag, loosely checked (`en`, `es`, `pt-BR`, `sr-Latn`). */
export const LANGUAGE_TAG = /^[a-zA-Z]{2,3}(-[a-zA-Z0-9]{2,8})*$/;
export const languageTag = () => z.string().check(z.regex(LANGUAGE_TAG, 'must be a language code such as en, es or pt-BR'));

export const DATE_FORMAT = /^\d{4}-\d{2}-\d{2}$/;

/** True for a day that exists (`2028-02-29` yes, `2026-02-30` and `2026-13-01` no). Wrong formats are left to the regex. */
function isRealDate(value: string): boolean {
  if (!DATE_FORMAT.test(value)) return true;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

/** Calendar date `YYYY-MM-DD`, of a day that exists. */
export const isoDate = () =>
  z.string().check(z.regex(DATE_FORMAT, 'must be a date like 2026-03-14'), refusal(isRealDate, 'date', 'is not a real date'));

/** The id of a blob stored through `putAttachment`. */
export const attachmentId = () => z.string().check(z.minLength(1, 'must not be empty'), z.maxLength(LIMITS.id));
