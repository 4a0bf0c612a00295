import { TwinPermissionError } from '../../errors.js';
import { canModerate } from '../../policy/roles.js';
import type { CollectionDefinition } from '../../schemas/collections.js';
import { nounOf, withArticle } from '../record-names.js';
import type { StoreContext } from '../store-context.js';

/** The collection's moderator-only fields (`moderatorFields`) that new fields give a value. */
export function moderatorFieldsSet(definition: CollectionDefinition, fields: Record<string, unknown>): string[] {
  return (definition.moderatorFields ?? []).filter((field) => fields[field] !== undefined);
}

/** The collection's moderator-only fields among the fields an update changed. */
export function moderatorFieldsIn(definition: CollectionDefinition, changed: readonly string[]): string[] {
  return (definition.moderatorFields ?? []).filter((field) => changed.includes(field));
}

/** Does the update change moderator-only fields and nothing else (a moderator pinning someone's post)? */
export function changesOnlyModeratorFields(definition: CollectionDefinition, changed: readonly string[]): boolean {
  const fields = definition.moderatorFields ?? [];
  return changed.length > 0 && changed.every((field) => fields.includes(field));
}

/**
 * Only those who moderate may set or change the collection's `moderatorFields` (pin a post):
 * `fields` are those this write sets or changes.
 */
export function requireModeratorFields(context: StoreContext, collection: string, fields: string[], action: 'create' | 'edit'): void {
  const { user } = context;
  if (!fields.length || canModerate(user.role)) return;
  const noun = nounOf(collection);
  throw new TwinPermissionError(
    `Only teachers and moderators can ${action === 'create' ? 'set' : 'change'} ${fields.join(', ')} on ${withArticle(noun)}: ${user.name} is signed in as ${withArticle(user.role)}. Nothing was saved.`,
    action,
  );
}

/** A moderator may change the moderator-only fields (and nothing else) of a record they may not edit: pin a pupil's post. */
export function maySetModeratorFields(context: StoreContext, changed: string[], definition: CollectionDefinition): boolean {
  return canModerate(context.user.role) && changesOnlyModeratorFields(definition, changed);
}
