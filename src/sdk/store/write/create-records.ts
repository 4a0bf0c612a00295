import type { RawRecord } from '../../adapter.js';
import { TwinConflictError, TwinValidationError } from '../../errors.js';
import { deepFreeze } from '../read/validation-cache.js';
import { capitalized, nounOf, withArticle } from '../record-names.js';
import { definitionOf, type StoreContext } from '../store-context.js';
import type { BatchResult, CreateOptions, RecordChange, TwinRecord } from '../store-types.js';
import { approvalRequired } from './approval-switch.js';
import { feedbackRefused, feedbackTargets } from './feedback-targets.js';
import { moderatorFieldsSet, requireModeratorFields } from './moderator-fields.js';
import { draftRecord } from './new-record.js';
import { referenceIssue, referenceProblem, referenceSentence } from './references.js';
import { theirVersion } from './stored-version.js';
import { validateForWrite } from './validate-write.js';
import { requireCreate } from './write-permissions.js';

/**
 * New records of one collection, in one adapter write (`create` is a batch of one). Each item is
 * checked on its own: with `throwFirst` its problem is thrown, otherwise it is that item's result
 * and the others are still written.
 */
export async function createRecords<T extends TwinRecord>(
  context: StoreContext,
  collection: string,
  items: { fields: Record<string, unknown>; options: CreateOptions }[],
  throwFirst: boolean,
): Promise<BatchResult<T>[]> {
  const definition = definitionOf(context, collection);
  requireCreate(context, collection, definition);
  const timestamp = context.now().toISOString();
  const feedback = definition.feedbackOn;
  const results: (BatchResult<T> | undefined)[] = new Array(items.length);
  const toWrite: { index: number; record: RawRecord }[] = [];
  // Feedback may only go on a record the user can read and may comment on or react to.
  const targets = feedback ? await feedbackTargets(context, feedback, items.map(({ fields }) => fields.target)) : undefined;
  const approval = await approvalRequired(context, definition);
  const lookups = new Map<string, Promise<boolean>>();
  for (const [index, { fields, options }] of items.entries()) {
    try {
      if (feedback && !targets?.get(String(fields.target))) throw feedbackRefused(context, feedback);
      requireModeratorFields(context, collection, moderatorFieldsSet(definition, fields), 'create');
      const record = validateForWrite(draftRecord(context, collection, definition, fields, options, timestamp, approval), definition, collection);
      const problem = await referenceProblem(context, record, definition, undefined, lookups);
      if (problem) throw new TwinValidationError(capitalized(referenceSentence(problem)), [referenceIssue(problem)]);
      toWrite.push({ index, record });
    } catch (error) {
      if (throwFirst) throw error;
      results[index] = { ok: false, error: error as Error };
    }
  }
  if (toWrite.length) {
    const written = await context.io.write(
      context.space,
      toWrite.map(({ record }) => ({ type: 'put' as const, record, expectedRev: null })),
      { origin: context.origin },
    );
    const changes: RecordChange[] = [];
    for (const [i, result] of written.entries()) {
      const { index, record } = toWrite[i];
      if (result.ok) {
        const saved = deepFreeze({ ...record, rev: result.rev }) as T;
        results[index] = { ok: true, record: saved };
        changes.push({ type: 'put', collection, id: saved.id, record: saved, local: true });
      } else {
        results[index] = {
          ok: false,
          error: new TwinConflictError(
            `${capitalized(withArticle(nounOf(collection)))} with this id already exists. Nothing was overwritten.`,
            record,
            await theirVersion(context, result.current, definition),
          ),
        };
      }
    }
    context.emitChanges(changes);
  }
  return results as BatchResult<T>[];
}
