import { TwinConflictError } from '../../errors.js';
import { nounOf } from '../record-names.js';
import { definitionOf, type StoreContext } from '../store-context.js';
import type { TwinRecord } from '../store-types.js';
import { storedVersion, theirVersion } from './stored-version.js';
import { requireAction } from './write-permissions.js';

/** Deletes `record` if it is still the stored version; a record changed meanwhile is kept (a conflict). */
export async function removeRecord(context: StoreContext, collection: string, record: TwinRecord): Promise<void> {
  const definition = definitionOf(context, collection);
  const stored = await storedVersion(context, collection, definition, record);
  const gone = () => context.emitChanges([{ type: 'delete', collection, id: record.id, local: true }]);
  const kept = (theirs: TwinRecord | undefined) =>
    new TwinConflictError(`Someone changed this ${nounOf(collection)} before it was deleted, so it was kept. Look at the new version first.`, record, theirs);
  if (!stored) return gone(); // Already gone: the user's wish is met, and views learn it.
  if (stored.rev !== record.rev) throw kept(stored);
  requireAction(context, 'delete', stored, collection);
  const [result] = await context.io.write(context.space, [{ type: 'delete', collection, id: record.id, expectedRev: stored.rev }], {
    origin: context.origin,
  });
  if (!result.ok) {
    if (!result.current) return gone();
    throw kept(await theirVersion(context, result.current, definition));
  }
  gone();
}
