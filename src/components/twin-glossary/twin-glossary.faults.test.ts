import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { createMemoryAdapter, MemoryBacking } from '../../sdk/adapters/memory/memory-adapter.js';
import { registerAdapter } from '../../sdk/adapters/registry.js';
import type { GlossaryEntry } from '../../sdk/schemas/glossary.js';
import { createStore } from '../../sdk/store/create-store.js';
import {
  button,
  editorOf,
  entryView,
  glossaryEntry,
  glossaryWith,
  hasButton,
  languageFields,
  openEntry,
  pupil,
  root,
  rowTexts,
  teacher,
} from '../../test-support/glossary-fixture.js';
import { failingWrites } from '../../test-support/failing-writes.js';
import { until } from '../../test-support/record-list.js';
import type { TwinGlossary } from './twin-glossary.component.js';
import type { TwinSpace } from '../twin-space/twin-space.component.js';
import './twin-glossary.js';

/**
 * Counts the announcements of `text` in the element's live region: each time the region goes from
 * something else (LiveAnnouncer clears it first) to `text`.
 */
function announcementsOf(element: Element, text: string): { readonly count: number; stop(): void } {
  const region = root(element).querySelector('[role=status]')!;
  const says = () => region.textContent!.trim() === text;
  let saying = says();
  let count = 0;
  const observer = new MutationObserver(() => {
    const now = says();
    if (now && !saying) count++;
    saying = now;
  });
  observer.observe(region, { subtree: true, childList: true, characterData: true });
  return {
    get count() {
      return count;
    },
    stop: () => observer.disconnect(),
  };
}

