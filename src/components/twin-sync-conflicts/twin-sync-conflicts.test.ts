import { expect, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { RawRecord, StorageAdapter } from '../../sdk/adapter.js';
import type { SyncConflict, SyncController } from '../../sdk/adapters/synced/sync-status.js';
import type { GlossaryEntry } from '../../sdk/schemas/glossary.js';
import type { TwinStore } from '../../sdk/store/create-store.js';
import { expectAccessible } from '../../test-support/axe.js';
import { failingWrites } from '../../test-support/failing-writes.js';
import { until } from '../../test-support/record-list.js';
import { spaceFixture } from '../../test-support/space-fixture.js';
import type { TwinSyncConflicts } from './twin-sync-conflicts.component.js';
import './twin-sync-conflicts.js';
import '../twin-glossary/twin-glossary.js';

const teacher = { id: 'ms-rossi', name: 'Ms Rossi', role: 'teacher' as const };
let counter = 0;

/** A sync that only keeps what the test gives it: what the element asks, and what it dismisses. */
function fakeSync() {
  let kept: SyncConflict[] = [];
  const dismissed: string[] = [];
  const statusListeners = new Set<(status: ReturnType<SyncController['status']>) => void>();
  const conflictListeners = new Set<(conflict: SyncConflict) => void>();
  const controller: SyncController = {
    status: () => ({ state: 'online', pending: 0, conflicts: kept.length }),
    subscribe: (listener) => (statusListeners.add(listener), () => statusListeners.delete(listener)),
    onConflict: (listener) => (conflictListeners.add(listener), () => conflictListeners.delete(listener)),
    conflicts: async (space) => kept.filter((conflict) => conflict.space === space),
    dismissConflict: async (_space, key) => {
      dismissed.push(key);
      kept = kept.filter((conflict) => conflict.key !== key);
      statusListeners.forEach((listener) => listener(controller.status()));
    },
    syncNow: async () => {},
  };
  const keep = (...conflicts: SyncConflict[]) => {
    kept.push(...conflicts);
    conflicts.forEach((conflict) => conflictListeners.forEach((listener) => listener(conflict)));
    statusListeners.forEach((listener) => listener(controller.status()));
  };
  return { controller, dismissed, keep };
}

/** `<twin-sync-conflicts>` in a toolbar of a space on memory storage whose adapter "syncs" through `sync`. */
async function setup(options: { failing?: boolean; content?: ReturnType<typeof html> } = {}) {
  const sync = fakeSync();
  let failNext = () => {};
  const spaceId = `kept-${Date.now()}-${counter++}`;
  const world = await spaceFixture(
    {
      user: teacher,
      space: spaceId,
      wrap: (adapter: StorageAdapter) => {
        Object.assign(adapter, { sync: sync.controller });
        if (!options.failing) return adapter;
        const failing = failingWrites(adapter);
        failNext = failing.failNext;
        return failing.adapter;
      },
    },
    options.content ??
      html`<div class="toolbar">
        <twin-sync-conflicts collections="glossary glossary-comment"></twin-sync-conflicts>
        <button type="button" id="after">Next in the toolbar</button>
      </div>`,
    'kept',
  );
  const element = world.wrapper.querySelector('twin-sync-conflicts') as TwinSyncConflicts | null;
  return { ...world, sync, element: element!, failNext: () => failNext() };
}

const definition = (record: unknown) => (record as GlossaryEntry).translations.en?.definition;
const withDefinition = (record: RawRecord, text: string, rev: string): RawRecord => ({ ...record, rev, translations: { en: { term: 'quay', definition: text } } });

function kept(store: TwinStore, key: string, parts: Partial<SyncConflict> & Pick<SyncConflict, 'mine' | 'theirs' | 'at'>): SyncConflict {
  const record = parts.mine ?? parts.theirs;
  return { space: store.space, collection: 'glossary', id: String(record?.id), key, fields: ['translations.en.definition'], kind: 'conflict', message: 'Someone else changed this first.', ...parts };
}

const shadow = (element: TwinSyncConflicts) => element.shadowRoot!;
const entries = (element: TwinSyncConflicts) => [...shadow(element).querySelectorAll<HTMLLIElement>('.entry')];
const button = (root: ParentNode, label: string) => [...root.querySelectorAll('button')].find((candidate) => candidate.textContent?.trim() === label);
const announced = (element: TwinSyncConflicts) => shadow(element).querySelector('[role="status"]')?.textContent?.trim() ?? '';

async function openReview(element: TwinSyncConflicts) {
  await until(() => button(shadow(element), 'Review'), 'the Review button');
  button(shadow(element), 'Review')!.click();
  await until(() => shadow(element).querySelector('dialog')?.open, 'the dialog');
}

/** A glossary entry, and three versions of it kept one after the other. */
async function quayWithThreeKept(world: Awaited<ReturnType<typeof setup>>) {
  const current = await world.store.create<GlossaryEntry>('glossary', { translations: { en: { term: 'quay', definition: 'theirs, on the server' } } });
  const theirs = current as unknown as RawRecord;
  const versions = [
    kept(world.store, 'k1', { mine: withDefinition(theirs, 'mine, first', '2-a'), theirs, at: '2026-05-12T09:00:00.000Z' }),
    kept(world.store, 'k2', {
      mine: { ...withDefinition(theirs, 'mine, second', '2-b'), translations: { en: { term: 'quay', definition: 'mine, second' }, es: { term: 'muelle' } } },
      theirs,
      merged: { ...theirs, translations: { en: { term: 'quay', definition: 'theirs, on the server' }, es: { term: 'muelle' } } },
      at: '2026-05-12T10:00:00.000Z',
    }),
    kept(world.store, 'k3', { mine: withDefinition(theirs, 'mine, third', '2-c'), theirs, kind: 'refused', message: 'Only teachers may edit this.', at: '2026-05-12T11:00:00.000Z' }),
  ];
  world.sync.keep(...versions);
  return { current, versions };
}

describe('<twin-sync-conflicts>', () => {
  it('is accessible, and lists every kept version of its collections, oldest first, side by side', async () => {
    const world = await setup();
    await quayWithThreeKept(world);
    // Another widget's record: not listed here.
    world.sync.keep(kept(world.store, 'other', { collection: 'board', id: 'post-1', mine: undefined, theirs: undefined, at: '2026-05-12T08:00:00.000Z' }));
    await until(() => shadow(world.element).querySelector('.notice')?.textContent?.includes('3 changes need your decision'), 'the notice counting three');
    await expectAccessible(world.element);

    await openReview(world.element);
    const list = entries(world.element);
    expect(list.map((entry) => entry.dataset.key)).to.deep.equal(['k1', 'k2', 'k3']);
    expect(list.map((entry) => entry.querySelector('h3')!.textContent)).to.deep.equal(['quay', 'quay', 'quay']);
    expect(list[0].textContent).to.include('Someone else changed the same record first.');
    // A reason Twinkit's rules never give: shown as the server sent it, marked as English.
    expect(list[2].textContent).to.include('The server refused this change. Its reason, as the server gave it:');
    expect(list[2].querySelector('q[lang="en"]')!.textContent).to.equal('Only teachers may edit this.');
    const firstField = [...list[0].querySelectorAll('tbody tr')].map((row) => [...row.children].map((cell) => cell.textContent!.trim()));
    expect(firstField).to.deep.equal([['translations › en › definition'], ['mine, first', 'theirs, on the server']]);
    // Only the version with a merge of its own offers it, with a column for it.
    expect(list.map((entry) => !!button(entry, 'Keep the merged version'))).to.deep.equal([false, true, false]);
    expect(list[1].querySelectorAll('thead th').length).to.equal(3);
    expect(shadow(world.element).activeElement).to.equal(list[0].querySelector('h3'));
    await expectAccessible(world.element);
  });

  it('says why in the UI language: the server rules’ own reasons, and the engine’s changes crossed with a deletion', async () => {
    const world = await setup();
    const current = (await world.store.create<GlossaryEntry>('glossary', { translations: { en: { term: 'quay', definition: 'on the server' } } })) as unknown as RawRecord;
    world.sync.keep(
      kept(world.store, 'observer', { mine: withDefinition(current, 'mine', '2-a'), theirs: current, kind: 'refused', message: 'Observers can read this space but cannot change anything in it.', at: '2026-05-12T09:00:00.000Z' }),
      kept(world.store, 'gone', { mine: withDefinition(current, 'mine', '2-b'), theirs: undefined, message: 'Someone else deleted this on the server while you changed it.', at: '2026-05-12T10:00:00.000Z' }),
    );
    await openReview(world.element);
    const [refused, deleted] = entries(world.element);
    expect(refused.textContent).to.include("The server's rules refused this change: Observers can read this space but cannot change anything in it.");
    expect(refused.querySelector('q')).to.equal(null);
    expect(deleted.textContent).to.include('Someone else deleted this on the server while you changed it. Your version was kept for you.');
    expect(deleted.textContent).not.to.include('Their version is shown now');
  });

  it('keeps mine: writes its fields over the current version, forgets that one key, and moves focus to the next', async () => {
    const world = await setup();
    const { current } = await quayWithThreeKept(world);
    await openReview(world.element);
    button(entries(world.element)[1], 'Keep mine')!.click();
    await until(() => world.sync.dismissed.length, 'the dismissal');
    expect(world.sync.dismissed).to.deep.equal(['k2']);
    const saved = await world.store.get<GlossaryEntry>('glossary', current.id);
    expect(saved.translations).to.deep.equal({ en: { term: 'quay', definition: 'mine, second' }, es: { term: 'muelle' } });
    expect(saved.author.id).to.equal(teacher.id);
    await until(() => entries(world.element).length === 2, 'two left');
    await until(() => announced(world.element) === 'Kept mine for “quay”. 2 left.', 'the announcement');
    expect(shadow(world.element).activeElement).to.equal(entries(world.element)[1].querySelector('h3'));
  });

  it('keeps theirs without writing, and keeps the merged version by writing its fields', async () => {
    const world = await setup();
    const { current } = await quayWithThreeKept(world);
    await openReview(world.element);
    button(entries(world.element)[0], 'Keep theirs')!.click();
    await until(() => world.sync.dismissed.length === 1, 'the first dismissal');
    expect((await world.store.get('glossary', current.id)).rev).to.equal(current.rev);
    await until(() => announced(world.element) === 'Kept theirs for “quay”. 2 left.', 'the announcement');

    await until(() => entries(world.element)[0]?.dataset.key === 'k2', 'the merged one first');
    button(entries(world.element)[0], 'Keep the merged version')!.click();
    await until(() => world.sync.dismissed.length === 2, 'the second dismissal');
    expect(world.sync.dismissed).to.deep.equal(['k1', 'k2']);
    const saved = await world.store.get<GlossaryEntry>('glossary', current.id);
    expect(saved.translations).to.deep.equal({ en: { term: 'quay', definition: 'theirs, on the server' }, es: { term: 'muelle' } });
  });

  it('keeps a delete as mine by deleting, and makes a record gone since again with its id', async () => {
    const world = await setup();
    const doomed = await world.store.create<GlossaryEntry>('glossary', { translations: { en: { term: 'pier', definition: 'to be deleted' } } });
    const gone = { ...(doomed as unknown as RawRecord), id: 'dune', translations: { en: { term: 'dune', definition: 'written offline' } } };
    world.sync.keep(
      kept(world.store, 'delete', { mine: undefined, theirs: doomed as unknown as RawRecord, at: '2026-05-12T09:00:00.000Z' }),
      kept(world.store, 'again', { id: 'dune', mine: gone, theirs: undefined, at: '2026-05-12T10:00:00.000Z' }),
    );
    await openReview(world.element);
    expect(entries(world.element)[0].textContent).to.include('Mine deletes this record.');
    expect(entries(world.element)[1].textContent).to.include('Theirs deleted this record.');
    button(entries(world.element)[0], 'Keep mine')!.click();
    await until(() => world.sync.dismissed.length === 1, 'the first dismissal');
    const error = await world.store.get('glossary', doomed.id).catch((failure: { code?: string }) => failure.code);
    expect(error).to.equal('not-found');

    await until(() => entries(world.element).length === 1 && !entries(world.element)[0].querySelector('button[disabled]'), 'one left');
    button(entries(world.element)[0], 'Keep mine')!.click();
    await until(() => world.sync.dismissed.length === 2, 'the second dismissal');
    expect(definition(await world.store.get('glossary', 'dune'))).to.equal('written offline');
  });

  it('keeps the version when the write fails, and says why', async () => {
    const world = await setup({ failing: true });
    const { current } = await quayWithThreeKept(world);
    await openReview(world.element);
    world.failNext();
    button(entries(world.element)[0], 'Keep mine')!.click();
    await until(() => entries(world.element)[0].querySelector('[role="alert"]')?.textContent, 'the problem');
    expect(entries(world.element)[0].querySelector('[role="alert"]')!.textContent).to.match(/no room left/);
    expect(world.sync.dismissed).to.deep.equal([]);
    expect(entries(world.element).length).to.equal(3);
    expect(definition(await world.store.get('glossary', current.id))).to.equal('theirs, on the server');
    await expectAccessible(world.element);

    // Trying again works, and the problem goes.
    button(entries(world.element)[0], 'Keep mine')!.click();
    await until(() => world.sync.dismissed.length === 1, 'the dismissal');
    expect(definition(await world.store.get('glossary', current.id))).to.equal('mine, first');
    await until(() => !shadow(world.element).querySelector('[role="alert"]:not(:empty)'), 'no problem left');
  });

  it('shows nothing when nothing waits; after the last decision the dialog closes and focus moves on', async () => {
    const world = await setup();
    await world.element.updateComplete;
    expect(shadow(world.element).querySelector('.notice, dialog')).to.equal(null);
    const current = await world.store.create<GlossaryEntry>('glossary', { translations: { en: { term: 'quay', definition: 'theirs' } } });
    world.sync.keep(kept(world.store, 'only', { mine: withDefinition(current as unknown as RawRecord, 'mine', '2-a'), theirs: current as unknown as RawRecord, at: '2026-05-12T09:00:00.000Z' }));
    await until(() => shadow(world.element).querySelector('.notice')?.textContent?.includes('1 change needs your decision'), 'the notice');

    // By keyboard: Enter on Review opens it, Escape closes it and focus is back on Review.
    button(shadow(world.element), 'Review')!.focus();
    await sendKeys({ press: 'Enter' });
    await until(() => shadow(world.element).querySelector('dialog')?.open, 'the dialog');
    await sendKeys({ press: 'Escape' });
    await until(() => !shadow(world.element).querySelector('dialog'), 'the dialog closed');
    expect(shadow(world.element).activeElement).to.equal(button(shadow(world.element), 'Review'));

    await sendKeys({ press: 'Enter' });
    await until(() => shadow(world.element).activeElement?.localName === 'h3', 'focus on the entry');
    await sendKeys({ press: 'Tab' });
    expect(shadow(world.element).activeElement?.textContent).to.equal('Keep mine');
    await sendKeys({ press: 'Tab' });
    expect(shadow(world.element).activeElement?.textContent).to.equal('Keep theirs');
    await sendKeys({ press: 'Enter' });
    await until(() => !shadow(world.element).querySelector('dialog'), 'the dialog closed');
    expect(shadow(world.element).querySelector('.notice')).to.equal(null);
    expect(document.activeElement).to.equal(world.wrapper.querySelector('#after'));
    await until(() => announced(world.element) === 'Kept theirs for “quay”. Nothing left to decide.', 'the announcement');
  });

  it('shows nothing in a space whose storage does not sync', async () => {
    const world = await spaceFixture({ user: teacher }, html`<twin-sync-conflicts></twin-sync-conflicts>`, 'unsynced');
    const element = world.wrapper.querySelector('twin-sync-conflicts')!;
    await element.updateComplete;
    expect(element.shadowRoot!.children.length).to.equal(0);
  });

  it('appears in a widget toolbar, and the space status line counts what waits', async () => {
    const world = await setup({ content: html`<twin-glossary></twin-glossary>` });
    const current = await world.store.create<GlossaryEntry>('glossary', { translations: { en: { term: 'quay', definition: 'theirs' } } });
    world.sync.keep(kept(world.store, 'only', { mine: withDefinition(current as unknown as RawRecord, 'mine', '2-a'), theirs: current as unknown as RawRecord, at: '2026-05-12T09:00:00.000Z' }));
    const glossary = world.wrapper.querySelector('twin-glossary')!;
    const inToolbar = () => glossary.shadowRoot?.querySelector('.toolbar twin-sync-conflicts') as TwinSyncConflicts | null;
    await until(() => inToolbar()?.shadowRoot?.querySelector('.notice'), 'the notice in the glossary toolbar');
    await world.space.updateComplete;
    expect(world.space.shadowRoot!.querySelector('[part~="note"]')!.textContent!.replace(/\s+/g, ' ').trim()).to.equal(
      'Note: 1 change needs your decision: the widget that shows it lists it under Review.',
    );
  });
});
