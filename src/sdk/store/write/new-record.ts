import { initialStatus } from '../../policy/can.js';
import { randomId } from '../../revision.js';
import type { CollectionDefinition } from '../../schemas/collections.js';
import type { StoreContext } from '../store-context.js';
import type { CreateOptions } from '../store-types.js';
import { authorOf } from './author-and-time.js';
import { withoutReserved } from './validate-write.js';

/** Placeholder revision used to validate a record before the adapter gives it a real one. */
const UNSAVED_REV = '0-unsaved';

/**
 * A new record before validation: the caller's fields and the store's envelope. `approval`: the
 * collection's approval switch asks for approval of this user's records (see `approvalRequired`).
 */
export function draftRecord(
  context: StoreContext,
  collection: string,
  definition: CollectionDefinition,
  fields: Record<string, unknown>,
  options: CreateOptions,
  timestamp: string,
  approval: boolean,
): Record<string, unknown> {
  // A reaction is a signal, not content: it needs no approval, or it would wait for ever.
  const status = definition.unmoderated || definition.feedbackOn?.unmoderated ? 'published' : approval ? 'pending' : initialStatus(context.user, context.settings);
  const given = options.phase ?? (fields.phase as string | undefined);
  const phase = given ?? (definition.takesDefaultPhase === false ? undefined : context.defaultPhase);
  const draft: Record<string, unknown> = {
    ...withoutReserved(fields, collection),
    // An id given in the fields is kept (a restored backup keeps its links between entries).
    id: options.id ?? (typeof fields.id === 'string' && fields.id ? fields.id : randomId()),
    space: context.space,
    collection,
    rev: UNSAVED_REV,
    schemaVersion: definition.version,
    createdAt: timestamp,
    updatedAt: timestamp,
    author: authorOf(context.user),
    status,
  };
  if (phase === undefined) delete draft.phase;
  else draft.phase = phase;
  return draft;
}
