import { TwinConflictError, TwinValidationError } from '../../errors.js';
import { capitalized, nounOf } from '../record-names.js';
import { definitionOf, type StoreContext } from '../store-context.js';
import type { TwinRecord } from '../store-types.js';
import { changedKeys, mergeOnto } from '../three-way-merge.js';
import { approvalRequired } from './approval-switch.js';
import { editedRecord } from './edited-record.js';
import { maySetModeratorFields, moderatorFieldsIn, requireModeratorFields } from './moderator-fields.js';
import { referenceIssue, referenceProblem, referenceSentence } from './references.js';
import { savedVersion, storedVersion, theirVersion } from './stored-version.js';
import { validateForWrite, withoutReserved } from './validate-write.js';
import { mayContribute, requireAction } from './write-permissions.js';

/** How many times a safe merge is retried when others keep writing the same record. */
const MERGE_ATTEMPTS = 3;

/**
 * Saves `changes` on top of `base` (the version the user was editing), merged onto what others
 * saved meanwhile when the fields do not overlap; see `TwinStore.update`.
 */
export async function updateRecord<T extends TwinRecord>(context: StoreContext, collection: string, base: T, changes: Record<string, unknown>): Promise<T> {
  const definition = definitionOf(context, collection);
  const fields = withoutReserved(changes, collection);
  const noun = nounOf(collection);
  const mine = { ...base, ...fields };
  // Everything is decided on the stored version, never on the caller's copy: a widget cannot
  // change the author, status or creation time by passing an edited record.
  let theirs = await storedVersion<T>(context, collection, definition, base);
  const approval = await approvalRequired(context, definition);
  for (let attempt = 1; ; attempt++) {
    if (!theirs) {
      throw new TwinConflictError(`Someone deleted this ${noun} while you were editing it. Your version is kept here so you can save it again.`, mine, undefined);
    }
    // Only what the user changed is written: fields they did not touch keep the stored value.
    const merge = mergeOnto(base, mine, theirs);
    if (!merge.ok || (theirs.rev !== base.rev && attempt > MERGE_ATTEMPTS)) {
      throw new TwinConflictError(
        `Someone else changed this ${noun} while you were editing it (${merge.ok ? 'several times' : merge.fields.join(', ')}). Both versions are kept: choose which to keep.`,
        mine,
        theirs,
        merge.ok ? [] : merge.fields,
      );
    }
    const removals = Object.fromEntries(merge.removed.map((key) => [key, undefined]));
    const edited = editedRecord(context, theirs, removals, merge.set, definition, approval);
    // What this edit changes in the content (the status is the store's to set).
    const changed = [...changedKeys(theirs, edited)].filter((key) => key !== 'status');
    requireModeratorFields(context, collection, moderatorFieldsIn(definition, changed), 'edit');
    if (!mayContribute(context, theirs, edited, definition) && !maySetModeratorFields(context, changed, definition)) requireAction(context, 'edit', theirs, collection);
    const record = validateForWrite(edited, definition, collection);
    // Only what this edit names anew is checked: an activity left in a phase removed since can still be edited.
    const problem = await referenceProblem(context, record, definition, theirs);
    if (problem) throw new TwinValidationError(capitalized(referenceSentence(problem)), [referenceIssue(problem)]);
    const [result] = await context.io.write(context.space, [{ type: 'put', record, expectedRev: theirs.rev }], { origin: context.origin });
    if (result.ok) return savedVersion<T>(context, collection, record, result);
    theirs = await theirVersion<T>(context, result.current, definition);
  }
}
