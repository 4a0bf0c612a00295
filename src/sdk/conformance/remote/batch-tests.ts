import type { PulledChange, PullPage } from '../../replication/protocol.js';
import { check } from '../check.js';
import { changesOf } from './actor.js';
import { expectOk } from './expect.js';
import { describeResult } from './shapes.js';
import type { TestDefinition } from './suite-context.js';

const key = (c: { collection: string; id: string }) => `${c.collection}/${c.id}`;

/** Batches: a push applies its writes in order, each on its own; a pull pages with limit, more and checkpoints. */
export const batchTests: TestDefinition[] = [
  {
    name: 'applies the writes of a push in order, each on its own: a conflict or a refusal does not stop the others',
    needs: ['writer'],
    body: async (ctx) => {
      const writer = ctx.as('writer');
      const start = await writer.feedEnd();
      const make = (name: string, title: string) => ctx.records.journalEntry(writer, ctx.id(name), 'space', { title });
      const taken = make('taken', 'Taken');
      const takenRev = expectOk(await writer.pushOne(ctx.create(taken)), 'a new record');
      const a = make('a', 'A');
      const forged = { ...make('forged', 'Forged'), author: { id: `${writer.person.id}-impostor`, name: 'Someone Else' } };
      const c = make('c', 'C');
      const writes = [ctx.create(a), ctx.create({ ...a, title: 'A twin' }), ctx.create({ ...taken, title: 'Taken twin' }), ctx.create(forged), ctx.create(c)];
      const results = await writer.push(writes);
      const said = results.map(describeResult).join(', ');
      check(results[0].status === 'ok', `push answered ${said}: the first write (a new record) must be 'ok'`);
      check(
        results[1].status === 'conflict' && results[1].current?.rev === results[0].rev,
        `push answered ${said}: the second write, a new record with the id the first one wrote, must be a 'conflict' with the first one's revision: writes apply in order`,
      );
      check(results[2].status === 'conflict' && results[2].current?.rev === takenRev, `push answered ${said}: the third write (baseRev null on an existing record) must be a 'conflict' with current rev '${takenRev}'`);
      check(results[3].status === 'refused', `push answered ${said}: the fourth write claims another author and must be 'refused'`);
      check(results[4].status === 'ok', `push answered ${said}: the fifth write must still apply: a conflict or a refusal does not stop the writes after it`);
      const changes = (await writer.readToEnd(start)).changes;
      check(changesOf(changes, 'journal', forged.id).every((ch) => !ch.record), `pull sent journal/${forged.id}, a write the push refused: nothing of a refused write is stored`);
      check(changesOf(changes, 'journal', c.id).at(-1)?.record?.title === 'C', `pull did not send journal/${c.id}, which the push answered 'ok'`);
      check(changesOf(changes, 'journal', a.id).at(-1)?.record?.title === 'A', `journal/${a.id} is not "A" after the push: the conflicting second write must not have been applied`);
    },
  },
  {
    name: 'pages a pull at limit with more: true, and continues from each checkpoint without gaps or repeats',
    needs: ['writer'],
    body: async (ctx) => {
      const writer = ctx.as('writer');
      const start = await writer.feedEnd();
      const entries = Array.from({ length: 5 }, (_, i) => ctx.records.journalEntry(writer, ctx.id(`page${i}`), 'space', { title: `Entry ${i}` }));
      const first = await writer.push(entries.slice(0, 3).map((e) => ctx.create(e)));
      first.forEach((r, i) => expectOk(r, `the new record ${entries[i].id}`));
      const pages: PullPage[] = [await writer.pull({ checkpoint: start, limit: 2, wait: 0 })];
      // Written between two pages: a checkpoint must still lead to them.
      const later = await writer.push(entries.slice(3).map((e) => ctx.create(e)));
      later.forEach((r, i) => expectOk(r, `the new record ${entries[i + 3].id}`));
      while (pages.at(-1)!.more) {
        check(pages.length < 100, 'pull still answered more: true after 100 pages of 2 changes');
        pages.push(await writer.pull({ checkpoint: pages.at(-1)!.checkpoint, limit: 2, wait: 0 }));
      }
      const ours = new Set(entries.map((e) => `journal/${e.id}`));
      const seen: PulledChange[] = pages.flatMap((p) => p.changes).filter((c) => ours.has(key(c)));
      const counts = new Map<string, number>();
      for (const change of seen) counts.set(key(change), (counts.get(key(change)) ?? 0) + 1);
      const repeated = [...counts].filter(([, n]) => n > 1).map(([k]) => k);
      check(repeated.length === 0, `pull sent ${repeated.join(', ')} again on a later page, unchanged: a checkpoint must move past what its page sent`);
      const end = pages.at(-1)!;
      const after = await writer.pull({ checkpoint: end.checkpoint, limit: 100, wait: 0 });
      const late = after.changes.filter((c) => ours.has(key(c))).map(key);
      check(late.length === 0 || counts.size === ours.size, `pull answered more: false, but the next pull from its checkpoint sent ${late.join(', ')}, written before: "more" must be true while the feed was cut at limit`);
      const missing = [...ours].filter((k) => !counts.has(k));
      check(missing.length === 0, `pull never sent ${missing.join(', ')} (a gap): every change after the checkpoint must come, those written between two pages too`);
      check(late.length === 0, `a pull from the checkpoint of the last page sent ${late.join(', ')} again, unchanged since: a checkpoint from the end returns nothing old`);
      const sources = new Set([...pages, after].map((p) => p.source));
      check(sources.size === 1, `the pages of one feed answered several sources (${[...sources].join(', ')}): "source" changes only when the data is replaced`);
      check(pages.some((p) => p.more), `pull answered more: false on every page of 2 while 5 records waited: "more" must be true when a page was cut at limit`);
    },
  },
];
