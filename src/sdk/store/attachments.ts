import { checkAttachment } from '../attachments/check-attachment.js';
import { TwinNotFoundError, TwinPermissionError, TwinValidationError } from '../errors.js';
import { nounOf } from './record-names.js';
import { definitionOf, type StoreContext } from './store-context.js';
import type { AttachmentLimits, TwinRecord } from './store-types.js';
import { storedVersion } from './write/stored-version.js';
import { requireAction } from './write/write-permissions.js';

/** Stores a file whose content (not only its declared type) is one the widget accepts, within its size limit. */
export async function putAttachment(context: StoreContext, blob: Blob, limits: AttachmentLimits) {
  requireAction(context, 'create', undefined, 'attachment');
  const checked = await checkAttachment(blob, limits);
  if (!checked.ok && checked.reason === 'too-large') {
    throw new TwinValidationError(
      `This file is too large (${formatBytes(blob.size)}); the limit is ${formatBytes(limits.maxBytes)}. Nothing was saved.`,
      [{ path: 'size', message: `exceeds ${limits.maxBytes} bytes`, kind: 'file-too-large', numbers: [limits.maxBytes] }],
    );
  }
  if (!checked.ok) {
    throw new TwinValidationError(
      `This file's content is not one of the accepted types (${limits.types.join(', ')}). Nothing was saved.`,
      [{ path: 'type', message: `content is ${checked.type ?? 'unknown'}`, kind: 'file-type' }],
    );
  }
  const type = checked.type;
  const typed = blob.type === type ? blob : new Blob([blob], { type });
  return context.io.putAttachment(context.space, typed);
}

export async function getAttachment(context: StoreContext, id: string): Promise<Blob> {
  const blob = await context.io.getAttachment(context.space, id);
  if (!blob) throw new TwinNotFoundError('This file is no longer stored.');
  return blob;
}

/**
 * Deletes a file that `record` (in `collection`) refers to, as someone who may edit that record.
 * Attachment ids are visible in published records, so an id alone gives no right to delete.
 */
export async function removeAttachment(context: StoreContext, id: string, collection: string, record: TwinRecord): Promise<void> {
  const definition = definitionOf(context, collection);
  const stored = await storedVersion(context, collection, definition, record);
  if (!stored || !JSON.stringify(stored).includes(JSON.stringify(id))) {
    throw new TwinPermissionError(`This file does not belong to this ${nounOf(collection)}, so it was not deleted.`, 'edit');
  }
  requireAction(context, 'edit', stored, collection);
  await context.io.deleteAttachment(context.space, id);
}

function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(0)} kB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}
