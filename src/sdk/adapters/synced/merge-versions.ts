import type { RawRecord } from '../../adapter.js';
import { mergeOnto } from '../../store/three-way-merge.js';

export interface MergedVersions {
  /** Theirs with my changes on top; where both changed a field differently, their value. */
  merged: RawRecord;
  /** The fields both changed differently ('' when none): what a person must decide. */
  fields: string[];
}

/** Fields set by the device of each write: never a person's change. */
const DEVICE_FIELDS = ['rev', 'updatedAt', 'schemaVersion'];

/**
 * The same three-way merge the store uses between tabs (three-way-merge.ts), applied to a server
 * version: my changes since the base go on top of theirs, field by field and, inside objects (a
 * glossary's translations), key by key. A field both sides changed differently keeps theirs and is
 * named in `fields`. Without a base (both created the same id) every differing field counts as both
 * changed.
 */
export function mergeVersions(base: RawRecord | undefined, mine: RawRecord, theirs: RawRecord): MergedVersions {
  const start = (base ?? {}) as Record<string, unknown>;
  const result = mergeOnto(start, mine as unknown as Record<string, unknown>, theirs as unknown as Record<string, unknown>);
  if (result.ok) return { merged: combine(theirs, result.set, result.removed, mine), fields: [] };
  // Merge what does not clash: drop the clashing fields from mine (back to the base) and merge again.
  const clashing = new Set(result.fields.map((field) => field.split('.')[0]));
  const withoutClashes: Record<string, unknown> = { ...(mine as unknown as Record<string, unknown>) };
  for (const field of clashing) {
    const inner = result.fields.filter((f) => f.startsWith(`${field}.`)).map((f) => f.slice(field.length + 1));
    const [b, m] = [start[field], withoutClashes[field]];
    if (inner.length && isObject(b) && isObject(m)) {
      // Only the clashing keys of an object go back: the other keys still merge (a new language).
      const kept = { ...m };
      for (const key of inner) {
        if (key in b) kept[key] = b[key];
        else delete kept[key];
      }
      withoutClashes[field] = kept;
    } else if (field in start) withoutClashes[field] = start[field];
    else delete withoutClashes[field];
  }
  const second = mergeOnto(start, withoutClashes, theirs as unknown as Record<string, unknown>);
  const merged = second.ok ? combine(theirs, second.set, second.removed, mine) : { ...theirs };
  return { merged, fields: result.fields };
}

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

function combine(theirs: RawRecord, set: Record<string, unknown>, removed: string[], mine: RawRecord): RawRecord {
  const merged: Record<string, unknown> = { ...theirs, ...set };
  for (const key of removed) if (!DEVICE_FIELDS.includes(key)) delete merged[key];
  // The merged version is as new as the newer of the two.
  merged.updatedAt = mine.updatedAt > theirs.updatedAt ? mine.updatedAt : theirs.updatedAt;
  return merged as unknown as RawRecord;
}

/** Whether two versions hold the same content (revisions and device fields aside). */
export function sameFields(a: RawRecord | undefined, b: RawRecord | undefined): boolean {
  if (!a || !b) return a === b;
  const strip = (record: RawRecord) => {
    const { rev: _rev, updatedAt: _updated, ...rest } = record;
    return canonical(rest);
  };
  return JSON.stringify(strip(a)) === JSON.stringify(strip(b));
}

const canonical = (value: unknown): unknown =>
  Array.isArray(value)
    ? value.map(canonical)
    : isObject(value)
      ? Object.fromEntries(
          Object.keys(value)
            .sort()
            .map((key) => [key, canonical(value[key])]),
        )
      : value;
