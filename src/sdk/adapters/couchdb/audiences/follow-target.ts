/**
 * Feedback delivered only with what it is on (journal feedback) is held with its target's readers
 * (record-audience.ts). When the target moves (made private or school-only, sent back to pending,
 * hidden, approved), the device that moved it takes the feedback it holds along: nobody goes on
 * reading over HTTP feedback on an entry they may no longer read.
 *
 * Staff and moderators move each to its audience's database. The entry's author may take someone
 * else's feedback only into her own database (validate-doc-update.ts: the server cannot read the
 * entry, so anything wider could be forged), so when she gives her entry fewer readers the
 * feedback on it goes there: fewer readers than the store would give it (her classmates on a
 * school-only entry), never more. When she gives it more, others' feedback stays where it was.
 * Feedback with a change of its own waiting on this device is left to its own write.
 */
import type { RawRecord, WriteOperation } from '../../../adapter.js';
import type { Audience } from '../../../policy/audience.js';
import { authorIdOf } from '../../../policy/read-rules.js';
import { canModerate, type TwinUser } from '../../../policy/roles.js';
import { audienceDatabase } from '../audience-databases.js';
import { COLLECTION_READ_RULES } from './collection-read-rules.js';
import { heldRev } from './presented-revs.js';
import { writeByAudience, type WriteContext } from './audience-writes.js';

/** The collections whose records follow records of `collection`. */
const followersIn = (collection: string) =>
  Object.entries(COLLECTION_READ_RULES)
    .filter(([, rules]) => rules.followsTarget && rules.target?.collection === collection)
    .map(([name]) => name);

/** A collection's records as the server last gave them (those with a change waiting left out). */
export type HeldIn = (collection: string) => Promise<RawRecord[]>;

/** Moves the feedback this device holds on `targets` (records of one collection) as `mover` may. */
export async function moveFollowers(context: WriteContext, targets: readonly RawRecord[], mover: TwinUser, heldIn: HeldIn): Promise<void> {
  if (!targets.length) return;
  const decides = canModerate(mover.role);
  const ownDatabase: Audience = { kind: 'person', person: mover.id };
  const spaceDatabase = audienceDatabase(context.space, { kind: 'space' });
  for (const collection of followersIn(targets[0].collection)) {
    // One read of the collection for every target: a teacher's first sync checks thousands.
    const byTarget = new Map<string, RawRecord[]>();
    for (const record of await heldIn(collection)) {
      const on = (record as { target?: unknown }).target;
      if (typeof on === 'string') byTarget.set(on, [...(byTarget.get(on) ?? []), record]);
    }
    const moving = new Map<RawRecord, Audience>();
    for (const target of targets) {
      const ownEntry = authorIdOf(target) === mover.id;
      const school = (target.author as { school?: unknown } | undefined)?.school;
      const schoolDatabase = typeof school === 'string' ? audienceDatabase(context.space, { kind: 'school', school }) : undefined;
      /** How many read an audience or a database, roughly: the space's, the entry's school's, fewer. */
      const breadth = (where: Audience | string) =>
        typeof where === 'string' ? (where === spaceDatabase ? 2 : where === schoolDatabase ? 1 : 0) : where.kind === 'space' ? 2 : where.kind === 'school' ? 1 : 0;
      for (const follower of byTarget.get(target.id) ?? []) {
        // Only as the server last gave it (a presented revision names its database).
        const held = heldRev(follower.rev);
        if (!held) continue;
        const own = authorIdOf(follower) === mover.id;
        if (!decides && !own && !ownEntry) continue;
        const audience = await context.audienceOf(follower);
        if (decides || own) {
          if (audienceDatabase(context.space, audience) !== held.home) moving.set(follower, audience);
        } else if (breadth(audience) < breadth(held.home)) {
          moving.set(follower, ownDatabase);
        }
      }
    }
    if (!moving.size) continue;
    const operations: WriteOperation[] = [...moving.keys()].map((record) => ({ type: 'put', record, expectedRev: record.rev }));
    const where: WriteContext = { ...context, audienceOf: async (record) => moving.get(record) ?? context.audienceOf(record) };
    await writeByAudience(where, operations, operations.map(() => undefined));
  }
}

/** What the device holds: a record, and a collection's records as the server last gave them. */
export interface HeldRecords {
  get(collection: string, id: string): Promise<RawRecord | undefined>;
  recordsIn: HeldIn;
}

/**
 * A teacher's device puts feedback where its entry's readers are, once it holds both: feedback a
 * pupil could take only into her own database (she made her entry school-only), or had to leave
 * behind (she made it public again). `note` the changes of each page read; `run` when the next
 * is asked for (the engine has stored the last one by then) checks the entries they touched.
 */
export function placementRepair(context: () => WriteContext, held: HeldRecords) {
  /** Entries to check, by collection. */
  const touched = new Map<string, Set<string>>();
  const touch = (collection: string, id: string) => touched.set(collection, (touched.get(collection) ?? new Set()).add(id));
  return {
    note(changes: readonly { collection: string; id: string; record?: RawRecord }[]) {
      for (const { collection, id, record } of changes) {
        if (followersIn(collection).length) touch(collection, id);
        const rules = COLLECTION_READ_RULES[collection];
        const target = (record as { target?: unknown } | undefined)?.target;
        if (rules?.followsTarget && rules.target && typeof target === 'string') touch(rules.target.collection, target);
      }
    },
    async run() {
      const batches = [...touched];
      touched.clear();
      for (const [collection, ids] of batches) {
        try {
          const targets = (await Promise.all([...ids].map((id) => held.get(collection, id)))).filter((target): target is RawRecord => !!target);
          await moveFollowers(context(), targets, { id: '', name: '', role: 'teacher' }, held.recordsIn);
        } catch {
          for (const id of ids) touch(collection, id); // the server was away: next time
        }
      }
    },
  };
}
