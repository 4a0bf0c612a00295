import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, describe, it } from 'node:test';
import { startReferenceServer, type ReferenceServer } from '../../server/reference-server.js';
import type { Role } from '../policy/roles.js';
import { MEMBER_ROLES, type MemberRole } from '../conformance/remote/people.js';
import { readmeExamples, ROOT } from '../conformance/readme/readme-examples.js';
import { runExampleTests } from '../conformance/readme/run-example-tests.js';

// The README's replication-protocol examples, run exactly as printed against the reference server:
// the remote of a school site (two devices share an entry through it, with the real engine), and
// the check of a server with the conformance suite for remotes.
const REMOTE = 'school-remote.js';
const SERVER_TEST = 'school-server.test.js';
const SPACE = 'readme-coasts';
const ROLES: Record<MemberRole, Role> = { admin: 'admin', teacher: 'teacher', moderator: 'moderator', pupil: 'pupil', otherPupil: 'pupil', otherSchoolPupil: 'pupil', observer: 'observer' };
const schoolOf = (part: MemberRole) => (part === 'admin' ? undefined : part === 'otherSchoolPupil' ? 'Szkoła nr 5, Kraków' : 'Liceo Galilei, Roma');
const member = (part: MemberRole) => ({ id: part.toLowerCase(), name: `${part} of the README`, password: `pw-${part}`, role: ROLES[part], ...(schoolOf(part) ? { school: schoolOf(part) } : {}) });
const basic = (id: string, password: string) => ({ authorization: `Basic ${Buffer.from(`${id}:${password}`).toString('base64')}` });

/** Two devices, each the printed remote through the real engine (fake IndexedDB in Node), write and read one entry. */
const twoDevices = (fakeIndexedDB: string) => `import '${fakeIndexedDB}';
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createSyncedAdapter } from 'twinkit/adapters/synced';
import { schoolRemote } from './school-remote.js';

const { URL_BASE, SPACE, TEACHER, PUPIL } = process.env;
const device = (person, name) => createSyncedAdapter({ remote: schoolRemote({ url: URL_BASE, headers: () => JSON.parse(person) }), databaseName: name, minDelay: 20, maxDelay: 200, pollWait: 500 });
const author = { id: 'teacher', name: 'teacher of the README', school: 'Liceo Galilei, Roma' };
const now = new Date().toISOString();
/** A sync that cannot finish (a broken answer is retried forever) fails the test instead of hanging it. */
const within = (promise, what) => Promise.race([promise, new Promise((_, reject) => setTimeout(() => reject(new Error(\`\${what} did not finish in 10 s\`)), 10_000))]);
const entry = { id: 'harbour', space: SPACE, collection: 'glossary', rev: '0-new', schemaVersion: 1, createdAt: now, updatedAt: now, author, status: 'published', translations: { en: { term: 'harbour' } } };

test('two devices share an entry through the printed remote', async () => {
  const teacher = device(TEACHER, 'readme-teacher');
  const pupil = device(PUPIL, 'readme-pupil');
  try {
    const [written] = await teacher.write(SPACE, [{ type: 'put', record: entry, expectedRev: null }], { origin: 'page' });
    assert.ok(written.ok);
    await within(teacher.sync.syncNow(SPACE), "the teacher's sync");
    assert.deepEqual(await teacher.sync.conflicts(SPACE), [], 'taken by the server as it was');
    await within(pupil.sync.syncNow(SPACE), "the pupil's sync");
    const seen = await pupil.get(SPACE, 'glossary', 'harbour');
    assert.equal(seen?.translations.en.term, 'harbour');
    assert.match(seen.rev, /^1-/);
  } finally {
    await teacher.close();
    await pupil.close();
  }
});
`;

const examples = readmeExamples(await readFile(`${ROOT}README.md`, 'utf8'));

describe("the README's replication-protocol examples, as printed", () => {
  let server: ReferenceServer;
  let dataDir: string;

  before(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'twinkit-readme-remote-'));
    server = await startReferenceServer({ dataDir, spaces: { [SPACE]: { moderation: 'pupils', members: MEMBER_ROLES.map(member) }, elsewhere: { members: [{ id: 'outsider', name: 'Outsider', password: 'pw-out', role: 'teacher' }] } } });
  });
  after(async () => {
    await server?.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  it('marks the school site\'s remote and the server check', () => {
    assert.ok(examples.has(REMOTE) && examples.has(SERVER_TEST), `README.md marks ${[...examples.keys()].join(', ')}`);
    assert.ok(examples.get(REMOTE)!.split('\n').length <= 60, 'a remote of at most 60 lines');
  });

  it('syncs two devices through the printed remote and the engine', async () => {
    const fakeIndexedDB = pathToFileURL(createRequire(import.meta.url).resolve('fake-indexeddb/auto')).href;
    const files = new Map([[REMOTE, examples.get(REMOTE)!], ['two-devices.test.js', twoDevices(fakeIndexedDB)]]);
    const teacher = member('teacher');
    const pupil = member('pupil');
    const env = { URL_BASE: server.url, SPACE, TEACHER: JSON.stringify(basic(teacher.id, teacher.password)), PUPIL: JSON.stringify(basic(pupil.id, pupil.password)) };
    const result = await runExampleTests(files, 'two-devices.test.js', env);
    assert.equal(result.failed, 0, result.output);
    assert.equal(result.passed, 1, result.output);
  });

  it('passes the conformance suite for remotes against the reference server, and says what it skipped', async () => {
    const setupDir = await mkdtemp(join(tmpdir(), 'twinkit-readme-setup-'));
    const setupFile = join(setupDir, 'conformance.json');
    const person = (part: MemberRole) => {
      const { id, name, password, school } = member(part);
      return { id, name, ...(school ? { school } : {}), headers: basic(id, password) };
    };
    const people = { ...Object.fromEntries(MEMBER_ROLES.map((part) => [part, person(part)])), nonMember: { id: 'outsider', name: 'Outsider', headers: basic('outsider', 'pw-out') } };
    await writeFile(setupFile, JSON.stringify({ url: server.url, space: SPACE, moderation: 'pupils', people }));
    try {
      const result = await runExampleTests(new Map([[SERVER_TEST, examples.get(SERVER_TEST)!]]), SERVER_TEST, { TWINKIT_SERVER: setupFile });
      assert.equal(result.failed, 0, result.output);
      assert.ok(result.passed >= 30, `${result.passed} passed`);
      assert.deepEqual(result.skips, [], 'every role given, files and long poll offered: nothing skipped');
    } finally {
      await rm(setupDir, { recursive: true, force: true });
    }
  });
});
