import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { startReferenceServer } from '../../server/reference-server.js';
import { FILE_TYPES } from '../adapters/couchdb/design/file-rules.js';
import { builtInCollections } from '../schemas/collections.js';
import { checkJsonSchema, resolveRef, type JsonSchema } from './json-schema-check.js';
import type { CurrentVersion, PullOptions, PullPage, PulledChange, PushResult, PushWrite } from './protocol.js';

/**
 * The protocol's OpenAPI file (docs/replication-protocol.openapi.json) is what an integrator in
 * another language builds from: every reference in it resolves, every example fits its schema,
 * its records are records the SDK accepts, its field names are protocol.ts's, and the reference
 * server's real answers fit it.
 */
const spec = JSON.parse(readFileSync(new URL('../../../docs/replication-protocol.openapi.json', import.meta.url), 'utf8')) as JsonSchema;
const page = readFileSync(new URL('../../../docs/replication-protocol.md', import.meta.url), 'utf8');
const schema = (name: string): JsonSchema => ({ $ref: `#/components/schemas/${name}` });
const check = (value: unknown, name: string) => checkJsonSchema(value, schema(name), spec);
/** The node at these keys (a JSON pointer's parts, unescaped). */
const at = (...keys: string[]) => resolveRef(spec, `#/${keys.map((key) => key.replace(/~/g, '~0').replace(/\//g, '~1')).join('/')}`);
const answerExample = (endpoint: string, name: string) => at('paths', endpoint, 'post', 'responses', '200', 'content', 'application/json', 'examples', name).value;

/** Every node of the document with its path, for finding references and examples wherever they are. */
function* walk(node: unknown, path: string[] = []): Generator<[string[], Record<string, unknown>]> {
  if (Array.isArray(node)) for (const [i, item] of node.entries()) yield* walk(item, [...path, String(i)]);
  else if (node && typeof node === 'object') {
    yield [path, node as Record<string, unknown>];
    for (const [key, value] of Object.entries(node)) yield* walk(value, [...path, key]);
  }
}

/** A node that may be a reference, followed. */
const follow = (node: Record<string, unknown>): Record<string, unknown> => (typeof node.$ref === 'string' ? follow(resolveRef(spec, node.$ref)) : node);

/** Every example of a request, an answer or a parameter, with the schema it must fit. */
function examples(): { where: string; value: unknown; schema: JsonSchema }[] {
  const found: { where: string; value: unknown; schema: JsonSchema }[] = [];
  for (const [path, node] of walk(spec)) {
    if (!node.schema || typeof node.schema !== 'object') continue;
    if ('example' in node) found.push({ where: path.join('/'), value: node.example, schema: node.schema as JsonSchema });
    for (const [name, example] of Object.entries((node.examples ?? {}) as Record<string, Record<string, unknown>>)) {
      found.push({ where: `${path.join('/')}/examples/${name}`, value: follow(example).value, schema: node.schema as JsonSchema });
    }
  }
  return found;
}

