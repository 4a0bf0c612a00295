import type { Change, RawRecord, StorageAdapter, WriteResult } from '../adapter.js';
import { isTwinError } from '../errors.js';
import { revisionGeneration } from '../revision.js';
import { skipThrough } from './runner-skip.js';
import { check, checkEqual, checkMissing, checkRejects, checkRevision, ConformanceFailure, eventually } from './check.js';
import { LISTENER_TEST, listenerCallProblem, recordChanges } from './listener-arguments.js';

/** A place where adapters share data, like one browser profile whose tabs share IndexedDB. */
export interface ConformanceSite {
  /** Opens an adapter on this site; two adapters opened here act as two tabs (or two devices). */
  open(): StorageAdapter | Promise<StorageAdapter>;
  /**
   * Opens the second adapter of the tests about two tabs; `open` when not given. Give it to put that
   * adapter in another page (a real second tab) instead of a second instance in this one.
   */
  openOther?(): StorageAdapter | Promise<StorageAdapter>;
  /** Removes what the site stored. */
  destroy?(): Promise<void>;
}

export interface ConformanceOptions {
  /** Shown in test names, e.g. "indexeddb". */
  name: string;
  /** Makes a fresh, empty site for one test. */
  createSite(): ConformanceSite | Promise<ConformanceSite>;
  /**
   * Your test runner's `describe` and `it` (node:test, mocha, vitest...). A test that does not apply
   * (two tabs, for an adapter without `sharedChanges`) is reported through the runner's own skip:
   * `this.skip()` (mocha) or `t.skip()` (node:test, vitest); a runner with neither fails it instead.
   */
  describe(name: string, body: () => void): void;
  it(name: string, body: (this: unknown, ...args: unknown[]) => Promise<void>): void;
  /** How long a change may take to reach another adapter instance. Default 3000 ms. */
  changeTimeout?: number;
}

let counter = 0;
const uniqueSpace = () => `conformance-${Date.now().toString(36)}-${(counter++).toString(36)}`;

const record = (space: string, fields: Partial<RawRecord> & { id: string }): RawRecord => ({
  space,
  collection: 'notes',
  rev: '0-new',
  updatedAt: '2026-01-01T00:00:00.000Z',
  ...fields,
});

const put = (r: RawRecord, expectedRev: string | null = null) => ({ type: 'put' as const, record: r, expectedRev });

function revOf(result: WriteResult): string {
  check(result.ok, `expected the write of ${result.id} to succeed, but it was a ${result.ok ? '' : result.reason}`);
  checkRevision(result.rev, `the revision of the write of ${result.id}`);
  return result.rev;
}

const SPACE_RULE = "the adapter stores each record with `space` set to write()'s space argument and returns it on every record (the store reports a record without it as damaged)";

/**
 * The conformance suite for storage adapters. Every built-in adapter passes it; run it on yours:
 *
 *   import { describe, it } from 'node:test';
 *   runAdapterConformance({ name: 'moodle', describe, it, createSite: () => ({ open: () => createMoodleAdapter(...) }) });
 */
