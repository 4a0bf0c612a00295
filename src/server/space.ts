/**
 * One space of the server: its data in memory, its log on disk, and its turn-taking. Requests of a
 * space take turns (`exclusive`): a push checks and applies its writes, and its lines reach the
 * disk, before any other request of the space reads or writes; so nobody ever reads a change that
 * could still be lost. Long polls wait outside their turn (`waitForChange`).
 */
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { SpaceSettings } from '../sdk/policy/roles.js';
import { SpaceData } from './space-data.js';
import { LogAppender, readLog, readOrCreateSource, restoreSpaceFolder, type LogLine } from './space-log.js';

export class Space {
  private queue: Promise<unknown> = Promise.resolve();
  private readonly waiters = new Set<() => void>();

  private constructor(
    readonly name: string,
    readonly folder: string,
    readonly settings: SpaceSettings,
    private data: SpaceData,
    private appender: LogAppender,
  ) {}

  /** Opens (or creates) the space's folder under `dataDir` and replays its log. */
  static async open(dataDir: string, name: string, settings: SpaceSettings): Promise<Space> {
    const folder = join(dataDir, 'spaces', name);
    await mkdir(join(folder, 'files'), { recursive: true });
    const [data, appender] = await Space.load(folder);
    return new Space(name, folder, settings, data, appender);
  }

  private static async load(folder: string): Promise<[SpaceData, LogAppender]> {
    const data = new SpaceData(await readOrCreateSource(folder));
    for (const line of await readLog(folder)) data.apply(line);
    return [data, await LogAppender.open(folder)];
  }

  get filesFolder(): string {
    return join(this.folder, 'files');
  }

  /** Runs `task` when the space's earlier requests are done; the next ones wait for it. */
  exclusive<T>(task: (data: SpaceData) => Promise<T> | T): Promise<T> {
    const run = this.queue.then(() => task(this.data));
    this.queue = run.catch(() => undefined);
    return run;
  }

  /**
   * Writes lines to the log (on disk when this resolves), then lets waiting pulls know. Call
   * inside `exclusive`, after applying the lines to `data`. If the disk refuses them, the data in
   * memory is read again from the log, so it holds only what was saved, and the error is thrown.
   */
  async commit(lines: LogLine[]): Promise<void> {
    if (!lines.length) return;
    try {
      await this.appender.append(lines);
    } catch (error) {
      await this.appender.close().catch(() => undefined);
      [this.data, this.appender] = await Space.load(this.folder);
      throw error;
    }
    for (const wake of [...this.waiters]) wake();
  }

  /** Resolves when a change is committed, after `ms`, or when `signal` aborts, whichever comes first. */
  waitForChange(ms: number, signal: AbortSignal): Promise<void> {
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.waiters.delete(done);
        signal.removeEventListener('abort', done);
        resolve();
      };
      const timer = setTimeout(done, ms);
      this.waiters.add(done);
      signal.addEventListener('abort', done, { once: true });
    });
  }

  /** As if restored from a backup of its first `keep` log lines: a new `source`, later changes gone. */
  restore(keep?: number): Promise<void> {
    return this.exclusive(async () => {
      await this.appender.close();
      await restoreSpaceFolder(this.folder, keep);
      [this.data, this.appender] = await Space.load(this.folder);
      for (const wake of [...this.waiters]) wake();
    });
  }

  /** Wakes every long poll (they answer at once) and closes the log. */
  close(): Promise<void> {
    for (const wake of [...this.waiters]) wake();
    return this.exclusive(() => this.appender.close());
  }
}
