import type { RawRecord } from '../../adapter.js';
import { can } from '../../policy/can.js';
import { authorIdOf } from '../../policy/read-rules.js';
import { RECORD_STATUSES, type RecordStatus } from '../../schemas/envelope.js';
import type { StoreContext } from '../store-context.js';
import type { ErasureResult } from '../store-types.js';
import { attachmentIdsOf } from './attachment-refs.js';
import { concerns, listEverything, requirePerson, type CollectionContents } from './person-scope.js';

/** How many times `erasePerson` tries again to delete records that others changed meanwhile. */
const ERASE_ATTEMPTS = 3;

type Kept = ErasureResult['keptRecords'];
interface Chosen {
  collection: string;
  raw: RawRecord;
}

const keyOf = (collection: string, id: unknown) => `${collection}\u0000${String(id)}`;

/** Erases one person from this space (right to erasure); see `TwinStore.erasePerson`. */
export async function erasePerson(context: StoreContext, userId: string): Promise<ErasureResult> {
  requirePerson(context, userId, 'erase');
  const everything = await listEverything(context);
  const kept: Kept = [];
  const chosen = chooseRecords(context, everything, userId, kept);
  const removed = await deleteRecords(context, [...chosen.values()], kept);
  context.emitChanges(removed.map(({ collection, raw }) => ({ type: 'delete' as const, collection, id: String(raw.id), local: true })));
  const { files, filesKept } = await removeUnusedFiles(context, everything, removed);
  return { removed: removed.length, kept: kept.length, files, filesKept, keptRecords: kept };
}

/**
 * The records to erase, by collection/id: the person's, those addressed to them, then feedback on
 * those. Those the user may not delete go to `kept`, with the reason.
 */
function chooseRecords(context: StoreContext, everything: CollectionContents[], userId: string, kept: Kept): Map<string, Chosen> {
  const chosen = new Map<string, Chosen>();
  const choose = (collection: string, raw: RawRecord) => {
    const reason = erasureRefusal(context, raw);
    if (reason) kept.push({ collection, id: String(raw.id), reason });
    else chosen.set(keyOf(collection, raw.id), { collection, raw });
  };
  for (const { collection, definition, raws } of everything) {
    for (const raw of raws) if (concerns(raw, definition, userId)) choose(collection, raw);
  }
  // Feedback on an erased record has lost its target (and may quote the person): it goes too.
  for (const { collection, definition, raws } of everything) {
    const on = definition.feedbackOn?.collection;
    if (!on) continue;
    for (const raw of raws) {
      if (chosen.has(keyOf(collection, raw.id)) || concerns(raw, definition, userId)) continue;
      if (typeof raw.target === 'string' && chosen.has(keyOf(on, raw.target))) choose(collection, raw);
    }
  }
  return chosen;
}

/**
 * One write for every record; a record someone changed meanwhile is tried again with its new
 * revision. Returns each removed record, as the version deleted.
 */
async function deleteRecords(context: StoreContext, chosen: Chosen[], kept: Kept): Promise<Chosen[]> {
  const removed: Chosen[] = [];
  let pending = chosen;
  for (let attempt = 1; pending.length; attempt++) {
    const results = await context.io.write(
      context.space,
      pending.map(({ collection, raw }) => ({ type: 'delete' as const, collection, id: String(raw.id), expectedRev: String(raw.rev) })),
      { origin: context.origin },
    );
    const again: Chosen[] = [];
    for (const [i, result] of results.entries()) {
      const { collection, raw } = pending[i];
      if (result.ok || !result.current) {
        removed.push({ collection, raw });
        continue;
      }
      const reason = erasureRefusal(context, result.current) ?? (attempt >= ERASE_ATTEMPTS ? 'changed' : undefined);
      if (reason) kept.push({ collection, id: String(raw.id), reason });
      else again.push({ collection, raw: result.current });
    }
    pending = again;
  }
  return removed;
}

/** Files of the removed records, unless a record that stays refers to the same file. */
async function removeUnusedFiles(context: StoreContext, everything: CollectionContents[], removed: Chosen[]): Promise<{ files: number; filesKept: number }> {
  const gone = new Set(removed.map(({ collection, raw }) => keyOf(collection, raw.id)));
  const files = new Set(removed.flatMap(({ raw }) => attachmentIdsOf(raw)));
  const stillUsed = new Set<string>();
  for (const { collection, raws } of everything) {
    for (const raw of raws) if (!gone.has(keyOf(collection, raw.id))) for (const file of attachmentIdsOf(raw)) stillUsed.add(file);
  }
  let filesRemoved = 0;
  let filesKept = 0;
  for (const file of files) {
    if (stillUsed.has(file)) continue;
    try {
      await context.io.deleteAttachment(context.space, file);
      filesRemoved += 1;
    } catch {
      filesKept += 1; // The server refused (someone else's upload) or storage failed: reported, not thrown.
    }
  }
  return { files: filesRemoved, filesKept };
}

/**
 * Why the user may not delete this raw record in an erasure, or undefined when they may: the
 * policy's `delete` (staff any record; others their own, unless hidden).
 */
function erasureRefusal(context: StoreContext, raw: RawRecord): 'hidden' | 'not-yours' | undefined {
  const author = authorIdOf(raw) ?? '';
  const status = (RECORD_STATUSES as readonly unknown[]).includes(raw.status) ? (raw.status as RecordStatus) : 'published';
  if (can(context.user, 'delete', { author: { id: author }, status }, context.settings)) return undefined;
  return author === context.user.id && status === 'hidden' ? 'hidden' : 'not-yours';
}
