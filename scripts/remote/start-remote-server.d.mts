import type { SpacesConfig } from '../../src/server/server-config.js';

export interface RemoteServerOptions {
  /** The spaces, their moderation and members (with passwords: HTTP Basic). */
  spaces: SpacesConfig;
  /** Default: a free port. */
  port?: number;
  /** A folder for the data: it outlives stop(). Default: a temporary folder, removed by stop(). */
  dataDir?: string;
  /** Web origins allowed to call with credentials (CORS). Default: none. */
  allowedOrigins?: string[];
}

export interface RemoteServer {
  /** The protocol's base URL: `${url}/spaces/${space}/pull`. */
  url: string;
  port: number;
  dataDir: string;
  /** Ends the process at once (SIGKILL), as a crash: what was answered is on disk, nothing else. */
  kill(): Promise<void>;
  /** Starts the process again on the same port and data (killing it first if it runs). Data and `source` survive. */
  restart(): Promise<void>;
  /** Stops the process, restores `space` as from a backup of its first `keep` changes (default all: a new `source` only), starts again. */
  restore(space: string, options?: { keep?: number }): Promise<void>;
  /** Ends the process; removes its temporary folder, never a `dataDir` given by the caller. */
  stop(): Promise<void>;
}

export function startRemoteServer(options: RemoteServerOptions): Promise<RemoteServer>;
