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
  // Merge what does not clash: put the clashing fields of mine back to the base, and merge again.
  const withoutClashes = structuredClone(mine) as unknown as Record<string, unknown>;
  for (const path of result.fields) resetPath(withoutClashes, start, path.split('.'));
  const second = mergeOnto(start, withoutClashes, theirs as unknown as Record<string, unknown>);
  const merged = second.ok ? combine(theirs, second.set, second.removed, mine) : { ...theirs };
  return { merged, fields: result.fields };
}

/** Sets `target`'s value at `path` to the base's (or removes it where the base had none). */
function resetPath(target: Record<string, unknown>, base: Record<string, unknown> | undefined, path: string[]): void {
  const [key, ...rest] = path;
  const inner = target[key];
  if (rest.length && isObject(inner)) {
    const baseInner = base?.[key];
    resetPath(inner, isObject(baseInner) ? baseInner : undefined, rest);
    return;
  }
  if (base && key in base) target[key] = structuredClone(base[key]);
  else delete target[key];
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
