/**
 * Feedback delivered only with what it is on (journal feedback) is held with its target's readers
 * (record-audience.ts). When the target moves (made private or school-only, hidden, approved), the
 * device that moved it takes the feedback it holds along, each to its audience now: nobody goes on
 * reading over HTTP feedback on an entry they may no longer read.
 *
 * The server lets the target's author do this only towards fewer readers (validate-doc-update.ts);
 * a move it refuses leaves the feedback where it was, read by fewer people than the store would
 * give it to, never more. Feedback with a change of its own waiting on this device is left to its
 * own write, which goes to its audience's database then.
 */
import type { RawRecord, WriteOperation } from '../../../adapter.js';
import { audienceDatabase } from '../audience-databases.js';
import { COLLECTION_READ_RULES } from './collection-read-rules.js';
import { heldRev } from './presented-revs.js';
import { writeByAudience, type WriteContext } from './audience-writes.js';

/** The collections whose records follow records of `collection`. */
const followersIn = (collection: string) =>
  Object.entries(COLLECTION_READ_RULES)
    .filter(([, rules]) => rules.followsTarget && rules.target?.collection === collection)
    .map(([name]) => name);

export async function moveFollowers(context: WriteContext, target: RawRecord, heldOn: (collection: string, targetId: string) => Promise<RawRecord[]>): Promise<void> {
  for (const collection of followersIn(target.collection)) {
    const moving: RawRecord[] = [];
    for (const follower of await heldOn(collection, target.id)) {
      // Only as the server last gave it (a presented revision names its database).
      const held = heldRev(follower.rev);
      if (held && audienceDatabase(context.space, await context.audienceOf(follower)) !== held.home) moving.push(follower);
    }
    if (!moving.length) continue;
    const operations: WriteOperation[] = moving.map((record) => ({ type: 'put', record, expectedRev: record.rev }));
    await writeByAudience(context, operations, operations.map(() => undefined));
  }
}
