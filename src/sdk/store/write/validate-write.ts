import type { RawRecord } from '../../adapter.js';
import { TwinValidationError } from '../../errors.js';
import type { CollectionDefinition } from '../../schemas/collections.js';
import { ENVELOPE_KEYS } from '../../schemas/envelope.js';
import { nounOf } from '../record-names.js';
import { checkRecord, describeIssues } from '../validate-record.js';

/** Keys the store owns: a widget cannot set them through `create` or `update` (`phase` it may). */
const RESERVED: readonly string[] = ENVELOPE_KEYS.filter((key) => key !== 'phase');

/** The fields a widget asked to write, without `id` (the store decides it); a reserved key is refused. */
export function withoutReserved(fields: Record<string, unknown>, collection: string): Record<string, unknown> {
  const reserved = RESERVED.filter((key) => key in fields && key !== 'id');
  if (reserved.length) {
    throw new TwinValidationError(
      `This ${nounOf(collection)} was not saved: ${reserved.join(', ')} ${reserved.length > 1 ? 'are' : 'is'} managed by Twinkit and cannot be set directly.`,
      reserved.map((path) => ({ path, message: 'is managed by Twinkit' })),
    );
  }
  const { id: _ignored, ...rest } = fields;
  return rest;
}

/** The record as it will be written, checked against its collection's schema; refused with every issue named. */
export function validateForWrite(draft: Record<string, unknown>, definition: CollectionDefinition, collection: string): RawRecord {
  const checked = checkRecord<RawRecord>(draft, definition);
  if (!checked.ok) throw new TwinValidationError(`This ${nounOf(collection)} was not saved: ${describeIssues(checked.issues)}.`, checked.issues);
  return checked.record;
}
