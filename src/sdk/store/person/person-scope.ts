import type { RawRecord } from '../../adapter.js';
import { TwinPermissionError, TwinValidationError } from '../../errors.js';
import { authorIdOf, DEFAULT_ADDRESSEE_FIELD } from '../../policy/read-rules.js';
import { isStaff } from '../../policy/roles.js';
import type { CollectionDefinition } from '../../schemas/collections.js';
import { LIMITS } from '../../schemas/limits.js';
import { idIssue } from '../id-issue.js';
import type { StoreContext } from '../store-context.js';

/** Every stored record of one collection, raw. */
export interface CollectionContents {
  collection: string;
  definition: CollectionDefinition;
  raws: RawRecord[];
}

/** Only the person themself, or staff, may export or erase a person's data. */
export function requirePerson(context: StoreContext, userId: string, what: 'export' | 'erase'): void {
  const nothing = `Nothing was ${what === 'export' ? 'exported' : 'erased'}.`;
  if (typeof userId !== 'string' || userId.length === 0 || userId.length > LIMITS.id) {
    throw new TwinValidationError(`To ${what} a person's data, name them by their user id (1 to ${LIMITS.id} characters). ${nothing}`, [
      idIssue('userId', `must be a user id of 1 to ${LIMITS.id} characters`, userId),
    ]);
  }
  const { user } = context;
  if (userId === user.id || isStaff(user.role)) return;
  throw new TwinPermissionError(
    `Only teachers, or the person themself, can ${what} a person's data: ${user.name} (${user.role}) asked for someone else's. ${nothing}`,
    what === 'export' ? 'export' : 'delete',
  );
}

/** Every stored record of every collection the store knows (built-in and registered), raw, one list per collection. */
export function listEverything(context: StoreContext): Promise<CollectionContents[]> {
  return Promise.all(
    Object.entries(context.collections).map(async ([collection, definition]) => ({ collection, definition, raws: await context.io.list(context.space, collection) })),
  );
}

/** Is this raw record the person's: written by them, or addressed to them (`addressee-and-staff`)? */
export function concerns(raw: RawRecord, definition: CollectionDefinition, userId: string): boolean {
  if (authorIdOf(raw) === userId) return true;
  return definition.readableBy === 'addressee-and-staff' && raw[definition.addressee ?? DEFAULT_ADDRESSEE_FIELD] === userId;
}
