/**
 * A space's files (photos, recordings) on disk, in its `files` folder: `bytes/<id>` holds the
 * bytes and `about/<id>.json` who uploaded them and their type. The description is written last
 * and removed first, so a file is there exactly when its description is. File ids are checked
 * (server-config.ts SAFE_NAME) before they become file names.
 */
import { randomBytes } from 'node:crypto';
import { mkdir, open, readFile, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';

export interface FileDescription {
  /** The user id of who uploaded it. */
  owner: string;
  type: string;
  size: number;
}

const bytesPath = (folder: string, id: string) => join(folder, 'bytes', id);
const descriptionPath = (folder: string, id: string) => join(folder, 'about', `${id}.json`);

export async function describeFile(folder: string, id: string): Promise<FileDescription | undefined> {
  try {
    return JSON.parse(await readFile(descriptionPath(folder, id), 'utf8')) as FileDescription;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

export function readFileBytes(folder: string, id: string): Promise<Buffer> {
  return readFile(bytesPath(folder, id));
}

export async function storeFile(folder: string, id: string, bytes: Buffer, description: FileDescription): Promise<void> {
  await Promise.all(['bytes', 'about', 'tmp'].map((sub) => mkdir(join(folder, sub), { recursive: true })));
  await writeDurably(folder, bytesPath(folder, id), bytes);
  await writeDurably(folder, descriptionPath(folder, id), JSON.stringify(description));
}

export async function removeFile(folder: string, id: string): Promise<void> {
  await rm(descriptionPath(folder, id), { force: true });
  await rm(bytesPath(folder, id), { force: true });
}

/** Write, fsync, rename: a crash leaves the old content or the new one, never half of it. */
async function writeDurably(folder: string, path: string, content: Buffer | string): Promise<void> {
  const temporary = join(folder, 'tmp', randomBytes(8).toString('hex'));
  const handle = await open(temporary, 'w');
  try {
    await handle.writeFile(content);
    await handle.sync();
  } finally {
    await handle.close();
  }
  await rename(temporary, path);
}
