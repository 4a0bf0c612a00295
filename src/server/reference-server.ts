/**
 * Twinkit's reference server for its replication protocol (docs/replication-protocol.md): pull,
 * push and files over HTTP, with the access rules of the policy, its data in files. Small and plain
 * on purpose: it is what tests run against, and what a server in another language copies.
 *
 * One request, in order: CORS (only for listed origins), the route, who asks (401), the space
 * (404), membership (403), then the endpoint: pull.ts, push.ts, file-endpoints.ts.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { deleteFile, getFile, putFile } from './file-endpoints.js';
import { HttpError, readJsonObject, sendError, sendJson } from './http-answers.js';
import { parsePullRequest, pull } from './pull.js';
import { parsePushRequest, push } from './push.js';
import { checkSpacesConfig, SAFE_NAME, type SpacesConfig } from './server-config.js';
import { memberOf, signedInId } from './sign-in.js';
import { Space } from './space.js';

export type { MemberConfig, SpaceConfig, SpacesConfig } from './server-config.js';

export interface ReferenceServerOptions {
  /** Where the spaces' logs and files live: `<dataDir>/spaces/<space>/`. Kept across restarts. */
  dataDir: string;
  spaces: SpacesConfig;
  /** Default 127.0.0.1. */
  host?: string;
  /** Default 0: a free port the system chooses. */
  port?: number;
  /** Web origins allowed to call the server from a browser, with credentials (CORS). Default: none (same origin only). */
  allowedOrigins?: string[];
}

export interface ReferenceServer {
  /** The protocol's base URL: `${url}/spaces/${space}/pull`. */
  url: string;
  /** Stops answering, ends open connections (long polls too) and closes the logs. */
  close(): Promise<void>;
  /** Closes, then starts again on the same port and data folder, reading everything from the files. */
  restart(): Promise<void>;
  /**
   * As if `space` were restored from a backup that held its first `keep` changes (default all):
   * the later changes are lost and the data gets a new `source`.
   */
  restore(space: string, options?: { keep?: number }): Promise<void>;
}

/** Pull and push bodies: 1000 records of up to 1 MiB would be more than anyone sends at once. */
const MAX_JSON_BYTES = 64 * 1024 * 1024;

export async function startReferenceServer(options: ReferenceServerOptions): Promise<ReferenceServer> {
  checkSpacesConfig(options.spaces);
  const host = options.host ?? '127.0.0.1';
  let spaces = await openSpaces(options);
  let server = await listen((req, res) => void answer(req, res, options, spaces), host, options.port ?? 0);
  const port = (server.address() as AddressInfo).port;

  async function close() {
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
    await Promise.all([...spaces.values()].map((space) => space.close()));
  }

  return {
    url: `http://${host.includes(':') ? `[${host}]` : host}:${port}`,
    close,
    async restart() {
      await close();
      spaces = await openSpaces(options);
      server = await listen((req, res) => void answer(req, res, options, spaces), host, port);
    },
    async restore(name, { keep } = {}) {
      const space = spaces.get(name);
      if (!space) throw new Error(`There is no space "${name}" on this server.`);
      await space.restore(keep);
    },
  };
}

async function openSpaces({ dataDir, spaces }: ReferenceServerOptions): Promise<Map<string, Space>> {
  const opened = await Promise.all(Object.entries(spaces).map(([name, config]) => Space.open(dataDir, name, { moderation: config.moderation ?? 'off' })));
  return new Map(opened.map((space) => [space.name, space]));
}

function listen(handler: (req: IncomingMessage, res: ServerResponse) => void, host: string, port: number): Promise<Server> {
  return new Promise((resolve, reject) => {
    const server = createServer(handler);
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve(server);
    });
  });
}

type Route = { space: string; endpoint: 'pull' } | { space: string; endpoint: 'push' } | { space: string; endpoint: 'files'; file: string };

