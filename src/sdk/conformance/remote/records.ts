import type { RawRecord } from '../../adapter.js';
import { initialStatus } from '../../policy/can.js';
import type { ModerationMode } from '../../policy/roles.js';
import type { RecordStatus } from '../../schemas/envelope.js';
import type { Actor } from './actor.js';

/**
 * Valid Twinkit records of the built-in collections (envelope.ts and the collections' schemas),
 * as a device would push them: the server meets the same records it will meet in use.
 */

/** What a device puts in `rev` before the server gives the record one. */
const UNSAVED_REV = '0-unsaved';

function envelope(space: string, collection: string, schemaVersion: number, id: string, author: Actor, status: RecordStatus): RawRecord {
  const now = new Date().toISOString();
  return { id, space, collection, rev: UNSAVED_REV, schemaVersion, createdAt: now, updatedAt: now, author: author.author, status };
}

/** The status a new record of `author` must carry in a space with this moderation (`initialStatus`). */
export function statusFor(author: Actor, moderation: ModerationMode): RecordStatus {
  if (!author.user) return 'published';
  return initialStatus(author.user, { moderation });
}

export type JournalVisibility = 'private' | 'school' | 'space';

export interface RecordFactory {
  journalEntry(author: Actor, id: string, visibility: JournalVisibility, fields?: Record<string, unknown>): RawRecord;
  /** A teacher's note to one pupil (`journal-note`, read by staff and that pupil). */
  journalNote(author: Actor, id: string, pupilId: string): RawRecord;
  /** Feedback on a journal entry (`journal-feedback`, read by those who may read the entry). */
  journalFeedback(author: Actor, id: string, entryId: string): RawRecord;
  boardSection(author: Actor, id: string): RawRecord;
  boardPost(author: Actor, id: string, sectionId: string, fields?: Record<string, unknown>): RawRecord;
}

/** Records of one space; each new record carries the status its author's role gives it. */
export function recordFactory(space: string, moderation: ModerationMode): RecordFactory {
  const status = (author: Actor) => statusFor(author, moderation);
  return {
    journalEntry: (author, id, visibility, fields = {}) => ({
      ...envelope(space, 'journal', 2, id, author, status(author)),
      date: '2026-03-14',
      title: 'Our first day in Kraków',
      body: '<p>We visited the <strong>old town</strong> and wrote down new words.</p>',
      language: 'en',
      visibility,
      confidence: 4,
      ...fields,
    }),
    journalNote: (author, id, pupilId) => ({
      ...envelope(space, 'journal-note', 1, id, author, status(author)),
      pupil: pupilId,
      body: 'Your entries this week were careful and clear: keep adding photos.',
      week: '2026-03-09',
    }),
    journalFeedback: (author, id, entryId) => ({
      ...envelope(space, 'journal-feedback', 1, id, author, status(author)),
      target: entryId,
      kind: 'liked',
      body: 'I liked how you described the market.',
    }),
    boardSection: (author, id) => ({
      ...envelope(space, 'board-section', 1, id, author, status(author)),
      name: 'Our exchange week',
      position: 'a0',
    }),
    boardPost: (author, id, sectionId, fields = {}) => ({
      ...envelope(space, 'board', 2, id, author, status(author)),
      kind: 'text',
      section: sectionId,
      position: 'a0',
      title: 'Hello from Roma',
      body: '<p>Our class says hello!</p>',
      language: 'en',
      ...fields,
    }),
  };
}

/** The record after an edit: the changed fields, `rev` the revision it is based on, a later `updatedAt`. */
export function edited(record: RawRecord, baseRev: string, changes: Record<string, unknown>): RawRecord {
  const updatedAt = new Date(Math.max(Date.now(), Date.parse(record.updatedAt) + 1)).toISOString();
  return { ...record, ...changes, rev: baseRev, updatedAt };
}