describe('the replication protocol as OpenAPI', () => {
  it('is OpenAPI 3.1 with the pull and push endpoints and the optional files', () => {
    assert.match(String(spec.openapi), /^3\.1\./);
    const paths = spec.paths as Record<string, Record<string, unknown>>;
    assert.deepEqual(Object.keys(paths).sort(), ['/spaces/{space}/files/{id}', '/spaces/{space}/pull', '/spaces/{space}/push']);
    assert.ok(paths['/spaces/{space}/pull'].post && paths['/spaces/{space}/push'].post);
    assert.deepEqual(['delete', 'get', 'put'].filter((method) => method in paths['/spaces/{space}/files/{id}']), ['delete', 'get', 'put']);
  });

  it('has no reference that points nowhere', () => {
    const refs = [...walk(spec)].flatMap(([, node]) => (typeof node.$ref === 'string' ? [node.$ref] : []));
    assert.ok(refs.length > 30, `only ${refs.length} references found`);
    for (const ref of refs) assert.doesNotThrow(() => resolveRef(spec, ref), ref);
  });

  it('has examples that fit their schemas', () => {
    const all = examples();
    assert.ok(all.length >= 15, `only ${all.length} examples found`);
    for (const { where, value, schema } of all) assert.deepEqual(checkJsonSchema(value, schema, spec), [], where);
  });

  it('shows every kind of change and result in its examples', () => {
    const pulled = answerExample('/spaces/{space}/pull', 'page') as PullPage;
    assert.ok(pulled.changes.some((change) => change.record) && pulled.changes.some((change) => change.deleted && !change.record));
    const answered = answerExample('/spaces/{space}/push', 'mixed') as { results: PushResult[] };
    assert.deepEqual(answered.results.map((result) => result.status), ['ok', 'conflict', 'refused']);
  });

  it('has example records that the SDK itself accepts', () => {
    const inExamples = [...walk(spec)].filter(([path]) => path.includes('examples'));
    const records = inExamples.flatMap(([path, node]) => (path.at(-1) === 'record' || (path.at(-1) === 'value' && 'schemaVersion' in node) ? [node] : []));
    assert.ok(records.length >= 5, `only ${records.length} records found`);
    for (const record of records) {
      const definition = builtInCollections[String(record.collection)];
      assert.ok(definition, `no collection "${String(record.collection)}"`);
      // A write's record has no revision yet (the server sets it); any will do for the check.
      const parsed = (definition.schema as unknown as { safeParse(value: unknown): { success: boolean; error?: unknown } }).safeParse({ rev: '1-a', ...record });
      assert.ok(parsed.success, `${String(record.collection)} ${String(record.id)}: ${String(parsed.error)}`);
    }
  });

  it('refuses what the protocol forbids (the checker is not too lenient)', () => {
    const glossary = (answerExample('/spaces/{space}/pull', 'page') as PullPage).changes[0].record!;
    const bad: [string, unknown][] = [
      ['Change', { collection: 'journal', id: 'j1', rev: '3-a', deleted: true, record: glossary }], // a body with a deletion
      ['Change', { collection: 'journal', id: 'j1', rev: '3-a' }], // neither
      ['Change', { collection: 'journal', id: 'j1', rev: '0-a', deleted: true }], // generation 0
      ['Write', { writeId: 'w1', collection: 'glossary', id: 'k3v9x', baseRev: null, record: glossary, deleted: true }],
      ['Write', { writeId: 'w1', collection: 'glossary', id: 'k3v9x', baseRev: null }],
      ['Write', { writeId: 'w'.repeat(65), collection: 'glossary', id: 'k3v9x', baseRev: null, deleted: true }],
      ['Result', { status: 'ok' }],
      ['Result', { status: 'conflict', rev: '2-a' }],
      ['Result', { status: 'refused', current: null }],
      ['Result', { status: 'done', rev: '2-a' }],
      ['PullRequest', { checkpoint: null, limit: 1001, wait: 0 }],
      ['PullRequest', { checkpoint: 5, limit: 10, wait: 0 }],
      ['PullPage', { source: 's', checkpoint: '1', changes: [], more: false, next: '2' }],
      ['PushRequest', { origin: 'd', writes: Array.from({ length: 1001 }, (_, i) => ({ writeId: `w${i}`, collection: 'c', id: `${i}`, baseRev: null, deleted: true })) }],
      ['StoredRecord', { ...glossary, rev: undefined }],
      ['NewRecord', { ...glossary, status: 'draft' }],
      ['Error', { error: 'Bad Request', reason: 'x' }],
    ];
    for (const [name, value] of bad) assert.notDeepEqual(check(JSON.parse(JSON.stringify(value)), name), [], `${name} ${JSON.stringify(value).slice(0, 80)}`);
    assert.deepEqual(check({ status: 'conflict', current: null }, 'Result'), []);
    assert.deepEqual(check({ status: 'refused', reason: 'No.', current: { rev: '4-x', deleted: true } }, 'Result'), []);
  });

  it('accepts the file types the CouchDB rules accept, no more', () => {
    const files = (spec.paths as Record<string, Record<string, Record<string, unknown>>>)['/spaces/{space}/files/{id}'];
    const put = files.put.requestBody as { content: Record<string, unknown> };
    const get = (files.get.responses as Record<string, { content: Record<string, unknown> }>)['200'];
    assert.deepEqual(Object.keys(put.content).sort(), [...FILE_TYPES].sort());
    assert.deepEqual(Object.keys(get.content).sort(), [...FILE_TYPES].sort());
  });

  it('is described by the prose page, endpoint by endpoint', () => {
    for (const words of ['POST {base}/spaces/{space}/pull', 'POST {base}/spaces/{space}/push', 'PUT {base}/spaces/{space}/files/{id}', 'replication-protocol.openapi.json', 'runRemoteConformance']) {
      assert.ok(page.includes(words), `the page does not mention ${words}`);
    }
    for (const type of FILE_TYPES) assert.ok(page.includes(type), `the page does not list ${type}`);
  });

  it('has examples on the prose page that fit the schemas too (those not shortened with …)', () => {
    const blocks = [...page.matchAll(/```json\n([\s\S]*?)```/g)].map((match) => match[1]);
    assert.ok(blocks.length >= 4, `only ${blocks.length} JSON examples on the page`);
    let whole = 0;
    for (const block of blocks) {
      const value: unknown = JSON.parse(block);
      if (block.includes('…')) continue;
      whole++;
      const fits = ['PullRequest', 'PullPage', 'PushRequest', 'PushAnswer'].filter((name) => check(value, name).length === 0);
      assert.equal(fits.length, 1, `this example on the page fits ${fits.length} of the request and answer schemas: ${block.slice(0, 120)}`);
    }
    assert.ok(whole >= 2, 'the page shows at least a whole pull request and answer');
  });
});

