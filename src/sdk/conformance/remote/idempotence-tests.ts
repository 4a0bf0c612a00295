import type { PushResult, PushWrite } from '../../replication/protocol.js';
import { check } from '../check.js';
import { changesOf, type Actor } from './actor.js';
import { expectOk } from './expect.js';
import { edited } from './records.js';
import { describeResult } from './shapes.js';
import type { TestDefinition } from './suite-context.js';

/** A write sent again (its answer was lost) must be answered, not applied again. */
async function resend(writer: Actor, write: PushWrite, rev: string, when: string): Promise<void> {
  const again: PushResult = await writer.pushOne(write);
  if (again.status === 'ok') {
    check(again.rev === rev, `the same writeId was applied twice (revisions ${rev} then ${again.rev}) ${when}: a write whose writeId was applied is answered 'ok' with the revision it made, not applied again`);
    return;
  }
  check(
    false,
    `push answered ${describeResult(again)} to a write sent again ${when} (same writeId '${write.writeId}'): the server did not recognise a writeId it had applied. A write sent again is answered 'ok' with the revision it made (${rev}), not checked again`,
  );
}

/** Idempotence by writeId: a device resends what it is not sure arrived. */
export const idempotenceTests: TestDefinition[] = [
  {
    name: 'applies a write sent twice (same writeId) once, answering the revision it made, even after other writes on top',
    needs: ['writer'],
    body: async (ctx) => {
      const writer = ctx.as('writer');
      const start = await writer.feedEnd();
      const entry = ctx.records.journalEntry(writer, ctx.id('entry'), 'space', { title: 'First' });
      const first = ctx.create(entry);
      const rev1 = expectOk(await writer.pushOne(first), 'a new record');
      await resend(writer, first, rev1, 'right away');
      const second = ctx.update(edited(entry, rev1, { title: 'Second' }), rev1);
      const rev2 = expectOk(await writer.pushOne(second), 'an edit based on the current revision');
      await resend(writer, first, rev1, 'after another write on top of it');
      await resend(writer, second, rev2, 'as the latest write');
      const both = await writer.push([first, second]);
      check(both.every((r, i) => r.status === 'ok' && r.rev === [rev1, rev2][i]), `a push resending two applied writes answered ${both.map(describeResult).join(', ')}: expected 'ok' (${rev1}), 'ok' (${rev2})`);
      const last = changesOf((await writer.readToEnd(start)).changes, 'journal', entry.id).at(-1);
      check(last?.rev === rev2 && last.record?.title === 'Second', `after writes were sent again the record is at ${JSON.stringify(last?.rev)} ("${String(last?.record?.title)}"): it must still be '${rev2}' ("Second"), each write applied once`);
    },
  },
  {
    name: 'applies a deletion sent twice once',
    needs: ['writer'],
    body: async (ctx) => {
      const writer = ctx.as('writer');
      const entry = ctx.records.journalEntry(writer, ctx.id('entry'), 'space');
      const rev1 = expectOk(await writer.pushOne(ctx.create(entry)), 'a new record');
      const deletion = ctx.remove(entry, rev1);
      const rev2 = expectOk(await writer.pushOne(deletion), 'a deletion based on the current revision');
      await resend(writer, deletion, rev2, 'after it deleted the record');
    },
  },
];
