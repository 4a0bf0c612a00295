import { TwinPermissionError } from '../../errors.js';
import { canContribute, type Action } from '../../policy/can.js';
import { isStaff } from '../../policy/roles.js';
import type { CollectionDefinition } from '../../schemas/collections.js';
import { mayAct } from '../read/read-rule.js';
import { nounOf, withArticle } from '../record-names.js';
import type { StoreContext } from '../store-context.js';
import type { TwinRecord } from '../store-types.js';

/** Throws, naming the user and what they tried, unless the policy lets them do `action`. */
export function requireAction(context: StoreContext, action: Action, record: TwinRecord | undefined, collection: string): void {
  if (!mayAct(context, action, record)) {
    const noun = nounOf(collection);
    const { user } = context;
    throw new TwinPermissionError(
      `${user.name} (${user.role}) may not ${action.replace('-', ' ')} ${record ? `this ${noun}` : withArticle(noun)} in this space.`,
      action,
    );
  }
}

/** May the user create records of this collection at all (membership, and `createdBy`)? */
export function requireCreate(context: StoreContext, collection: string, definition: CollectionDefinition): void {
  requireAction(context, 'create', undefined, collection);
  const { user } = context;
  if (definition.createdBy === 'staff' && !isStaff(user.role)) {
    throw new TwinPermissionError(
      `Only teachers can add ${withArticle(nounOf(collection))} to this space: ${user.name} is signed in as ${withArticle(user.role)}. Nothing was saved.`,
      'create',
    );
  }
}

/** A member who may not edit a record may still make the collection's contribution to it (see `canContribute`). */
export function mayContribute(context: StoreContext, stored: TwinRecord, next: Record<string, unknown>, definition: CollectionDefinition): boolean {
  if (!definition.contribution || mayAct(context, 'edit', stored) || !canContribute(context.user, stored, context.settings)) return false;
  return definition.contribution(stored, next, context.user);
}
