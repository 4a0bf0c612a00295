import { checkStored } from '../read/validation-cache.js';
import type { StoreContext } from '../store-context.js';
import type { InvalidRecord, PersonExport, TwinRecord } from '../store-types.js';
import { concerns, listEverything, requirePerson } from './person-scope.js';

/** Everything this space holds of one person, for their right of access; see `TwinStore.exportPerson`. */
export async function exportPerson(context: StoreContext, userId: string): Promise<PersonExport> {
  requirePerson(context, userId, 'export');
  const records: Record<string, TwinRecord[]> = {};
  const invalid: InvalidRecord[] = [];
  for (const { collection, definition, raws } of await listEverything(context)) {
    const mine: TwinRecord[] = [];
    for (const raw of raws) {
      if (!concerns(raw, definition, userId)) continue;
      const checked = checkStored<TwinRecord>(context, raw, definition);
      if (checked.ok) mine.push(checked.record);
      else invalid.push({ collection, id: String(raw.id), issues: checked.issues, raw });
    }
    records[collection] = mine;
  }
  return { person: userId, exportedAt: context.now().toISOString(), records, invalid };
}
