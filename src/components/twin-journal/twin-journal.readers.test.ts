import { expect } from '@open-wc/testing';
import type { TwinUser } from '../../sdk/policy/roles.js';
import type { JournalFeedback } from '../../sdk/schemas/journal-feedback.js';
import type { JournalEntry } from '../../sdk/schemas/journal.js';
import { expectAccessible } from '../../test-support/axe.js';
import { observer, teacher } from '../../test-support/glossary-fixture.js';
import { clickIn, entryViewOf, journalRoot, journalWith } from '../../test-support/journal-fixture.js';
import { until } from '../../test-support/record-list.js';
import { untilStored } from '../../test-support/tracker-fixture.js';

const kasia: TwinUser = { id: 'pupil-kasia', name: 'Kasia Nowak', role: 'pupil', school: 'SP 12 Gdynia', mobile: true };
const ola: TwinUser = { id: 'pupil-ola', name: 'Ola Wiśniewska', role: 'pupil', school: 'SP 12 Gdynia', mobile: false };
const marco: TwinUser = { id: 'pupil-marco', name: 'Marco Rossi', role: 'pupil', school: 'Liceo Galilei', mobile: false };

const titles = (journal: Element) => [...journalRoot(journal).querySelectorAll('.entry-title')].map((title) => title.textContent!.trim());

async function threeEntries(world: Awaited<ReturnType<typeof journalWith>>) {
  const store = world.storeFor(kasia);
  const mine = {
    private: await store.create<JournalEntry>('journal', { date: '2027-03-08', title: 'Homesick', visibility: 'private' }),
    school: await store.create<JournalEntry>('journal', { date: '2027-03-09', title: 'Our school team', visibility: 'school' }),
    space: await store.create<JournalEntry>('journal', { date: '2027-03-10', title: 'The harbour tour', visibility: 'space' }),
  };
  return mine;
}

describe('<twin-journal>: who reads what, and peer feedback', () => {
  it('a private entry is invisible to another pupil, in the view and through the store; school and project entries follow their rule', async () => {
    const world = await journalWith({ user: marco });
    const entries = await threeEntries(world);
    clickIn(journalRoot(world.journal), 'Entries of the others');
    await until(() => titles(world.journal).length === 1, "Marco's view");
    expect(titles(world.journal)).to.deep.equal(['The harbour tour']);
    const marcoStore = world.storeFor(marco);
    expect((await marcoStore.list<JournalEntry>('journal')).records.map((e) => e.title)).to.deep.equal(['The harbour tour']);
    const crafted = await marcoStore.get('journal', entries.private.id).catch((error: Error) => error);
    expect(crafted).to.be.instanceOf(Error);

    const sameSchool = world.storeFor(ola);
    expect((await sameSchool.list<JournalEntry>('journal')).records.map((e) => e.title).sort()).to.deep.equal(['Our school team', 'The harbour tour']);
    const staff = world.storeFor(teacher);
    expect((await staff.list<JournalEntry>('journal')).records.length, 'teachers read every entry').to.equal(3);
    await expectAccessible(world.journal);
  });

  it('a pupil who stays home is invited to the travellers’ entries, and her feedback reaches the author', async () => {
    const world = await journalWith({ user: ola });
    const entries = await threeEntries(world);
    clickIn(journalRoot(world.journal), 'Entries of the others');
    await until(() => journalRoot(world.journal).querySelector('.invite'), 'the invitation');
    const invite = journalRoot(world.journal).querySelector('.invite')!;
    expect(invite.textContent).to.include('those who travel would love your feedback');
    invite.querySelector<HTMLInputElement>('input[type=checkbox]')!.click();
    await until(() => titles(world.journal).length === 2, 'the travellers’ entries without her feedback');
    clickIn(journalRoot(world.journal), /The harbour tour/);
    await until(() => entryViewOf(world.journal)?.shadowRoot?.querySelector('form.give'), 'the feedback form');
    const view = entryViewOf(world.journal)!.shadowRoot!;
    await expectAccessible(entryViewOf(world.journal)!);
    view.querySelector<HTMLInputElement>('input[name=kind][value=wonder]')!.click();
    view.querySelector('textarea')!.value = 'How cold was the water?';
    clickIn(view, 'Send feedback');
    await until(() => view.querySelector('.feedback li'), 'the feedback shown');
    expect(view.querySelector('.feedback li')!.textContent).to.include('I wonder…').and.include('How cold was the water?');
    const received = (await world.storeFor(kasia).list<JournalFeedback>('journal-feedback')).records;
    expect(received.map((item) => [item.target, item.kind, item.status])).to.deep.equal([[entries.space.id, 'wonder', 'published']]);
  });

  it('when teachers require approval, a peer comment waits: the author sees it only after a teacher approves', async () => {
    const world = await journalWith({ user: teacher });
    const entries = await threeEntries(world);
    clickIn(journalRoot(world.journal), 'Prompts');
    await until(() => journalRoot(world.journal).querySelector('.setting input'), 'the setting');
    journalRoot(world.journal).querySelector<HTMLInputElement>('.setting input')!.click();
    await untilStored(async () => (await world.store.list<{ feedbackApproval?: boolean } & JournalEntry>('journal-settings')).records[0]?.feedbackApproval === true, 'the setting stored');
    const olaStore = world.storeFor(ola);
    const comment = await olaStore.create<JournalFeedback>('journal-feedback', { target: entries.space.id, kind: 'liked', body: 'Great photos!' });
    expect(comment.status).to.equal('pending');
    expect((await world.storeFor(kasia).list('journal-feedback')).records.length, 'the author does not see it yet').to.equal(0);
    clickIn(journalRoot(world.journal), 'Entries of the others');
    await until(() => titles(world.journal).includes('The harbour tour'), 'the entries');
    clickIn(journalRoot(world.journal), /The harbour tour/);
    await until(() => entryViewOf(world.journal)?.shadowRoot?.querySelector('.feedback li.pending'), 'the pending comment');
    clickIn(entryViewOf(world.journal)!.shadowRoot!, 'Approve');
    await until(() => !entryViewOf(world.journal)!.shadowRoot!.querySelector('.feedback li.pending'), 'approved');
    const seen = (await world.storeFor(kasia).list<JournalFeedback>('journal-feedback')).records;
    expect(seen.map((item) => item.body)).to.deep.equal(['Great photos!']);
  });

  it('an observer reads only what is shared with the whole project, with no way to write', async () => {
    const world = await journalWith({ user: observer });
    await threeEntries(world);
    await until(() => titles(world.journal).length === 1, 'the shared entry');
    expect(titles(world.journal)).to.deep.equal(['The harbour tour']);
    expect([...journalRoot(world.journal).querySelectorAll('button')].some((b) => /Write an entry/.test(b.textContent!))).to.equal(false);
    clickIn(journalRoot(world.journal), /The harbour tour/);
    await until(() => entryViewOf(world.journal)?.shadowRoot?.querySelector('article'), 'the entry');
    expect(entryViewOf(world.journal)!.shadowRoot!.querySelector('form.give')).to.equal(null);
    await expectAccessible(world.journal);
  });
});
