/**
 * What every contender page shares. Each contender (store, idb, dexie) is bundled into its own page
 * so that one library's globals, caches and garbage cannot affect another (Dexie swaps the global
 * Promise while it runs);
 * bench/run.mjs drives the three pages in turn. Every figure is measured here with
 * performance.now(); node only computes medians.
 */
import { openDB } from 'idb';
import { makeFieldsList, prng, toStoredRecords, type GlossaryFields, type StoredRecord } from './data.js';

export type ContenderKey = 'store' | 'idb' | 'dexie';
export type Group = 'batch-put' | 'one-by-one-put' | 'list' | 'get';

export interface BenchConfig {
  /** Records for the batched put, list and get groups. */
  records: number;
  /** Records for the one-by-one put group (one transaction per record). */
  oneByOne: number;
  /** Random reads in the get group. */
  gets: number;
  /** Measured repetitions (after one warm-up). */
  reps: number;
}

/** One open database of one contender. Opening and populating are never timed. */
export interface Session {
  /** One batch write of every record; returns the ids written. */
  putMany(fields: GlossaryFields[], records: StoredRecord[]): Promise<string[]>;
  /** One write (one transaction) per record, each awaited before the next. */
  putOneByOne(fields: GlossaryFields[], records: StoredRecord[]): Promise<void>;
  /** Every record of the collection, ordered by updatedAt; returns how many. */
  list(): Promise<number>;
  /** Reads `ids` one after another; returns how many were found. */
  get(ids: string[]): Promise<number>;
  destroy(): Promise<void>;
}

export const SPACE = 'bench-space';
export const USER = { id: 'teacher-1', name: 'Ana Teacher', role: 'teacher' as const };
export const COLLECTION = 'glossary';
/** The adapter's object store layout, copied by the raw idb and Dexie contenders. */
export const KEY_PATH = ['space', 'collection', 'id'];
export const BY_UPDATED = ['space', 'collection', 'updatedAt', 'id'];
export const BY_PHASE = ['space', 'collection', 'phase', 'updatedAt', 'id'];

let nameCounter = 0;
const runTag = Math.random().toString(36).slice(2, 8);
export const freshName = (label: string) => `twinkit-bench-${runTag}-${label}-${++nameCounter}`;

export const log = (message: string) => console.log(`[bench] ${message}`);

export function fail(message: string): never {
  throw new Error(message);
}

const settle = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/** Collects garbage (Chromium runs with --expose-gc), lets pending tasks run, then times `work`. */
export async function timed(work: () => Promise<unknown>): Promise<number> {
  (globalThis as { gc?: () => void }).gc?.();
  await settle();
  const start = performance.now();
  await work();
  return performance.now() - start;
}

/** Records in the database `name` (object store `records` for all three contenders). */
async function countRecords(name: string): Promise<number> {
  const db = await openDB(name);
  try {
    return await db.count('records');
  } finally {
    db.close();
  }
}

const fieldCache = new Map<string, GlossaryFields[]>();
function fieldsFor(count: number, seed: number): GlossaryFields[] {
  const key = `${count}:${seed}`;
  if (!fieldCache.has(key)) fieldCache.set(key, makeFieldsList(count, seed));
  return fieldCache.get(key)!;
}

export function installContender(key: ContenderKey, open: (name: string) => Promise<Session>, extra: Record<string, unknown> = {}) {
  let reader: { session: Session; ids: string[] } | undefined;

  const api = {
    key,
    info: () => ({ userAgent: navigator.userAgent, gcExposed: typeof (globalThis as { gc?: unknown }).gc === 'function', sizes: recordSizes() }),

    /** Read groups: one fresh database, populated by this contender (untimed). */
    async prepare(group: Group, config: BenchConfig): Promise<void> {
      if (group !== 'list' && group !== 'get') return;
      const fields = fieldsFor(config.records, 2);
      const session = await open(freshName(`${group}-${key}`));
      reader = { session, ids: await session.putMany(fields, toStoredRecords(fields, SPACE, 200)) };
    },

    /**
     * One measurement in ms. Put groups write into a fresh database each time; the warm-up
     * (rep 0, discarded by the runner) writes a tenth of the records. Read groups read the
     * prepared database; each rep reads its own random sample, the same for every contender.
     */
    async measure(group: Group, rep: number, config: BenchConfig): Promise<number> {
      if (group === 'batch-put' || group === 'one-by-one-put') {
        const count = group === 'batch-put' ? config.records : config.oneByOne;
        const all = fieldsFor(count, 1);
        const fields = rep === 0 ? all.slice(0, Math.max(1, Math.ceil(count / 10))) : all;
        const records = toStoredRecords(fields, SPACE, 100 + rep);
        const name = freshName(`${group}-${key}`);
        const session = await open(name);
        const ms = await timed(() => (group === 'batch-put' ? session.putMany(fields, records) : session.putOneByOne(fields, records)));
        const stored = await countRecords(name);
        await session.destroy();
        if (stored !== fields.length) fail(`${key} ${group}: ${stored} records stored, expected ${fields.length}`);
        return ms;
      }
      if (!reader) fail(`${group}: prepare() was not called`);
      const { session, ids } = reader;
      let seen = 0;
      let expected = config.records;
      let ms: number;
      if (group === 'list') {
        ms = await timed(async () => (seen = await session.list()));
      } else {
        const random = prng(300 + rep);
        const sample = Array.from({ length: config.gets }, () => ids[Math.floor(random() * ids.length)]);
        expected = config.gets;
        ms = await timed(async () => (seen = await session.get(sample)));
      }
      if (seen !== expected) fail(`${key} ${group}: got ${seen}, expected ${expected}`);
      return ms;
    },

    async finish(): Promise<void> {
      await reader?.session.destroy();
      reader = undefined;
    },
    ...extra,
  };
  (window as unknown as { twinkitBench: typeof api }).twinkitBench = api;
  document.title = `twinkit bench: ${key} ready`;
  return api;
}

function recordSizes() {
  const fields = makeFieldsList(1000, 1);
  const stored = toStoredRecords(fields, SPACE, 1);
  const bytes = (value: unknown) => new TextEncoder().encode(JSON.stringify(value)).length;
  const fieldSizes = fields.map(bytes);
  return {
    fieldsMin: Math.min(...fieldSizes),
    fieldsMax: Math.max(...fieldSizes),
    fieldsAvg: Math.round(fieldSizes.reduce((a, b) => a + b, 0) / fieldSizes.length),
    storedAvg: Math.round(stored.map(bytes).reduce((a, b) => a + b, 0) / stored.length),
    example: stored[0],
  };
}
