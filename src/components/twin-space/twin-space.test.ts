import { expect, fixture, html } from '@open-wc/testing';
import { createMemoryAdapter, MemoryBacking } from '../../sdk/adapters/memory/memory-adapter.js';
import { registerAdapter } from '../../sdk/adapters/registry.js';
import { TwinStorageError } from '../../sdk/errors.js';
import { expectAccessible } from '../../test-support/axe.js';
import { TestRecordList, until } from '../../test-support/record-list.js';
import { setUiLocale } from '../../localization/localization.js';
import { TwinSpace } from './twin-space.component.js';
import './twin-space.js';

const entry = (term: string) => ({ translations: { en: { term } } });
let n = 0;
const uniqueSpace = () => `space-${Date.now()}-${n++}`;

async function spaceWith(attributes: string, backing = new MemoryBacking()) {
  const name = `test-memory-${n++}`;
  registerAdapter(name, () => createMemoryAdapter({ backing }));
  const wrapper = await fixture<HTMLDivElement>(
    html`<div .innerHTML=${`<twin-space adapter="${name}" ${attributes}><test-record-list></test-record-list></twin-space>`}></div>`,
  );
  const space = wrapper.querySelector('twin-space') as TwinSpace;
  const list = wrapper.querySelector('test-record-list') as TestRecordList;
  return { space, list, backing };
}

