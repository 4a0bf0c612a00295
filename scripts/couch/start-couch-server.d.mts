export interface CouchServer {
  url: string;
  port: number;
  admin: { name: string; password: string };
  adminHeaders: Record<string, string>;
  /** The data folder when started with `persistent`; undefined in memory. */
  dir: string | undefined;
  /** Ends the process at once (SIGKILL), as a crash or a power cut: nothing is flushed. */
  kill(): Promise<void>;
  /** Starts the process again on the same port and folder (killing it first if it runs). In memory, the data is gone. */
  restart(): Promise<void>;
  /** Ends the process; removes its temporary folder, never a `persistent` one. */
  stop(): Promise<void>;
}
export function freePort(): Promise<number>;
export function startCouchServer(options?: {
  port?: number;
  admin?: { name: string; password: string };
  /** A folder for the data (LevelDB): it outlives kill() and restart(). Default: in memory. */
  persistent?: string;
}): Promise<CouchServer>;
