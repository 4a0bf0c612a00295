/**
 * PUT, GET and DELETE /spaces/{space}/files/{id}: the space's files, with the CouchDB server's
 * rules (design/file-rules.ts): only the accepted types, at most 20 MiB; any member but observers
 * uploads in their own name; only the uploader or staff write over or delete a file. A file is
 * readable by its uploader, staff, and anyone who may read a record that names it.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { FILE_TYPES, MAX_FILE_BYTES } from '../sdk/adapters/couchdb/design/file-rules.js';
import { isStaff, type TwinUser } from '../sdk/policy/roles.js';
import { HttpError, readBytes } from './http-answers.js';
import { mayRead } from './read-access.js';
import type { Space } from './space.js';
import type { SpaceData } from './space-data.js';
import { describeFile, readFileBytes, removeFile, storeFile, type FileDescription } from './space-files.js';

const forbidden = (reason: string) => new HttpError(403, 'forbidden', reason);

export async function putFile(space: Space, user: TwinUser, id: string, req: IncomingMessage, res: ServerResponse): Promise<void> {
  if (user.role === 'observer') throw forbidden('Observers can read this space but cannot add files to it.');
  const type = String(req.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase();
  if (!(FILE_TYPES as readonly string[]).includes(type)) {
    throw new HttpError(415, 'unsupported-type', `Files of type ${type || '(none)'} are not accepted: pictures (PNG, JPEG, GIF, WebP), sound, video, PDF and ZIP only.`);
  }
  const bytes = await readBytes(req, MAX_FILE_BYTES, `A file may be at most ${MAX_FILE_BYTES / 1048576} MiB.`);
  await space.exclusive(async () => {
    const existing = await describeFile(space.filesFolder, id);
    // The uploader may send the same file again (a retry); nobody else may replace it, but staff.
    if (existing && existing.owner !== user.id && !isStaff(user.role)) throw forbidden('Only the person who uploaded this file, or a teacher, can replace it.');
    await storeFile(space.filesFolder, id, bytes, { owner: existing?.owner ?? user.id, type, size: bytes.length });
  });
  res.writeHead(204).end();
}

export async function getFile(space: Space, user: TwinUser, id: string, res: ServerResponse): Promise<void> {
  const found = await space.exclusive(async (data) => {
    const description = await describeFile(space.filesFolder, id);
    if (!description || !mayReadFile(space, data, user, id, description)) return undefined;
    return { description, bytes: await readFileBytes(space.filesFolder, id) };
  });
  // Not there and not readable answer alike, so nobody learns which files exist.
  if (!found) throw new HttpError(404, 'not-found', `There is no file "${id}" you can read.`);
  res.writeHead(200, { 'content-type': found.description.type, 'content-length': found.bytes.length, ...fileSafetyHeaders(found.description.type) });
  res.end(found.bytes);
}

export async function deleteFile(space: Space, user: TwinUser, id: string, res: ServerResponse): Promise<void> {
  if (user.role === 'observer') throw forbidden('Observers can read this space but cannot delete files.');
  await space.exclusive(async () => {
    const description = await describeFile(space.filesFolder, id);
    // Already gone: a retried deletion succeeds.
    if (!description) return;
    if (description.owner !== user.id && !isStaff(user.role)) throw forbidden('Only the person who uploaded this file, or a teacher, can delete it.');
    await removeFile(space.filesFolder, id);
  });
  res.writeHead(204).end();
}

/**
 * Its uploader, staff, or a reader of a live record that names the file id anywhere in its fields
 * (a post's `attachment`, a journal entry's `media[].attachment`, a glossary entry's `audio`).
 */
function mayReadFile(space: Space, data: SpaceData, user: TwinUser, id: string, description: FileDescription): boolean {
  if (description.owner === user.id || isStaff(user.role)) return true;
  const find = (collection: string, recordId: string) => data.record(collection, recordId);
  for (const record of data.liveRecords()) {
    if (namesValue(record, id) && mayRead(user, record, space.settings, find)) return true;
  }
  return false;
}

function namesValue(value: unknown, wanted: string): boolean {
  if (value === wanted) return true;
  if (typeof value !== 'object' || value === null) return false;
  return Object.values(value).some((inner) => namesValue(inner, wanted));
}

/**
 * A stored file must never run as a page of the server's origin: `sandbox` gives any document an
 * opaque origin without scripts, `nosniff` stops the browser guessing HTML, and what is not a
 * picture, sound or video is a download.
 */
function fileSafetyHeaders(type: string): Record<string, string> {
  const inline = /^(image\/(png|jpeg|gif|webp)|audio\/[\w.+-]+|video\/[\w.+-]+)$/.test(type);
  return { 'content-security-policy': 'sandbox', 'x-content-type-options': 'nosniff', 'cache-control': 'private, no-store', ...(inline ? {} : { 'content-disposition': 'attachment' }) };
}
