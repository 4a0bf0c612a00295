import { expect } from '@open-wc/testing';
import type { GlossaryEntry } from '../../sdk/schemas/glossary.js';
import { expectAccessible } from '../../test-support/axe.js';
import {
  button,
  editorOf,
  entryView,
  glossaryEntry,
  glossaryWith,
  hasButton,
  languageFields,
  moderator,
  observer,
  openEntry,
  partner,
  pupil,
  root,
  rowTexts,
  teacher,
} from '../../test-support/glossary-fixture.js';
import { until } from '../../test-support/record-list.js';

const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0]);
const WAV = new Uint8Array([0x52, 0x49, 0x46, 0x46, 0, 0, 0, 0, 0x57, 0x41, 0x56, 0x45, 0, 0, 0, 0]);

function pick(input: HTMLInputElement, file: File) {
  const transfer = new DataTransfer();
  transfer.items.add(file);
  input.files = transfer.files;
  input.dispatchEvent(new Event('change'));
}

async function startNewEntry(glossary: HTMLElement) {
  button(glossary, 'Add an entry').click();
  await until(() => editorOf(glossary as never)?.shadowRoot?.querySelector('form'), 'the editor');
  return editorOf(glossary as never)!;
}

const save = async (editor: HTMLElement) => {
  button(editor, 'Save').click();
  await new Promise((resolve) => setTimeout(resolve, 0));
};

