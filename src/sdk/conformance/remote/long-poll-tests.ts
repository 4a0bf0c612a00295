import type { PullPage } from '../../replication/protocol.js';
import { check } from '../check.js';
import { changesOf } from './actor.js';
import { expectOk } from './expect.js';
import type { TestDefinition } from './suite-context.js';

/** Seconds the pull may wait; long enough to tell "held" from "answered at once". */
const WAIT = 8;
/** A held pull that answers later than this after the push did not answer "as soon as something changes". */
const PROMPT_MS = 3000;
/** A pull that answers sooner than this, with nothing, was not held. */
const HELD_MS = 600;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Long poll: optional. A server without it answers at once with no changes; the test is then skipped, saying so. */
export const longPollTests: TestDefinition[] = [
  {
    name: 'answers a waiting pull (long poll) as soon as a push from someone else lands',
    needs: ['writer', 'otherMember'],
    body: async (ctx) => {
      const writer = ctx.as('writer');
      const reader = ctx.as('otherMember');
      let checkpoint = await reader.feedEnd();
      for (let attempt = 0; ; attempt++) {
        const asked = Date.now();
        const pulling = reader.pull({ checkpoint, limit: 100, wait: WAIT }).then((page) => ({ page, at: Date.now() }));
        const early = await Promise.race([pulling, sleep(HELD_MS).then(() => undefined)]);
        if (early && early.page.changes.length === 0) {
          return ctx.skip(`the server answered a pull with wait: ${WAIT} after ${early.at - asked} ms with no changes: it does not offer long poll (allowed: devices then ask again later)`);
        }
        if (early) {
          // Someone else wrote meanwhile (a live space): wait again from after their change.
          check(attempt < 3, `pulls with wait: ${WAIT} kept answering at once with changes nobody in the test wrote`);
          checkpoint = early.page.checkpoint;
          continue;
        }
        const entry = ctx.records.journalEntry(writer, ctx.id('entry'), 'space');
        const landed = Date.now();
        expectOk(await writer.pushOne(ctx.create(entry)), 'a new record, written while another person waits');
        const { page, at }: { page: PullPage; at: number } = await pulling;
        const delay = at - landed;
        check(
          page.changes.length > 0,
          `a pull waiting up to ${WAIT} s answered after ${at - asked} ms with no changes, though a push of ${writer.label} landed after ${landed - asked} ms: a long poll answers when something changes`,
        );
        if (changesOf(page.changes, 'journal', entry.id).length === 0) return; // answered for another change: it does long-poll
        check(delay <= PROMPT_MS, `a waiting pull answered ${delay} ms after the push landed: a long poll answers as soon as something changes (within ${PROMPT_MS} ms here)`);
        return;
      }
    },
  },
];