describe('<twin-glossary>: faults, phases and recording', () => {
  it('a full disk keeps the draft on screen, says what happened, and the next save works', async () => {
    const backing = new MemoryBacking();
    const disk = failingWrites(createMemoryAdapter({ backing }));
    registerAdapter('glossary-full-disk', () => disk.adapter);
    const wrapper = await fixture<HTMLDivElement>(html`<div>
      <twin-space adapter="glossary-full-disk" space="full-disk" user-id=${pupil.id} user-name=${pupil.name} user-role="pupil">
        <twin-glossary languages="en es"></twin-glossary>
      </twin-space>
    </div>`);
    const glossary = wrapper.querySelector('twin-glossary') as TwinGlossary;
    await until(() => root(glossary).querySelector('.summary')?.textContent?.includes('empty'), 'ready');
    button(glossary, 'Add an entry').click();
    await until(() => editorOf(glossary)?.shadowRoot?.querySelector('form'), 'the editor');
    const editor = editorOf(glossary)!;
    languageFields(editor, 'English').type('Term', 'Breakwater');
    languageFields(editor, 'English').type('Definition', 'A wall built out into the sea to protect a harbour.');
    disk.failNext();
    button(editor, 'Save').click();
    await until(() => root(editor).querySelector('.message')?.textContent?.includes('no room left'), 'the quota message');
    expect(languageFields(editor, 'English').field('Definition').value).to.equal('A wall built out into the sea to protect a harbour.');
    await until(() => root(wrapper.querySelector('twin-space')!).querySelector('[role=alert]')?.textContent?.includes('no room'), 'the space reports it too');
    button(editor, 'Save').click();
    await until(() => entryView(glossary), 'saved on the second try');
    expect(rowTexts(glossary)[0]).to.include('Breakwater');
  });

  it('shows only the phase <twin-space> filters on, and new entries take that phase', async () => {
    const world = await glossaryWith({ user: teacher });
    await world.store.createMany('glossary', [
      glossaryEntry({ en: { term: 'Before' } }, { phase: 'preparation' }),
      glossaryEntry({ en: { term: 'During' } }, { phase: 'mobility' }),
    ]);
    await until(() => rowTexts(world.glossary).length === 2, 'both');
    world.space.phase = 'mobility';
    await until(() => rowTexts(world.glossary).length === 1 && rowTexts(world.glossary)[0].includes('During'), 'the phase filter');
    expect((world.space as TwinSpace).store, 'a phase change keeps the store (and its live subscriptions)').to.equal(world.store);
    expect(world.store.defaultPhase).to.equal('mobility');
    button(world.glossary, 'Add an entry').click();
    await until(() => editorOf(world.glossary)?.shadowRoot?.querySelector('form'), 'the editor');
    languageFields(editorOf(world.glossary)!, 'English').type('Term', 'Fieldwork');
    button(editorOf(world.glossary)!, 'Save').click();
    await until(() => rowTexts(world.glossary).some((row) => row.includes('Fieldwork')), 'the new entry');
    const all = (await world.storeFor(teacher).list<GlossaryEntry>('glossary')).records;
    expect(all.find((entry) => entry.translations.en?.term === 'Fieldwork')?.phase).to.equal('mobility');
  });

  it('records a pronunciation from the microphone', async () => {
    const world = await glossaryWith({ user: pupil });
    button(world.glossary, 'Add an entry').click();
    await until(() => editorOf(world.glossary)?.shadowRoot?.querySelector('form'), 'the editor');
    const editor = editorOf(world.glossary)!;
    languageFields(editor, 'Spanish').type('Term', 'Ola');
    button(editor, 'Record the Spanish pronunciation').click();
    await until(() => hasButton(editor, 'Stop recording'), 'recording');
    expect(button(editor, 'Stop recording').getAttribute('aria-pressed')).to.equal('true');
    await new Promise((resolve) => setTimeout(resolve, 600));
    button(editor, 'Stop recording').click();
    await until(() => languageFields(editor, 'Spanish').fieldset.textContent!.includes('Sound added'), 'the recording kept');
    button(editor, 'Save').click();
    await until(() => entryView(world.glossary), 'saved');
    const [saved] = (await world.store.list<GlossaryEntry>('glossary')).records;
    const blob = await world.store.getAttachment(saved.translations.es!.audio!);
    expect(blob.size).to.be.above(100);
  });

  it('"use their version" drops the draft for the other person\'s newer text', async () => {
    const world = await glossaryWith({ user: teacher });
    const created = await world.store.create<GlossaryEntry>('glossary', glossaryEntry({ en: { term: 'Cove' } }));
    const view = await openEntry(world.glossary, 'Cove');
    button(view, 'Edit').click();
    await until(() => editorOf(world.glossary)?.shadowRoot?.querySelector('form'), 'the editor');
    const editor = editorOf(world.glossary)!;
    languageFields(editor, 'English').type('Term', 'Cove (small bay)');
    await world.storeFor({ ...teacher, id: 'teacher-2' }).update('glossary', created, { translations: { en: { term: 'Creek' } } });
    button(editor, 'Save').click();
    await until(() => root(editor).querySelector('.conflict'), 'the conflict');
    expect(root(editor).querySelector('.conflict')!.textContent).to.include('Creek');
    button(editor, 'Use their version').click();
    await until(() => entryView(world.glossary), 'their version shown');
    expect(root(entryView(world.glossary)!).querySelector('h2')!.textContent).to.equal('Creek');
    expect((await world.store.get<GlossaryEntry>('glossary', created.id)).translations.en?.term).to.equal('Creek');
  });

  it('works alone, without <twin-space>, on this browser\'s storage as the local user', async () => {
    const space = `alone-${Date.now()}`;
    const glossary = await fixture<TwinGlossary>(html`<twin-glossary space=${space} languages="en de"></twin-glossary>`);
    await until(() => root(glossary).querySelector('.summary')?.textContent?.includes('empty'), 'ready');
    button(glossary, 'Add an entry').click();
    await until(() => editorOf(glossary)?.shadowRoot?.querySelector('form'), 'the editor');
    languageFields(editorOf(glossary)!, 'German').type('Term', 'Gezeiten');
    button(editorOf(glossary)!, 'Save').click();
    await until(() => rowTexts(glossary).some((row) => row.includes('Gezeiten')), 'the entry');
    // A second element on the same space sees it: it is stored, not kept in the element.
    const other = await fixture<TwinGlossary>(html`<twin-glossary space=${space} languages="en de"></twin-glossary>`);
    await until(() => rowTexts(other).some((row) => row.includes('Gezeiten')), 'the entry in the other element');
    // Another space is another glossary.
    other.space = `${space}-other`;
    await until(() => root(other).querySelector('.summary')?.textContent?.includes('empty'), 'the other space, empty');
    other.space = space;
    await until(() => rowTexts(other).some((row) => row.includes('Gezeiten')), 'back to the first space');
  });

  it('Escape never throws away a typed draft, however often it is pressed; a refused file does not block saving', async () => {
    const world = await glossaryWith({ user: pupil });
    button(world.glossary, 'Add an entry').click();
    await until(() => editorOf(world.glossary)?.shadowRoot?.querySelector('form'), 'the editor');
    const editor = editorOf(world.glossary)!;
    const term = languageFields(editor, 'English').type('Term', 'Sandbar');
    term.focus();
    const dialog = root(world.glossary).querySelector('dialog')!;
    const refusals = announcementsOf(world.glossary, 'Press Cancel to close without saving.');
    try {
      for (let i = 1; i <= 3; i++) {
        await sendKeys({ press: 'Escape' });
        // The glossary has handled this key once it announces the refusal (50 ms after the key, so
        // after the dialog would have closed); a dialog that closed instead ends the wait too.
        await until(() => refusals.count === i || !dialog.open, `the refusal of Escape ${i}`);
        expect(dialog.open, `still open after Escape ${i}`).to.equal(true);
        expect(refusals.count, `Escape ${i} announced once`).to.equal(i);
      }
    } finally {
      refusals.stop();
    }
    expect(languageFields(editor, 'English').field('Term').value).to.equal('Sandbar');
    const imageInput = [...root(editor).querySelectorAll<HTMLInputElement>('input[type=file]')].find((input) => input.accept.startsWith('image/'))!;
    const transfer = new DataTransfer();
    transfer.items.add(new File(['not a picture'], 'x.png', { type: 'image/png' }));
    imageInput.files = transfer.files;
    imageInput.dispatchEvent(new Event('change'));
    await until(() => root(editor).textContent!.includes('checked by its content'), 'the file refused');
    button(editor, 'Save').click();
    await until(() => entryView(world.glossary), 'saved without the refused file');
  });

  it('a damaged stored entry is reported and the others still show', async () => {
    const backing = new MemoryBacking();
    const raw = createMemoryAdapter({ backing });
    const world = await glossaryWith({ user: pupil, backing, space: 'damaged' });
    await createStore({ adapter: createMemoryAdapter({ backing }), space: 'damaged', user: teacher }).create('glossary', glossaryEntry({ en: { term: 'Reef' } }));
    await raw.write('damaged', [{ type: 'put', record: { id: 'broken', space: 'damaged', collection: 'glossary', rev: '1-x', schemaVersion: 1, createdAt: '2026-01-01T00:00:00Z', updatedAt: '2026-01-01T00:00:00Z', author: { id: 'x', name: 'X' }, status: 'published', translations: 'not an object' } as never, expectedRev: null }], { origin: 'disk' });
    world.glossary.remove();
    const again = await glossaryWith({ user: pupil, backing, space: 'damaged' });
    await until(() => rowTexts(again.glossary).length === 1, 'the valid entry');
    await until(() => root(again.space).textContent!.includes('damaged'), 'the damaged one reported');
  });
});
