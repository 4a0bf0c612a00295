import type { ListQuery } from '../../adapter.js';
import { TwinNotFoundError, TwinValidationError } from '../../errors.js';
import { nounOf } from '../record-names.js';
import { definitionOf, type StoreContext } from '../store-context.js';
import type { InvalidRecord, ListResult, TwinRecord } from '../store-types.js';
import { describeIssues } from '../validate-record.js';
import { mayAct, ruleAllows } from './read-rule.js';
import { isReadable, mayInspect } from './record-visibility.js';
import { followsTarget, prefetchTargets, targetAllows, type TargetCache } from './target-readability.js';
import { checkStored } from './validation-cache.js';

/** One record, validated and readable for the user; otherwise not found (or damaged, if they may see it). */
export async function getRecord<T extends TwinRecord>(context: StoreContext, collection: string, id: string): Promise<T> {
  const definition = definitionOf(context, collection);
  const raw = await context.io.get(context.space, collection, id);
  const notFound = () => new TwinNotFoundError(`This ${nounOf(collection)} no longer exists (it may have been deleted).`);
  const targets: TargetCache = new Map();
  if (!raw || !(await mayInspect(context, raw, definition, targets))) throw notFound();
  const checked = checkStored<T>(context, raw, definition);
  if (!checked.ok) {
    context.reportInvalid({ collection, id, issues: checked.issues, raw });
    throw new TwinValidationError(`This ${nounOf(collection)} is damaged and cannot be shown: ${describeIssues(checked.issues)}.`, checked.issues);
  }
  // A record the user may not read is, for them, not there.
  if (!(await isReadable(context, checked.record as TwinRecord, definition, targets))) throw notFound();
  return checked.record;
}

/** The records of a collection the user may read; damaged ones they may see are reported in `invalid`. */
export async function listRecords<T extends TwinRecord>(context: StoreContext, collection: string, query: ListQuery): Promise<ListResult<T>> {
  const definition = definitionOf(context, collection);
  const raws = await context.io.list(context.space, collection, query);
  const records: T[] = [];
  const invalid: InvalidRecord[] = [];
  const targets: TargetCache = new Map();
  const follows = followsTarget(context, definition);
  if (follows) prefetchTargets(context, definition, raws, targets);
  // Written out (not mayInspect and isReadable): a list of plain records awaits nothing per record.
  for (const raw of raws) {
    if (!ruleAllows(context, raw, definition) || (follows && !(await targetAllows(context, raw, definition, targets)))) continue;
    const checked = checkStored<T>(context, raw, definition);
    if (checked.ok) {
      // The target, if any, was checked above on the same stored version.
      if (mayAct(context, 'read', checked.record as TwinRecord)) records.push(checked.record);
    } else {
      const report = { collection, id: String(raw.id), issues: checked.issues, raw };
      invalid.push(report);
      context.reportInvalid(report);
    }
  }
  return { records, invalid };
}
