import type { AttachmentInfo } from '../../adapter.js';
import type { CouchClient } from './couch-http.js';
import { ATTACHMENT_NAME, attachmentDocumentId } from './couch-names.js';

const CHUNK = 0x8000;

/** Base64 of a blob, for an inline attachment (one request creates the document and its file). */
async function base64(blob: Blob): Promise<string> {
  const bytes = new Uint8Array(await blob.arrayBuffer());
  let binary = '';
  for (let i = 0; i < bytes.length; i += CHUNK) binary += String.fromCharCode(...bytes.subarray(i, i + CHUNK));
  return btoa(binary);
}

const docPath = (database: string, id: string) => `/${encodeURIComponent(database)}/${encodeURIComponent(attachmentDocumentId(id))}`;

async function currentRev(client: CouchClient, database: string, id: string): Promise<string | undefined> {
  const { status, body } = await client.json<{ _rev?: string }>('GET', docPath(database, id), { accept: [404] });
  return status === 404 ? undefined : body._rev;
}

/**
 * Attachments are documents `attachment:<id>` with one CouchDB attachment, and the name of the
 * user who stored it (`owner`), which the server's rules check before a change or a delete.
 */
/** `fields`: bookkeeping stored with the file (its database; the uploader's name when a file moves with its record). */
export async function putAttachment(client: CouchClient, database: string, blob: Blob, id: string, fields: Record<string, unknown> = {}): Promise<AttachmentInfo> {
  const type = blob.type || 'application/octet-stream';
  const owner = await client.userName();
  const doc = { owner, ...fields, _attachments: { [ATTACHMENT_NAME]: { content_type: type, data: await base64(blob) } } };
  for (let attempt = 0; ; attempt++) {
    const rev = attempt === 0 ? undefined : await currentRev(client, database, id);
    const { status } = await client.json('PUT', docPath(database, id), { body: rev ? { ...doc, _rev: rev } : doc, accept: [409] });
    if (status !== 409) break;
    if (attempt === 2) throw new Error(`The attachment ${id} kept changing on the server while it was being replaced.`);
  }
  return { id, type: blob.type, size: blob.size };
}

export async function getAttachment(client: CouchClient, database: string, id: string): Promise<Blob | undefined> {
  const response = await client.raw('GET', `${docPath(database, id)}/${ATTACHMENT_NAME}`, { accept: [404], headers: { accept: '*/*' } });
  if (response.status === 404) {
    await response.body?.cancel();
    return undefined;
  }
  return response.blob();
}

export async function deleteAttachment(client: CouchClient, database: string, id: string): Promise<void> {
  for (let attempt = 0; attempt < 3; attempt++) {
    const rev = await currentRev(client, database, id);
    if (!rev) return;
    const { status } = await client.json('DELETE', docPath(database, id), { query: { rev }, accept: [404, 409] });
    if (status !== 409) return;
  }
}
