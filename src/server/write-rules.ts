/**
 * Who may write what: the policy the store enforces in the browser (`can`, `initialStatus`,
 * `canContribute`, the collections' definitions), checked again here so that someone who bypasses
 * the store (devtools, curl) is refused too. The same rules as the CouchDB server's
 * validate_doc_update, in plain TypeScript; with all records at hand, this server also checks the
 * rules that need another record (a feedback's target, the journal's approval switch).
 *
 * Checked before these rules (push.ts): the person is a member and not an observer, the record
 * is whole (record-envelope.ts), and they may read the version they change (read-access.ts).
 * Each rule answers a sentence for the person, or undefined when it allows the write.
 */
import type { RawRecord } from '../sdk/adapter.js';
import { can, canContribute, initialStatus } from '../sdk/policy/can.js';
import { authorIdOf } from '../sdk/policy/read-rules.js';
import { canModerate, isStaff, type SpaceSettings, type TwinUser } from '../sdk/policy/roles.js';
import { builtInCollections, type CollectionDefinition } from '../sdk/schemas/collections.js';
import { keepsStatus } from '../sdk/store/write/arrangement-fields.js';
import { valueAt } from '../sdk/store/write/value-at.js';
import { asPolicyRecord, mayRead, type FindRecord } from './read-access.js';

export interface WriteAttempt {
  user: TwinUser;
  settings: SpaceSettings;
  collection: string;
  /** The live version before this write; undefined for a record never written, or deleted. */
  stored: RawRecord | undefined;
  /** The record existed and was deleted: writing it again brings it back. */
  overTombstone: boolean;
  /** The new version; undefined for a deletion. */
  next: RawRecord | undefined;
  find: FindRecord;
}

const LOCKED = 'A teacher or moderator hid this record, so its author can no longer change or delete it. Ask a teacher if it should come back.';

export function writeRefusal(attempt: WriteAttempt): string | undefined {
  if (attempt.user.role === 'observer') return 'Observers can read this space but cannot change anything in it.';
  if (!attempt.next) return deletionRefusal(attempt);
  return attempt.stored ? updateRefusal(attempt, attempt.stored, attempt.next) : createRefusal(attempt, attempt.next);
}

/** Deleting: one's own record (unless hidden), or anything for staff (`can(user, 'delete')`). */
function deletionRefusal({ user, settings, stored }: WriteAttempt): string | undefined {
  // Nothing live: the tombstone only tells devices it is gone.
  if (!stored || can(user, 'delete', asPolicyRecord(stored), settings)) return undefined;
  return authorIdOf(stored) === user.id ? LOCKED : 'You can delete only your own records.';
}

function createRefusal(attempt: WriteAttempt, next: RawRecord): string | undefined {
  const { user, collection } = attempt;
  const definition: CollectionDefinition | undefined = builtInCollections[collection];
  const staff = isStaff(user.role);
  // Over a tombstone, staff may bring back anyone's record (undoing a deletion).
  if (authorIdOf(next) !== user.id && !(staff && attempt.overTombstone)) return `You can create records only in your own name: the author id must be "${user.id}".`;
  if (definition?.createdBy === 'staff' && !staff) {
    return `Only teachers can add ${collection} records: the project plan, the journal's prompts, notes and settings, and the board's sections and settings are theirs.`;
  }
  const moderatorFields = (definition?.moderatorFields ?? []).filter((field) => next[field] !== undefined);
  if (moderatorFields.length && !canModerate(user.role)) return `Only teachers and moderators can set ${moderatorFields.join(', ')} on ${collection} records.`;
  const feedback = feedbackRefusal(attempt, next);
  if (feedback) return feedback;
  if (staff) return undefined;
  if (next.review !== undefined) return 'A new record cannot carry a review note: teachers and moderators add one when they decide on it.';
  if (next.status === 'hidden') return 'A new record cannot be hidden.';
  // A stricter status than the space asks for (pending) is always accepted.
  if (next.status === 'published' && mustWait(attempt, definition)) {
    return 'In this space your new records wait for approval: save it as pending, and a teacher or moderator will publish it.';
  }
  return undefined;
}

