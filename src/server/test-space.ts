/**
 * For the server's tests: a reference server on a temporary folder with one person per role, a
 * client that speaks the protocol over real HTTP as any of them, and records to write.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ModerationMode, Role } from '../sdk/policy/roles.js';
import type { PullPage, PushResult } from '../sdk/replication/protocol.js';
import { startReferenceServer, type ReferenceServer } from './reference-server.js';
import type { MemberConfig } from './server-config.js';

export const SPACE = 'coasts';
const PASSWORD = 'secret';

const person = (id: string, role: Role, school?: string): MemberConfig => ({ id, name: id.toUpperCase(), password: PASSWORD, role, ...(school ? { school } : {}) });

/** One person per part they play in the tests. `pupil` and `classmate` share a school; `foreigner` is of another. */
export const PEOPLE = {
  admin: person('ada', 'admin', 'IES Mar Menor'),
  teacher: person('tom', 'teacher', 'IES Mar Menor'),
  moderator: person('mia', 'moderator', 'Szkoła 12'),
  pupil: person('pia', 'pupil', 'Szkoła 12'),
  classmate: person('pat', 'pupil', 'Szkoła 12'),
  foreigner: person('fox', 'pupil', 'Liceo Galilei'),
  observer: person('obi', 'observer'),
  /** A member of another space only: signs in, but not here. */
  outsider: person('nat', 'teacher', 'Elsewhere'),
} as const;
export type Part = keyof typeof PEOPLE;

export interface TestServer {
  server: ReferenceServer;
  dataDir: string;
  as(part: Part | 'anonymous', options?: { password?: string }): ProtocolClient;
  stop(): Promise<void>;
}

export async function startTestServer(options: { moderation?: ModerationMode; allowedOrigins?: string[] } = {}): Promise<TestServer> {
  const dataDir = await mkdtemp(join(tmpdir(), 'twinkit-reference-'));
  const { outsider, ...members } = PEOPLE;
  const server = await startReferenceServer({
    dataDir,
    spaces: { [SPACE]: { moderation: options.moderation ?? 'off', members: Object.values(members) }, elsewhere: { members: [outsider] } },
    allowedOrigins: options.allowedOrigins,
  });
  return {
    server,
    dataDir,
    as: (part, { password } = {}) => new ProtocolClient(server.url, part === 'anonymous' ? undefined : { id: PEOPLE[part].id, password: password ?? PASSWORD }),
    async stop() {
      await server.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

/** A pull page as it travels: this server's checkpoints are strings. */
export type WirePage = Omit<PullPage, 'checkpoint'> & { checkpoint: string };

export interface Answer<T> {
  status: number;
  body: T;
  text: string;
  headers: Headers;
}

/** The protocol over HTTP, signed in as one person (or nobody). */
export class ProtocolClient {
  constructor(
    readonly url: string,
    private readonly signIn: { id: string; password: string } | undefined,
  ) {}

  get headers(): Record<string, string> {
    return this.signIn ? { authorization: `Basic ${Buffer.from(`${this.signIn.id}:${this.signIn.password}`).toString('base64')}` } : {};
  }

  async request<T>(method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<Answer<T>> {
    const raw = body instanceof Uint8Array || typeof body === 'string';
    const response = await fetch(`${this.url}${path}`, {
      method,
      headers: { ...this.headers, ...(body === undefined || raw ? {} : { 'content-type': 'application/json' }), ...headers },
      body: body === undefined ? undefined : raw ? (body as BodyInit) : JSON.stringify(body),
    });
    const text = await response.text();
    let parsed: unknown = undefined;
    try {
      parsed = text ? JSON.parse(text) : undefined;
    } catch {
      parsed = undefined;
    }
    return { status: response.status, body: parsed as T, text, headers: response.headers };
  }

  pull(checkpoint: string | null = null, options: { limit?: number; wait?: number; space?: string } = {}) {
    return this.request<WirePage>('POST', `/spaces/${options.space ?? SPACE}/pull`, { checkpoint, limit: options.limit ?? 1000, wait: options.wait ?? 0 });
  }

  /** Every change from the beginning (or `checkpoint`), page after page. */
  async pullAll(checkpoint: string | null = null): Promise<WirePage> {
    const page = await this.pull(checkpoint);
    if (page.status !== 200) throw new Error(`pull answered ${page.status}: ${page.text}`);
    return page.body;
  }

  push(writes: unknown[], options: { origin?: string; space?: string } = {}) {
    return this.request<{ results: PushResult[] }>('POST', `/spaces/${options.space ?? SPACE}/push`, { origin: options.origin ?? 'test-device', writes });
  }

  /** One write; its result (throws when the whole push failed). */
  async write(write: Record<string, unknown>): Promise<PushResult> {
    const answer = await this.push([{ writeId: nextWriteId(), baseRev: null, ...write }]);
    if (answer.status !== 200) throw new Error(`push answered ${answer.status}: ${answer.text}`);
    return answer.body.results[0];
  }

  putFile(id: string, bytes: Uint8Array, type: string) {
    return this.request<unknown>('PUT', `/spaces/${SPACE}/files/${id}`, bytes, { 'content-type': type });
  }

  getFile(id: string) {
    return this.request<unknown>('GET', `/spaces/${SPACE}/files/${id}`);
  }

  deleteFile(id: string) {
    return this.request<unknown>('DELETE', `/spaces/${SPACE}/files/${id}`);
  }
}

let writes = 0;
export const nextWriteId = () => `w-${process.pid}-${++writes}`;

/** A whole record of `collection` by `author`, with the widget's `fields`. */
export function recordBy(author: MemberConfig, collection: string, id: string, fields: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    id,
    collection,
    schemaVersion: 1,
    createdAt: '2025-03-01T10:00:00.000Z',
    updatedAt: '2025-03-01T10:00:00.000Z',
    author: { id: author.id, name: author.name, ...(author.school ? { school: author.school } : {}) },
    status: 'published',
    ...fields,
  };
}

/** A push write creating `record`. */
export const creates = (record: Record<string, unknown>) => ({ collection: record.collection, id: record.id, baseRev: null, record });

/** A push write replacing the record at `baseRev` with `record`. */
export const updates = (record: Record<string, unknown>, baseRev: string) => ({ collection: record.collection, id: record.id, baseRev, record });

export const revOf = (result: PushResult) => {
  if (result.status !== 'ok') throw new Error(`expected ok, got ${JSON.stringify(result)}`);
  return result.rev;
};
