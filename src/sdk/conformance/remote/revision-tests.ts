import { check, checkEqual } from '../check.js';
import { changesOf } from './actor.js';
import { expectOk } from './expect.js';
import { edited } from './records.js';
import { describeResult, generationOf } from './shapes.js';
import type { TestDefinition } from './suite-context.js';

/** Revisions: their format, one generation per write, the revision check of every write. */
export const revisionTests: TestDefinition[] = [
  {
    name: 'gives revisions <generation>-<token>, one generation more per write, a deletion included',
    needs: ['writer'],
    body: async (ctx) => {
      const writer = ctx.as('writer');
      const start = await writer.feedEnd();
      const entry = ctx.records.journalEntry(writer, ctx.id('entry'), 'space');
      const rev1 = expectOk(await writer.pushOne(ctx.create(entry)), 'a new record');
      check(generationOf(rev1) === 1, `the first revision of a new record is '${rev1}': its generation must be 1`);
      const rev2 = expectOk(await writer.pushOne(ctx.update(edited(entry, rev1, { title: 'Second version' }), rev1)), 'an edit based on the current revision');
      check(generationOf(rev2) === 2 && rev2 !== rev1, `an edit of revision '${rev1}' made '${rev2}': the generation must grow by one, and the revision be new`);
      const rev3 = expectOk(await writer.pushOne(ctx.remove(entry, rev2)), 'a deletion based on the current revision');
      check(generationOf(rev3) === 3, `the deletion of revision '${rev2}' made '${rev3}': a deletion is a write too, with the next generation (a tombstone)`);
      const tombstone = changesOf((await writer.readToEnd(start)).changes, 'journal', entry.id).at(-1);
      check(tombstone?.deleted === true && tombstone.rev === rev3, `pull reported the deleted record as ${JSON.stringify(tombstone)}: expected { deleted: true, rev: '${rev3}' }, so other devices delete their copy`);
      const stale = await writer.pushOne(ctx.update(edited(entry, rev2, { title: 'Edited elsewhere' }), rev2));
      check(stale.status === 'conflict', `push answered ${describeResult(stale)} for an edit based on '${rev2}' of a record deleted since (rev '${rev3}'): the server must check revisions`);
      check(stale.current?.deleted === true && stale.current.rev === rev3, `the conflict of an edit of a deleted record carries ${JSON.stringify(stale.current)}: expected { rev: '${rev3}', deleted: true }`);
      const again = await writer.pushOne(ctx.create({ ...entry, title: 'Written again' }));
      check(again.status === 'ok', `push answered ${describeResult(again)} for a new record (baseRev null) whose id was deleted: null matches a record that does not exist or is deleted`);
      check(generationOf(again.rev) === 4, `writing a deleted record again made '${again.rev}': the generation follows the tombstone's ('${rev3}')`);
    },
  },
  {
    name: 'stores a record with the space of the URL and the revision it made, keeping every field, and reports origin and writeId',
    needs: ['writer'],
    body: async (ctx) => {
      const writer = ctx.as('writer');
      const start = await writer.feedEnd();
      const entry = ctx.records.journalEntry(writer, ctx.id('entry'), 'space', { futureField: { nested: [1, 'two', { three: true }] }, body: '<p>¿Qué tal? 👋 Grüße</p>' });
      const write = ctx.create(entry);
      const rev = expectOk(await writer.pushOne(write, 'device-a'), 'a new record');
      const change = changesOf((await writer.readToEnd(start)).changes, 'journal', entry.id).at(-1);
      check(change?.record, `pull did not send the record its author just wrote (journal/${entry.id})`);
      const stored = change.record as Record<string, unknown>;
      checkEqual([stored.space, stored.rev], [ctx.space, rev], 'the stored record\'s [space, rev] (the server sets both)');
      for (const [key, value] of Object.entries(entry)) {
        if (key === 'rev' || key === 'space') continue;
        checkEqual(stored[key], value, `field "${key}" of the stored record (every field is kept, those the server does not know too)`);
      }
      checkEqual([change.origin, change.writeId], ['device-a', write.writeId], 'the [origin, writeId] of the change (devices skip the echo of their own writes)');
    },
  },
  {
    name: 'refuses a write whose baseRev is not the current revision, answering a conflict with the current version',
    needs: ['writer'],
    body: async (ctx) => {
      const writer = ctx.as('writer');
      const start = await writer.feedEnd();
      const entry = ctx.records.journalEntry(writer, ctx.id('entry'), 'space', { title: 'First' });
      const rev1 = expectOk(await writer.pushOne(ctx.create(entry)), 'a new record');
      const rev2 = expectOk(await writer.pushOne(ctx.update(edited(entry, rev1, { title: 'Second' }), rev1)), 'an edit based on the current revision');
      const stale = await writer.pushOne(ctx.update(edited(entry, rev1, { title: 'Stale' }), rev1));
      check(stale.status !== 'ok', `push answered 'ok' for a write whose baseRev '${rev1}' is not the current revision '${rev2}': the server must check revisions`);
      check(stale.status === 'conflict', `push answered ${describeResult(stale)} for a write based on an old revision: expected 'conflict'`);
      check(stale.current?.rev === rev2 && stale.current.record?.title === 'Second', `the conflict carries ${JSON.stringify(stale.current)}: it must carry the current version (rev '${rev2}', with its record) so the device can merge`);
      const twin = await writer.pushOne(ctx.create({ ...entry, title: 'Twin' }));
      check(twin.status === 'conflict', `push answered ${describeResult(twin)} for a new record (baseRev null) whose id exists at revision '${rev2}': null matches only a record that does not exist or is deleted`);
      check(twin.current?.rev === rev2, `the conflict of a baseRev null write carries ${JSON.stringify(twin.current)}: expected the current version, rev '${rev2}'`);
      const staleDelete = await writer.pushOne(ctx.remove(entry, rev1));
      check(staleDelete.status === 'conflict', `push answered ${describeResult(staleDelete)} for a deletion whose baseRev '${rev1}' is not the current revision '${rev2}': the server must check revisions of deletions too`);
      const ghost = ctx.records.journalEntry(writer, ctx.id('ghost'), 'space');
      const missing = await writer.pushOne(ctx.update(ghost, '4-neverwritten'));
      check(missing.status === 'conflict' && missing.current === null, `push answered ${describeResult(missing)} for an edit (baseRev '4-neverwritten') of a record that does not exist: expected 'conflict' with current null`);
      const last = changesOf((await writer.readToEnd(start)).changes, 'journal', entry.id).at(-1);
      check(last?.rev === rev2 && last.record?.title === 'Second', `after the refused writes the record is ${JSON.stringify(last?.record ?? last)}: it must still be revision '${rev2}' ("Second")`);
    },
  },
];
