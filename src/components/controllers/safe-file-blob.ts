import { sniffType } from '../../sdk/attachments/sniff-type.js';

/**
 * Types a stored file may be shown as from a `blob:` URL: pictures (not SVG), sound and video. The
 * type is read from the file's first bytes, whatever its declared type: a server or another device
 * may hold HTML, SVG or script under any name, and a `blob:` URL of it would run on the page's origin.
 */
export const INLINE_FILE_TYPES: readonly string[] = ['image/png', 'image/jpeg', 'image/gif', 'image/webp', 'audio/mpeg', 'audio/wav', 'audio/ogg', 'video/webm', 'video/mp4'];

/** The file typed as what it is, or undefined when it is not safe to show inline. */
export async function inlineBlob(blob: Blob): Promise<Blob | undefined> {
  const type = await sniffType(blob);
  if (!type || !INLINE_FILE_TYPES.includes(type)) return undefined;
  return blob.type === type ? blob : new Blob([blob], { type });
}

/** The file for a download (PDF, office documents, anything): a type no browser renders. */
export function downloadBlob(blob: Blob): Blob {
  return new Blob([blob], { type: 'application/octet-stream' });
}
