import type { CollectionDefinition } from '../schemas/collections.js';

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
