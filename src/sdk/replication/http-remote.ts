import type { PullPage, PushResult, ReplicationRemote } from './protocol.js';
import { failureOf, unreachable } from './remote-failure.js';

export interface HttpRemoteOptions {
  /** The protocol's base URL: `https://lms.example/twinkit`, or a same-origin path (`/twinkit`). */
  url: string;
  /** Signs each request in with HTTP Basic. A server with its own sign-in (a cookie) needs none. */
  credentials?: { name: string; password: string };
  /** More headers for every request (a bearer token, a CSRF token). */
  headers?: Record<string, string>;
  fetch?: typeof fetch;
}

/**
 * The replication protocol's client over HTTP (docs/replication-protocol.md): pull, push and
 * files, each one request. Everything else (outbox, checkpoint, retries, conflicts) is the
 * engine's: `createSyncedAdapter({ remote: createHttpRemote({ url }) })`.
 */
export function createHttpRemote(options: HttpRemoteOptions): ReplicationRemote {
  const base = options.url.replace(/\/+$/, '');
  const doFetch = options.fetch ?? ((input: RequestInfo | URL, init?: RequestInit) => globalThis.fetch(input, init));
  const login = options.credentials && { authorization: `Basic ${btoa(String.fromCharCode(...new TextEncoder().encode(`${options.credentials.name}:${options.credentials.password}`)))}` };
  const headers = { ...login, ...options.headers };
  const url = (space: string, path: string) => `${base}/spaces/${encodeURIComponent(space)}/${path}`;

  async function request(method: string, target: string, what: string, init: RequestInit = {}): Promise<Response> {
    let response: Response;
    try {
      response = await doFetch(target, { method, credentials: 'same-origin', ...init, headers: { ...headers, ...(init.headers as Record<string, string>) } });
    } catch (error) {
      throw unreachable(error, what);
    }
    if (!response.ok && response.status !== 404) throw await failureOf(response, what);
    return response;
  }
  const json = async <T>(space: string, path: string, body: unknown, signal?: AbortSignal): Promise<T> => {
    const response = await request('POST', url(space, path), `The server's ${path}`, { body: JSON.stringify(body), headers: { 'content-type': 'application/json' }, signal });
    if (!response.ok) throw await failureOf(response, `The server's ${path}`);
    return (await response.json()) as T;
  };

  return {
    name: new URL(base, globalThis.location?.href ?? 'http://localhost').host,
    pull: (space, checkpoint, { limit, wait, signal }) => json<PullPage>(space, 'pull', { checkpoint, limit, wait: Math.ceil(wait) }, signal),
    push: async (space, writes, { origin }) => (await json<{ results: PushResult[] }>(space, 'push', { origin, writes })).results,
    files: {
      putFile: async (space, id, blob) => void (await request('PUT', url(space, `files/${encodeURIComponent(id)}`), 'Sending a file', { body: blob, headers: { 'content-type': blob.type || 'application/octet-stream' } })),
      async getFile(space, id) {
        const response = await request('GET', url(space, `files/${encodeURIComponent(id)}`), 'Reading a file');
        return response.ok ? response.blob() : undefined;
      },
      deleteFile: async (space, id) => void (await request('DELETE', url(space, `files/${encodeURIComponent(id)}`), 'Deleting a file')),
    },
  };
}