/**
 * The keys of each TypeScript shape, listed so that the compiler refuses a list that misses one or
 * names one that is not there; the tests then hold the OpenAPI schemas to the same lists.
 */
type Missing<T, K extends readonly PropertyKey[]> = Exclude<keyof T, K[number]>;
function keysOf<T>() {
  return <const K extends readonly (keyof T & string)[]>(keys: K & ([Missing<T, K>] extends [never] ? unknown : { missing: Missing<T, K> })): readonly string[] => keys;
}
/** The keys a value of T must have. */
type RequiredKeys<T> = { [K in keyof T]-?: object extends Pick<T, K> ? never : K }[keyof T];
function requiredOf<T>() {
  return <const K extends readonly (RequiredKeys<T> & string)[]>(keys: K & ([Exclude<RequiredKeys<T>, K[number]>] extends [never] ? unknown : { missing: Exclude<RequiredKeys<T>, K[number]> })): readonly string[] => keys;
}

type Ok = Extract<PushResult, { status: 'ok' }>;
type Conflict = Extract<PushResult, { status: 'conflict' }>;
type Refused = Extract<PushResult, { status: 'refused' }>;
/** The body of a pull: the engine's `pull(space, checkpoint, options)` without the abort signal. */
type PullBody = Omit<PullOptions, 'signal'> & { checkpoint: string | null };
/** The body of a push: `push(space, writes, { origin })`. */
type PushBody = { origin: string; writes: PushWrite[] };

