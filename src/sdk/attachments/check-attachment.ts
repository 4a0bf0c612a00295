import type { AttachmentLimits } from '../store/store-types.js';
import { sniffType } from './sniff-type.js';

export type AttachmentCheck = { ok: true; type: string } | { ok: false; reason: 'too-large' } | { ok: false; reason: 'wrong-type'; type: string | undefined };

/**
 * Is this file within the limits? Size first (a huge file is not read at all), then the type read
 * from its first bytes. The store refuses by it, and a form uses it to say so at once.
 */
export async function checkAttachment(blob: Blob, limits: AttachmentLimits): Promise<AttachmentCheck> {
  if (blob.size > limits.maxBytes) return { ok: false, reason: 'too-large' };
  const type = await sniffType(blob);
  return type && limits.types.includes(type) ? { ok: true, type } : { ok: false, reason: 'wrong-type', type };
}
