import type { CollectionDefinition } from '../../schemas/collections.js';
import { checkStored } from '../read/validation-cache.js';
import type { StoreContext } from '../store-context.js';
import type { TwinRecord } from '../store-types.js';
import { valueAt } from './value-at.js';

/**
 * Does the collection's approval switch (`approvalSwitch`: the journal settings'
 * `feedbackApproval`) make this user's new and edited records wait for approval? Only pupils'
 * (moderators and staff publish as the space's moderation says). The store reads the settings
 * record when it writes such a record: no setting, or `false`, needs no approval; a damaged
 * settings record asks for approval (safe side).
 */
export async function approvalRequired(context: StoreContext, definition: CollectionDefinition): Promise<boolean> {
  const toggle = definition.approvalSwitch;
  if (!toggle || context.user.role !== 'pupil') return false;
  const raw = await context.io.get(context.space, toggle.collection, toggle.id);
  if (!raw) return false;
  const settingsDefinition = context.collections[toggle.collection];
  const checked = settingsDefinition ? checkStored<TwinRecord>(context, raw, settingsDefinition) : undefined;
  if (!checked?.ok) return true;
  return valueAt(checked.record, toggle.field) === true;
}