const SHAPES: { schema: string; keys: readonly string[]; required: readonly string[] }[] = [
  { schema: 'PullRequest', keys: keysOf<PullBody>()(['checkpoint', 'limit', 'wait']), required: requiredOf<PullBody>()(['checkpoint', 'limit', 'wait']) },
  { schema: 'PullPage', keys: keysOf<PullPage>()(['source', 'checkpoint', 'changes', 'more']), required: requiredOf<PullPage>()(['source', 'checkpoint', 'changes', 'more']) },
  { schema: 'Change', keys: keysOf<PulledChange>()(['collection', 'id', 'rev', 'deleted', 'record', 'origin', 'writeId']), required: requiredOf<PulledChange>()(['collection', 'id', 'rev']) },
  { schema: 'PushRequest', keys: keysOf<PushBody>()(['origin', 'writes']), required: requiredOf<PushBody>()(['origin', 'writes']) },
  { schema: 'Write', keys: keysOf<PushWrite>()(['writeId', 'collection', 'id', 'baseRev', 'record', 'deleted']), required: requiredOf<PushWrite>()(['writeId', 'collection', 'id', 'baseRev']) },
  { schema: 'ResultOk', keys: keysOf<Ok>()(['status', 'rev']), required: requiredOf<Ok>()(['status', 'rev']) },
  { schema: 'ResultConflict', keys: keysOf<Conflict>()(['status', 'current']), required: requiredOf<Conflict>()(['status', 'current']) },
  { schema: 'ResultRefused', keys: keysOf<Refused>()(['status', 'reason', 'current']), required: requiredOf<Refused>()(['status', 'reason', 'current']) },
  { schema: 'Current', keys: keysOf<CurrentVersion>()(['rev', 'deleted', 'record']), required: requiredOf<CurrentVersion>()(['rev']) },
];

/** An object schema's variants: itself, or each option of its oneOf that declares properties. */
function variants(name: string): JsonSchema[] {
  const node = follow(schema(name));
  const options = ((node.oneOf ?? []) as JsonSchema[]).map(follow).filter((option) => option.properties);
  return node.properties ? [node] : options;
}

describe('the OpenAPI file and protocol.ts', () => {
  for (const { schema: name, keys, required } of SHAPES) {
    it(`name the same fields in ${name}`, () => {
      const found = variants(name);
      assert.ok(found.length > 0, `${name} declares no properties`);
      const union = new Set(found.flatMap((variant) => Object.keys(variant.properties as object)));
      assert.deepEqual([...union].sort(), [...keys].sort());
      // What TypeScript requires, every variant requires (a variant may require more: a change's record).
      for (const variant of found) for (const key of required) assert.ok((variant.required as string[]).includes(key), `${name} does not require ${key}`);
    });
  }
});

/**
 * The reference server's real answers, each held to the schema the OpenAPI file gives for its
 * endpoint and status: a status the file does not list for that endpoint fails too.
 */
