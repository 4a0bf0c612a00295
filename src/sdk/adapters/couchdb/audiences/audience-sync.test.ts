import { expect } from '@open-wc/testing';
import { audienceOf, type Audience } from '../../../policy/audience.js';
import type { TwinUser } from '../../../policy/roles.js';
import { createStore, type TwinStore } from '../../../store/create-store.js';
import { couchInfo, setupSpace, signOut, until } from '../../../../test-support/couch-browser.js';
import { unique } from '../../../../test-support/sync-devices.js';
import { createSyncedCouchDB, deviceLookups } from '../../synced/create-synced-couchdb.js';
import { createSyncedAdapter } from '../../synced/synced-adapter.js';
import { createAudienceRemote } from './audience-remote.js';
import type { SyncedAdapter } from '../../synced/synced-adapter.js';
import { audienceDatabase } from '../audience-databases.js';
import { readerOf } from './reader.js';
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

/** Each test space's moderation, as its setup gave the server. */
const moderationOf = new Map<string, 'off' | 'pupils'>();

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
  const store = createStore({ adapter, space, user, settings: { moderation: moderationOf.get(space) ?? 'pupils' } });
  try {
    await adapter.sync.syncNow(space);
    const result = await step({ adapter, store });
    await adapter.sync.syncNow(space);
    return result;
  } finally {
    await adapter.close();
  }
}

/** The databases a person's device follows, as the server's session tells it. */
async function feedsOf(space: string, who: Person): Promise<string[]> {
  const { path } = await couchInfo();
  const session = await fetch(`${path}/_session`, { headers: { authorization: basic(people[who].id) } });
  const { userCtx } = (await session.json()) as { userCtx: { name: string; roles: string[] } };
  return readerOf(space, userCtx.name, userCtx.roles).feeds;
}

