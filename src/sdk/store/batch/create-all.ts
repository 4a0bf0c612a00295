import type { RawRecord } from '../../adapter.js';
import { TwinConflictError, TwinValidationError } from '../../errors.js';
import { deepFreeze } from '../read/validation-cache.js';
import { nounOf, withArticle } from '../record-names.js';
import type { StoreContext } from '../store-context.js';
import type { CreateAllItem, TwinRecord } from '../store-types.js';
import { approvalRequired } from '../write/approval-switch.js';
import { feedbackRefused, feedbackTargets } from '../write/feedback-targets.js';
import { referenceIssue, referenceProblem, referenceSentence } from '../write/references.js';
import { theirVersion } from '../write/stored-version.js';
import { batchError, prepareBatch } from './prepare-batch.js';
import { undoBatch } from './undo-batch.js';

/**
 * Records of one or more collections, all or nothing: every item is checked before anything is
 * written, then one adapter write; see `TwinStore.createAll`.
 */
export async function createAll(context: StoreContext, items: CreateAllItem[]): Promise<TwinRecord[]> {
  if (!items.length) return [];
  const timestamp = context.now().toISOString();
  // Collections whose approval switch (the journal settings) makes this user's records wait.
  const approvals = new Set<string>();
  for (const collection of new Set(items.map((item) => item.collection))) {
    const definition = context.collections[collection];
    if (definition && (await approvalRequired(context, definition))) approvals.add(collection);
  }
  const entries = prepareBatch(context, items, timestamp, approvals);
  // Records of this batch count as existing for each other's references.
  const inBatch = new Map<string, RawRecord>();
  for (const entry of entries) if (entry.record) inBatch.set(`${entry.collection}\u0000${entry.record.id}`, entry.record);
  const lookups = new Map<string, Promise<boolean>>();
  const targetsByCollection = new Map<string, Map<string, boolean>>();
  // Every item is checked, in order, before anything is written: the first problem stops the batch.
  for (const [index, entry] of entries.entries()) {
    const { label, collection, definition, record } = entry;
    if (entry.error !== undefined) throw batchError(label, entry.error);
    if (!definition || !record) throw new Error('unreachable: a batch entry without an error has a record');
    const feedback = definition.feedbackOn;
    if (feedback) {
      if (!targetsByCollection.has(collection)) {
        const targets = items.filter((item) => item.collection === collection).map((item) => item.fields.target);
        targetsByCollection.set(collection, await feedbackTargets(context, feedback, targets));
      }
      if (!targetsByCollection.get(collection)?.get(String(items[index].fields.target))) throw feedbackRefused(context, feedback);
    }
    const problem = await referenceProblem(context, record, definition, undefined, lookups, inBatch);
    if (problem) {
      throw new TwinValidationError(`${label}: ${referenceSentence(problem)} Nothing was saved.`, [referenceIssue(problem)]);
    }
    if (entry.chosenId) {
      const taken = await context.io.get(context.space, collection, record.id);
      if (taken) {
        throw new TwinConflictError(
          `${label}: ${withArticle(nounOf(collection))} with the id "${record.id}" already exists. Nothing was saved.`,
          record,
          await theirVersion(context, taken, definition),
        );
      }
    }
  }
  const records = entries.map((entry) => entry.record as RawRecord);
  const written = await context.io.write(
    context.space,
    records.map((record) => ({ type: 'put' as const, record, expectedRev: null })),
    { origin: context.origin },
  );
  const refused = written.findIndex((result) => !result.ok);
  if (refused >= 0) throw await undoBatch(context, entries, written, refused);
  const saved = records.map((record, i) => deepFreeze({ ...record, rev: (written[i] as { rev: string }).rev }) as TwinRecord);
  context.emitChanges(saved.map((record) => ({ type: 'put' as const, collection: record.collection, id: record.id, record, local: true })));
  return saved;
}
