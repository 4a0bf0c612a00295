import type { RawRecord } from '../../sdk/adapter.js';
import type { SyncConflict } from '../../sdk/adapters/synced/sync-status.js';
import { contentOf } from './resolve-conflict.js';

/** One field whose value is not the same in every version, with each version's value. */
export interface FieldDifference {
  /** Dotted, as in `SyncConflict.fields`: `translations.fr.term`. */
  path: string;
  mine: unknown;
  theirs: unknown;
  merged: unknown;
}

const isPlainObject = (value: unknown): value is Record<string, unknown> => !!value && typeof value === 'object' && !Array.isArray(value);

/** Keys sorted, so two equal objects written in another order still compare equal. */
function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (!isPlainObject(value)) return value;
  return Object.fromEntries(Object.keys(value).sort().map((key) => [key, canonical(value[key])]));
}

export const sameValue = (a: unknown, b: unknown): boolean => JSON.stringify(canonical(a)) === JSON.stringify(canonical(b));

/** Every leaf of a version's fields by its dotted path: nested objects opened, lists kept whole. */
function leaves(value: Record<string, unknown>, prefix = '', out = new Map<string, unknown>()): Map<string, unknown> {
  for (const [key, inner] of Object.entries(value)) {
    const path = prefix + key;
    if (isPlainObject(inner) && Object.keys(inner).length) leaves(inner, `${path}.`, out);
    else out.set(path, inner);
  }
  return out;
}

const fieldsOf = (record: RawRecord | undefined) => (record ? leaves(contentOf(record)) : new Map<string, unknown>());

/** Is there a merged version a person could want that is neither side? */
export function mergedIsDistinct(conflict: SyncConflict): boolean {
  const { merged, mine, theirs } = conflict;
  if (!merged) return false;
  const content = contentOf(merged);
  return !(mine && sameValue(content, contentOf(mine))) && !(theirs && sameValue(content, contentOf(theirs)));
}

/**
 * The fields to show side by side: those both sides changed first (what the person decides), then
 * every other field where the versions differ, since keeping one side keeps all of its fields.
 */
export function differingFields(conflict: SyncConflict): FieldDifference[] {
  const [mine, theirs, merged] = [conflict.mine, conflict.theirs, mergedIsDistinct(conflict) ? conflict.merged : undefined].map(fieldsOf);
  const paths = new Set([...conflict.fields.filter((path) => mine.has(path) || theirs.has(path)), ...mine.keys(), ...theirs.keys()]);
  const rows: FieldDifference[] = [];
  for (const path of paths) {
    const row = { path, mine: mine.get(path), theirs: theirs.get(path), merged: merged.get(path) };
    if (!sameValue(row.mine, row.theirs) || (merged.size && !sameValue(row.merged, row.theirs))) rows.push(row);
  }
  return rows;
}
