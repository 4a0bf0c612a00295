import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { deleteDB } from 'idb';
import { createIndexedDBAdapter } from '../../../sdk/adapters/indexeddb/indexeddb-adapter.js';
import { createMemoryAdapter } from '../../../sdk/adapters/memory/memory-adapter.js';
import { TwinStorageError } from '../../../sdk/errors.js';
import type { Role } from '../../../sdk/policy/roles.js';
import type { GlossaryEntry } from '../../../sdk/schemas/glossary.js';
import { createStore, type TwinStore } from '../../../sdk/store/create-store.js';
import { expectAccessible } from '../../../test-support/axe.js';
import { until } from '../../../test-support/record-list.js';
import { TwinGlossaryExchange } from './glossary-exchange.component.js';

TwinGlossaryExchange.define('twin-glossary-exchange');

const LANGUAGES = ['en', 'es', 'fr', 'it'];
let spaces = 0;
const user = (role: Role) => ({ id: `${role}-1`, name: `A ${role}`, role });
const memoryStore = (role: Role = 'teacher') => createStore({ adapter: createMemoryAdapter(), space: `exchange-${spaces++}`, user: user(role) });
const list = async (store: TwinStore) => (await store.list<GlossaryEntry>('glossary')).records;

/** Content as plain data, sorted: never compare store objects themselves (chai's inspect of them can hang). */
const contents = (entries: readonly GlossaryEntry[]) =>
  entries
    .map(({ category, tags, phase, translations }) => JSON.stringify({ category, tags, phase, translations }))
    .sort();

async function seed(store: TwinStore) {
  await store.createMany('glossary', [
    {
      translations: {
        en: { term: 'harbour', definition: 'A sheltered place\nfor ships.', example: 'The ferry left the harbour.', aliases: ['port', 'haven; quay'] },
        es: { term: 'puerto', definition: 'Lugar abrigado.', aliases: ['dársena'] },
        it: { term: 'porto' },
      },
      category: 'Places',
      tags: ['sea', 'travel'],
      phase: 'mobility',
    },
    { translations: { fr: { term: 'gare', definition: '=1+1 is not a formula here' } }, tags: ['-minus'] },
    {
      translations: { en: { term: '<script>alert(1)</script>', definition: '<img src=x onerror="window.pwned=1">', example: 'javascript:alert(1)' } },
      category: '@evil',
    },
  ]);
  return list(store);
}

async function exchange(store: TwinStore | undefined, entries: readonly GlossaryEntry[] = []) {
  return fixture<TwinGlossaryExchange>(
    html`<twin-glossary-exchange .store=${store} .entries=${entries} .languages=${LANGUAGES} name="our-glossary"></twin-glossary-exchange>`,
  );
}

const $ = <T extends Element = HTMLElement>(element: TwinGlossaryExchange, selector: string) => element.shadowRoot!.querySelector<T>(selector);
const text = (element: TwinGlossaryExchange) => element.shadowRoot!.textContent!.replace(/\s+/g, ' ');

/** What the user's file picker would do. */
function choose(element: TwinGlossaryExchange, content: BlobPart, name: string) {
  const input = $<HTMLInputElement>(element, '#file')!;
  const transfer = new DataTransfer();
  transfer.items.add(new File([content], name));
  input.files = transfer.files;
  input.dispatchEvent(new Event('change', { bubbles: true }));
}

const button = (element: TwinGlossaryExchange, label: RegExp) =>
  [...element.shadowRoot!.querySelectorAll('button')].find((candidate) => label.test(candidate.textContent!)) as HTMLButtonElement | undefined;
const preview = (element: TwinGlossaryExchange) => until(() => button(element, /Cancel/), 'the preview');
async function report(element: TwinGlossaryExchange) {
  await until(() => $(element, '.error'), 'the refusal');
  return $(element, '.error')!.textContent;
}

