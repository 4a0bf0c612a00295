import type { Change } from '../../adapter.js';
import type { StoreContext } from '../store-context.js';
import type { RecordChange, TwinRecord } from '../store-types.js';
import { isReadable, mayInspect } from './record-visibility.js';
import type { TargetCache } from './target-readability.js';
import { checkStored } from './validation-cache.js';

/**
 * Changes from the adapter that this store did not write (other tabs, other devices), as the user
 * may see them: a record they may not read arrives as a deletion, a damaged one as an `invalid`
 * event. Delivered as one `change` event.
 */
export async function deliverForeignChanges(context: StoreContext, changes: Change[]): Promise<void> {
  const foreign = changes.filter((change) => change.origin !== context.origin);
  if (!foreign.length) return;
  // Feedback on the same entry, arriving together, looks the entry up once.
  const targets: TargetCache = new Map();
  const out = await Promise.all(foreign.map((change) => asSeen(context, change, targets)));
  context.emitChanges(out.filter((change): change is RecordChange => change !== undefined));
}

/** One foreign change as the user sees it; undefined when there is nothing to tell them (yet). */
async function asSeen(context: StoreContext, change: Change, targets: TargetCache): Promise<RecordChange | undefined> {
  const definition = context.collections[change.collection];
  if (!definition) return undefined;
  if (change.type === 'delete') return { type: 'delete', collection: change.collection, id: change.id, local: false };
  let raw = change.record;
  if (!raw) {
    try {
      raw = await context.io.get(context.space, change.collection, change.id);
    } catch {
      return undefined; // Unreadable right now (another tab upgrading): not a deletion.
    }
  }
  if (!raw) return { type: 'delete', collection: change.collection, id: change.id, local: false };
  try {
    if (!(await mayInspect(context, raw, definition, targets))) return { type: 'delete', collection: change.collection, id: change.id, local: false };
    const checked = checkStored<TwinRecord>(context, raw, definition);
    if (!checked.ok) {
      context.reportInvalid({ collection: change.collection, id: change.id, issues: checked.issues, raw });
      return undefined;
    }
    // A record hidden from this user (by a teacher, or made private by its author) leaves their view like a deletion.
    if (!(await isReadable(context, checked.record, definition, targets))) return { type: 'delete', collection: change.collection, id: change.id, local: false };
    return { type: 'put', collection: change.collection, id: change.id, record: checked.record, local: false };
  } catch {
    return undefined; // The target of feedback is unreadable right now: decided on the next change.
  }
}
