import { TwinRemoteError } from './remote-error.js';

export interface CouchConnectionOptions {
  /** The server's URL (`https://couch.school.eu`), or a same-origin path behind a proxy (`/couch`). */
  url: string;
  /** Headers sent with every request: `Authorization`, or proxy authentication set by the school's server. */
  headers?: Record<string, string> | (() => Record<string, string>);
  /** Signs in with a CouchDB session cookie (`POST /_session`) before the first request, and again when it expires. */
  credentials?: { name: string; password: string };
  /** For tests and server-side use. Default: the global fetch. */
  fetch?: typeof fetch;
  /** A request that has not answered after this many ms counts as offline. Default 30,000. */
  timeout?: number;
}

export interface RequestOptions {
  query?: Record<string, string | number | boolean | undefined>;
  body?: unknown;
  /** Raw body (an attachment); sent as is. */
  rawBody?: BodyInit;
  headers?: Record<string, string>;
  signal?: AbortSignal;
  /** Statuses answered as `{ status }` instead of thrown (404 for a missing document, 409 for a conflict). */
  accept?: number[];
  /** Do not apply the request timeout (long polls and continuous feeds set their own). */
  noTimeout?: boolean;
}

export interface CouchResponse<T> {
  status: number;
  body: T;
  response: Response;
}

export interface CouchClient {
  readonly url: string;
  /** JSON request; throws TwinRemoteError for everything but 2xx and `accept`ed statuses. */
  json<T = Record<string, unknown>>(method: string, path: string, options?: RequestOptions): Promise<CouchResponse<T>>;
  /** The raw response (attachments, streamed feeds), after the same status checks. */
  raw(method: string, path: string, options?: RequestOptions): Promise<Response>;
  /** The signed-in CouchDB user's name, or null (not signed in, or an admin party). */
  userName(): Promise<string | null>;
}

const describe = (status: number, reason: string) => (reason ? `${status}: ${reason}` : String(status));

