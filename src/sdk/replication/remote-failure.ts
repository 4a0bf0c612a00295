import { TwinRemoteError } from '../adapters/couchdb/remote-error.js';

/**
 * The engine's error for a request that failed, from the HTTP status and the protocol's error
 * body (`{ error, reason }`): an outage is retried, a refusal or a sign-in is shown to the person.
 */
export async function failureOf(response: Response, what: string): Promise<TwinRemoteError> {
  const body = (await response.json().catch(() => undefined)) as { error?: unknown; reason?: unknown } | undefined;
  const reason = typeof body?.reason === 'string' ? body.reason : response.statusText;
  const message = `${what}: ${response.status} ${reason}`.trim();
  const status = response.status;
  const code = typeof body?.error === 'string' ? body.error : undefined;
  if (status === 401) return new TwinRemoteError('unauthorized', message, { status, serverCode: code });
  if (status === 403) return new TwinRemoteError('forbidden', message, { status, serverCode: code });
  if (status === 404) return new TwinRemoteError('missing-database', message, { status, serverCode: code });
  if (status >= 500 || status === 429 || status === 408) return new TwinRemoteError('server', message, { status, serverCode: code });
  return new TwinRemoteError('bad-response', message, { status, serverCode: code });
}

/** No answer at all (server down, wrong address, connection cut): retried. An abort is passed on as it is. */
export function unreachable(error: unknown, what: string): unknown {
  if (error instanceof Error && error.name === 'AbortError') return error;
  return new TwinRemoteError('offline', `${what}: no answer (${error instanceof Error ? error.message : String(error)})`, { cause: error });
}