describe('<twin-glossary>: writing, moderation and feedback', () => {
  it('a pupil adds an entry that waits for approval; a teacher approves it; then partners see it', async () => {
    const world = await glossaryWith({ user: pupil, moderation: 'pupils' });
    const editor = await startNewEntry(world.glossary);
    await expectAccessible(world.glossary);
    languageFields(editor, 'English').type('Term', 'Seagrass');
    languageFields(editor, 'English').type('Definition', 'A flowering plant that grows under the sea.');
    languageFields(editor, 'Spanish').type('Term', 'Posidonia');
    await save(editor);
    await until(() => entryView(world.glossary), 'the saved entry');
    expect(root(entryView(world.glossary)!).textContent).to.include('Waiting for approval');
    const partnerStore = world.storeFor(partner);
    expect((await partnerStore.list('glossary')).records.length, 'another pupil does not see it yet').to.equal(0);

    const staff = await glossaryWith({ user: teacher, moderation: 'pupils', backing: world.backing, space: world.spaceId });
    await until(() => hasButton(staff.glossary, 'Waiting for approval (1)'), 'the moderation queue');
    button(staff.glossary, 'Waiting for approval (1)').click();
    const view = await openEntry(staff.glossary, 'Seagrass');
    button(view, 'Approve').click();
    await until(async () => true);
    await until(() => !root(view).textContent!.includes('Waiting for approval'), 'approved');
    const seen = (await partnerStore.list<GlossaryEntry>('glossary')).records;
    expect(seen.map((entry) => entry.translations.es?.term)).to.deep.equal(['Posidonia']);
  });

  it('a moderator sends an entry back with a note the author reads', async () => {
    const world = await glossaryWith({ user: moderator, moderation: 'pupils' });
    const created = await world.storeFor(pupil).create<GlossaryEntry>('glossary', glossaryEntry({ en: { term: 'Tidal pool' } }));
    const view = await openEntry(world.glossary, 'Tidal pool');
    button(view, 'Send back with a comment').click();
    await until(() => root(view).querySelector('#send-back-note'), 'the note field');
    root(view).querySelector<HTMLTextAreaElement>('#send-back-note')!.value = 'Please add a definition in English.';
    button(view, 'Send back').click();
    await until(async () => (await world.storeFor(pupil).get<GlossaryEntry>('glossary', created.id)).review !== undefined, 'the note stored');
    const author = await glossaryWith({ user: pupil, moderation: 'pupils', backing: world.backing, space: world.spaceId });
    const own = await openEntry(author.glossary, 'Tidal pool');
    expect(root(own).querySelector('.review')?.textContent).to.include('Sent back by Ana Ruiz').and.include('Please add a definition in English.');
  });

  it('warns about a term that already exists in that language, and links to it', async () => {
    const world = await glossaryWith({ user: pupil });
    await world.storeFor(teacher).create('glossary', glossaryEntry({ en: { term: 'Lighthouse' }, es: { term: 'Faro' } }));
    await until(() => rowTexts(world.glossary).length === 1, 'the entry');
    const editor = await startNewEntry(world.glossary);
    languageFields(editor, 'Spanish').type('Term', '  FARO ');
    await editor.updateComplete;
    expect(root(editor).querySelector('.warning')?.textContent).to.include('already in the glossary in Spanish');
    languageFields(editor, 'English').type('Term', 'faros');
    await editor.updateComplete;
    expect(root(editor).querySelectorAll('.warning').length, 'a different word is not a duplicate').to.equal(1);
    // What was typed would be lost: the user is asked first.
    const asked: string[] = [];
    const confirmBefore = window.confirm;
    window.confirm = (question?: string) => {
      asked.push(String(question));
      return true;
    };
    try {
      button(editor, /Open "Faro" instead/).click();
    } finally {
      window.confirm = confirmBefore;
    }
    expect(asked[0]).to.include('will not be saved');
    await until(() => entryView(world.glossary), 'the existing entry');
    expect(root(entryView(world.glossary)!).querySelector('h2')?.textContent).to.equal('Lighthouse');
  });

  it('a partner adds the missing French version to someone else\'s entry, signed with their name', async () => {
    const world = await glossaryWith({ user: partner });
    const created = await world.storeFor(pupil).create<GlossaryEntry>('glossary', glossaryEntry({ en: { term: 'Tide' } }));
    const view = await openEntry(world.glossary, 'Tide');
    expect(hasButton(view, 'Edit'), 'the partner may not edit the entry').to.equal(false);
    button(view, 'Add the French version').click();
    await until(() => editorOf(world.glossary)?.shadowRoot?.querySelector('form'), 'the translation form');
    const editor = editorOf(world.glossary)!;
    expect(root(editor).querySelectorAll('fieldset').length, 'only the French fields').to.equal(1);
    expect(languageFields(editor, 'French').field('Term').getAttribute('lang')).to.equal('fr');
    languageFields(editor, 'French').type('Term', 'Marée');
    await save(editor);
    await until(async () => (await world.store.get<GlossaryEntry>('glossary', created.id)).translations.fr !== undefined, 'the French version stored');
    const stored = await world.store.get<GlossaryEntry>('glossary', created.id);
    expect(stored.translations.fr?.addedBy?.id).to.equal(partner.id);
    expect(stored.author.id).to.equal(pupil.id);
    await until(() => root(entryView(world.glossary)!).textContent!.includes('Added by Marco Rossi'), 'the signature shown');
  });

  it('someone else\'s change meanwhile is a conflict the user resolves; nothing typed is lost', async () => {
    const world = await glossaryWith({ user: teacher });
    const created = await world.store.create<GlossaryEntry>('glossary', glossaryEntry({ en: { term: 'Estuary', definition: 'Where a river meets the sea.' } }));
    const view = await openEntry(world.glossary, 'Estuary');
    button(view, 'Edit').click();
    await until(() => editorOf(world.glossary)?.shadowRoot?.querySelector('form'), 'the editor');
    const editor = editorOf(world.glossary)!;
    languageFields(editor, 'English').type('Definition', 'The wide mouth of a river, where fresh water meets the tide.');
    // Another teacher saves a different definition first.
    await world.storeFor({ ...teacher, id: 'teacher-2', name: 'Piotr' }).update('glossary', created, {
      translations: { en: { term: 'Estuary', definition: 'A river mouth.' } },
    });
    await save(editor);
    await until(() => root(editor).querySelector('.conflict'), 'the conflict');
    expect(root(editor).querySelector('.conflict')!.textContent).to.include('Someone else changed this entry');
    expect(root(editor).querySelector('.conflict')!.textContent, 'their definition is shown to choose from').to.include('A river mouth.');
    expect(languageFields(editor, 'English').field('Definition').value).to.include('fresh water meets the tide');
    await expectAccessible(editor);
    button(editor, 'Keep my version').click();
    await until(async () => (await world.store.get<GlossaryEntry>('glossary', created.id)).translations.en?.definition?.includes('fresh water') === true, 'my version saved');
  });

  it('refuses a huge paste with a clear message and keeps the text', async () => {
    const world = await glossaryWith({ user: pupil });
    const editor = await startNewEntry(world.glossary);
    languageFields(editor, 'English').type('Term', 'Plankton');
    const huge = 'plankton '.repeat(2_300);
    languageFields(editor, 'English').type('Definition', huge);
    await editor.updateComplete;
    expect(root(editor).textContent).to.include('Too long: 20,700 characters. The limit is 20,000.');
    await save(editor);
    await editor.updateComplete;
    expect(root(editor).querySelector('.message')?.textContent).to.include('Not saved yet');
    expect((await world.store.list('glossary')).records.length).to.equal(0);
    expect(languageFields(editor, 'English').field('Definition').value.length, 'nothing was cut').to.equal(huge.length);
  });

  it('shows hostile text as text, in the list and in the entry', async () => {
    const world = await glossaryWith({ user: pupil });
    await world.storeFor(partner).create('glossary', glossaryEntry({ en: { term: '<img src=x onerror="window.hacked=1">', definition: '<script>window.hacked=1</script> javascript:alert(1)' } }));
    await until(() => rowTexts(world.glossary).length === 1, 'the row');
    const view = await openEntry(world.glossary, '<img');
    expect(root(view).querySelector('h2')?.textContent).to.equal('<img src=x onerror="window.hacked=1">');
    expect(root(world.glossary).querySelector('img, script')).to.equal(null);
    expect(root(view).querySelector('img, script, a')).to.equal(null);
    expect((window as unknown as { hacked?: number }).hacked).to.equal(undefined);
  });

  it('keeps lookalike letters and direction overrides inside their own text', async () => {
    const world = await glossaryWith({ user: pupil });
    // Cyrillic "і" in a lookalike of "Tide", and a right-to-left override that would flip what follows.
    await world.storeFor(partner).create('glossary', glossaryEntry({ en: { term: 'T\u0456de', definition: '\u202Egnirts desrever' } }));
    await until(() => rowTexts(world.glossary).length === 1, 'the row');
    const definition = root(world.glossary).querySelector<HTMLElement>('li[data-row] .definition')!;
    expect(definition.textContent).to.equal('\u202Egnirts desrever');
    expect(getComputedStyle(definition).unicodeBidi).to.equal('isolate');
    const view = await openEntry(world.glossary, 'T\u0456de');
    expect(getComputedStyle(root(view).querySelector('.definition')!).unicodeBidi).to.equal('isolate');
    // The lookalike is its own term: searching the Latin word does not find it.
    const input = root(world.glossary).querySelector<HTMLInputElement>('#search')!;
    input.value = 'tide';
    input.dispatchEvent(new Event('input'));
    await world.glossary.updateComplete;
    expect(rowTexts(world.glossary)).to.deep.equal([]);
  });

  it('takes a picture with its description and a pronunciation; refuses wrong and oversized files', async () => {
    const world = await glossaryWith({ user: pupil });
    const editor = await startNewEntry(world.glossary);
    languageFields(editor, 'English').type('Term', 'Jellyfish');
    const imageInput = () => [...root(editor).querySelectorAll<HTMLInputElement>('input[type=file]')].find((input) => input.accept.startsWith('image/'))!;
    pick(imageInput(), new File(['this is text, not a picture'], 'jelly.png', { type: 'image/png' }));
    await until(() => root(editor).textContent!.includes('checked by its content'), 'the wrong type refused');
    pick(imageInput(), new File([PNG, new Uint8Array(6 * 1024 * 1024)], 'huge.png', { type: 'image/png' }));
    await until(() => root(editor).textContent!.includes('too large'), 'the large file refused');
    pick(imageInput(), new File([PNG], 'jelly.png', { type: 'image/png' }));
    await until(() => root(editor).textContent!.includes('Picture added'), 'the picture');
    const audioInput = languageFields(editor, 'English').fieldset.querySelector<HTMLInputElement>('input[type=file]')!;
    pick(audioInput, new File([WAV], 'jellyfish.wav', { type: 'audio/wav' }));
    await until(() => languageFields(editor, 'English').fieldset.textContent!.includes('Sound added'), 'the sound');
    await save(editor);
    await editor.updateComplete;
    expect(root(editor).textContent, 'a picture needs its description').to.include('Describe the picture: pupils who cannot see it');
    const alt = [...root(editor).querySelectorAll('label')].find((label) => label.textContent!.includes('Describe the picture'))!;
    const altField = root(editor).getElementById(alt.htmlFor) as HTMLInputElement;
    altField.value = 'A moon jellyfish drifting in blue water';
    altField.dispatchEvent(new Event('input'));
    await save(editor);
    await until(() => entryView(world.glossary), 'the saved entry');
    const view = entryView(world.glossary)!;
    await until(() => root(view).querySelector('img.picture') && root(view).querySelector('audio'), 'the picture and the sound');
    expect(root(view).querySelector('img.picture')!.getAttribute('alt')).to.equal('A moon jellyfish drifting in blue water');
    expect(root(view).querySelector('audio')!.getAttribute('aria-label')).to.equal('Pronunciation in English');
    const stored = (await world.store.list<GlossaryEntry>('glossary')).records[0];
    expect((await world.store.getAttachment(stored.translations.en!.audio!)).size).to.equal(WAV.length);
  });

  it('links related entries, by keyboard, and opens them from the entry', async () => {
    const world = await glossaryWith({ user: pupil });
    await world.storeFor(teacher).createMany('glossary', [glossaryEntry({ en: { term: 'Tide' } }), glossaryEntry({ en: { term: 'Moon' }, es: { term: 'Luna' } })]);
    await until(() => rowTexts(world.glossary).length === 2, 'rows');
    const editor = await startNewEntry(world.glossary);
    languageFields(editor, 'English').type('Term', 'Spring tide');
    const related = root(editor).querySelector<HTMLInputElement>('#related')!;
    related.value = 'lu';
    related.dispatchEvent(new Event('input'));
    await editor.updateComplete;
    expect([...root(editor).querySelectorAll('#related-terms option')].map((o) => (o as HTMLOptionElement).value)).to.deep.equal(['Moon']);
    related.value = 'luna';
    related.dispatchEvent(new Event('input'));
    related.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
    await editor.updateComplete;
    related.value = 'nothing like it';
    related.dispatchEvent(new Event('input'));
    button(editor, 'Link').click();
    await editor.updateComplete;
    expect(root(editor).textContent).to.include('No entry has this term');
    expect(button(editor, 'Remove the link to Moon')).to.exist;
    await save(editor);
    await until(() => entryView(world.glossary), 'the saved entry');
    const view = entryView(world.glossary)!;
    button(view, 'Moon').click();
    await until(() => root(entryView(world.glossary)!).querySelector('h2')?.textContent === 'Moon', 'the related entry opened');
  });

  it('deletes only after confirmation', async () => {
    const world = await glossaryWith({ user: pupil });
    await world.store.create('glossary', glossaryEntry({ en: { term: 'Sandbank' } }));
    const view = await openEntry(world.glossary, 'Sandbank');
    button(view, 'Delete…').click();
    await until(() => root(view).textContent!.includes('This cannot be undone'), 'the confirmation');
    expect((await world.store.list('glossary')).records.length).to.equal(1);
    button(view, 'Delete').click();
    await until(() => rowTexts(world.glossary).length === 0, 'the row gone');
    expect((await world.store.list('glossary')).records.length).to.equal(0);
  });

  it('members comment and mark an entry helpful; an observer only reads', async () => {
    const world = await glossaryWith({ user: pupil });
    await world.storeFor(teacher).create('glossary', glossaryEntry({ en: { term: 'Harbour' } }));
    const view = await openEntry(world.glossary, 'Harbour');
    const helpful = button(view, /Helpful/);
    expect(helpful.getAttribute('aria-pressed')).to.equal('false');
    helpful.click();
    await until(() => button(view, /Helpful/).getAttribute('aria-pressed') === 'true', 'marked helpful');
    expect(button(view, /Helpful/).textContent).to.include('1');
    root(view).querySelector<HTMLTextAreaElement>('#comment')!.value = 'In Gdynia we say "port" <b>too</b>.';
    button(view, 'Send comment').click();
    await until(() => root(view).querySelector('.comment-body'), 'the comment');
    expect(root(view).querySelector('.comment-body')!.textContent).to.equal('In Gdynia we say "port" <b>too</b>.');
    button(view, /Helpful/).click();
    await until(() => button(view, /Helpful/).getAttribute('aria-pressed') === 'false', 'unmarked');

    const guest = await glossaryWith({ user: observer, backing: world.backing, space: world.spaceId });
    expect(hasButton(guest.glossary, 'Add an entry')).to.equal(false);
    expect(root(guest.glossary).querySelector('twin-glossary-exchange')).to.equal(null);
    const read = await openEntry(guest.glossary, 'Harbour');
    expect(root(read).querySelector('#comment')).to.equal(null);
    expect(hasButton(read, 'Edit') || hasButton(read, /Helpful/) || hasButton(read, /Add the/)).to.equal(false);
    expect(root(read).textContent).to.include('In Gdynia we say');
    await expectAccessible(guest.glossary);
  });
});
