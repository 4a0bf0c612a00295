import type { RawRecord, WriteResult } from '../../adapter.js';
import { TwinConflictError } from '../../errors.js';
import { nounOf, withArticle } from '../record-names.js';
import type { StoreContext } from '../store-context.js';
import { theirVersion } from '../write/stored-version.js';
import type { BatchEntry } from './prepare-batch.js';

/**
 * The adapter saved part of a batch and refused the rest (an id taken in between): takes back what
 * it saved, so the batch stays all or nothing, and says what happened.
 */
export async function undoBatch(context: StoreContext, entries: BatchEntry[], written: WriteResult[], refused: number): Promise<TwinConflictError> {
  const saved = written.flatMap((result) => (result.ok ? [{ type: 'delete' as const, collection: result.collection, id: result.id, expectedRev: result.rev }] : []));
  const undone = saved.length ? await context.io.write(context.space, saved, { origin: context.origin }) : [];
  const kept = undone.filter((result) => !result.ok && result.current).length;
  const { label, collection, definition, record } = entries[refused];
  const current = written[refused].ok ? undefined : (written[refused] as { current?: RawRecord }).current;
  const noun = withArticle(nounOf(collection));
  const message = kept
    ? `${label}: ${noun} with the id "${record?.id}" was created by someone else a moment ago, so the batch was stopped; ${kept} of its records could not be taken back because someone changed them meanwhile.`
    : `${label}: ${noun} with the id "${record?.id}" was created by someone else a moment ago. Nothing was saved.`;
  return new TwinConflictError(message, record, definition ? await theirVersion(context, current, definition) : undefined);
}