describe('the reference server answers as the OpenAPI file says', () => {
  const SPACE = 'openapi-check';
  const school = 'SP 12 Gdynia';
  const people = {
    teacher: { id: 't-1', name: 'Ana', password: 'pw-t', role: 'teacher', school: 'IES Cantabria' },
    pupil: { id: 'p-1', name: 'Kasia', password: 'pw-p1', role: 'pupil', school },
    classmate: { id: 'p-2', name: 'Olek', password: 'pw-p2', role: 'pupil', school },
    observer: { id: 'o-1', name: 'Eva', password: 'pw-o', role: 'observer' },
  } as const;
  type Who = keyof typeof people | 'outsider' | 'nobody';
  let server: { url: string; close(): Promise<void> };
  let dataDir: string;

  before(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'twinkit-openapi-'));
    server = await startReferenceServer({
      dataDir,
      port: 0,
      spaces: {
        [SPACE]: { moderation: 'pupils', members: Object.values(people).map((person) => ({ ...person })) },
        elsewhere: { members: [{ id: 'x-1', name: 'Xavi', password: 'pw-x', role: 'teacher' }] },
      },
    });
  });
  after(async () => {
    await server?.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  const credentials = (who: Who): Record<string, string> => {
    if (who === 'nobody') return {};
    const [id, password] = who === 'outsider' ? ['x-1', 'pw-x'] : [people[who].id, people[who].password];
    return { authorization: `Basic ${Buffer.from(`${id}:${password}`).toString('base64')}` };
  };

  /** Sends a request and checks the answer against the operation's documented response; returns its status and body. */
  async function call(who: Who, method: 'POST' | 'PUT' | 'GET' | 'DELETE', endpoint: string, body?: unknown, options: { space?: string; contentType?: string } = {}) {
    const pathKey = endpoint.startsWith('files/') ? '/spaces/{space}/files/{id}' : `/spaces/{space}/${endpoint}`;
    const headers: Record<string, string> = { ...credentials(who) };
    let payload: BodyInit | undefined;
    if (body instanceof Uint8Array) [payload, headers['content-type']] = [body as unknown as BodyInit, options.contentType ?? 'application/octet-stream'];
    else if (body !== undefined) [payload, headers['content-type']] = [JSON.stringify(body), 'application/json'];
    const response = await fetch(`${server.url}/spaces/${options.space ?? SPACE}/${endpoint}`, { method, headers, body: payload });
    const operation = (spec.paths as Record<string, Record<string, { responses: Record<string, Record<string, unknown>> }>>)[pathKey][method.toLowerCase()];
    const status = String(response.status);
    const documented = operation.responses[status] ?? operation.responses[`${status[0]}XX`];
    assert.ok(documented, `${method} ${endpoint} answered ${status}, which the OpenAPI file does not list for it`);
    const answer = follow(documented) as { content?: Record<string, { schema?: JsonSchema }> };
    const type = (response.headers.get('content-type') ?? '').split(';')[0].trim();
    if (!answer.content) {
      assert.equal((await response.arrayBuffer()).byteLength, 0, `${method} ${endpoint} ${status} has a body, none documented`);
      return { status: response.status, json: undefined, type };
    }
    assert.ok(type in answer.content, `${method} ${endpoint} ${status} answered ${type}, documented: ${Object.keys(answer.content).join(', ')}`);
    const schemaOfAnswer = answer.content[type].schema;
    if (!schemaOfAnswer) return { status: response.status, json: undefined, type };
    const json: unknown = await response.json();
    assert.deepEqual(checkJsonSchema(json, schemaOfAnswer, spec), [], `${method} ${endpoint} ${status}: ${JSON.stringify(json).slice(0, 300)}`);
    return { status: response.status, json, type };
  }

  const now = '2025-03-04T15:30:00.000Z';
  const entry = (id: string, author: { id: string; name: string; school?: string }, fields: Record<string, unknown>) => ({
    id,
    collection: 'journal',
    schemaVersion: 2,
    createdAt: now,
    updatedAt: now,
    author: { id: author.id, name: author.name, school: author.school },
    status: 'pending',
    date: '2025-03-04',
    title: 'Low tide',
    visibility: 'space',
    ...fields,
  });

  it('answers pushes: ok, ok again for the same write id, conflict, refused', async () => {
    const write = { writeId: 'w-openapi-1', collection: 'journal', id: 'j-1', baseRev: null, record: entry('j-1', people.pupil, {}) };
    const first = await call('pupil', 'POST', 'push', { origin: 'device-a', writes: [write] });
    const [made] = (first.json as { results: PushResult[] }).results;
    assert.equal(made.status, 'ok');
    const again = await call('pupil', 'POST', 'push', { origin: 'device-a', writes: [write] });
    assert.deepEqual((again.json as { results: PushResult[] }).results, [made]);

    const stale = { ...write, writeId: 'w-openapi-2', record: entry('j-1', people.pupil, { title: 'Low tide, again' }) };
    const glossary = { id: 'g-1', collection: 'glossary', schemaVersion: 1, createdAt: now, updatedAt: now, author: { id: people.teacher.id, name: people.teacher.name }, status: 'published', translations: { en: { term: 'tide' } } };
    await call('teacher', 'POST', 'push', { origin: 'device-t', writes: [{ writeId: 'w-openapi-3', collection: 'glossary', id: 'g-1', baseRev: null, record: glossary }] });
    const teacherRev = ((await call('teacher', 'POST', 'pull', { checkpoint: null, limit: 100, wait: 0 })).json as PullPage).changes.find((change) => change.id === 'g-1')!.rev;
    const mixed = await call('classmate', 'POST', 'push', {
      origin: 'device-b',
      writes: [
        stale, // someone else's pending entry: not readable to a classmate
        { writeId: 'w-openapi-4', collection: 'glossary', id: 'g-1', baseRev: teacherRev, deleted: true },
        { writeId: 'w-openapi-5', collection: 'glossary', id: 'g-1', baseRev: null, deleted: true },
      ],
    });
    const [unreadable, notTheirs, conflict] = (mixed.json as { results: PushResult[] }).results;
    assert.deepEqual(unreadable.status === 'refused' && unreadable.current, null);
    assert.equal(notTheirs.status, 'refused');
    assert.ok(notTheirs.status === 'refused' && notTheirs.current?.record, 'a refusal of a readable record carries it');
    assert.ok(conflict.status === 'conflict' && conflict.current?.rev === teacherRev);
  });

  it('answers pulls: records, and deletions without a body for what the person may not read', async () => {
    const mine = (await call('pupil', 'POST', 'pull', { checkpoint: null, limit: 1, wait: 0 })).json as PullPage;
    assert.equal(mine.more, true);
    const classmate = (await call('classmate', 'POST', 'pull', { checkpoint: null, limit: 1000, wait: 0 })).json as PullPage;
    const pending = classmate.changes.find((change) => change.id === 'j-1');
    assert.deepEqual(pending && { ...pending, rev: undefined }, { collection: 'journal', id: 'j-1', rev: undefined, deleted: true });
    const later = (await call('classmate', 'POST', 'pull', { checkpoint: classmate.checkpoint, limit: 10, wait: 1 })).json as PullPage;
    assert.deepEqual(later.changes, []);
  });

  it('answers files: stored, read, refused types, missing ones', async () => {
    const png = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0]);
    assert.equal((await call('pupil', 'PUT', 'files/f-1', png, { contentType: 'image/png' })).status, 204);
    assert.equal((await call('pupil', 'GET', 'files/f-1')).type, 'image/png');
    assert.equal((await call('pupil', 'PUT', 'files/f-2', png, { contentType: 'image/svg+xml' })).status, 415);
    assert.equal((await call('classmate', 'GET', 'files/f-1')).status, 404);
    assert.equal((await call('classmate', 'DELETE', 'files/f-1')).status, 403);
    assert.equal((await call('pupil', 'DELETE', 'files/f-1')).status, 204);
    assert.equal((await call('pupil', 'DELETE', 'files/f-1')).status, 204);
  });

  it('answers errors with { error, reason } and the documented status', async () => {
    const expectError = async (answer: Promise<{ status: number; json: unknown }>, status: number, code: string) => {
      const { status: got, json } = await answer;
      assert.deepEqual([got, (json as { error: string }).error], [status, code]);
    };
    await expectError(call('pupil', 'POST', 'pull', { checkpoint: null, limit: 0, wait: 0 }), 400, 'bad-request');
    await expectError(call('pupil', 'POST', 'pull', { checkpoint: 'not-issued', limit: 10, wait: 0 }), 400, 'bad-checkpoint');
    await expectError(call('pupil', 'POST', 'push', { origin: 'd', writes: [{ writeId: 'w', collection: 'journal', id: 'x', baseRev: null }] }), 400, 'bad-request');
    await expectError(call('nobody', 'POST', 'pull', { checkpoint: null, limit: 10, wait: 0 }), 401, 'unauthorized');
    await expectError(call('outsider', 'POST', 'pull', { checkpoint: null, limit: 10, wait: 0 }), 403, 'forbidden');
    await expectError(call('observer', 'POST', 'push', { origin: 'd', writes: [] }), 403, 'forbidden');
    await expectError(call('pupil', 'POST', 'pull', { checkpoint: null, limit: 10, wait: 0 }, { space: 'no-such-space' }), 404, 'not-found');
    const many = Array.from({ length: 1001 }, (_, i) => ({ writeId: `w${i}`, collection: 'journal', id: `j${i}`, baseRev: null, deleted: true }));
    await expectError(call('pupil', 'POST', 'push', { origin: 'd', writes: many }), 413, 'too-large');
  });
});