/** What a person reads over plain HTTP: every record document of every database they may open. */
async function readableOverHttp(space: string, who: Person): Promise<Set<string>> {
  const { path } = await couchInfo();
  const user = people[who];
  const databases = await feedsOf(space, who);
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
    let photoId = '';
    /** The audience databases (rooms aside) holding the photo of the space's entry, and who owns each copy. */
    const photoIn = async () => {
      const copies = await liveAnywhere(space, (doc) => doc._id === `attachment:${photoId}`);
      return copies.filter((at) => !at.includes('$room-')).map((at) => at.split('/')[0]);
    };
    const [forAll, forSchool, forMe] = await onDevice(space, 'kasia', async ({ store }) => {
      const photo = await store.putAttachment(await png(), { maxBytes: 1_000_000, types: ['image/png'] });
      photoId = photo.id;
      const made = [
        await store.create('journal', { date: '2027-03-09', title: 'Harbour (space)', visibility: 'space', media: [{ attachment: photo.id, kind: 'image', alt: 'The harbour' }] }),
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
          // Under a loaded test server the rooms' replication may take seconds.
          for (const deadline = Date.now() + 20_000; Date.now() < deadline; ) {
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
    // The photo went with its entry, still Kasia's.
    expect(await photoIn()).to.deep.equal([databaseName(space)]);
    await expectJournal({ teacher: all, moderator: both, kasia: all, luca: both, jan: ['Harbour (space)'], observer: ['Harbour (space)'] });

    // The teacher hides the space's entry; Kasia makes the school's entry private.
    await onDevice(space, 'teacher', async ({ store }) => store.setStatus('journal', await store.get('journal', forAll.id), 'hidden'));
    await onDevice(space, 'kasia', async ({ store }) => store.update('journal', await store.get('journal', forSchool.id), { visibility: 'private' }));
    await expectJournal({ teacher: all, moderator: ['Harbour (space)'], kasia: all, luca: [], jan: [], observer: [] });
    expect(await photoIn()).to.deep.equal([audienceDatabase(space, { kind: 'moderators', person: 'kasia' })]);
    const { path } = await couchInfo();
    const asJan = await fetch(`${path}/${encodeURIComponent(databaseName(space))}/attachment:${photoId}/file`, { headers: { authorization: basic('jan') } });
    expect(asJan.status, 'Jan reads the hidden entry\'s photo').to.equal(404);

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

describe('one database per audience: feedback follows its entry', function () {
  this.timeout(90_000);

  it('keeps feedback with its entry\'s readers: the author takes it into her own database when she gives her entry fewer readers, a teacher\'s device puts it where it belongs', async () => {
    const space = unique('follow');
    moderationOf.set(space, 'off');
    await setupSpace(space, Object.values(people).map((user) => ({ ...user, password: password(user.id) })), 'off', 'audiences');
    const entry = await onDevice(space, 'kasia', ({ store }) => store.create('journal', { date: '2027-03-09', title: 'Harbour', visibility: 'space' }));
    const fromLuca = await onDevice(space, 'luca', ({ store }) => store.create('journal-feedback', { target: entry.id, kind: 'liked', body: 'Nice harbour!' }));
    const fromJan = await onDevice(space, 'jan', ({ store }) => store.create('journal-feedback', { target: entry.id, kind: 'wonder', body: 'Which boats?' }));
    const feedbackIds = [fromLuca, fromJan].map((feedback) => `journal-feedback:${feedback.id}`);

    /** Who reads which of the two over HTTP, and where each is held. */
    const expectFeedback = async (readers: Person[], home: Audience) => {
      for (const id of feedbackIds) expect(await liveIn(space, id), id).to.deep.equal([audienceDatabase(space, home)]);
      for (const who of ['teacher', 'kasia', 'luca', 'jan', 'observer'] as Person[]) {
        const want = readers.includes(who) ? feedbackIds : [];
        // The rooms fill a moment after a move.
        await until(async () => {
          const read = [...(await readableOverHttp(space, who))].filter((id) => feedbackIds.includes(id)).sort();
          return JSON.stringify(read) === JSON.stringify([...want].sort()) ? true : undefined;
        }, `${who} to read ${want.length} feedback over HTTP`, 20_000).catch(async () => {
          expect([...(await readableOverHttp(space, who))].filter((id) => feedbackIds.includes(id)), `${who} over HTTP`).to.have.members(want);
        });
      }
      // And as the store gives it, on each device.
      for (const who of ['luca', 'jan'] as Person[]) {
        const shown = await onDevice(space, who, async ({ store }) => (await store.list('journal-feedback')).records.map((feedback) => feedback.id));
        expect(shown.length, `${who}'s device`).to.equal(readers.includes(who) ? 2 : 0);
      }
    };
    await expectFeedback(['teacher', 'kasia', 'luca', 'jan', 'observer'], { kind: 'space' });

    /** A teacher opens the space: their device puts the feedback where its entry's readers are. */
    const teacherVisits = (home: Audience) =>
      onDevice(space, 'teacher', ({ adapter }) =>
        until(async () => {
          await adapter.sync.syncNow(space);
          const homes = await Promise.all(feedbackIds.map((id) => liveIn(space, id)));
          return homes.every((at) => JSON.stringify(at) === JSON.stringify([audienceDatabase(space, home)])) ? true : undefined;
        }, 'the teacher\'s device to place the feedback', 20_000),
      );
    const school: Audience = { kind: 'school', school: SCHOOL_A };

    // School-only: the server cannot check a pupil's copy into her school's database (it could be
    // forged there), so her device takes the feedback into hers, until a teacher's device comes by.
    await onDevice(space, 'kasia', async ({ store }) => store.update('journal', await store.get('journal', entry.id), { visibility: 'school' }));
    await expectFeedback(['teacher', 'kasia'], { kind: 'person', person: 'kasia' });
    await teacherVisits(school);
    await expectFeedback(['teacher', 'kasia', 'luca'], school);

    await onDevice(space, 'kasia', async ({ store }) => store.update('journal', await store.get('journal', entry.id), { visibility: 'private' }));
    await expectFeedback(['teacher', 'kasia'], { kind: 'person', person: 'kasia' });

    // Public again: a pupil may not give others' feedback more readers; a teacher's device does.
    await onDevice(space, 'kasia', async ({ store }) => store.update('journal', await store.get('journal', entry.id), { visibility: 'space' }));
    await expectFeedback(['teacher', 'kasia'], { kind: 'person', person: 'kasia' });
    await teacherVisits({ kind: 'space' });
    await expectFeedback(['teacher', 'kasia', 'luca', 'jan', 'observer'], { kind: 'space' });
    // Still each one's own feedback, word for word.
    const kept = await onDevice(space, 'teacher', async ({ store }) => (await store.list('journal-feedback')).records.map((feedback) => [feedback.author.id, feedback.body]));
    expect(kept).to.have.deep.members([
      ['luca', 'Nice harbour!'],
      ['jan', 'Which boats?'],
    ]);
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

/**
 * A device whose connection to the server can be cut (the page stays open, the outbox fills), or
 * can lose the answer to the next write into one database: the server applies it, the device
 * never hears back.
 */
async function unpluggable(space: string, who: Person) {
  const { path } = await couchInfo();
  const cable = { unplugged: false, loseNextWriteTo: undefined as string | undefined, lost: 0 };
  const fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
    if (cable.unplugged) throw new TypeError('Failed to fetch');
    const url = decodeURIComponent(String(input instanceof Request ? input.url : input));
    const answer = await globalThis.fetch(input, init);
    if (cable.loseNextWriteTo && url.includes(`/${cable.loseNextWriteTo}/_bulk_docs`)) {
      cable.loseNextWriteTo = undefined;
      cable.lost++;
      await answer.body?.cancel();
      throw new TypeError('Failed to fetch');
    }
    return answer;
  };
  const adapter = createSyncedAdapter({
    remote: (local) => createAudienceRemote({ url: path, headers: { authorization: basic(people[who].id) }, fetch, local: deviceLookups(local) }),
    databaseName: `${space}-${who}-phone`,
    minDelay: 50,
    maxDelay: 400,
    pollWait: 1000,
  });
  return { adapter, cable, store: createStore({ adapter, space, user: people[who], settings: { moderation: moderationOf.get(space) ?? 'pupils' } }) };
}

/** Every live document of the space's databases (rooms included) that `match` picks, as `database/id`. */
async function liveAnywhere(space: string, match: (doc: Record<string, unknown>) => boolean): Promise<string[]> {
  const { path, adminAuthorization } = await couchInfo();
  const names = ((await (await fetch(`${path}/_all_dbs`, { headers: { authorization: adminAuthorization } })).json()) as string[]).filter((name) => name.startsWith(databaseName(space)));
  const found: string[] = [];
  for (const name of names) {
    const response = await fetch(`${path}/${encodeURIComponent(name)}/_all_docs?include_docs=true`, { headers: { authorization: adminAuthorization } });
    for (const row of ((await response.json()) as { rows: { id: string; doc: Record<string, unknown> }[] }).rows) if (match(row.doc)) found.push(`${name}/${row.id}`);
  }
  return found.sort();
}

const png = async () => {
  const canvas = new OffscreenCanvas(4, 4);
  canvas.getContext('2d')!.fillRect(0, 0, 2, 2);
  return canvas.convertToBlob({ type: 'image/png' });
};

describe('one database per audience: files and erasure', function () {
  this.timeout(90_000);

  it('stores a private entry\'s photo only where its readers are, and erasing a pupil removes her records and files from every database', async () => {
    const space = unique('erasure');
    moderationOf.set(space, 'off');
    await setupSpace(space, Object.values(people).map((user) => ({ ...user, password: password(user.id) })), 'off', 'audiences');
    const photoIds: string[] = [];
    const made = await onDevice(space, 'kasia', async ({ store }) => {
      const photo = await store.putAttachment(await png(), { maxBytes: 1_000_000, types: ['image/png'] });
      photoIds.push(photo.id);
      return {
        forAll: await store.create('journal', { date: '2027-03-09', title: 'Harbour', visibility: 'space' }),
        forSchool: await store.create('journal', { date: '2027-03-09', title: 'Ferry', visibility: 'school' }),
        forMe: await store.create('journal', { date: '2027-03-09', title: 'Homesick', visibility: 'private', media: [{ attachment: photo.id, kind: 'image', alt: 'My room' }] }),
      };
    });
    // The photo is where the private entry is, and nowhere a classmate reads.
    const photoDocs = () => liveAnywhere(space, (doc) => doc._id === `attachment:${photoIds[0]}`);
    const ownDatabase = audienceDatabase(space, { kind: 'person', person: 'kasia' });
    await until(async () => ((await photoDocs()).some((at) => at.includes('$room-staff')) ? true : undefined), 'the photo in the staff room');
    expect((await photoDocs()).filter((at) => !at.includes('$room-'))).to.deep.equal([`${ownDatabase}/attachment:${photoIds[0]}`]);
    const { path } = await couchInfo();
    for (const database of await feedsOf(space, 'luca')) {
      const asLuca = await fetch(`${path}/${encodeURIComponent(database)}/attachment:${photoIds[0]}/file`, { headers: { authorization: basic('luca') } });
      expect(asLuca.status, `Luca reads the photo in ${database}`).to.equal(404);
    }
    await onDevice(space, 'teacher', async ({ store }) => {
      await store.create('journal-note', { pupil: 'kasia', body: 'Talk to Kasia about the trip.' });
    });
    await onDevice(space, 'luca', async ({ store }) => {
      await store.create('journal-feedback', { target: made.forAll.id, kind: 'liked', body: 'Nice harbour!' });
    });
    // Kasia's phone has everything, then goes offline and edits.
    const phone = await unpluggable(space, 'kasia');
    await phone.adapter.sync.syncNow(space);
    phone.cable.unplugged = true;
    await phone.store.update('journal', await phone.store.get('journal', made.forSchool.id), { title: 'Ferry (edited offline)' });

    const kasias = (doc: Record<string, unknown>) =>
      !doc._deleted && ((doc.author as { id?: string } | undefined)?.id === 'kasia' || doc.pupil === 'kasia' || doc.owner === 'kasia' || doc.target === made.forAll.id);
    // Every copy of what the staff room gathers (all but the space's database) has reached it.
    const inStaffRoom = async () => {
      const live = await liveAnywhere(space, kasias);
      const restricted = live.filter((at) => !at.includes('$room-') && !at.startsWith(`${databaseName(space)}/`)).map((at) => at.split('/')[1]);
      const room = new Set(live.filter((at) => at.includes('$room-staff')).map((at) => at.split('/')[1]));
      return restricted.length === 4 && restricted.every((id) => room.has(id)) ? true : undefined;
    };
    await until(inStaffRoom, 'the school entry, the private entry, its photo and the note in the staff room');
    const result = await onDevice(space, 'teacher', ({ store }) => store.erasePerson('kasia'));
    // Her three entries, the note to her and the comment on her entry; her photo.
    expect({ removed: result.removed, kept: result.kept, files: result.files, filesKept: result.filesKept }).to.deep.equal({ removed: 5, kept: 0, files: 1, filesKept: 0 });
    // Gone from every database, rooms included once they catch up.
    await until(async () => ((await liveAnywhere(space, kasias)).length === 0 ? true : undefined), 'no live record or file of Kasia anywhere', 15_000).catch(async () => {
      expect(await liveAnywhere(space, kasias)).to.deep.equal([]);
    });
    // The phone comes back: its offline edit does not bring the entry back.
    phone.cable.unplugged = false;
    await phone.adapter.sync.syncNow(space).catch(() => {});
    await phone.adapter.sync.syncNow(space).catch(() => {});
    expect(await liveAnywhere(space, kasias)).to.deep.equal([]);
    const kept = await phone.adapter.sync.conflicts(space);
    expect(kept.map((conflict) => (conflict.mine as { title?: string } | undefined)?.title)).to.include('Ferry (edited offline)');
    await phone.adapter.close();
  });
});

describe('one database per audience: lost answers', function () {
  this.timeout(90_000);

  for (const lost of ['the copy in the new database', 'the tombstone in the old one'] as const) {
    it(`finishes a move once, when the answer to ${lost} is lost`, async () => {
      const space = unique('lost-move');
      await setupSpace(space, Object.values(people).map((user) => ({ ...user, password: password(user.id) })), 'pupils', 'audiences');
      const entry = await onDevice(space, 'kasia', ({ store }) => store.create('journal', { date: '2027-03-09', title: 'Harbour', visibility: 'space' }));
      const waitingIn = audienceDatabase(space, { kind: 'moderators', person: 'kasia' });
      const moderator = await unpluggable(space, 'moderator');
      await moderator.adapter.sync.syncNow(space);
      moderator.cable.loseNextWriteTo = lost === 'the copy in the new database' ? databaseName(space) : waitingIn;
      await moderator.store.setStatus('journal', await moderator.store.get('journal', entry.id), 'published');
      await until(async () => (moderator.cable.lost ? true : undefined), 'the lost answer');
      // The device asks what landed, and sends only what did not.
      await until(async () => (moderator.adapter.sync.status().pending === 0 && moderator.adapter.sync.status().state === 'online' ? true : undefined), 'the moderator\'s device in step', 15_000);
      await moderator.adapter.sync.syncNow(space);
      expect(await liveIn(space, `journal:${entry.id}`)).to.deep.equal([databaseName(space)]);
      expect(await moderator.adapter.sync.conflicts(space)).to.deep.equal([]);
      expect((await moderator.store.get('journal', entry.id)).status).to.equal('published');
      await moderator.adapter.close();
      const onJansDevice = await onDevice(space, 'jan', async (member) => journalOn(member));
      expect(onJansDevice).to.deep.equal(['Harbour']);
    });
  }
});

describe('one database per audience: a reader who changes school', function () {
  this.timeout(90_000);

  it('keeps nothing of the old school on the device once the room is rebuilt, and is asked about none of it', async () => {
    // (Before, the device took what the rebuilt room no longer sent for records the server had lost,
    // sent them back, and listed each refusal for Luca to decide on: his old classmates' entries.)
    const space = unique('new-school');
    moderationOf.set(space, 'off');
    const members = (school: Record<string, string>) => Object.values(people).map((user) => ({ ...user, ...(school[user.id] ? { school: school[user.id] } : {}), password: password(user.id) }));
    await setupSpace(space, members({}), 'off', 'audiences');
    await onDevice(space, 'kasia', ({ store }) => store.create('journal', { date: '2027-03-09', title: 'Our school trip', visibility: 'school' }));
    await onDevice(space, 'luca', ({ store }) => store.create('journal', { date: '2027-03-09', title: 'Luca at his old school', visibility: 'school' }));
    const seen = await onDevice(space, 'luca', async (member) => {
      for (const deadline = Date.now() + 20_000; Date.now() < deadline && (await journalOn(member)).length < 2; ) await member.adapter.sync.syncNow(space);
      return journalOn(member);
    });
    expect(seen).to.deep.equal(['Luca at his old school', 'Our school trip']);
    // Luca moves to Jan's school: the setup rebuilds his room without his old school's database.
    await setupSpace(space, members({ luca: SCHOOL_B }), 'off', 'audiences');
    const after = await onDevice(space, 'luca', async (member) => {
      for (const deadline = Date.now() + 20_000; Date.now() < deadline && (await journalOn(member)).includes('Our school trip'); ) await member.adapter.sync.syncNow(space);
      const status = await until(() => (member.adapter.sync.status().state === 'online' ? member.adapter.sync.status() : undefined), 'Luca\'s device in step').catch(() => member.adapter.sync.status());
      return { journal: await journalOn(member), kept: await member.adapter.sync.conflicts(space), status };
    });
    // His own school-only entry stays with the school he left (its members and the teachers read it there).
    expect(after.journal).to.deep.equal([]);
    expect(after.kept.map((k) => `${k.kind}: ${(k.mine as { title?: string } | undefined)?.title} ${k.message}`)).to.deep.equal([]);
    expect([after.status.state, after.status.pending]).to.deep.equal(['online', 0]);
  });
});
