/**
 * Why sync kept a version for a person, read from the fixed English the engine and the server
 * write into `SyncConflict.message`: the engine's sentences for a change that crossed another, and
 * the reasons of the space's `validate_doc_update` on CouchDB for a refused one. A test runs every
 * reason of that function's source through these readings, so a change of wording there fails
 * here instead of showing English. A sentence no reading knows (another server's own) is shown as
 * the server sent it.
 */
export type RefusalName =
  | 'sign-in'
  | 'not-member'
  | 'observer'
  | 'hidden'
  | 'private'
  | 'own-name'
  | 'others-records'
  | 'authorship'
  | 'unhide'
  | 'staff-only'
  | 'moderators-only'
  | 'needs-approval'
  | 'translations-only'
  | 'translation-unpublished'
  | 'translation-needs-approval'
  | 'file-type'
  | 'file-too-large'
  | 'record-too-large'
  | 'wrong-place'
  | 'malformed';

export interface RefusalKind {
  kind: RefusalName;
  /** The numbers the reason names: a file's limit in megabytes. */
  numbers: number[];
}

/** First match wins (a moderator's "move someone else's record here" is about one's own name, not moderation). */
const REFUSALS: [pattern: RegExp, kind: RefusalName][] = [
  [/^Please sign in/, 'sign-in'],
  [/^You are not a member of this space/, 'not-member'],
  [/^Observers can read this space/, 'observer'],
  [/^A teacher or moderator hid this record/, 'hidden'],
  [/^This (?:record belongs to its author and the teachers|journal entry is private to its author)/, 'private'],
  [
    /^(?:A file must be uploaded in your own name|You can create records only in your own name|Only teachers and moderators can move someone else's record here|A review note must be signed with your own user id|A language you add to someone else's entry must be signed)/,
    'own-name',
  ],
  [/^(?:You can (?:change|delete) only your own records|Only the person who uploaded this file|Only its author, a teacher or a moderator can move)/, 'others-records'],
  [/^Nobody can change (?:who wrote|who uploaded|when a record was created)/, 'authorship'],
  [/^Only a teacher or an admin can bring back a hidden record/, 'unhide'],
  [/^Only teachers can add /, 'staff-only'],
  [/^(?:Only teachers and moderators can (?:set|change|hide|approve) |Only a teacher or moderator can write a review note|A new record cannot (?:carry a review note|be hidden))/, 'moderators-only'],
  [/^(?:In this space your (?:new records|changes) wait for approval|Your record is waiting for approval)/, 'needs-approval'],
  [/^You can add a missing language to someone else's entry/, 'translations-only'],
  [/^Languages can be added only to published entries/, 'translation-unpublished'],
  [/^In this space your writing waits for approval/, 'translation-needs-approval'],
  [/^This type of file is not accepted/, 'file-type'],
  [/^This file is too large: at most (\d+(?:\.\d+)?) MB/, 'file-too-large'],
  [/^This record is too large/, 'record-too-large'],
  [/^(?:This database is "|This record is for |This record does not belong to this space)/, 'wrong-place'],
  [
    /^(?:A file document holds|The size of this file is unknown|Only a server administrator can change the design document|The write id \(|A deletion carries no content|Records cannot carry files|The lineage \(|Where a record moved from \(|This database holds only Twinkit records|A record moved out of this database names|A record's document id must|A record must name its author|A record's status must be|A review note must name who wrote it)/,
    'malformed',
  ],
];

/** The kind of a server's refusal, or undefined for a reason Twinkit's rules never give. */
export function refusalKind(reason: string): RefusalKind | undefined {
  for (const [pattern, kind] of REFUSALS) {
    const match = pattern.exec(reason.trim());
    if (match) return { kind, numbers: match.slice(1).map(Number) };
  }
  return undefined;
}

/** What the engine says of a change that crossed another one (its fixed sentences). */
export type CrossingName = 'deleted-there' | 'deleted-here' | 'same-part';

const CROSSINGS: [pattern: RegExp, kind: CrossingName][] = [
  [/^Someone else deleted this on the server while you changed it/, 'deleted-there'],
  [/^Someone else changed this on the server while you deleted it/, 'deleted-here'],
  [/^Someone else changed the same part on the server first/, 'same-part'],
];

/** The kind of a crossed change, or undefined for a sentence another engine wrote. */
export function crossingKind(message: string): CrossingName | undefined {
  return CROSSINGS.find(([pattern]) => pattern.test(message.trim()))?.[1];
}
