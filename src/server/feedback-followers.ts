/**
 * Journal feedback is read only by who may read its entry. When an entry changes (made private,
 * hidden, deleted, shared again), its feedback goes back into the feed, unchanged, so each device
 * learns again whether it may keep it: readers who lost the entry get a deletion, new readers the
 * feedback. Without this, a classmate's device would keep feedback on an entry made private.
 */
import { FOLLOWED_COLLECTIONS } from './read-access.js';
import type { SpaceData } from './space-data.js';
import type { AnnounceLine } from './space-log.js';

/** Applies and returns the lines that announce again the live feedback on `target`. */
export function announceFollowers(data: SpaceData, target: { collection: string; id: string }): AnnounceLine[] {
  const followers = FOLLOWED_COLLECTIONS.get(target.collection);
  if (!followers) return [];
  // A copy: announcing moves records to the end of the feed being walked.
  const feedback = [...data.liveRecords()].filter((record) => followers.includes(record.collection) && record.target === target.id);
  return feedback.map((record) => {
    const line: AnnounceLine = { seq: data.lastSeq + 1, type: 'announce', collection: record.collection, id: record.id };
    data.apply(line);
    return line;
  });
}