/** Downloads the export through the real button, catching the link the component clicks. */
async function download(element: TwinGlossaryExchange, format: 'csv' | 'json' | 'xml') {
  const select = $<HTMLSelectElement>(element, '#format')!;
  select.value = format;
  select.dispatchEvent(new Event('change'));
  const click = HTMLAnchorElement.prototype.click;
  let link: HTMLAnchorElement | undefined;
  HTMLAnchorElement.prototype.click = function (this: HTMLAnchorElement) {
    link = this;
  };
  try {
    button(element, /Download/)!.click();
  } finally {
    HTMLAnchorElement.prototype.click = click;
  }
  expect(link!.download).to.equal(`our-glossary.${format}`);
  return new Uint8Array(await (await fetch(link!.href)).arrayBuffer());
}

/** Exports from a seeded glossary and imports the file into an empty one, through the UI. */
async function roundTrip(format: 'csv' | 'xml') {
  const source = memoryStore();
  const entries = await seed(source);
  const bytes = await download(await exchange(source, entries), format);
  const target = memoryStore();
  const element = await exchange(target);
  let imported: number | undefined;
  element.addEventListener('glossary-imported', (event) => (imported = (event as CustomEvent<{ count: number }>).detail.count));
  choose(element, bytes, `our-glossary.${format}`);
  await preview(element);
  expect(text(element)).to.contain('Ready to import: 3. Already in the glossary (skipped): 0. Rows with problems: 0.');
  button(element, /Import 3 entries/)!.click();
  await until(() => imported, 'the glossary-imported event');
  expect(imported).to.equal(3);
  expect(text(element)).to.contain('Entries imported: 3. Not imported: 0.');
  return { entries, target, bytes };
}

