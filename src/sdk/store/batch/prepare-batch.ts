import type { RawRecord } from '../../adapter.js';
import { TwinValidationError } from '../../errors.js';
import type { CollectionDefinition } from '../../schemas/collections.js';
import { capitalized, nounOf } from '../record-names.js';
import type { StoreContext } from '../store-context.js';
import type { CreateAllItem } from '../store-types.js';
import { describeIssues } from '../validate-record.js';
import { moderatorFieldsSet, requireModeratorFields } from '../write/moderator-fields.js';
import { draftRecord } from '../write/new-record.js';
import { validateForWrite } from '../write/validate-write.js';
import { requireCreate } from '../write/write-permissions.js';

/** One item of a `createAll` batch, checked: its record, or why it cannot be written, and the label that names it ("Activity 3 (\"Icebreaking\")"). */
export interface BatchEntry {
  label: string;
  collection: string;
  definition?: CollectionDefinition;
  /** Set when the record was checked and may be written. */
  record?: RawRecord;
  /** True when the caller chose the id (it may be taken); otherwise it is random. */
  chosenId: boolean;
  error?: unknown;
}

/**
 * Builds and checks (collection, permission, schema, ids used twice) each record of a batch,
 * without throwing. `approvals`: collections whose approval switch makes this user's records wait.
 */
export function prepareBatch(context: StoreContext, items: CreateAllItem[], timestamp: string, approvals: ReadonlySet<string>): BatchEntry[] {
  const counts = new Map<string, number>();
  const ids = new Set<string>();
  return items.map((item, index) => {
    const { collection } = item;
    const count = (counts.get(collection) ?? 0) + 1;
    counts.set(collection, count);
    const definition = context.collections[collection];
    const title = item.fields && typeof item.fields === 'object' ? titleOf(item.fields) : undefined;
    const label = `${definition ? `${capitalized(nounOf(collection))} ${count}` : `Item ${index + 1}`}${title ? ` ("${title}")` : ''}`;
    const chosenId = item.id !== undefined || (typeof item.fields?.id === 'string' && item.fields.id !== '');
    try {
      if (!definition) {
        throw new TwinValidationError(`"${collection}" is not a known collection (known: ${Object.keys(context.collections).join(', ')}).`, [
          { path: 'collection', message: 'is not known' },
        ]);
      }
      requireCreate(context, collection, definition);
      requireModeratorFields(context, collection, moderatorFieldsSet(definition, item.fields ?? {}), 'create');
      const draft = draftRecord(context, collection, definition, item.fields ?? {}, { id: item.id, phase: item.phase }, timestamp, approvals.has(collection));
      const record = validateForWrite(draft, definition, collection);
      const key = `${collection}\u0000${record.id}`;
      if (ids.has(key)) {
        throw new TwinValidationError(`it has the same id ("${record.id}") as another ${nounOf(collection)} of this batch.`, [
          { path: 'id', message: 'is used twice in this batch' },
        ]);
      }
      ids.add(key);
      return { label, collection, definition, record, chosenId };
    } catch (error) {
      return { label, collection, definition, chosenId, error };
    }
  });
}

/** A batch item's error, saying which item it is. Permission and storage errors pass as they are. */
export function batchError(label: string, error: unknown): unknown {
  if (!(error instanceof TwinValidationError)) return error;
  const unknownCollection = error.issues.some((issue) => issue.path === 'collection');
  const duplicate = error.issues.some((issue) => issue.message === 'is used twice in this batch');
  const what = unknownCollection || duplicate ? error.message.replace(/\.$/, '') : describeIssues(error.issues);
  return new TwinValidationError(`${label}: ${what}. Nothing was saved.`, error.issues);
}

/** A record's visible name, for an error message: its title or name, shortened. */
function titleOf(fields: Record<string, unknown>): string | undefined {
  const title = typeof fields.title === 'string' ? fields.title : typeof fields.name === 'string' ? fields.name : undefined;
  const trimmed = title?.trim().replace(/\s+/g, ' ');
  if (!trimmed) return undefined;
  return trimmed.length > 60 ? `${trimmed.slice(0, 59)}…` : trimmed;
}
