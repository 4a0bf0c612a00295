/**
 * Size limits in the server's configuration, behind the space's rules (which refuse larger records
 * and files whatever the configuration). Server-wide: they apply to every database on the server.
 */
import { MAX_FILE_BYTES, MAX_RECORD_CHARS } from '../design/file-rules.js';
import type { CouchRequest } from './couch-request.js';
import { setConfig } from './server-config.js';

/**
 * CouchDB 3 counts a document without its attachments, so `max_document_size` is the record limit
 * with a margin (it measures its own encoding, not JSON). pouchdb-server applies it to the whole JSON
 * body of a request, inline files included, and ignores `max_attachment_size`: there it must let a
 * largest file through as base64, and the rules refuse larger records.
 */
export function serverLimits(configPath: string): { maxDocumentSize: number; maxAttachmentSize: number } {
  const couchdb3 = configPath.startsWith('/_node/');
  const base64File = Math.ceil(MAX_FILE_BYTES / 3) * 4;
  return { maxDocumentSize: couchdb3 ? 2 * MAX_RECORD_CHARS : base64File + 64 * 1024, maxAttachmentSize: MAX_FILE_BYTES };
}

export async function setServerLimits(request: CouchRequest, configPath: string): Promise<{ changed: boolean; summary: string }> {
  const { maxDocumentSize, maxAttachmentSize } = serverLimits(configPath);
  const document = await setConfig(request, configPath, 'couchdb/max_document_size', String(maxDocumentSize));
  const attachment = await setConfig(request, configPath, 'couchdb/max_attachment_size', String(maxAttachmentSize));
  const changed = document || attachment;
  return {
    changed,
    summary: `Size limits (max_document_size ${maxDocumentSize}, max_attachment_size ${maxAttachmentSize} bytes, server-wide): ${changed ? 'set' : 'unchanged'}.`,
  };
}