describe('<twin-glossary-exchange>', () => {
  it('is accessible in the preview state', async () => {
    const store = memoryStore();
    const element = await exchange(store, await seed(store));
    choose(element, 'id,term:en,definition:en,Notes\n,harbour,,\n,new word,,\n,,only a definition,\n', 'list.csv');
    await preview(element);
    expect(text(element)).to.contain('Ready to import: 1. Already in the glossary (skipped): 1. Rows with problems: 1.');
    expect(text(element)).to.contain('Ignored columns: Notes.');
    expect($(element, 'ol li')!.textContent).to.equal('Row 4, column term:en: A required field is empty: fill it in.');
    await expectAccessible(element);
  });

  it('shows Export to staff, only Import to a pupil, and neither to an observer', async () => {
    const teacher = await exchange(memoryStore('teacher'));
    expect($(teacher, '#format')).to.exist;
    expect($(teacher, '#file')).to.exist;
    const pupil = await exchange(memoryStore('pupil'));
    expect($(pupil, '#format')).to.equal(null);
    expect(button(pupil, /Download/)).to.equal(undefined);
    expect($(pupil, '#file')).to.exist;
    const observer = await exchange(memoryStore('observer'));
    expect(observer.shadowRoot!.querySelectorAll('fieldset').length).to.equal(0);
    expect($(await exchange(undefined), 'fieldset')).to.equal(null);
  });

  it('CSV: export then import into an empty glossary gives the same entries', async () => {
    const { entries, target, bytes } = await roundTrip('csv');
    expect([...bytes.slice(0, 3)]).to.deep.equal([0xef, 0xbb, 0xbf]);
    const csv = new TextDecoder().decode(bytes);
    expect(csv).to.contain('\r\n');
    // Formula-looking cells are neutralised in the file, and come back exactly.
    expect(csv).to.contain("'=1+1 is not a formula here");
    expect(csv).to.contain("'@evil");
    expect(csv).to.contain("'-minus");
    expect(contents(await list(target))).to.deep.equal(contents(entries));
  });

  it('Moodle XML: export then import gives the same entries', async () => {
    const { entries, target } = await roundTrip('xml');
    // Moodle has no phase: everything else comes back.
    const withoutPhase = entries.map((entry) => ({ ...entry, phase: undefined }));
    expect(contents(await list(target))).to.deep.equal(contents(withoutPhase as GlossaryEntry[]));
  });

  it('imports nothing again into the same glossary and reports the duplicates', async () => {
    const store = memoryStore();
    const entries = await seed(store);
    for (const format of ['csv', 'json', 'xml'] as const) {
      const element = await exchange(store, entries);
      choose(element, await download(element, format), `again.${format}`);
      await preview(element);
      expect(text(element)).to.contain('Ready to import: 0. Already in the glossary (skipped): 3. Rows with problems: 0.');
      expect(button(element, /Import/)).to.equal(undefined);
    }
    expect((await list(store)).length).to.equal(3);
  });

  it('keeps hostile text as text: stored as typed, never run, never drawn as markup', async () => {
    const { target } = await roundTrip('csv');
    const stored = (await list(target)).find((entry) => entry.category === '@evil')!;
    expect(stored.translations.en.term).to.equal('<script>alert(1)</script>');
    expect(stored.translations.en.definition).to.equal('<img src=x onerror="window.pwned=1">');
    expect((window as { pwned?: number }).pwned).to.equal(undefined);
  });

  it('imports a monolingual Moodle file in the language the user picks', async () => {
    const store = memoryStore();
    const element = await exchange(store);
    const xml = `<?xml version="1.0" encoding="UTF-8"?>
<GLOSSARY><INFO><NAME>Viaggio</NAME><INTRO></INTRO><ENTRIES>
<ENTRY><CONCEPT>stazione</CONCEPT><DEFINITION>&lt;p&gt;Dove si prende il treno.&lt;/p&gt;</DEFINITION><FORMAT>1</FORMAT></ENTRY>
</ENTRIES></INFO></GLOSSARY>`;
    choose(element, xml, 'moodle.xml');
    await preview(element);
    const select = $<HTMLSelectElement>(element, '#lang')!;
    expect(select.value).to.equal('en');
    expect($(element, 'label[for=lang]')!.textContent).to.equal('Language of these entries');
    select.value = 'it';
    select.dispatchEvent(new Event('change'));
    await element.updateComplete;
    await until(() => button(element, /Import 1 entry/), 'the new plan');
    button(element, /Import 1 entry/)!.click();
    await until(() => $(element, '#result'), 'the result');
    const [entry] = await list(store);
    expect(JSON.stringify(entry.translations)).to.equal(JSON.stringify({ it: { term: 'stazione', definition: 'Dove si prende il treno.' } }));
  });

  it('refuses broken XML, wrong columns, a Windows-1252 file and a huge file, writing nothing', async () => {
    const store = memoryStore();
    const entries = await seed(store);
    const before = JSON.stringify(contents(await list(store)));
    const cases: [BlobPart, string, RegExp][] = [
      ['<GLOSSARY><INFO>\n<ENTRIES><ENTRY></GLOSSARY>', 'broken.xml', /not valid XML \(error on line 2\)/],
      ['Word,Meaning\nharbour,a place\n', 'words.csv', /Missing column: term:<lang>. Found: Word and Meaning. Expected: id, category, tags, phase, term:<lang>/],
      [new Uint8Array([...new TextEncoder().encode('term:fr\ncaf'), 0xe9, 0x0a]), 'excel.csv', /This file is not UTF-8. In Excel choose ‘CSV UTF-8’/],
      [new Uint8Array(20 * 1024 * 1024 + 1), 'huge.csv', /too large \(20 MB\); the limit is 20 MB/],
    ];
    for (const [content, name, message] of cases) {
      const element = await exchange(store, entries);
      choose(element, content, name);
      expect(await report(element)).to.match(message);
      expect(button(element, /Import/)).to.equal(undefined);
    }
    expect(JSON.stringify(contents(await list(store)))).to.equal(before);
  });

  it('can be used with the keyboard only, and writes nothing until confirmed', async () => {
    const store = memoryStore('pupil');
    const element = await exchange(store);
    $(element, '#file')!.focus();
    choose(element, 'term:en,term:es\nbridge,puente\ntower,torre\n', 'words.csv');
    await preview(element);
    expect((await list(store)).length).to.equal(0);
    await sendKeys({ press: 'Tab' });
    expect(element.shadowRoot!.activeElement!.textContent!.trim()).to.equal('Import 2 entries');
    await sendKeys({ press: 'Enter' });
    await until(() => element.shadowRoot!.activeElement?.id === 'result', 'focus on the result');
    expect(element.shadowRoot!.activeElement!.textContent).to.equal('Entries imported: 2. Not imported: 0.');
    expect((await list(store)).length).to.equal(2);

    // Cancel with Space: back to the file input, nothing written.
    choose(element, 'term:en\nriver\n', 'more.csv');
    await preview(element);
    $(element, '#file')!.focus();
    await sendKeys({ press: 'Tab' });
    await sendKeys({ press: 'Tab' });
    expect(element.shadowRoot!.activeElement!.textContent!.trim()).to.equal('Cancel');
    await sendKeys({ press: 'Space' });
    await until(() => element.shadowRoot!.activeElement?.id === 'file', 'focus back on the file input');
    expect((await list(store)).length).to.equal(2);
  });

  it('announces the preview and the result to screen readers', async () => {
    const element = await exchange(memoryStore());
    choose(element, 'term:en\nriver\n', 'words.csv');
    const live = () => $(element, '[role=status]')!.textContent;
    await until(() => live()?.includes('Ready to import: 1.'), 'the announced preview');
    button(element, /Import 1 entry/)!.click();
    await until(() => live()?.includes('Entries imported: 1.'), 'the announced result');
    expect(element.shadowRoot!.querySelectorAll('[role=status]').length).to.equal(1);
  });

  it('shows progress while it checks a large file', async () => {
    const element = await exchange(memoryStore());
    const rows = Array.from({ length: 3000 }, (_, i) => `word ${i},definition ${i}`).join('\n');
    const seen: (string | null)[] = [];
    const observer = new MutationObserver(() => {
      const progress = $(element, 'progress');
      if (progress) seen.push(progress.getAttribute('value'));
    });
    observer.observe(element.shadowRoot!, { subtree: true, childList: true, attributes: true });
    choose(element, `term:en,definition:en\n${rows}\n`, 'big.csv');
    await preview(element);
    observer.disconnect();
    expect(text(element)).to.contain('Ready to import: 3000.');
    expect(seen.filter((value) => value !== null && Number(value) > 0).length).to.be.greaterThan(2);
  });

  it('lists the entries the store refused, by row, and reports a failed write', async () => {
    let fail: 'item' | 'all' = 'item';
    const store = {
      space: 's',
      can: () => true,
      createMany: async (_collection: string, items: unknown[]) => {
        if (fail === 'all') throw new TwinStorageError('quota-exceeded', 'The disk is full.');
        return items.map((_, i) => (i === 1 ? { ok: false, error: new Error('Refused by the server.') } : { ok: true, record: {} }));
      },
    } as unknown as TwinStore;
    const element = await exchange(store);
    choose(element, 'term:en\nbridge\ntower\nriver\n', 'words.csv');
    await preview(element);
    button(element, /Import 3 entries/)!.click();
    await until(() => $(element, '#result'), 'the result');
    expect($(element, '#result')!.textContent).to.equal('Entries imported: 2. Not imported: 1.');
    expect($(element, 'ol li')!.textContent).to.equal('Row 3: This entry could not be saved.');

    fail = 'all';
    choose(element, 'term:en\nlake\n', 'words.csv');
    await preview(element);
    button(element, /Import 1 entry/)!.click();
    await until(() => $(element, '#result.error'), 'the error');
    expect($(element, '#result')!.textContent).to.match(/no room left.*Nothing was changed/);
  });

  it('imports in one IndexedDB transaction', async () => {
    const databaseName = `twinkit-exchange-${Date.now()}`;
    const store = createStore({ adapter: createIndexedDBAdapter({ databaseName }), space: 'idb', user: user('teacher') });
    try {
      const element = await exchange(store);
      choose(element, 'term:en,term:it,category\nharbour,porto,Places\nbridge,ponte,Places\n', 'words.csv');
      await preview(element);
      button(element, /Import 2 entries/)!.click();
      await until(() => $(element, '#result'), 'the result');
      const stored = await list(store);
      expect(stored.map((entry) => entry.translations.it.term).sort()).to.deep.equal(['ponte', 'porto']);
      expect(stored.every((entry) => entry.category === 'Places')).to.equal(true);
    } finally {
      await store.adapter.close();
      await deleteDB(databaseName);
    }
  });
});
