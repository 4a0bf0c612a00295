import { expect, fixture, html } from '@open-wc/testing';
import '../../define.js';
import type { GlossaryEntry } from '../../sdk/schemas/glossary.js';
import { asAdmin, directAsAdmin, setFault, setupSpace, until, signOut } from '../../test-support/couch-browser.js';
import { expectAccessible } from '../../test-support/axe.js';
import { databaseName } from '../../sdk/adapters/couchdb/couch-names.js';
import type { TwinSpace } from './twin-space.component.js';

let counter = 0;
const unique = () => `sync-ui-${Date.now().toString(36)}-${counter++}`;
const members = [
  { id: 'ms-rossi', name: 'Ms Rossi', role: 'teacher' as const, password: 'rossi-pw' },
  { id: 'mr-vidal', name: 'Mr Vidal', role: 'teacher' as const, password: 'vidal-pw' },
];
const options = (name: string) => JSON.stringify({ url: '/couch', credentials: { name, password: `${name.split('-')[1]}-pw` } });
const statusLine = (space: TwinSpace, part: 'note' | 'error') => space.shadowRoot!.querySelector(`[part~="${part}"]`)!.textContent!.replace(/\s+/g, ' ').trim();
const term = (record: unknown) => (record as GlossaryEntry).translations.en?.definition;

async function syncedSpace(space: string, user: (typeof members)[number]) {
  const element = await fixture<TwinSpace>(html`<twin-space
    space=${space}
    adapter="couchdb"
    adapter-options=${options(user.id)}
    user-id=${user.id}
    user-name=${user.name}
    user-role=${user.role}
    ><twin-glossary></twin-glossary
  ></twin-space>`);
  await until(() => (element.syncStatus?.state === 'online' ? true : undefined), 'the space online');
  return element;
}

afterEach(() => setFault('pass'));
before(signOut);
after(signOut);

describe('<twin-space adapter="couchdb">: sync status, events and conflicts', () => {
  it('tells the page and the widgets its sync state, and shows offline writes waiting', async () => {
    const space = unique();
    await setupSpace(space, members);
    const statuses: string[] = [];
    document.addEventListener('twin-sync-status', (event) => statuses.push(`${event.detail.status.state}:${event.detail.status.pending}`));
    const element = await syncedSpace(space, members[0]);
    const indicator = () => element.querySelector('twin-glossary')!.shadowRoot?.querySelector('twin-sync-indicator')?.shadowRoot?.textContent?.trim();
    await until(() => (indicator() === 'Saved to the server' ? true : undefined), 'the indicator saying saved');
    expect(statuses).to.include('online:0');

    await setFault('down');
    await element.store!.create('glossary', { translations: { en: { term: 'tide', definition: 'offline' } } });
    await until(() => (element.syncStatus?.state === 'offline' && element.syncStatus.pending === 1 ? true : undefined), 'offline with one write waiting');
    await element.updateComplete;
    expect(statusLine(element, 'note')).to.equal('Note: Offline: 1 change is saved on this device and will be sent when the connection is back.');
    await until(() => (indicator() === 'Offline · 1 waiting' ? true : undefined), 'the indicator saying offline');
    await expectAccessible(element);

    await setFault('pass');
    await until(() => (element.syncStatus?.state === 'online' && element.syncStatus.pending === 0 ? true : undefined), 'online again, nothing waiting');
    await element.updateComplete;
    expect(statusLine(element, 'note')).to.equal('');
    expect(statuses).to.include('offline:1');
  });

  it('counts a change the server did not take, and the glossary review keeps mine on request', async () => {
    const space = unique();
    await setupSpace(space, members);
    const element = await syncedSpace(space, members[0]);
    const conflicts: unknown[] = [];
    element.addEventListener('twin-sync-conflict', (event) => conflicts.push(event.detail.conflict));
    const mine = await element.store!.create('glossary', { translations: { en: { term: 'quay', definition: 'first' } } });
    const path = `/${databaseName(space)}/glossary:${mine.id}`;
    await until(async () => ((await directAsAdmin('GET', path)).status === 200 ? true : undefined), 'the entry on the server');
    await setFault('down');
    await element.store!.update('glossary', mine, { translations: { en: { term: 'quay', definition: 'mine, written offline' } } });
    // Meanwhile someone else changes it on the server.
    const stored = (await directAsAdmin('GET', path)).body!;
    expect((await directAsAdmin('PUT', path, { ...stored, translations: { en: { term: 'quay', definition: 'theirs, written first' } } })).status).to.equal(201);
    await setFault('pass');

    await until(() => (conflicts.length ? true : undefined), 'the conflict event');
    const counted = 'Note: 1 change needs your decision: the widget that shows it lists it under Review.';
    await until(() => (statusLine(element, 'note') === counted ? true : undefined), 'the status line counting it').catch(() => {
      throw new Error(`The status line says: ${statusLine(element, 'note')}`);
    });
    await until(async () => (term(await element.store!.get('glossary', mine.id)) === 'theirs, written first' ? true : undefined), 'theirs shown');
    await expectAccessible(element);

    // The glossary's toolbar lists it; keeping mine writes it again through the store.
    const review = () => element.querySelector('twin-glossary')!.shadowRoot?.querySelector('twin-sync-conflicts')?.shadowRoot;
    const button = (label: string) => [...(review()?.querySelectorAll('button') ?? [])].find((b) => b.textContent?.trim() === label);
    await until(() => button('Review'), 'the Review button in the glossary');
    button('Review')!.click();
    await until(() => button('Keep mine'), 'the kept version');
    button('Keep mine')!.click();
    await until(async () => (term(await element.store!.get('glossary', mine.id)) === 'mine, written offline' ? true : undefined), 'my version shown again');
    await until(async () => {
      const doc = await asAdmin<{ translations?: { en: { definition: string } } }>('GET', `/${databaseName(space)}/glossary:${mine.id}`);
      return doc.translations?.en.definition === 'mine, written offline' ? true : undefined;
    }, 'my version on the server');
    await until(() => (statusLine(element, 'note') === '' ? true : undefined), 'the status line empty');
  });

  it('explains adapter-options that are not JSON or lack a url', async () => {
    const broken = await fixture<TwinSpace>(html`<twin-space space="s" adapter="couchdb" adapter-options="{url: /couch}"></twin-space>`);
    await until(() => (statusLine(broken, 'error') ? true : undefined), 'an error');
    expect(statusLine(broken, 'error')).to.match(/The storage settings \(adapter-options\) are not valid JSON/);
    const noUrl = await fixture<TwinSpace>(html`<twin-space space="s" adapter="couchdb" adapter-options='{"feed": "sometimes"}'></twin-space>`);
    await until(() => (statusLine(noUrl, 'error') ? true : undefined), 'an error');
    expect(statusLine(noUrl, 'error')).to.match(/are wrong\. For whoever set them up: url is required.*feed must be "longpoll" or "continuous"/);
    // The adapter's details name the settings' keys: kept as it words them, marked as English.
    expect(noUrl.shadowRoot!.querySelector('[role=alert] span[lang=en]')!.textContent).to.match(/^url is required/);
  });
});