describe('<twin-space>', () => {
  afterEach(() => setUiLocale('en'));

  it('is accessible, with and without a status message', async () => {
    const { space, list } = await spaceWith(`space="${uniqueSpace()}" user-id="t1" user-name="Ms Rossi" user-role="teacher"`);
    await until(() => list.data.status === 'ready', 'the list to load');
    await expectAccessible(space);
    const broken = await fixture<TwinSpace>(html`<twin-space adapter="no-such-adapter" space="x"></twin-space>`);
    await until(() => broken.shadowRoot?.querySelector('[role=alert]')?.textContent, 'the status line');
    await expectAccessible(broken);
  });

  it('hands its store and user to the widgets inside it', async () => {
    const { space, list } = await spaceWith(`space="${uniqueSpace()}" user-id="p7" user-name="Aiko" user-role="pupil" school="IES Sol" mobile`);
    await until(() => list.data.store, 'the store');
    expect(list.data.store).to.equal(space.store);
    expect(space.store!.user).to.deep.equal({ id: 'p7', name: 'Aiko', role: 'pupil', school: 'IES Sol', mobile: true });
    await space.store!.create('glossary', entry('harbour'));
    await until(() => list.terms.length === 1, 'the new entry in the list');
    expect(list.terms).to.deep.equal(['harbour']);
  });

  it('emits twin-space-ready and twin-record-change', async () => {
    const events: string[] = [];
    const { space } = await spaceWith(`space="${uniqueSpace()}" user-id="t1" user-name="T" user-role="teacher"`);
    space.addEventListener('twin-record-change', (e) => events.push(`change:${e.detail.changes[0].type}`));
    document.addEventListener('twin-space-ready', () => events.push('ready'), { once: true });
    // A phase change keeps the store: widgets only filter again, and new records take the phase.
    const first = space.store;
    space.phase = 'mobility';
    await space.updateComplete;
    expect(space.store).to.equal(first);
    expect(space.store!.defaultPhase).to.equal('mobility');
    // Another user is another store, announced again.
    space.userId = 't2';
    await until(() => events.includes('ready'), 'ready after a user change');
    expect(space.store).to.not.equal(first);
    await space.store!.create('glossary', entry('mountain'));
    expect(events).to.include('change:put');
  });

  it('filters every widget by its phase, and new records take that phase', async () => {
    const { space, list } = await spaceWith(`space="${uniqueSpace()}" user-id="t1" user-name="T" user-role="teacher"`);
    await until(() => list.data.status === 'ready', 'load');
    await space.store!.create('glossary', entry('passport'), { phase: 'preparation' });
    await space.store!.create('glossary', entry('museum'), { phase: 'mobility' });
    await until(() => list.terms.length === 2, 'both entries');
    space.setAttribute('phase', 'mobility');
    await until(() => list.terms.length === 1, 'the phase filter');
    expect(list.terms).to.deep.equal(['museum']);
    const created = await space.store!.create('glossary', entry('ferry'));
    expect(created.phase).to.equal('mobility');
    await until(() => list.terms.length === 2, 'the new mobility entry');
    space.removeAttribute('phase');
    await until(() => list.terms.length === 3, 'all entries without a filter');
  });

  it('warns about a phase attribute that cannot be a phase id, and keeps working', async () => {
    const warnings: string[] = [];
    const warn = console.warn;
    console.warn = (message: string) => warnings.push(message);
    try {
      const { space } = await spaceWith(`space="${uniqueSpace()}" user-id="t1" user-name="T" user-role="teacher"`);
      space.setAttribute('phase', 'x'.repeat(300));
      await space.updateComplete;
      expect(warnings.join(' ')).to.include('cannot be a phase id');
      const created = await space.store!.create('glossary', entry('harbour'));
      expect(created.phase).to.equal(undefined);
    } finally {
      console.warn = warn;
    }
  });

  it('shows changes from another tab without a reload, re-rendering only the list', async () => {
    const backing = new MemoryBacking();
    const { space, list } = await spaceWith(`space="s-shared" user-id="t1" user-name="T" user-role="teacher"`, backing);
    await until(() => list.data.status === 'ready', 'load');
    const otherTab = (await import('../../sdk/store/create-store.js')).createStore({
      adapter: createMemoryAdapter({ backing }),
      space: 's-shared',
      user: { id: 'p2', name: 'Ben', role: 'pupil' },
    });
    const first = list.data.records;
    await otherTab.create('glossary', entry('castle'));
    await until(() => list.terms.includes('castle'), 'the other tab\'s entry');
    await otherTab.create('glossary', entry('river'));
    await until(() => list.terms.includes('river'), 'a second entry');
    const castle = list.data.records.find((r) => r.id && (r.translations as { en: { term: string } }).en.term === 'castle');
    await otherTab.create('glossary', entry('bridge'));
    await until(() => list.terms.includes('bridge'), 'a third entry');
    // The untouched record keeps its identity, so repeat() keeps its DOM.
    expect(list.data.records.find((r) => r.id === castle!.id)).to.equal(castle);
    expect(first).to.not.equal(list.data.records);
    expect(space.store!.user.id).to.equal('t1');
  });

  it('treats a wrong user-role as a read-only observer, and a wrong moderation as moderated', async () => {
    const warnings: string[] = [];
    const warn = console.warn;
    console.warn = (message: string) => warnings.push(message);
    try {
      const { space, list } = await spaceWith(`space="${uniqueSpace()}" user-id="x" user-name="X" user-role="superuser" moderation="yes please"`);
      await until(() => list.data.store, 'the store');
      expect(space.store!.user.role).to.equal('observer');
      expect(space.store!.settings.moderation).to.equal('pupils');
      expect(space.store!.can('create')).to.equal(false);
      let error: unknown;
      try {
        await space.store!.create('glossary', entry('anything'));
      } catch (caught) {
        error = caught;
      }
      expect((error as { code: string }).code).to.equal('permission');
      expect(warnings.join('\n')).to.match(/user-role="superuser"/).and.match(/moderation="yes please"/);
    } finally {
      console.warn = warn;
    }
  });

  it('reports an unknown adapter with a readable status and a twin-storage-error event', async () => {
    const errors: string[] = [];
    const listener = (e: Event) => errors.push((e as CustomEvent).detail.error.message);
    document.addEventListener('twin-storage-error', listener);
    const error = console.error;
    console.error = () => {};
    try {
      const space = await fixture<TwinSpace>(html`<twin-space adapter="moodle-missing" space="x"></twin-space>`);
      await until(() => errors.length, 'the error event');
      expect(errors[0]).to.match(/No storage adapter is registered as "moodle-missing"/);
      const status = space.shadowRoot!.querySelector('[role=alert]')!;
      await until(() => status.textContent?.trim(), 'the status text');
      expect(space.shadowRoot!.querySelector('[role=status]')!.textContent).to.equal('');
      expect(status.textContent!.replace(/\s+/g, ' ')).to.match(/Error: No storage adapter is called "moodle-missing"\. Known adapters: .*indexeddb, memory, couchdb, remote\./);
    } finally {
      console.error = error;
      document.removeEventListener('twin-storage-error', listener);
    }
  });

  it('shows a full disk met by any widget once, as an alert, and as a twin-storage-error event', async () => {
    const name = `full-disk-${n++}`;
    registerAdapter(name, () => {
      const adapter = createMemoryAdapter();
      return {
        ...adapter,
        name: 'full-disk',
        write: async () => {
          throw new TwinStorageError('quota-exceeded', 'The browser has no room left to save this.');
        },
      };
    });
    const codes: string[] = [];
    const listener = (e: Event) => codes.push((e as CustomEvent).detail.error.code);
    document.addEventListener('twin-storage-error', listener);
    const error = console.error;
    console.error = () => {};
    try {
      const { space, list } = await spaceWith(`space="${uniqueSpace()}" user-id="t1" user-name="T" user-role="teacher"`);
      space.adapter = name;
      await until(() => space.store?.adapter.name === 'full-disk' && list.data.store === space.store, 'the failing store');
      let caught: unknown;
      try {
        await space.store!.create('glossary', entry('will not fit'));
      } catch (e) {
        caught = e;
      }
      expect((caught as { code: string }).code, 'the caller still gets the error').to.equal('quota-exceeded');
      expect(codes).to.deep.equal(['quota-exceeded']);
      const alert = space.shadowRoot!.querySelector('[role=alert]')!;
      await until(() => alert.textContent?.trim(), 'the alert');
      expect(alert.textContent!.replace(/\s+/g, ' ')).to.match(/Error: Cannot save or read: The browser has no room left/);
    } finally {
      console.error = error;
      document.removeEventListener('twin-storage-error', listener);
    }
  });

  it('asks for a space id when none is given', async () => {
    const space = await fixture<TwinSpace>(html`<twin-space adapter="memory"></twin-space>`);
    await until(() => space.shadowRoot!.querySelector('[role=status]')!.textContent, 'the status line');
    expect(space.shadowRoot!.querySelector('[role=status]')!.textContent).to.match(/No space id/);
  });

  it('reports damaged records by count while still showing the valid ones', async () => {
    const backing = new MemoryBacking();
    const raw = createMemoryAdapter({ backing });
    const spaceId = uniqueSpace();
    await raw.write(spaceId, [{ type: 'put', expectedRev: null, record: { id: 'broken', space: spaceId, collection: 'glossary', rev: '0-x', updatedAt: '2026-01-01T00:00:00.000Z', translations: 'not an object' } }], { origin: 'x' });
    const invalid: string[] = [];
    document.addEventListener('twin-record-invalid', (e) => invalid.push(e.detail.id), { once: true });
    const { space, list } = await spaceWith(`space="${spaceId}" user-id="t1" user-name="T" user-role="teacher"`, backing);
    await until(() => list.data.status === 'ready', 'load');
    await space.store!.create('glossary', entry('valid'));
    await until(() => list.terms.length === 1, 'the valid entry');
    expect(list.data.invalid.map((i) => i.id)).to.deep.equal(['broken']);
    expect(invalid).to.deep.equal(['broken']);
    await until(() => space.shadowRoot!.querySelector('[role=status]')!.textContent, 'the status line');
    expect(space.shadowRoot!.querySelector('[role=status]')!.textContent!.replace(/\s+/g, ' ').trim()).to.equal('Note: 1 damaged record is not shown.');
  });

  it('speaks the page\'s language: Spanish from lang="es"', async () => {
    const space = await fixture<TwinSpace>(html`<twin-space lang="es" adapter="memory"></twin-space>`);
    await until(() => space.shadowRoot!.querySelector('[role=status]')!.textContent?.includes('Falta'), 'Spanish status');
    expect(space.shadowRoot!.querySelector('[role=status]')!.textContent!.replace(/\s+/g, ' ').trim()).to.equal(
      'Aviso: Falta el identificador del espacio: añade el atributo space.',
    );
    space.setAttribute('lang', 'en-GB');
    await until(() => space.shadowRoot!.querySelector('[role=status]')!.textContent?.includes('No space id'), 'English again');
  });

  it('takes an adapter instance and a user object as properties', async () => {
    const backing = new MemoryBacking();
    const space = document.createElement('twin-space');
    space.adapter = createMemoryAdapter({ backing });
    space.user = { id: 'a1', name: 'Mrs Kowalska', role: 'admin', school: 'SP 12 Kraków' };
    space.space = uniqueSpace();
    const list = document.createElement('test-record-list') as TestRecordList;
    space.append(list);
    document.body.append(space);
    try {
      await until(() => list.data.store, 'the store');
      expect(list.data.store!.user.name).to.equal('Mrs Kowalska');
      await list.data.store!.create('glossary', entry('school'));
      expect(backing.records.size).to.equal(1);
    } finally {
      space.remove();
    }
  });

  it('gives a widget used alone its own in-browser store and a local user', async () => {
    const spaceId = uniqueSpace();
    const list = await fixture<TestRecordList>(html`<test-record-list space=${spaceId}></test-record-list>`);
    await until(() => list.data.status === 'ready', 'load');
    expect(list.data.store!.adapter.name).to.equal('indexeddb');
    expect(list.data.store!.space).to.equal(spaceId);
    expect(list.data.store!.user.role).to.equal('admin');
    await list.data.store!.create('glossary', entry('alone'));
    await until(() => list.terms.includes('alone'), 'the entry');
  });

  it('keeps a page\'s user-role for the local user when no user-id is given (a guest page)', async () => {
    const { space, list } = await spaceWith(`space="${uniqueSpace()}" user-role="observer"`);
    await until(() => list.data.store, 'the store');
    expect(space.store!.user.role).to.equal('observer');
    expect(space.store!.can('create')).to.equal(false);
  });

  it('closes the adapter it made when it is removed, and a late adapter of a replaced one', async () => {
    let opened = 0;
    let closed = 0;
    const name = `counting-${n++}`;
    registerAdapter(name, async () => {
      opened++;
      await new Promise((resolve) => setTimeout(resolve, 30)); // a slow integrator's adapter
      const adapter = createMemoryAdapter();
      return { ...adapter, close: async () => void closed++ };
    });
    const space = await fixture<TwinSpace>(html`<twin-space adapter=${name} space="a"></twin-space>`);
    space.space = 'b'; // a second connect while the first adapter is still being made
    await until(() => space.store, 'the store');
    expect(space.store!.space).to.equal('b');
    await until(() => closed === opened - 1, 'the stale adapter closed');
    space.remove();
    await until(() => closed === opened, 'every adapter closed after removal');
  });

  it('can be defined twice without throwing (the library loaded twice)', () => {
    expect(() => TwinSpace.define('twin-space')).to.not.throw();
    expect(customElements.get('twin-space')).to.equal(TwinSpace);
  });
});