export function createCouchClient(options: CouchConnectionOptions): CouchClient {
  const base = options.url.replace(/\/+$/, '');
  const doFetch = options.fetch ?? ((input: RequestInfo | URL, init?: RequestInit) => globalThis.fetch(input, init));
  const timeout = options.timeout ?? 30_000;
  // Outside a browser nothing keeps cookies, so the session cookie is sent by hand.
  let cookie: string | undefined;
  let signingIn: Promise<void> | undefined;
  let signedInName: string | null | undefined;

  const headersFor = (extra: Record<string, string> = {}) => {
    const fixed = typeof options.headers === 'function' ? options.headers() : (options.headers ?? {});
    return { accept: 'application/json', ...fixed, ...(cookie ? { cookie } : {}), ...extra };
  };

  async function send(method: string, path: string, request: RequestOptions): Promise<Response> {
    const query = Object.entries(request.query ?? {}).filter(([, value]) => value !== undefined);
    const search = query.length ? `?${new URLSearchParams(query.map(([k, v]) => [k, String(v)])).toString()}` : '';
    const controller = new AbortController();
    const abort = () => controller.abort(request.signal?.reason);
    // A signal aborted before the request starts fires no event: end it at once.
    if (request.signal?.aborted) abort();
    else request.signal?.addEventListener('abort', abort, { once: true });
    const timer = request.noTimeout ? undefined : setTimeout(() => controller.abort(new DOMException('timeout', 'TimeoutError')), timeout);
    const body = request.rawBody ?? (request.body === undefined ? undefined : JSON.stringify(request.body));
    const headers = headersFor({ ...(request.body !== undefined ? { 'content-type': 'application/json' } : {}), ...request.headers });
    try {
      // The caller's signal stays attached: it must still end the request while its body is read
      // (a long poll sends its headers at once and its body when something changes).
      return await doFetch(`${base}${path}${search}`, { method, headers, body, signal: controller.signal, credentials: 'include' });
    } catch (error) {
      request.signal?.removeEventListener('abort', abort);
      if (request.signal?.aborted) throw request.signal.reason ?? error;
      const timedOut = controller.signal.reason instanceof DOMException && controller.signal.reason.name === 'TimeoutError';
      throw new TwinRemoteError(
        'offline',
        timedOut
          ? `The server at ${base} did not answer within ${timeout / 1000} s. Changes are kept and sent when it answers again.`
          : `The server at ${base} cannot be reached (offline, a wrong address, or the server is down). Changes are kept and sent when it is back.`,
        { cause: error },
      );
    } finally {
      clearTimeout(timer);
    }
  }

  async function signIn(): Promise<void> {
    if (!options.credentials) return;
    signingIn ??= (async () => {
      const response = await send('POST', '/_session', { body: options.credentials });
      if (response.status === 401) {
        throw new TwinRemoteError('unauthorized', `The server refused the name or password of "${options.credentials!.name}". Check them and sign in again.`, { status: 401 });
      }
      if (!response.ok) throw await failure(response);
      cookie = response.headers.get('set-cookie')?.split(';')[0] || cookie;
      signedInName = options.credentials!.name;
    })().finally(() => {
      signingIn = undefined;
    });
    return signingIn;
  }

  async function failure(response: Response): Promise<TwinRemoteError> {
    const text = await response.text().catch(() => '');
    let reason = '';
    try {
      const parsed = JSON.parse(text) as { reason?: unknown; error?: unknown };
      // The server's rules write whole sentences; their last full stop is ours to add.
      reason = String(parsed.reason ?? parsed.error ?? '').replace(/\.+$/, '');
    } catch {
      if (response.status < 500) {
        return new TwinRemoteError('bad-response', `The server at ${base} answered ${response.status} with something that is not CouchDB's JSON. Check the address.`, {
          status: response.status,
        });
      }
    }
    const { status } = response;
    if (status === 401) return new TwinRemoteError('unauthorized', `Not signed in to the server, or the session expired (${describe(status, reason)}). Sign in again.`, { status });
    if (status === 403) return new TwinRemoteError('forbidden', `The server refused this: ${reason || 'not allowed'}.`, { status });
    if (status === 404) return new TwinRemoteError('missing-database', `The server has no such database (${describe(status, reason)}).`, { status });
    if (status >= 500) return new TwinRemoteError('server', `The server had a problem (${describe(status, reason)}). Changes are kept and sent again later.`, { status });
    return new TwinRemoteError('bad-response', `The server answered ${describe(status, reason)}.`, { status });
  }

  async function checked(method: string, path: string, request: RequestOptions): Promise<Response> {
    if (options.credentials && !cookie && signedInName === undefined) await signIn();
    let response = await send(method, path, request);
    if (response.status === 401 && options.credentials) {
      // The session expired: sign in again once, then repeat the request.
      cookie = undefined;
      await signIn();
      response = await send(method, path, request);
    }
    if (response.ok || request.accept?.includes(response.status)) return response;
    throw await failure(response);
  }

  return {
    url: base,
    async json<T>(method: string, path: string, request: RequestOptions = {}) {
      const response = await checked(method, path, request);
      const text = await response.text().catch((error: unknown) => {
        throw new TwinRemoteError('offline', `The connection to ${base} was cut while reading the answer.`, { cause: error });
      });
      let body: T;
      try {
        body = JSON.parse(text) as T;
      } catch (error) {
        throw new TwinRemoteError('bad-response', `The server at ${base} answered with something that is not JSON (a sign-in page or a wrong address?). Check the address, or sign in to the network first.`, {
          status: response.status,
          cause: error,
        });
      }
      return { status: response.status, body, response };
    },
    raw: checked,
    async userName() {
      if (signedInName !== undefined) return signedInName;
      const { body } = await this.json<{ userCtx?: { name?: string | null } }>('GET', '/_session');
      signedInName = body.userCtx?.name ?? null;
      return signedInName;
    },
  };
}
