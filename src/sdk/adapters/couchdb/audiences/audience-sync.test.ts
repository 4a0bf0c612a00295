import { expect } from '@open-wc/testing';
import { audienceOf } from '../../../policy/audience.js';
import type { TwinUser } from '../../../policy/roles.js';
import { createStore, type TwinStore } from '../../../store/create-store.js';
import { couchInfo, setupSpace, signOut } from '../../../../test-support/couch-browser.js';
import { unique } from '../../../../test-support/sync-devices.js';
import { createSyncedCouchDB } from '../../synced/create-synced-couchdb.js';
import type { SyncedAdapter } from '../../synced/synced-adapter.js';
import { audienceDatabase, roomDatabase } from '../audience-databases.js';
import { databaseName } from '../couch-names.js';
import { rulesOf } from './record-audience.js';

/**
 * One database per audience, end to end in a real browser: devices of every role sync a space set
 * up with `layout: 'audiences'`, and each device's copy and each person's HTTP reads hold exactly
 * what the store delivers to them, while approval, hiding and visibility changes move records.
 */
const SCHOOL_A = 'Liceo Galilei';
const SCHOOL_B = 'Szkoła nr 5';
const people = {
  teacher: { id: 'rossi', name: 'Ms Rossi', role: 'teacher', school: SCHOOL_A },
  moderator: { id: 'marta', name: 'Marta', role: 'moderator', school: SCHOOL_A },
  kasia: { id: 'kasia', name: 'Kasia', role: 'pupil', school: SCHOOL_A },
  luca: { id: 'luca', name: 'Luca', role: 'pupil', school: SCHOOL_A },
  jan: { id: 'jan', name: 'Jan', role: 'pupil', school: SCHOOL_B },
  observer: { id: 'olga', name: 'Olga', role: 'observer' },
} satisfies Record<string, TwinUser>;
type Person = keyof typeof people;
const password = (id: string) => `pw-${id}`;
const basic = (id: string) => `Basic ${btoa(`${id}:${password(id)}`)}`;

interface Member {
  adapter: SyncedAdapter;
  store: TwinStore;
}

/**
 * A person's device, opened for one step and closed after it: the local copy stays (a page
 * reload). Six devices open at once in one test page would share the browser's six connections
 * to the server, each holding a long poll.
 */
async function onDevice<T>(space: string, who: Person, step: (member: Member) => Promise<T>): Promise<T> {
  const { path } = await couchInfo();
  const user = people[who];
  const adapter = createSyncedCouchDB({ url: path, headers: { authorization: basic(user.id) }, localName: `${space}-${user.id}`, layout: 'audiences' }, { minDelay: 50, maxDelay: 400, pollWait: 1000 });
  const store = createStore({ adapter, space, user, settings: { moderation: 'pupils' } });
  try {
    await adapter.sync.syncNow(space);
    const result = await step({ adapter, store });
    await adapter.sync.syncNow(space);
    return result;
  } finally {
    await adapter.close();
  }
}

/** What a person reads over plain HTTP: every record document of every database they may open. */
async function readableOverHttp(space: string, who: Person): Promise<Set<string>> {
  const { path } = await couchInfo();
  const user = people[who];
  const databases = [databaseName(space), roomDatabase(space, user)].filter((name): name is string => !!name);
  const ids = new Set<string>();
  for (const database of databases) {
    const response = await fetch(`${path}/${encodeURIComponent(database)}/_all_docs`, { headers: { authorization: basic(user.id) } });
    expect(response.status, `${who} opens ${database}`).to.equal(200);
    const body = (await response.json()) as { rows: { id: string }[] };
    for (const row of body.rows) if (!row.id.startsWith('_design/')) ids.add(row.id);
  }
  return ids;
}

/** The titles of the journal entries a device's store lists (every status the person may see). */
const journalOn = async (member: Member) => (await member.store.list('journal')).records.map((record) => record.title as string).sort();

before(signOut);
after(signOut);

