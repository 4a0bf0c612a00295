import { canModerate, isMember, isStaff, type TwinUser } from './roles.js';

/**
 * A collection's own read rule, as a function: may `user` read `record` at all? It is given raw
 * records too (a damaged record is reported only to whom it allows), so it must check the types
 * of the fields it reads. Staff are not implied: the function decides for them as well.
 */
export type ReadRuleFunction = (record: Record<string, unknown>, user: TwinUser) => boolean;

/** The named read rules a collection can have (see `CollectionDefinition.readableBy`). */
export const READ_RULES = ['author-and-staff', 'journal-visibility', 'addressee-and-staff', 'author-and-moderators'] as const;
export type NamedReadRule = (typeof READ_RULES)[number];
export type ReadRule = NamedReadRule | ReadRuleFunction;

/** The field an `addressee-and-staff` record names its reader in, unless the collection says otherwise. */
export const DEFAULT_ADDRESSEE_FIELD = 'pupil';

/** The author id of a record, raw or validated; undefined when it has none. */
export function authorIdOf(record: Record<string, unknown>): string | undefined {
  const author = record.author as { id?: unknown } | null | undefined;
  return typeof author === 'object' && author !== null && typeof author.id === 'string' ? author.id : undefined;
}

/** A school name compared as people type it: trimmed, spaces collapsed, case ignored. */
export function schoolKey(school: unknown): string {
  return typeof school === 'string' ? school.normalize('NFC').trim().replace(/\s+/g, ' ').toLowerCase() : '';
}

/** Are these the same school? Never for a missing or blank school. */
export function sameSchool(a: unknown, b: unknown): boolean {
  const key = schoolKey(a);
  return key !== '' && key === schoolKey(b);
}

/**
 * The visibility of a journal entry: `private` for its author and staff, `school` also for the
 * members (not observers) of its author's school, `space` for everyone in the space. An unknown
 * visibility counts as `private`. Status rules (pending, hidden) apply on top, in `can`.
 */
export function journalVisibilityAllows(record: Record<string, unknown>, user: TwinUser): boolean {
  if (isStaff(user.role) || authorIdOf(record) === user.id) return true;
  if (record.visibility === 'space') return true;
  if (record.visibility === 'school') {
    const author = record.author as { school?: unknown } | null | undefined;
    return isMember(user.role) && typeof author === 'object' && author !== null && sameSchool(author.school, user.school);
  }
  return false;
}

/**
 * May `user` read `record` under the collection's read rule? No rule: yes (the status rules of
 * `can` still apply). `addressee` names the field of `addressee-and-staff` (default `pupil`).
 */
export function readRuleAllows(rule: ReadRule | undefined, record: Record<string, unknown>, user: TwinUser, addressee = DEFAULT_ADDRESSEE_FIELD): boolean {
  if (rule === undefined) return true;
  if (typeof rule === 'function') return rule(record, user);
  switch (rule) {
    case 'author-and-staff':
      return isStaff(user.role) || authorIdOf(record) === user.id;
    case 'addressee-and-staff':
      return isStaff(user.role) || record[addressee] === user.id;
    case 'journal-visibility':
      return journalVisibilityAllows(record, user);
    case 'author-and-moderators':
      // A report of a post: for who wrote it and who acts on it, not for the pupil reported.
      return canModerate(user.role) || authorIdOf(record) === user.id;
    default:
      // A rule this version does not know (a newer collection definition): staff only, to be safe.
      return isStaff(user.role);
  }
}
