import { expect } from '@open-wc/testing';
import type { TwinUser } from '../../policy/roles.js';
import { createStore } from '../../store/create-store.js';
import { asAdmin, couchInfo, setFault, setupSpace, signOut, until } from '../../../test-support/couch-browser.js';
import { unique } from '../../../test-support/sync-devices.js';
import { createSyncedCouchDB } from '../synced/create-synced-couchdb.js';
import { audienceDatabase } from './audience-databases.js';
import { databaseName } from './couch-names.js';

/**
 * A page that does not name the layout (the default) follows the server: a space kept in one
 * database is synced as such, and when the server's admin moves it into one database per
 * audience, the same local copy carries on: what the person may no longer read leaves the device,
 * and writes made offline before the move reach their audience's database.
 */
const SCHOOL = 'Liceo Galilei';
const people = {
  teacher: { id: 'rossi', name: 'Ms Rossi', role: 'teacher', school: SCHOOL },
  kasia: { id: 'kasia', name: 'Kasia', role: 'pupil', school: SCHOOL },
  luca: { id: 'luca', name: 'Luca', role: 'pupil', school: SCHOOL },
} satisfies Record<string, TwinUser>;
type Person = keyof typeof people;
const members = Object.values(people).map((user) => ({ ...user, password: `pw-${user.id}` }));
const basic = (id: string) => `Basic ${btoa(`${id}:pw-${id}`)}`;

async function device(space: string, who: Person) {
  const { path } = await couchInfo();
  // No layout: as the server says.
  const adapter = createSyncedCouchDB({ url: path, headers: { authorization: basic(people[who].id) }, localName: `${space}-${who}` }, { minDelay: 50, maxDelay: 400, pollWait: 1000 });
  return { adapter, store: createStore({ adapter, space, user: people[who], settings: { moderation: 'off' } }) };
}

/** Titles of the journal entries the device's local copy holds, read or not by the store. */
const heldTitles = async (adapter: Awaited<ReturnType<typeof device>>['adapter'], space: string) =>
  (await adapter.list(space, 'journal')).map((record) => record.title as string).sort();

/** The databases of the space holding a live copy of a document, as the server's admin sees them. */
async function liveIn(space: string, docId: string): Promise<string[]> {
  const names = (await asAdmin<string[]>('GET', '/_all_dbs')).filter((name) => name.startsWith(databaseName(space)) && !name.includes('$room-'));
  const live: string[] = [];
  for (const name of names) if ((await asAdmin<{ _id?: string }>('GET', `/${encodeURIComponent(name)}/${encodeURIComponent(docId)}`))._id) live.push(name);
  return live;
}

before(signOut);
after(async () => {
  await setFault('pass');
  await signOut();
});

describe('a page that follows the server\'s layout', function () {
  this.timeout(90_000);

  it('keeps its local copy across the space\'s move into one database per audience: nothing unreadable stays, nothing written offline is lost', async () => {
    const space = unique('layout-move');
    await setupSpace(space, members, 'off', 'space');

    const kasia = await device(space, 'kasia');
    const made = [
      await kasia.store.create('journal', { date: '2027-03-09', title: 'Harbour (space)', visibility: 'space' }),
      await kasia.store.create('journal', { date: '2027-03-09', title: 'Ferry (school)', visibility: 'school' }),
      await kasia.store.create('journal', { date: '2027-03-09', title: 'Homesick (private)', visibility: 'private' }),
    ];
    await kasia.adapter.sync.syncNow(space);

    // One database: Luca's device holds all three (the store shows him two).
    const luca = await device(space, 'luca');
    await luca.adapter.sync.syncNow(space);
    expect(await heldTitles(luca.adapter, space)).to.deep.equal(['Ferry (school)', 'Harbour (space)', 'Homesick (private)']);
    expect((await luca.store.list('journal')).records.map((entry) => entry.title).sort()).to.deep.equal(['Ferry (school)', 'Harbour (space)']);

    // Luca writes while the server is out of reach; the page is closed before it is back.
    await setFault('down');
    const offline = await luca.store.create('journal', { date: '2027-03-10', title: 'Written on the bus (private)', visibility: 'private' });
    await luca.adapter.close();
    await setFault('pass');

    // The admin moves the space into one database per audience while Kasia's page stays open.
    await setupSpace(space, members, 'off', 'audiences');
    const afterMove = await kasia.store.create('journal', { date: '2027-03-11', title: 'After the move (private)', visibility: 'private' });
    await until(async () => {
      await kasia.adapter.sync.syncNow(space).catch(() => {});
      return (await liveIn(space, `journal:${afterMove.id}`)).length ? true : undefined;
    }, 'Kasia\'s write after the move to reach the server', 30_000);
    expect(await liveIn(space, `journal:${afterMove.id}`)).to.deep.equal([audienceDatabase(space, { kind: 'person', person: 'kasia' })]);
    expect(await heldTitles(kasia.adapter, space)).to.deep.equal(['After the move (private)', 'Ferry (school)', 'Harbour (space)', 'Homesick (private)']);
    await kasia.adapter.close();

    // Luca's page opens again: Kasia's private entry leaves his device, his own offline entry goes to his database.
    const again = await device(space, 'luca');
    try {
      await until(async () => {
        await again.adapter.sync.syncNow(space).catch(() => {});
        const held = await heldTitles(again.adapter, space);
        return !held.includes('Homesick (private)') && (await liveIn(space, `journal:${offline.id}`)).length ? held : undefined;
      }, 'Luca\'s device to follow the move', 30_000);
      expect(await heldTitles(again.adapter, space)).to.deep.equal(['Ferry (school)', 'Harbour (space)', 'Written on the bus (private)']);
      expect(await liveIn(space, `journal:${offline.id}`)).to.deep.equal([audienceDatabase(space, { kind: 'person', person: 'luca' })]);
      for (const entry of made) expect(await liveIn(space, `journal:${entry.id}`), entry.title as string).to.have.length(1);
    } finally {
      await again.adapter.close();
    }
  });
});