export function runAdapterConformance(options: ConformanceOptions): void {
  const { describe, it } = options;
  const timeout = options.changeTimeout ?? 3000;

  interface SiteContext {
    site: ConformanceSite;
    space: string;
    open: () => Promise<StorageAdapter>;
    /** The second tab: `site.openOther` (another page) when given. */
    openOther: () => Promise<StorageAdapter>;
    /** Reports the test as skipped through the runner; return right after calling it. */
    skip: (reason: string) => void;
  }

  /**
   * Runs `body` with a fresh site, one space, and closes everything afterwards. A plain function
   * with no declared parameter: mocha passes its context as `this`, and would wait for a `done`
   * callback from a function that declared one.
   */
  const withSite = (body: (ctx: SiteContext) => Promise<void>) =>
    async function (this: unknown, ...args: unknown[]) {
      const runner = this;
      const site = await options.createSite();
      const opened: StorageAdapter[] = [];
      const track = async (opening: StorageAdapter | Promise<StorageAdapter>) => {
        const adapter = await opening;
        opened.push(adapter);
        return adapter;
      };
      const open = () => track(site.open());
      const openOther = () => track(site.openOther ? site.openOther() : site.open());
      try {
        await body({ site, space: uniqueSpace(), open, openOther, skip: (reason) => skipThrough(runner, args[0], reason) });
      } finally {
        for (const adapter of opened) await adapter.close();
        await site.destroy?.();
      }
    };

  /**
   * Stops a listener and proves it hears nothing more. No wait can prove that (a BroadcastChannel
   * or a changes feed may deliver late), so a second listener subscribed before the stop must hear
   * a later write first; the stopped one would have been called in the same delivery.
   */
  async function checkStopped(stopped: { writer: StorageAdapter; watched: StorageAdapter; space: string; seen: Change[]; stop: () => void; what: string }) {
    const { writer, watched, space, seen, what } = stopped;
    const heard = seen.length;
    const witness = recordChanges(space);
    const stopWitness = watched.subscribe(space, witness.listener);
    stopped.stop();
    try {
      await writer.write(space, [put(record(space, { id: 'after-stop' }))], { origin: 'tab-1' });
      await eventually(() => (witness.verify(), witness.seen.find((c) => c.id === 'after-stop')), timeout, `${what}: the change, seen by a listener still subscribed`);
    } finally {
      stopWitness();
    }
    checkEqual(seen.slice(heard), [], what);
  }

  describe(`storage adapter conformance: ${options.name}`, () => {
    it('describes itself', withSite(async ({ open }) => {
      const adapter = await open();
      check(typeof adapter.name === 'string' && adapter.name.length > 0, 'adapter.name must be a non-empty string');
      check(typeof adapter.capabilities?.sharedChanges === 'boolean', 'capabilities.sharedChanges must be a boolean');
      check(typeof adapter.capabilities?.persistent === 'boolean', 'capabilities.persistent must be a boolean');
    }));

    it('round-trips a record as plain JSON, keeping every field', withSite(async ({ space, open }) => {
      const adapter = await open();
      const original = record(space, {
        id: 'a',
        phase: 'mobility',
        nested: { list: [1, 'two', { three: true }], empty: null },
        text: 'Hola, ¿qué tal? 👋 <script>alert(1)</script>',
        futureField: { keep: 'me' },
      });
      const [result] = await adapter.write(space, [put(original)], { origin: 'test' });
      const rev = revOf(result);
      checkEqual(revisionGeneration(rev), 1, 'the generation of a first write (1-...)');
      const stored = await adapter.get(space, 'notes', 'a');
      check(stored, 'the record must be readable after the write');
      check(stored.space === space, `the stored record has space ${JSON.stringify(stored.space)}: ${SPACE_RULE}`);
      check(stored.rev === rev, `the stored record has rev ${JSON.stringify(stored.rev)}, not the revision its write answered (${rev})`);
      checkEqual(stored, { ...original, rev }, 'the stored record (every field as written, only rev set by the adapter)');
      checkMissing(await adapter.get(space, 'notes', 'missing'), 'get of a missing record');
      checkMissing(await adapter.get(space, 'other', 'a'), 'get of the same id in another collection');
      checkMissing(await adapter.get(`${space}-other`, 'notes', 'a'), 'get of the same id in another space');
    }));

    it('stamps its space on every record it stores and returns', withSite(async ({ space, open }) => {
      const adapter = await open();
      const changes = recordChanges(space);
      const stop = adapter.subscribe(space, changes.listener);
      // No space in the record: where a record is stored is write()'s argument, not a field to trust.
      const { space: _omitted, ...unplaced } = record(space, { id: 'placed' });
      const [result] = await adapter.write(space, [put(unplaced as RawRecord)], { origin: 'test' });
      revOf(result);
      if (result.ok && result.record) check(result.record.space === space, `write's result.record has space ${JSON.stringify(result.record.space)}: ${SPACE_RULE}`);
      const stored = await adapter.get(space, 'notes', 'placed');
      check(stored, 'the record must be readable after the write');
      check(stored.space === space, `get returned space ${JSON.stringify(stored.space)}: ${SPACE_RULE}`);
      const [listed] = await adapter.list(space, 'notes');
      check(listed?.space === space, `list returned space ${JSON.stringify(listed?.space)}: ${SPACE_RULE}`);
      const change = await eventually(() => (changes.verify(), changes.seen.find((c) => c.id === 'placed')), timeout, 'the change of the write');
      if (change.record) check(change.record.space === space, `the change's record has space ${JSON.stringify(change.record.space)}: ${SPACE_RULE}`);
      stop();
    }));

    it('does not let callers change stored data through returned objects', withSite(async ({ space, open }) => {
      const adapter = await open();
      await adapter.write(space, [put(record(space, { id: 'a', list: [1] }))], { origin: 'test' });
      const first = await adapter.get(space, 'notes', 'a');
      (first!.list as number[]).push(2);
      const second = await adapter.get(space, 'notes', 'a');
      checkEqual(second!.list, [1], 'a stored array after mutating a returned copy');
    }));

    it('lists a collection by update time, then id, with phase, since, direction and limit', withSite(async ({ space, open }) => {
      const adapter = await open();
      const rows = [
        record(space, { id: 'c', updatedAt: '2026-01-03T00:00:00.000Z', phase: 'mobility' }),
        record(space, { id: 'a', updatedAt: '2026-01-01T00:00:00.000Z', phase: 'preparation' }),
        record(space, { id: 'b2', updatedAt: '2026-01-02T00:00:00.000Z', phase: 'mobility' }),
        record(space, { id: 'b1', updatedAt: '2026-01-02T00:00:00.000Z' }),
        record(space, { id: 'x', collection: 'other', updatedAt: '2026-01-02T00:00:00.000Z' }),
      ];
      await adapter.write(space, rows.map((r) => put(r)), { origin: 'test' });
      await adapter.write(`${space}-other`, [put(record(`${space}-other`, { id: 'z' }))], { origin: 'test' });
      const ids = async (query?: Parameters<StorageAdapter['list']>[2]) => (await adapter.list(space, 'notes', query)).map((r) => r.id);
      checkEqual(await ids(), ['a', 'b1', 'b2', 'c'], 'list order (updatedAt, then id for records updated at the same time)');
      checkEqual(await ids({ direction: 'desc' }), ['c', 'b2', 'b1', 'a'], 'list order, descending (the ascending order reversed, ties included: b2 before b1)');
      checkEqual(await ids({ limit: 2 }), ['a', 'b1'], 'list with limit 2');
      checkEqual(await ids({ limit: 0 }), [], 'list with limit 0');
      checkEqual(await ids({ direction: 'desc', limit: 1 }), ['c'], 'list descending with limit 1');
      checkEqual(await ids({ phase: 'mobility' }), ['b2', 'c'], 'list of phase mobility');
      checkEqual(await ids({ updatedAfter: '2026-01-01T00:00:00.000Z' }), ['b1', 'b2', 'c'], 'list updated after Jan 1');
      checkEqual(await ids({ phase: 'mobility', updatedAfter: '2026-01-02T00:00:00.000Z' }), ['c'], 'list of a phase updated after a time');
      checkEqual(await adapter.list(space, 'empty'), [], 'list of an empty collection');
      checkEqual((await adapter.list(space, 'notes'))[0].space, space, 'listed records keep their space');
    }));

    it('refuses a write based on an old revision and returns what is stored', withSite(async ({ space, open }) => {
      const adapter = await open();
      const rev1 = revOf((await adapter.write(space, [put(record(space, { id: 'a', v: 1 }))], { origin: 'test' }))[0]);
      const rev2 = revOf((await adapter.write(space, [put(record(space, { id: 'a', v: 2 }), rev1)], { origin: 'test' }))[0]);
      checkEqual(revisionGeneration(rev2), 2, 'the generation of a second write (2-...)');
      check(rev2 !== rev1, 'a new write must get a new revision');
      const [stale] = await adapter.write(space, [put(record(space, { id: 'a', v: 3 }), rev1)], { origin: 'test' });
      check(!stale.ok && stale.reason === 'conflict', 'a write based on an old revision must be a conflict');
      checkEqual(!stale.ok && stale.current?.v, 2, 'the conflict carries the stored version');
      checkEqual((await adapter.get(space, 'notes', 'a'))?.v, 2, 'the stored value after a refused write');
      const [again] = await adapter.write(space, [put(record(space, { id: 'a', v: 9 }))], { origin: 'test' });
      check(!again.ok && again.current?.rev === rev2, 'creating a record whose id exists must be a conflict');
      const [ghost] = await adapter.write(space, [put(record(space, { id: 'ghost' }), '4-abc')], { origin: 'test' });
      check(!ghost.ok, 'updating a record that does not exist must be a conflict');
      checkMissing(ghost.current, 'the current version in the conflict of a record that does not exist');
    }));

    it('applies the rest of a batch when one operation conflicts, and answers in order', withSite(async ({ space, open }) => {
      const adapter = await open();
      await adapter.write(space, [put(record(space, { id: 'taken' }))], { origin: 'test' });
      const results = await adapter.write(
        space,
        [put(record(space, { id: 'one' })), put(record(space, { id: 'taken' })), put(record(space, { id: 'two' }))],
        { origin: 'test' },
      );
      checkEqual(results.map((r) => [r.id, r.ok]), [['one', true], ['taken', false], ['two', true]], 'batch results');
      checkEqual((await adapter.list(space, 'notes')).length, 3, 'records after the batch');
    }));

    it('applies a batch that touches one record twice in order', withSite(async ({ space, open }) => {
      const adapter = await open();
      const [first] = await adapter.write(space, [put(record(space, { id: 'a', v: 1 }))], { origin: 'test' });
      const rev1 = revOf(first);
      const [second, third] = await adapter.write(
        space,
        [put(record(space, { id: 'a', v: 2 }), rev1), put(record(space, { id: 'a', v: 3 }), rev1)],
        { origin: 'test' },
      );
      check(second.ok, 'the first update in the batch applies');
      check(!third.ok, 'the second update, based on the revision the first replaced, conflicts');
      checkEqual((await adapter.get(space, 'notes', 'a'))?.v, 2, 'the stored value');
    }));

    it('deletes with the expected revision only', withSite(async ({ space, open }) => {
      const adapter = await open();
      const rev1 = revOf((await adapter.write(space, [put(record(space, { id: 'a' }))], { origin: 'test' }))[0]);
      const rev2 = revOf((await adapter.write(space, [put(record(space, { id: 'a', v: 2 }), rev1)], { origin: 'test' }))[0]);
      const [stale] = await adapter.write(space, [{ type: 'delete', collection: 'notes', id: 'a', expectedRev: rev1 }], { origin: 'test' });
      check(!stale.ok, 'a delete based on an old revision must be a conflict');
      check((await adapter.get(space, 'notes', 'a')) !== undefined, 'the record survives a refused delete');
      const [ok] = await adapter.write(space, [{ type: 'delete', collection: 'notes', id: 'a', expectedRev: rev2 }], { origin: 'test' });
      check(ok.ok, 'a delete with the current revision succeeds');
      const newRevision = `a delete is a write of its own: it answers { ok: true, rev } with a new revision, one generation on (${revisionGeneration(rev2) + 1}-...)`;
      check(ok.rev !== undefined && ok.rev !== rev2, `${newRevision}; got ${JSON.stringify(ok.rev)}`);
      checkRevision(ok.rev, 'the revision of a delete');
      checkEqual(revisionGeneration(ok.rev), revisionGeneration(rev2) + 1, `${newRevision}; its generation`);
      checkMissing(await adapter.get(space, 'notes', 'a'), 'get of a deleted record');
      checkEqual(await adapter.list(space, 'notes'), [], 'the list after the delete');
    }));

    it('refuses malformed operations and writes nothing of their batch', withSite(async ({ space, open }) => {
      const adapter = await open();
      const bad = [
        put(record(space, { id: 'fine' })),
        put({ ...record(space, { id: '' }) }),
      ];
      const error = await checkRejects(adapter.write(space, bad, { origin: 'test' }), 'a batch with an empty id');
      check(isTwinError(error) && error.code === 'validation', `expected a validation TwinError, got ${String(error)}`);
      const fn = await checkRejects(
        adapter.write(space, [put(record(space, { id: 'f', bad: (() => 1) as unknown }))], { origin: 'test' }),
        'a record holding a function',
      );
      check(isTwinError(fn) && fn.code === 'validation', 'a record that is not plain JSON is a validation error');
      checkEqual(await adapter.list(space, 'notes'), [], 'nothing was written');
    }));

    it(LISTENER_TEST, withSite(async ({ space, open }) => {
      const adapter = await open();
      const calls: unknown[][] = [];
      const stop = adapter.subscribe(space, (...args: unknown[]) => void calls.push(args));
      await adapter.write(space, [put(record(space, { id: 'a' }))], { origin: 'tab-1' });
      const [args] = await eventually(() => (calls.length ? calls : undefined), timeout, 'a call of the listener after a write');
      stop();
      const problem = listenerCallProblem(args, space);
      if (problem) throw new ConformanceFailure(problem);
    }));

    it('tells subscribers of every change, with the origin of the write', withSite(async ({ space, open }) => {
      const adapter = await open();
      const changes = recordChanges(space);
      const { seen } = changes;
      const stop = adapter.subscribe(space, changes.listener);
      const rev = revOf((await adapter.write(space, [put(record(space, { id: 'a' }))], { origin: 'tab-1' }))[0]);
      const [deleted] = await adapter.write(space, [{ type: 'delete', collection: 'notes', id: 'a', expectedRev: rev }], { origin: 'tab-1' });
      await adapter.write(`${space}-other`, [put(record(`${space}-other`, { id: 'elsewhere' }))], { origin: 'tab-1' });
      await eventually(() => (changes.verify(), seen.length >= 2 ? true : undefined), timeout, 'two changes');
      checkEqual(seen.map((c) => [c.type, c.collection, c.id, c.origin]), [['put', 'notes', 'a', 'tab-1'], ['delete', 'notes', 'a', 'tab-1']], 'changes seen (the origin exactly as the write gave it)');
      check(seen[0].rev === rev, `a put change carries the revision its write answered (${rev}), got ${JSON.stringify(seen[0].rev)}`);
      check(deleted.ok && seen[1].rev === deleted.rev, `a delete change carries the revision its write answered (${deleted.ok ? deleted.rev : '?'}), got ${JSON.stringify(seen[1].rev)}`);
      await checkStopped({ writer: adapter, watched: adapter, space, seen, stop, what: 'changes after unsubscribe' });
    }));

    it('shares changes with another instance on the same data (another tab)', withSite(async ({ space, open, openOther, skip }) => {
      const first = await open();
      const second = await openOther();
      // The flag decides whether the test applies, so it is checked too: one answer for every
      // instance, and a declared sharing must deliver (below).
      checkEqual(second.capabilities.sharedChanges, first.capabilities.sharedChanges, 'capabilities.sharedChanges of a second instance');
      if (!first.capabilities.sharedChanges) return skip(`${first.name} declares capabilities.sharedChanges: false`);
      const changes = recordChanges(space);
      const { seen } = changes;
      const stop = second.subscribe(space, changes.listener);
      const rev = revOf((await first.write(space, [put(record(space, { id: 'a', v: 1 }))], { origin: 'tab-1' }))[0]);
      const change = await eventually(() => (changes.verify(), seen.find((c) => c.id === 'a')), timeout, 'a change from another tab');
      checkEqual([change.type, change.origin, change.rev], ['put', 'tab-1', rev], 'the other tab\'s change');
      checkEqual((await second.get(space, 'notes', 'a'))?.v, 1, 'the other tab reads the record');
      await checkStopped({ writer: first, watched: second, space, seen, stop, what: 'another tab\'s changes after unsubscribe' });
    }));

    it('lets exactly one of two concurrent writes on one revision win', withSite(async ({ space, open, openOther }) => {
      const first = await open();
      const second = await openOther();
      const rev = revOf((await first.write(space, [put(record(space, { id: 'a', v: 0 }))], { origin: 'tab-1' }))[0]);
      const [a, b] = await Promise.all([
        first.write(space, [put(record(space, { id: 'a', v: 'first' }), rev)], { origin: 'tab-1' }),
        second.write(space, [put(record(space, { id: 'a', v: 'second' }), rev)], { origin: 'tab-2' }),
      ]);
      checkEqual([a[0].ok, b[0].ok].filter(Boolean).length, 1, 'writes that won');
      const winner = a[0].ok ? 'first' : 'second';
      checkEqual((await first.get(space, 'notes', 'a'))?.v, winner, 'the stored value is the winner\'s');
    }));

    it('keeps every one of many concurrent creates', withSite(async ({ space, open, openOther }) => {
      const first = await open();
      const second = await openOther();
      const writes = Array.from({ length: 40 }, (_, i) =>
        (i % 2 ? first : second).write(space, [put(record(space, { id: `n${i}` }))], { origin: `tab-${i % 2}` }),
      );
      const results = (await Promise.all(writes)).flat();
      check(results.every((r) => r.ok), 'every create succeeds');
      checkEqual((await first.list(space, 'notes')).length, 40, 'records after concurrent creates');
    }));

    it('stores attachments as blobs, with their type and size', withSite(async ({ space, open }) => {
      const adapter = await open();
      const bytes = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 1, 2, 3, 255]);
      const info = await adapter.putAttachment(space, new Blob([bytes], { type: 'image/png' }));
      check(typeof info.id === 'string' && info.id.length > 0, 'an attachment gets an id');
      checkEqual([info.type, info.size], ['image/png', bytes.length], 'attachment info');
      const blob = await adapter.getAttachment(space, info.id);
      check(blob, 'the attachment is readable');
      checkEqual([...new Uint8Array(await blob.arrayBuffer())], [...bytes], 'attachment bytes');
      checkEqual(blob.type, 'image/png', 'attachment type');
      checkMissing(await adapter.getAttachment(`${space}-other`, info.id), 'getAttachment of the attachment from another space');
      const named = await adapter.putAttachment(space, new Blob(['x'], { type: 'text/plain' }), { id: 'chosen' });
      checkEqual(named.id, 'chosen', 'an attachment stored under a chosen id');
      await adapter.deleteAttachment(space, info.id);
      checkMissing(await adapter.getAttachment(space, info.id), 'getAttachment of a deleted attachment');
    }));
  });
}
