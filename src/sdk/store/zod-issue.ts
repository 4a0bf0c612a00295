import type * as z from 'zod/mini';
import type { ValidationIssue } from '../errors.js';
import type { IssueName } from '../issue-kinds.js';
import { DATE_FORMAT, LANGUAGE_TAG, NO_CONTROL_CHARS, NOT_BLANK } from '../schemas/text.js';

type ZodIssue = z.core.$ZodIssue;

/** The schemas' own patterns, known by their issue's `pattern` (zod gives it as the regex's text). */
const PATTERN_KINDS: Record<string, IssueName> = {
  [String(NO_CONTROL_CHARS)]: 'control-characters',
  [String(NOT_BLANK)]: 'empty',
  [String(DATE_FORMAT)]: 'date',
  [String(LANGUAGE_TAG)]: 'language',
};

/**
 * What a zod issue means, read from its structure, never its wording: a refine says it in its
 * `params.issue` (schemas/refusal.ts); a built-in check by its code, origin and limit. None where that is
 * ambiguous (a number's bound alone, a pattern of no known meaning).
 */
function kindOf(issue: ZodIssue): Pick<ValidationIssue, 'kind' | 'numbers'> | undefined {
  switch (issue.code) {
    case 'custom':
      // Only our own refines say it (other params of an integrator's refine are not ours to copy).
      return issue.params?.issue;
    case 'invalid_type':
      return issue.input === undefined ? { kind: 'empty' } : undefined;
    case 'too_small':
      return issue.origin !== 'number' && Number(issue.minimum) === 1 ? { kind: 'empty' } : undefined;
    case 'too_big':
      return issue.origin === 'string' || issue.origin === 'array'
        ? { kind: issue.origin === 'string' ? 'too-long' : 'too-many', numbers: [Number(issue.maximum)] }
        : undefined;
    case 'invalid_format':
      return issue.pattern && PATTERN_KINDS[issue.pattern] ? { kind: PATTERN_KINDS[issue.pattern] } : undefined;
    case 'invalid_value':
      // An enum's; a literal (one value) is a program's mistake, no choice a person made.
      return issue.values.length > 1 ? { kind: 'choice' } : undefined;
  }
  return undefined;
}

/**
 * A zod issue as the SDK reports it. A bad record key or element (say, the language code of a
 * glossary translation) is reported by zod as a generic "Invalid input" whose meaning (and message)
 * is one level down: that one is used.
 */
export function fromZodIssue(issue: ZodIssue): ValidationIssue {
  const inner = (issue.code === 'invalid_key' || issue.code === 'invalid_element') && issue.issues[0]?.message ? issue.issues[0] : issue;
  return { path: issue.path.map(String).join('.'), message: inner.message, ...kindOf(inner) };
}
