/**
 * Requests to a CouchDB server as its admin, for the setup command. Every failure becomes a
 * CouchSetupError whose message says what went wrong in words an admin can act on.
 */

export class CouchSetupError extends Error {
  override name = 'CouchSetupError';
  constructor(
    message: string,
    readonly status?: number,
  ) {
    super(message);
  }
}

export interface CouchConnection {
  /** The server's address, e.g. `http://127.0.0.1:5984` or `https://school.example/couch`. */
  url: string;
  /** Server admin credentials, sent as HTTP Basic authentication. */
  admin?: { name: string; password: string };
  /** Headers that authenticate as a server admin instead (a session cookie, proxy authentication). */
  adminHeaders?: Record<string, string>;
  fetch?: typeof globalThis.fetch;
  /** How long one request may take; default 30 s. */
  timeoutMs?: number;
}

export interface CouchAnswer<T> {
  status: number;
  body: T;
}

export type CouchRequest = <T = Record<string, unknown>>(
  method: string,
  path: string,
  options?: { body?: unknown; accept?: number[] },
) => Promise<CouchAnswer<T>>;

/** `Basic …` for a name and password in UTF-8 (btoa alone takes only Latin-1). */
export function basicAuth(name: string, password: string): string {
  const bytes = new TextEncoder().encode(`${name}:${password}`);
  return `Basic ${btoa(String.fromCharCode(...bytes))}`;
}

/** The server's base address, checked: an http(s) URL without credentials and without a trailing slash. */
export function serverAddress(url: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new CouchSetupError(`"${url}" is not a server address. Give one like http://127.0.0.1:5984.`);
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
    throw new CouchSetupError(`"${url}" is not an http or https address. Give one like http://127.0.0.1:5984.`);
  }
  if (parsed.username || parsed.password) {
    throw new CouchSetupError('Give the admin name and password separately (--admin or COUCHDB_USER and COUCHDB_PASSWORD), not inside the server address.');
  }
  return parsed.href.replace(/\/+$/, '');
}

export function couchRequest(connection: CouchConnection): CouchRequest {
  const base = serverAddress(connection.url);
  const send = connection.fetch ?? globalThis.fetch;
  const auth: Record<string, string> = connection.admin ? { authorization: basicAuth(connection.admin.name, connection.admin.password) } : {};
  const timeoutMs = connection.timeoutMs ?? 30_000;

  return async <T>(method: string, path: string, options: { body?: unknown; accept?: number[] } = {}) => {
    const hasBody = options.body !== undefined;
    let response: Response;
    try {
      const headers: Record<string, string> = { accept: 'application/json', ...auth, ...connection.adminHeaders };
      if (hasBody) headers['content-type'] = 'application/json';
      response = await send(`${base}${path}`, {
        method,
        headers,
        body: hasBody ? JSON.stringify(options.body) : undefined,
        signal: AbortSignal.timeout(timeoutMs),
      });
    } catch (error) {
      if ((error as Error).name === 'TimeoutError') {
        throw new CouchSetupError(`${base} did not answer ${method} ${path} within ${timeoutMs / 1000} s. Is the server overloaded, or is the address right?`);
      }
      const cause = (error as { cause?: { message?: string } }).cause?.message ?? (error as Error).message;
      throw new CouchSetupError(`Could not reach ${base} (${cause}). Is the server running, and is the address right?`);
    }
    const text = await response.text();
    let body: unknown;
    try {
      body = text ? JSON.parse(text) : undefined;
    } catch {
      const type = response.headers.get('content-type') ?? 'no content type';
      throw new CouchSetupError(
        `${base} answered ${method} ${path} with something that is not JSON (${response.status}, ${type}). Is this the address of a CouchDB server?`,
        response.status,
      );
    }
    if (response.ok || options.accept?.includes(response.status)) return { status: response.status, body: body as T };
    const { error = 'error', reason: said = response.statusText } = (body ?? {}) as { error?: string; reason?: string };
    const reason = String(said).replace(/\.$/, '');
    if (response.status === 401) {
      throw new CouchSetupError(`${base} did not accept the admin name or password (401 ${error}: ${reason}).`, 401);
    }
    if (response.status === 403) {
      throw new CouchSetupError(`${base} refused ${method} ${path}: this needs a server admin (403 ${error}: ${reason}).`, 403);
    }
    throw new CouchSetupError(`${base} answered ${method} ${path} with ${response.status} ${error}: ${reason}.`, response.status);
  };
}