describe('one database per audience', function () {
  this.timeout(90_000);

  it('keeps private, school-only and pending entries off other people\'s devices and HTTP reads, and moves them when decided', async () => {
    const space = unique('audiences');
    await setupSpace(space, Object.values(people).map((user) => ({ ...user, password: password(user.id) })), 'pupils', 'audiences');
    const titles = new Map<string, string>();
    const [forAll, forSchool, forMe] = await onDevice(space, 'kasia', async ({ store }) => {
      const made = [
        await store.create('journal', { date: '2027-03-09', title: 'Harbour (space)', visibility: 'space' }),
        await store.create('journal', { date: '2027-03-09', title: 'Ferry (school)', visibility: 'school' }),
        await store.create('journal', { date: '2027-03-09', title: 'Homesick (private)', visibility: 'private' }),
      ];
      expect(made.map((entry) => entry.status)).to.deep.equal(['pending', 'pending', 'pending']);
      made.forEach((entry) => titles.set(`journal:${entry.id}`, entry.title as string));
      return made;
    });

    /** Every person's device (after a sync) and HTTP reads hold exactly these entries. */
    const expectJournal = async (expected: Record<Person, string[]>) => {
      for (const who of Object.keys(people) as Person[]) {
        const want = [...expected[who]].sort();
        // The room fills from the audience databases a moment after a write: sync until it has.
        const held = await onDevice(space, who, async (member) => {
          for (let round = 0; round < 40; round++) {
            const now = await journalOn(member);
            if (JSON.stringify(now) === JSON.stringify(want)) return now;
            await new Promise((resolve) => setTimeout(resolve, 100));
            await member.adapter.sync.syncNow(space);
          }
          return journalOn(member);
        });
        expect(held, `${who}'s device`).to.deep.equal(want);
        const overHttp = [...(await readableOverHttp(space, who))].flatMap((id) => (titles.has(id) ? [titles.get(id)!] : []));
        expect(overHttp.sort(), `${who} over HTTP`).to.deep.equal(want);
      }
    };
    const all = ['Harbour (space)', 'Ferry (school)', 'Homesick (private)'];
    await expectJournal({ teacher: all, moderator: ['Harbour (space)', 'Ferry (school)'], kasia: all, luca: [], jan: [], observer: [] });

    // The moderator approves both: the space's entry reaches everyone, the school's entry the school.
    await onDevice(space, 'moderator', async ({ store }) => {
      await store.setStatus('journal', await store.get('journal', forAll.id), 'published');
      await store.setStatus('journal', await store.get('journal', forSchool.id), 'published');
    });
    const both = ['Harbour (space)', 'Ferry (school)'];
    await expectJournal({ teacher: all, moderator: both, kasia: all, luca: both, jan: ['Harbour (space)'], observer: ['Harbour (space)'] });

    // The teacher hides the space's entry; Kasia makes the school's entry private.
    await onDevice(space, 'teacher', async ({ store }) => store.setStatus('journal', await store.get('journal', forAll.id), 'hidden'));
    await onDevice(space, 'kasia', async ({ store }) => store.update('journal', await store.get('journal', forSchool.id), { visibility: 'private' }));
    await expectJournal({ teacher: all, moderator: ['Harbour (space)'], kasia: all, luca: [], jan: [], observer: [] });

    // Each record is held in exactly one database, its audience's, whatever moved it.
    await onDevice(space, 'teacher', async ({ store }) => {
      for (const entry of [forAll, forSchool, forMe]) {
        const now = await store.get('journal', entry.id);
        const home = audienceDatabase(space, audienceOf(now, rulesOf('journal')));
        expect(await liveIn(space, `journal:${entry.id}`), entry.title as string).to.deep.equal([home]);
      }
    });
  });
});

/** The audience databases holding a live copy of a document, as the server's admin sees them. */
async function liveIn(space: string, docId: string): Promise<string[]> {
  const { path, adminAuthorization } = await couchInfo();
  const response = await fetch(`${path}/_all_dbs`, { headers: { authorization: adminAuthorization } });
  const names = ((await response.json()) as string[]).filter((name) => name.startsWith(databaseName(space)) && !name.includes('$room-'));
  const live: string[] = [];
  for (const name of names) {
    const doc = await fetch(`${path}/${encodeURIComponent(name)}/${encodeURIComponent(docId)}`, { headers: { authorization: adminAuthorization } });
    if (doc.status === 200) live.push(name);
  }
  return live;
}
