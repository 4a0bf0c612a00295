import { TwinError } from '../../errors.js';

/**
 * What went wrong talking to the server, so that sync can tell "try again later" from "ask the
 * user": `offline` (no answer: wrong URL, server down, connection cut), `unauthorized` (401: not
 * signed in or the session expired), `forbidden` (403: the server's rules refused it), `server`
 * (5xx), `bad-response` (an answer that is not CouchDB's JSON: a captive portal, a wrong URL),
 * `missing-database` (404 on the database: the space was never set up).
 */
export type RemoteFailure = 'offline' | 'unauthorized' | 'forbidden' | 'server' | 'bad-response' | 'missing-database';

export class TwinRemoteError extends TwinError {
  readonly failure: RemoteFailure;
  /** HTTP status, when there was an answer. */
  readonly status: number | undefined;
  /** Whether trying again later may work (server down, 5xx), as opposed to needing someone to act. */
  readonly retryable: boolean;
  /** The server's own error code, when it sent one (the replication protocol's `error`: `bad-checkpoint`). */
  readonly serverCode: string | undefined;

  constructor(failure: RemoteFailure, message: string, options: { status?: number; cause?: unknown; serverCode?: string } = {}) {
    super(failure === 'unauthorized' || failure === 'forbidden' ? 'permission' : 'storage-unavailable', message, { cause: options.cause });
    this.name = 'TwinRemoteError';
    this.failure = failure;
    this.status = options.status;
    this.serverCode = options.serverCode;
    this.retryable = failure === 'offline' || failure === 'server' || failure === 'bad-response';
  }
}

export function isRemoteError(value: unknown): value is TwinRemoteError {
  return value instanceof Error && value.name === 'TwinRemoteError' && 'failure' in value;
}