function updateRefusal(attempt: WriteAttempt, stored: RawRecord, next: RawRecord): string | undefined {
  const { user, settings, collection } = attempt;
  const definition: CollectionDefinition | undefined = builtInCollections[collection];
  const own = authorIdOf(stored) === user.id;
  if (!sameValue(next.author, stored.author)) return 'Nobody can change who wrote a record.';
  if (next.createdAt !== stored.createdAt) return 'Nobody can change when a record was created.';
  const changed = changedFields(stored, next);
  if (changed.includes('target')) {
    const feedback = feedbackRefusal(attempt, next);
    if (feedback) return feedback;
  }
  if (isStaff(user.role)) return undefined;

  const moderatorFields = (definition?.moderatorFields ?? []).filter((field) => changed.includes(field));
  if (moderatorFields.length && !canModerate(user.role)) return `Only teachers and moderators can change ${moderatorFields.join(', ')} on ${collection} records.`;
  // Content: what is neither a moderation decision (status, review note) nor a moderator's field (pinned).
  const content = changed.filter((field) => field !== 'status' && field !== 'review' && !moderatorFields.includes(field));
  const decision = changed.length > content.length;
  if (decision && !own && !decidedByModerators(stored)) return 'This record belongs to its author and the teachers: nobody else can change it or decide on it.';
  if (next.status !== stored.status) {
    const refusal = statusRefusal(attempt, stored, next, own);
    if (refusal) return refusal;
  }
  if (changed.includes('review')) {
    if (!canModerate(user.role) || content.length) return 'Only a teacher or moderator can write a review note, when they decide on a record.';
    if (next.review !== undefined && valueAt(next, 'review.by.id') !== user.id) return 'A review note must be signed with your own user id.';
  }
  if (!content.length) return undefined;

  if (can(user, 'edit', asPolicyRecord(stored), settings)) {
    // An author whose records wait for approval sends an edited published record back, unless the
    // edit only moved it (arrangementFields): the store sets it pending; a forged "published" is refused.
    if (next.status === 'published' && mustWait(attempt, definition) && !(definition && keepsStatus(definition, content))) {
      return 'In this space your changes wait for approval: save the edited record as pending, and a teacher or moderator will publish it.';
    }
    return undefined;
  }
  if (own && stored.status === 'hidden') return LOCKED;
  // A partner's missing language on a published glossary entry (the collection's `contribution`).
  const contribution = definition?.contribution;
  if (contribution && canContribute(user, asPolicyRecord(stored), settings) && contribution(withoutServerFields(stored), withoutServerFields(next), user)) return undefined;
  return user.role === 'moderator'
    ? 'You can change only your own records. On other people\'s records, moderators can change only the status, the review note and the pin.'
    : 'You can change only your own records.';
}

/** A change of status: hiding needs `hide` rights, anything else `approve` rights; an author may only send their own record back. */
function statusRefusal({ user, settings }: WriteAttempt, stored: RawRecord, next: RawRecord, own: boolean): string | undefined {
  const policyRecord = asPolicyRecord(stored);
  if (next.status === 'hidden') return can(user, 'hide', policyRecord, settings) ? undefined : 'Only teachers and moderators can hide a record.';
  // An author's edit that waits for approval again.
  if (own && stored.status === 'published' && next.status === 'pending') return undefined;
  if (stored.status === 'hidden' && !isStaff(user.role)) return 'Only a teacher or an admin can bring back a hidden record.';
  if (can(user, 'approve', policyRecord, settings)) return undefined;
  return own ? 'Your record is waiting for approval: a teacher or moderator publishes it, not its author.' : 'Only teachers and moderators can approve or hide records.';
}

/** Feedback (a comment, a reaction) needs a target that exists, that the person may read, and that allows the feedback. */
function feedbackRefusal({ user, settings, collection, find }: WriteAttempt, next: RawRecord): string | undefined {
  const feedback = builtInCollections[collection]?.feedbackOn;
  if (!feedback) return undefined;
  const target = typeof next.target === 'string' ? find(feedback.collection, next.target) : undefined;
  if (target && mayRead(user, target, settings, find) && can(user, feedback.action, asPolicyRecord(target), settings)) return undefined;
  return `You may not ${feedback.action} on this record: it does not exist or cannot be read.`;
}

/**
 * Must this person's record of this collection wait for approval? As the store decides it: the
 * space's moderation (`initialStatus`), or the collection's approval switch (the journal settings'
 * `feedbackApproval`, for pupils). Reactions and self-ratings never wait.
 */
function mustWait({ user, settings, find }: WriteAttempt, definition: CollectionDefinition | undefined): boolean {
  if (definition?.unmoderated || definition?.feedbackOn?.unmoderated) return false;
  if (initialStatus(user, settings) === 'pending') return true;
  const toggle = definition?.approvalSwitch;
  if (!toggle || user.role !== 'pupil') return false;
  const switchRecord = find(toggle.collection, toggle.id);
  if (!switchRecord) return false;
  const value = valueAt(switchRecord, toggle.field);
  // A damaged setting asks for approval: the safe side, as the store does.
  return value === true || (value !== undefined && typeof value !== 'boolean');
}

/**
 * Records no moderator decides on: self-ratings and notes (their author's, or addressee's, and the
 * teachers'), and journal entries that are not shared.
 */
function decidedByModerators(stored: RawRecord): boolean {
  const rule = builtInCollections[stored.collection]?.readableBy;
  if (rule === 'author-and-staff' || rule === 'addressee-and-staff') return false;
  if (rule === 'journal-visibility') return stored.visibility === 'space' || stored.visibility === 'school';
  return true;
}

/** Fields the server sets or every write changes: never a person's change. */
const BOOKKEEPING = new Set(['rev', 'space', 'updatedAt', 'schemaVersion']);

/** The fields whose values differ between two versions, bookkeeping aside. */
export function changedFields(before: Record<string, unknown>, after: Record<string, unknown>): string[] {
  const keys = new Set([...Object.keys(before), ...Object.keys(after)]);
  return [...keys].filter((key) => !BOOKKEEPING.has(key) && !sameValue(before[key], after[key]));
}

function withoutServerFields(record: RawRecord): Record<string, unknown> {
  const { rev: _rev, space: _space, ...rest } = record;
  return rest;
}

/** Deep equality that ignores the order of keys (two devices may write them differently). */
export function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a) || Array.isArray(b)) {
    return Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((item, i) => sameValue(item, b[i]));
  }
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  const [left, right] = [a as Record<string, unknown>, b as Record<string, unknown>];
  const keys = Object.keys(left).filter((key) => left[key] !== undefined);
  if (keys.length !== Object.keys(right).filter((key) => right[key] !== undefined).length) return false;
  return keys.every((key) => sameValue(left[key], right[key]));
}
