import { expect } from '@open-wc/testing';
import type { JournalEntry } from '../../sdk/schemas/journal.js';
import { DraftStore } from '../base/draft-store.js';
import type { JournalDraft } from './editor/journal-editor.component.js';
import { expectAccessible } from '../../test-support/axe.js';
import { pupil, teacher } from '../../test-support/glossary-fixture.js';
import { clickIn, editorOf, entryViewOf, journalRoot, journalWith, startEntry, typeBody, typeInto } from '../../test-support/journal-fixture.js';
import { failingWrites } from '../../test-support/failing-writes.js';
import { until } from '../../test-support/record-list.js';
import { untilStored } from '../../test-support/tracker-fixture.js';

const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0]);
const kasia = { ...pupil, mobile: true };

function pick(editor: Element, file: File) {
  const input = editor.shadowRoot!.querySelector<HTMLInputElement>('input[type=file]')!;
  const transfer = new DataTransfer();
  transfer.items.add(file);
  input.files = transfer.files;
  input.dispatchEvent(new Event('change'));
}

const save = (editor: Element) => clickIn(editor.shadowRoot!, 'Save');

describe('<twin-journal>: writing entries', () => {
  it('a pupil writes an entry in safe rich text, chooses who reads it and rates her confidence', async () => {
    const world = await journalWith({ user: kasia });
    const editor = await startEntry(world.journal);
    await expectAccessible(world.journal);
    typeInto(editor, 'title', 'Day 3: the harbour');
    typeBody(editor, '<p>We measured <strong>waves</strong> at the pier.</p><ul><li>cold</li><li>windy</li></ul>');
    editor.shadowRoot!.querySelector<HTMLInputElement>('input[name=visibility][value=space]')!.click();
    editor.shadowRoot!.querySelector<HTMLInputElement>('input[name=confidence][value="4"]')!.click();
    typeInto(editor, 'learned', 'Waves are higher in the afternoon');
    save(editor);
    await until(() => entryViewOf(world.journal)?.shadowRoot?.querySelector('article'), 'the saved entry');
    const [entry] = (await world.store.list<JournalEntry>('journal')).records;
    expect(entry).to.include({ title: 'Day 3: the harbour', visibility: 'space', confidence: 4, date: '2027-03-10' });
    expect(entry.body).to.include('<strong>waves</strong>');
    const view = entryViewOf(world.journal)!.shadowRoot!;
    expect(view.querySelector('.body strong')!.textContent).to.equal('waves');
    expect(view.textContent).to.include('The whole project').and.include('4, mostly');
    await expectAccessible(world.journal);
  });

  it("a new entry takes the space's current phase; the pupil may choose another phase and the entry's language", async () => {
    const world = await journalWith({ user: kasia });
    const staff = world.storeFor(teacher);
    await staff.createAll([
      { collection: 'phase', id: 'preparation', fields: { name: 'Preparation', order: 1 } },
      { collection: 'phase', id: 'mobility', fields: { name: 'Mobility', order: 2 } },
      { collection: 'project', id: 'settings', fields: { currentPhase: 'mobility' } },
    ]);
    await until(() => world.space.currentPhase === 'mobility', 'the current phase');
    const editor = await startEntry(world.journal);
    await until(() => editor.shadowRoot!.querySelector('select[name=phase]'), 'the phase choice');
    expect(editor.shadowRoot!.querySelector<HTMLSelectElement>('select[name=phase]')!.value).to.equal('mobility');
    typeInto(editor, 'title', 'Looking back at the preparation');
    const phase = editor.shadowRoot!.querySelector<HTMLSelectElement>('select[name=phase]')!;
    phase.value = 'preparation';
    phase.dispatchEvent(new Event('change'));
    const language = editor.shadowRoot!.querySelector<HTMLSelectElement>('select[name=language]')!;
    expect([...language.options].find((option) => option.value === 'pl')!.textContent).to.equal('Polish');
    language.value = 'pl';
    language.dispatchEvent(new Event('change'));
    save(editor);
    await until(() => entryViewOf(world.journal), 'saved');
    const [entry] = (await world.store.list<JournalEntry>('journal')).records;
    expect(entry).to.include({ phase: 'preparation', language: 'pl' });
  });

  it('keeps what is typed across a reload, and forgets it once saved', async () => {
    const first = await journalWith({ user: kasia });
    const editor = await startEntry(first.journal);
    typeInto(editor, 'title', 'Half-written thoughts');
    typeBody(editor, '<p>The ferry was late, so</p>');
    // Kept on the device as it is typed, before the page goes away (read as a reload would: a fresh store, this device only).
    const kept = () => new DraftStore<JournalDraft>(first.store.space, first.store.user.id, undefined).read()?.fields;
    await until(() => kept()?.title === 'Half-written thoughts' && kept()?.body.includes('The ferry was late'), 'the draft kept on the device');
    // The page goes away (a reload, a closed tab): the element is removed without saving.
    first.wrapper.remove();
    const again = await journalWith({ user: kasia, backing: first.backing, space: first.spaceId });
    const restored = await startEntry(again.journal);
    expect(restored.shadowRoot!.querySelector<HTMLInputElement>('[name=title]')!.value).to.equal('Half-written thoughts');
    expect((restored.shadowRoot!.querySelector('twin-rich-text-editor') as HTMLElement & { value: string }).value).to.include('The ferry was late');
    expect(restored.shadowRoot!.textContent).to.include('Your unsaved text from before is back');
    save(restored);
    await until(() => entryViewOf(again.journal), 'saved');
    again.wrapper.remove();
    const third = await journalWith({ user: kasia, backing: first.backing, space: first.spaceId });
    const fresh = await startEntry(third.journal);
    expect(fresh.shadowRoot!.querySelector<HTMLInputElement>('[name=title]')!.value, 'no old draft after a save').to.equal('');
  });

  it('says so when the device cannot keep a draft (storage full or disabled), and keeps it in the tab', async () => {
    const world = await journalWith({ user: kasia });
    const editor = await startEntry(world.journal);
    const setItem = Storage.prototype.setItem;
    Storage.prototype.setItem = () => {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    };
    try {
      typeInto(editor, 'title', 'Written with a full disk');
      await until(() => editor.shadowRoot!.textContent!.includes('This device could not keep your draft'), 'the warning');
      expect(editor.shadowRoot!.querySelector<HTMLInputElement>('[name=title]')!.value).to.equal('Written with a full disk');
    } finally {
      Storage.prototype.setItem = setItem;
    }
    save(editor);
    await until(() => entryViewOf(world.journal), 'saved anyway');
    expect((await world.store.list<JournalEntry>('journal')).records.map((entry) => entry.title)).to.deep.equal(['Written with a full disk']);
  });

  it('a full disk keeps the text on screen and says so; the next save works', async () => {
    let disk: ReturnType<typeof failingWrites> | undefined;
    const world = await journalWith({ user: kasia, wrap: (inner) => (disk = failingWrites(inner)).adapter });
    const editor = await startEntry(world.journal);
    typeInto(editor, 'title', 'Amber on the beach');
    disk!.failNext();
    save(editor);
    await until(() => editor.shadowRoot!.querySelector('.problem')?.textContent?.includes('no room left'), 'the quota message');
    expect(editor.shadowRoot!.querySelector<HTMLInputElement>('[name=title]')!.value).to.equal('Amber on the beach');
    save(editor);
    await until(() => entryViewOf(world.journal), 'saved on the second try');
  });

  it('a change made meanwhile in another tab is shown beside the pupil’s own, and "Keep my version" saves hers on top', async () => {
    const world = await journalWith({ user: kasia });
    const entry = await world.store.create<JournalEntry>('journal', { date: '2027-03-09', title: 'Arrival', visibility: 'school' });
    clickIn(journalRoot(world.journal), /Arrival/);
    await until(() => entryViewOf(world.journal)?.shadowRoot?.querySelector('article'), 'the entry');
    clickIn(entryViewOf(world.journal)!.shadowRoot!, 'Edit');
    await until(() => editorOf(world.journal)?.shadowRoot?.querySelector('form'), 'the editor');
    const editor = editorOf(world.journal)!;
    typeInto(editor, 'title', 'Arrival in Gdynia');
    // Another tab of the same pupil changes the title first.
    const otherTab = world.storeFor(kasia);
    await otherTab.update('journal', entry, { title: 'Arrival (ferry)' });
    save(editor);
    await until(() => editor.shadowRoot!.querySelector('.conflict'), 'the conflict');
    expect(editor.shadowRoot!.querySelector('.conflict')!.textContent).to.include('Arrival (ferry)');
    expect(editor.shadowRoot!.querySelector<HTMLInputElement>('[name=title]')!.value).to.equal('Arrival in Gdynia');
    clickIn(editor.shadowRoot!, 'Keep my version');
    await untilStored(async () => (await otherTab.get<JournalEntry>('journal', entry.id)).title === 'Arrival in Gdynia', 'hers saved on top');
  });

  it('shows hostile text as text or the safe subset, never as markup or script', async () => {
    const world = await journalWith({ user: teacher });
    const store = world.storeFor(kasia);
    await store.create('journal', {
      date: '2027-03-10',
      title: '<img src=x onerror="window.hacked=1">Title',
      visibility: 'space',
      body: '<p>ok <a href="https://example.org">link</a> <strong>bold</strong></p>',
      learned: '<script>window.hacked=2</script>',
    });
    const refused = await store.create('journal', { date: '2027-03-10', title: 'x', visibility: 'space', body: '<p onclick="x">hi</p><script>alert(1)</script>' }).catch((error: Error) => error);
    expect((refused as Error).message).to.include('unsafe');
    clickIn(journalRoot(world.journal), 'Entries of the others');
    await until(() => journalRoot(world.journal).querySelector('.entry-card'), 'the entry');
    clickIn(journalRoot(world.journal), /Title/);
    await until(() => entryViewOf(world.journal)?.shadowRoot?.querySelector('article'), 'the entry view');
    const view = entryViewOf(world.journal)!.shadowRoot!;
    expect(view.querySelector('img, script, [onerror], [onclick]')).to.equal(null);
    expect(view.querySelector('h3')!.textContent).to.equal('<img src=x onerror="window.hacked=1">Title');
    expect(view.querySelector<HTMLAnchorElement>('.body a')!.href).to.equal('https://example.org/');
    expect(view.textContent).to.include('<script>window.hacked=2</script>');
    expect((window as { hacked?: number }).hacked).to.equal(undefined);
  });

  it('refuses a file that is too large or not what its name says, with a clear message, and keeps the entry', async () => {
    const world = await journalWith({ user: kasia });
    const editor = await startEntry(world.journal);
    typeInto(editor, 'title', 'Photos of the pier');
    const big = new Uint8Array(6 * 1024 * 1024);
    big.set(PNG);
    pick(editor, new File([big], 'pier.png', { type: 'image/png' }));
    await until(() => editor.shadowRoot!.querySelector('.problem')?.textContent, 'the size message');
    expect(editor.shadowRoot!.querySelector('.problem')!.textContent).to.match(/pier\.png: .*(too large|larger|MB)/i);
    pick(editor, new File(['<html>not a picture</html>'], 'fake.png', { type: 'image/png' }));
    await until(() => editor.shadowRoot!.querySelector('.problem')?.textContent?.includes('fake.png'), 'the type message');
    pick(editor, new File([PNG], 'real.png', { type: 'image/png' }));
    await until(() => editor.shadowRoot!.querySelectorAll('.media-list li').length === 1, 'the real picture');
    save(editor);
    await until(() => editor.shadowRoot!.querySelector('.problem')?.textContent, 'alt text required');
    expect(editor.shadowRoot!.querySelector('.problem')!.textContent).to.include('alt');
    typeInto(editor, 'title', 'Photos of the pier');
    const alt = editor.shadowRoot!.querySelector<HTMLInputElement>('.media-list input')!;
    alt.value = 'The pier at low tide';
    alt.dispatchEvent(new Event('input'));
    save(editor);
    await until(() => entryViewOf(world.journal)?.shadowRoot?.querySelector('img'), 'the saved picture');
    expect(entryViewOf(world.journal)!.shadowRoot!.querySelector('img')!.alt).to.equal('The pier at low tide');
  });
});
