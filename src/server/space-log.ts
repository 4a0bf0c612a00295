/**
 * A space on disk: `log.jsonl`, one JSON line per change, only ever appended (the server's whole
 * history, replayed at start), and `space.json`, which names the copy of the data (`source`).
 * A line reaches the disk (fsync) before the server answers the request that wrote it.
 */
import { randomBytes } from 'node:crypto';
import { open, readFile, rename, truncate, writeFile, type FileHandle } from 'node:fs/promises';
import { join } from 'node:path';
import type { RawRecord } from '../sdk/adapter.js';

/** A record written or deleted by a push. */
export interface WriteLine {
  seq: number;
  type: 'write';
  collection: string;
  id: string;
  rev: string;
  /** A deletion (a tombstone): no record. */
  deleted?: true;
  record?: RawRecord;
  origin: string;
  writeId: string;
  /** Who wrote it, and when the server applied it: for whoever reads the log. */
  by: string;
  at: string;
}

/**
 * A record sent again in the feed without a new revision, because who may read it changed with
 * another record (journal feedback follows its entry: an entry made private takes its feedback away).
 */
export interface AnnounceLine {
  seq: number;
  type: 'announce';
  collection: string;
  id: string;
}

export type LogLine = WriteLine | AnnounceLine;

export const logFile = (folder: string) => join(folder, 'log.jsonl');
const stateFile = (folder: string) => join(folder, 'space.json');

/**
 * Every line of the log. A last line cut short by a crash (no newline: its write was never
 * answered) is cut off the file, so the next append starts on a line of its own.
 */
export async function readLog(folder: string): Promise<LogLine[]> {
  let text: string;
  try {
    text = await readFile(logFile(folder), 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
  const end = text.lastIndexOf('\n') + 1;
  if (end < text.length) await truncate(logFile(folder), Buffer.byteLength(text.slice(0, end)));
  return text
    .slice(0, end)
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as LogLine);
}

/** Appends lines to a space's log, each batch on disk before `append` resolves. */
export class LogAppender {
  private constructor(private readonly handle: FileHandle) {}

  static async open(folder: string): Promise<LogAppender> {
    return new LogAppender(await open(logFile(folder), 'a'));
  }

  async append(lines: LogLine[]): Promise<void> {
    if (!lines.length) return;
    await this.handle.appendFile(lines.map((line) => JSON.stringify(line) + '\n').join(''));
    await this.handle.sync();
  }

  close(): Promise<void> {
    return this.handle.close();
  }
}

/** The space's `source`, made up on its first start. */
export async function readOrCreateSource(folder: string): Promise<string> {
  try {
    const state = JSON.parse(await readFile(stateFile(folder), 'utf8')) as { source?: unknown };
    if (typeof state.source === 'string' && state.source) return state.source;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  const source = newSource();
  await writeSource(folder, source);
  return source;
}

/** A new name for a new copy of the data. */
export function newSource(): string {
  return `${new Date().toISOString().slice(0, 10)}.${randomBytes(6).toString('hex')}`;
}

/** Replaces `space.json` whole (write, fsync, rename): a crash leaves the old one or the new one. */
export async function writeSource(folder: string, source: string): Promise<void> {
  const temporary = `${stateFile(folder)}.tmp`;
  const handle = await open(temporary, 'w');
  try {
    await handle.writeFile(JSON.stringify({ source }, null, 2) + '\n');
    await handle.sync();
  } finally {
    await handle.close();
  }
  await rename(temporary, stateFile(folder));
}

/**
 * As if the space were restored from a backup taken after its first `keep` log lines: the later
 * lines are gone and the data has a new `source`, so devices read everything again and send what
 * the server lost. For tests; the server must not be using the folder meanwhile.
 */
export async function restoreSpaceFolder(folder: string, keep = Number.POSITIVE_INFINITY): Promise<void> {
  const kept = (await readLog(folder)).slice(0, keep);
  await writeFile(logFile(folder), kept.map((line) => JSON.stringify(line) + '\n').join(''));
  await writeSource(folder, newSource());
}
