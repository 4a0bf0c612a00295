import type { CollectionDefinition } from '../../schemas/collections.js';

/**
 * Does an update that changed `changed` (field names) keep the record's status? Yes when it only
 * arranges the record (`arrangementFields`: moved to another place or section) or only changes
 * what moderators decide (`moderatorFields`: pinned): neither is new content to approve, and
 * neither publishes what waits for approval.
 */
export function keepsStatus(definition: CollectionDefinition, changed: readonly string[]): boolean {
  const neutral = [...(definition.arrangementFields ?? []), ...(definition.moderatorFields ?? [])];
  return neutral.length > 0 && changed.every((field) => neutral.includes(field));
}
