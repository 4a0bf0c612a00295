import { TwinConflictError, TwinNotFoundError } from '../../errors.js';
import type { RecordStatus } from '../../schemas/envelope.js';
import { nounOf } from '../record-names.js';
import { definitionOf, type StoreContext } from '../store-context.js';
import type { TwinRecord } from '../store-types.js';
import { authorOf, laterThan } from './author-and-time.js';
import { savedVersion, storedVersion, theirVersion } from './stored-version.js';
import { validateForWrite } from './validate-write.js';
import { requireAction } from './write-permissions.js';

/** A moderation decision (approve, send back, hide), with an optional note to the author; see `TwinStore.setStatus`. */
export async function setStatus<T extends TwinRecord>(context: StoreContext, collection: string, record: T, status: RecordStatus, options: { note?: string }): Promise<T> {
  const definition = definitionOf(context, collection);
  const stored = await storedVersion<T>(context, collection, definition, record);
  const changed = () => new TwinConflictError(`This ${nounOf(collection)} changed before your decision was saved. Look at the new version and decide again.`, record, stored);
  if (!stored) throw new TwinNotFoundError(`This ${nounOf(collection)} no longer exists (it may have been deleted).`);
  if (stored.rev !== record.rev) throw changed();
  requireAction(context, status === 'hidden' ? 'hide' : 'approve', stored, collection);
  // Only the status and the time change: content in the caller's copy is not written.
  const updatedAt = laterThan(stored.updatedAt, context.now);
  const { review: _previous, ...rest } = stored;
  const note = options.note?.trim();
  const decided = note ? { ...rest, status, updatedAt, review: { note, by: authorOf(context.user), at: updatedAt } } : { ...rest, status, updatedAt };
  const next = validateForWrite(decided, definition, collection);
  const [result] = await context.io.write(context.space, [{ type: 'put', record: next, expectedRev: stored.rev }], { origin: context.origin });
  if (!result.ok) {
    throw new TwinConflictError(
      `This ${nounOf(collection)} changed before your decision was saved. Look at the new version and decide again.`,
      next,
      await theirVersion(context, result.current, definition),
    );
  }
  return savedVersion<T>(context, collection, next, result);
}
