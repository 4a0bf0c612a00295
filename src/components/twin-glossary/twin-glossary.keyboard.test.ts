import { expect } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { GlossaryEntry } from '../../sdk/schemas/glossary.js';
import { expectAccessible } from '../../test-support/axe.js';
import { button, glossaryEntry, glossaryWith, pupil, root, rowTexts, teacher } from '../../test-support/glossary-fixture.js';
import { until } from '../../test-support/record-list.js';

/** The element that has focus, looking through shadow roots. */
function focused(): Element | null {
  let element: Element | null = document.activeElement;
  while (element?.shadowRoot?.activeElement) element = element.shadowRoot.activeElement;
  return element;
}

const press = (key: string) => sendKeys({ press: key });

async function tabUntil(probe: (element: Element | null) => boolean, what: string, limit = 40) {
  for (let i = 0; i < limit; i++) {
    if (probe(focused())) return;
    await press('Tab');
  }
  throw new Error(`Tab never reached ${what}; focus is on ${focused()?.outerHTML.slice(0, 120)}`);
}

const isRow = (element: Element | null) => element?.matches('li[data-row] button') ?? false;
const rowIndex = () => Number((focused()?.closest('li') as HTMLElement | null)?.dataset.index);

function words(count: number) {
  return Array.from({ length: count }, (_, i) => glossaryEntry({ en: { term: `word ${String(i).padStart(4, '0')}` }, es: { term: `palabra ${i}` } }));
}

describe('<twin-glossary>: keyboard alone, and long lists', () => {
  it('moves through the list with arrows, Home, End and Page keys, opens with Enter and closes with Escape', async () => {
    const world = await glossaryWith({ user: pupil });
    await world.storeFor(teacher).createMany('glossary', words(300));
    await until(() => rowTexts(world.glossary).length > 0, 'rows');
    root(world.glossary).querySelector<HTMLInputElement>('#search')!.focus();
    await tabUntil(isRow, 'the list');
    expect(rowIndex()).to.equal(0);
    // The list is one tab stop: Tab leaves it.
    await press('ArrowDown');
    await press('ArrowDown');
    expect(rowIndex()).to.equal(2);
    await press('End');
    await until(() => rowIndex() === 299, 'the last row focused');
    expect(focused()!.textContent).to.include('word 0299');
    await press('Home');
    await until(() => rowIndex() === 0, 'the first row focused');
    await press('PageDown');
    await until(() => rowIndex() > 2, 'a page down');
    const at = rowIndex();
    await press('Enter');
    await until(() => root(world.glossary).querySelector('dialog')?.open, 'the dialog');
    await until(() => focused()?.closest('dialog') || focused()?.getRootNode() !== document, 'focus in the dialog');
    await press('Escape');
    await until(() => !root(world.glossary).querySelector('dialog')?.open, 'the dialog closed');
    await until(() => isRow(focused()) && rowIndex() === at, 'focus back on the row');
  });

  it('adds an entry using only the keyboard', async () => {
    const world = await glossaryWith({ user: pupil });
    button(world.glossary, 'Add an entry').focus();
    await press('Enter');
    await until(() => focused()?.matches('input'), 'focus in the first field');
    await sendKeys({ type: 'Lagoon' });
    await press('Tab');
    await sendKeys({ type: 'Shallow water cut off from the sea.' });
    await tabUntil((element) => element?.textContent?.trim() === 'Save', 'Save');
    await press('Enter');
    await until(async () => (await world.store.list('glossary')).records.length === 1, 'the entry saved');
    const [saved] = (await world.store.list<GlossaryEntry>('glossary')).records;
    expect(saved.translations.en).to.deep.include({ term: 'Lagoon', definition: 'Shallow water cut off from the sea.' });
    await until(() => root(world.glossary).querySelector('[role=status]')?.textContent?.includes('Saved'), 'the announcement');
  });

  it('jumps to a letter', async () => {
    const world = await glossaryWith({ user: pupil });
    const terms = ['anchor', 'bay', 'cape', 'delta', 'estuary', 'fjord', 'gulf', 'harbour', 'island', 'jetty', 'kelp', 'lagoon', 'marsh', 'nautical', 'ocean', 'pier', 'quay', 'reef', 'sand', 'tide', 'wave'];
    await world.storeFor(teacher).createMany('glossary', terms.map((term) => glossaryEntry({ en: { term } })));
    await until(() => root(world.glossary).querySelector('nav.letters'), 'the letters');
    const letterR = [...root(world.glossary).querySelectorAll<HTMLButtonElement>('nav.letters button')].find((b) => b.textContent === 'R')!;
    letterR.focus();
    await press('Enter');
    await until(() => focused()?.textContent?.includes('reef'), 'focus on the first R entry');
    await expectAccessible(world.glossary);
  });

  it('draws only the visible rows of 2,000 entries, and tells assistive technology the full size', async () => {
    const world = await glossaryWith({ user: pupil });
    await world.storeFor(teacher).createMany('glossary', words(2_000));
    await until(() => rowTexts(world.glossary).length > 0, 'rows');
    const rows = root(world.glossary).querySelectorAll('li[data-row]');
    expect(rows.length).to.be.below(60);
    expect(rows[0].getAttribute('aria-setsize')).to.equal('2000');
    const list = root(world.glossary).querySelector<HTMLElement>('.list')!;
    // Scrolled again while waiting: the list grows once the real row height is measured.
    await until(() => {
      list.scrollTop = list.scrollHeight;
      return rowTexts(world.glossary).some((row) => row.includes('word 1999'));
    }, 'the last rows drawn after scrolling');
    expect(root(world.glossary).querySelectorAll('li[data-row]').length).to.be.below(60);
  });

  it('prints a booklet of the shown entries and languages, each text in its language', async () => {
    const world = await glossaryWith({ user: pupil });
    await world.storeFor(teacher).createMany('glossary', [
      glossaryEntry({ en: { term: 'Tide', definition: 'Rise and fall of the sea.' }, es: { term: 'Marea' } }),
      glossaryEntry({ en: { term: '<script>alert(1)</script>' } }),
    ]);
    await until(() => rowTexts(world.glossary).length === 2, 'rows');
    button(world.glossary, 'Print booklet').click();
    const frame = root(world.glossary).querySelector<HTMLIFrameElement>('iframe.booklet')!;
    await until(() => frame.contentDocument?.querySelector('article'), 'the booklet');
    const doc = frame.contentDocument!;
    expect(doc.querySelectorAll('article').length).to.equal(2);
    expect(doc.querySelector('[lang="es"] h2')?.textContent).to.equal('Marea');
    expect(doc.querySelector('script')).to.equal(null);
    expect(doc.body.textContent).to.include('<script>alert(1)</script>');
  });
});
