import { check } from '../check.js';
import { describeAnswer } from './http.js';
import { checkErrorBody, checkPushResults, describeResult } from './shapes.js';
import type { TestDefinition } from './suite-context.js';

/** A record over 1 MiB of JSON, valid otherwise. */
const OVERSIZED = '<p>' + 'x'.repeat(1024 * 1024 + 16) + '</p>';

/** Malformed requests get 400 (404 for an unknown space) with a JSON { error, reason }. */
export const errorTests: TestDefinition[] = [
  {
    name: 'refuses a checkpoint it did not issue: 400 bad-checkpoint',
    needs: ['writer'],
    body: async (ctx) => {
      const writer = ctx.as('writer');
      const answer = await writer.pullRaw({ checkpoint: 'not-a-checkpoint-of-this-server~~', limit: 10, wait: 0 });
      check(answer.status === 400, `pull from a checkpoint the server never issued answered ${describeAnswer(answer)}: expected 400 { "error": "bad-checkpoint" }, so the device starts over instead of missing changes`);
      checkErrorBody(answer, 'pull from a foreign checkpoint');
      check((answer.json as { error: string }).error === 'bad-checkpoint', `pull from a foreign checkpoint answered error ${JSON.stringify((answer.json as { error: string }).error)}: expected "bad-checkpoint"`);
    },
  },
  {
    name: 'refuses malformed pulls and pushes with 400 and a JSON error naming the field',
    needs: ['writer'],
    body: async (ctx) => {
      const writer = ctx.as('writer');
      const malformed: [string, () => ReturnType<typeof writer.pullRaw>][] = [
        ['a pull with limit 0', () => writer.pullRaw({ checkpoint: null, limit: 0, wait: 0 })],
        ['a pull with limit "ten"', () => writer.pullRaw({ checkpoint: null, limit: 'ten', wait: 0 })],
        ['a push whose "writes" is not a list', () => writer.pushRaw({ origin: 'conformance', writes: 'all of them' })],
        ['a push whose write has no writeId', () => writer.pushRaw({ origin: 'conformance', writes: [{ collection: 'journal', id: ctx.id('x'), baseRev: null, record: ctx.records.journalEntry(writer, ctx.id('x'), 'space') }] })],
        ['a push of 1001 writes (at most 1000)', () => writer.pushRaw({ origin: 'conformance', writes: Array.from({ length: 1001 }, () => ({})) })],
      ];
      for (const [what, send] of malformed) {
        const answer = await send();
        check(answer.status === 400 || (answer.status === 413 && what.includes('1001')), `${what} answered ${describeAnswer(answer)}: expected 400 with { error, reason } naming the field`);
        checkErrorBody(answer, what);
      }
    },
  },
  {
    name: 'answers 404 with a JSON error for a space it does not have',
    needs: ['writer'],
    body: async (ctx) => {
      const writer = ctx.as('writer');
      const space = `${ctx.space}-${ctx.id('missing')}`;
      const answer = await writer.request({ method: 'POST', path: 'pull', json: { checkpoint: null, limit: 10, wait: 0 }, space });
      check(answer.status === 404 || answer.status === 403, `pull of a space that does not exist ('${space}') answered ${describeAnswer(answer)}: expected 404 (or 403)`);
      checkErrorBody(answer, 'pull of a space that does not exist');
    },
  },
  {
    name: 'refuses a record without the envelope fields, or over 1 MiB, with a reason',
    needs: ['writer'],
    body: async (ctx) => {
      const writer = ctx.as('writer');
      const { author: _author, status: _status, ...bare } = ctx.records.journalEntry(writer, ctx.id('bare'), 'space');
      const writes = [ctx.create(bare as typeof bare & { rev: string }), ctx.create(ctx.records.journalEntry(writer, ctx.id('huge'), 'space', { body: OVERSIZED }))];
      const answer = await writer.pushRaw({ origin: 'conformance', writes });
      if (answer.status === 413) return checkErrorBody(answer, 'a push holding a record over 1 MiB');
      const [missing, huge] = checkPushResults(answer, writes, `push as ${writer.label}`);
      check(missing.status === 'refused', `push answered ${describeResult(missing)} for a record without author and status: records must carry the envelope (id, collection, author, status, createdAt, updatedAt, schemaVersion)`);
      check(huge.status === 'refused', `push answered ${describeResult(huge)} for a record of over 1 MiB of JSON: expected 'refused' (or 413 for the request)`);
    },
  },
];