/** `/spaces/{space}/pull`, `/spaces/{space}/push`, `/spaces/{space}/files/{id}`; undefined for anything else. */
function routeOf(url: string | undefined): Route | undefined {
  const path = new URL(url ?? '/', 'http://server').pathname;
  const parts = path.split('/').slice(1).map((part) => decodeURIComponent(part));
  if (parts[0] !== 'spaces' || !parts[1]) return undefined;
  if (parts.length === 3 && parts[2] === 'pull') return { space: parts[1], endpoint: 'pull' };
  if (parts.length === 3 && parts[2] === 'push') return { space: parts[1], endpoint: 'push' };
  if (parts.length === 4 && parts[2] === 'files' && parts[3]) return { space: parts[1], endpoint: 'files', file: parts[3] };
  return undefined;
}

function safeRouteOf(url: string | undefined): Route | undefined {
  try {
    return routeOf(url);
  } catch {
    return undefined; // a malformed %-escape
  }
}

async function answer(req: IncomingMessage, res: ServerResponse, options: ReferenceServerOptions, spaces: Map<string, Space>): Promise<void> {
  try {
    allowListedOrigin(req, res, options.allowedOrigins ?? []);
    if (req.method === 'OPTIONS') return void res.writeHead(204).end();
    const route = safeRouteOf(req.url);
    if (!route) throw new HttpError(404, 'not-found', 'No such endpoint: the protocol has /spaces/{space}/pull, /push and /files/{id}.');
    const id = signedInId(req.headers.authorization, options.spaces);
    if (!id) throw new HttpError(401, 'unauthorized', 'Sign in to sync this space.');
    const space = spaces.get(route.space);
    if (!space) throw new HttpError(404, 'not-found', `There is no space "${route.space}" here.`);
    const user = memberOf(options.spaces, route.space, id);
    if (!user) throw new HttpError(403, 'forbidden', `You are not a member of the space "${route.space}".`);

    if (route.endpoint === 'pull') {
      allowMethods(req, res, ['POST']);
      const request = parsePullRequest(await readJsonObject(req, MAX_JSON_BYTES));
      const gone = new AbortController();
      res.once('close', () => gone.abort());
      return sendJson(res, 200, await pull(space, user, request, gone.signal));
    }
    if (route.endpoint === 'push') {
      allowMethods(req, res, ['POST']);
      if (user.role === 'observer') throw new HttpError(403, 'forbidden', 'Observers can read this space but cannot change anything in it.');
      return sendJson(res, 200, await push(space, user, parsePushRequest(await readJsonObject(req, MAX_JSON_BYTES))));
    }
    allowMethods(req, res, ['PUT', 'GET', 'DELETE']);
    if (!SAFE_NAME.test(route.file)) throw new HttpError(400, 'bad-request', 'A file id is 1 to 128 letters, digits, dots, dashes or underscores, not starting with a dot.');
    if (req.method === 'PUT') return await putFile(space, user, route.file, req, res);
    if (req.method === 'GET') return await getFile(space, user, route.file, res);
    return await deleteFile(space, user, route.file, res);
  } catch (error) {
    if (error instanceof HttpError) return sendError(res, error);
    console.error('twinkit reference server:', error);
    sendError(res, new HttpError(500, 'unavailable', 'The server failed to answer: try again later.'));
  }
}

function allowMethods(req: IncomingMessage, res: ServerResponse, methods: string[]): void {
  if (methods.includes(req.method ?? '')) return;
  res.setHeader('allow', methods.join(', '));
  throw new HttpError(405, 'method-not-allowed', `Use ${methods.join(' or ')} here.`);
}

/**
 * A browser page of another origin may call the server with the person's credentials only when
 * the integrator lists that origin. Any other origin gets no CORS headers: its browser refuses.
 */
function allowListedOrigin(req: IncomingMessage, res: ServerResponse, allowed: string[]): void {
  const origin = req.headers.origin;
  res.setHeader('vary', 'Origin');
  if (!origin || !allowed.includes(origin)) return;
  res.setHeader('access-control-allow-origin', origin);
  res.setHeader('access-control-allow-credentials', 'true');
  if (req.method === 'OPTIONS') {
    res.setHeader('access-control-allow-methods', 'GET, PUT, POST, DELETE');
    res.setHeader('access-control-allow-headers', 'authorization, content-type');
    res.setHeader('access-control-max-age', '600');
  }
}
