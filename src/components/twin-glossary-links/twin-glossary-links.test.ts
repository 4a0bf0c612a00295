import { expect, fixture, html } from '@open-wc/testing';
import { resetMouse, sendKeys, sendMouse, setViewport } from '@web/test-runner-commands';
import { setUiLocale } from '../../localization/localization.js';
import type { GlossaryEntry } from '../../sdk/schemas/glossary.js';
import { expectAccessible } from '../../test-support/axe.js';
import { until } from '../../test-support/record-list.js';
import { defaultStore } from '../context/default-store.js';
import type { TwinSpace } from '../twin-space/twin-space.component.js';
import '../twin-space/twin-space.js';
import type { TwinGlossaryLinks } from './twin-glossary-links.component.js';
import type { TwinGlossaryTerm } from './twin-glossary-term.component.js';
import './twin-glossary-links.js';

let n = 0;
const TIDE = { en: { term: 'tide', definition: 'The rise and fall of the sea, twice a day.' }, es: { term: 'marea', definition: 'La subida y bajada del mar, dos veces al día.' } };
const HARBOUR = { en: { term: 'harbour', definition: 'A sheltered place where ships stay.' }, es: { term: 'puerto' } };
const POST = `<h2>Our week in Vigo</h2>
  <p>On Monday we watched the tide come in at the harbour. The tide was very high.</p>
  <p lang="es">El lunes vimos subir la marea en el puerto.</p>`;

/** A space on the memory adapter, a teacher signed in, and a blog post inside the wrapper. */
async function blogPost(attributes = '', post = POST) {
  const wrapper = await fixture<HTMLDivElement>(
    html`<div
      .innerHTML=${`<button>Before</button><twin-space adapter="memory" space="links-${n++}" user-id="t1" user-name="Ms Rossi" user-role="teacher">
        <twin-glossary-links ${attributes}><article lang="en">${post}</article></twin-glossary-links></twin-space>`}
    ></div>`,
  );
  const space = wrapper.querySelector('twin-space') as TwinSpace;
  const links = wrapper.querySelector('twin-glossary-links') as TwinGlossaryLinks;
  await until(() => space.store, 'the store');
  return { wrapper, space, links, store: space.store! };
}

const termsIn = (root: Element) => [...root.querySelectorAll<TwinGlossaryTerm>('twin-glossary-term')];
const tooltipOf = (term: TwinGlossaryTerm) => term.shadowRoot!.querySelector<HTMLElement>('[role=tooltip]')!;
const shown = (term: TwinGlossaryTerm) => tooltipOf(term).matches('.open:popover-open') && getComputedStyle(tooltipOf(term)).display != 'none';
/**
 * Resolves once a term's leave, started now, has hidden its tooltip: every leave timer started
 * before it has fired by then. The term stands apart, in a corner, so that its tooltip never
 * comes under the pointer.
 */
async function afterLeaveTimers() {
  const witness = Object.assign(document.createElement('twin-glossary-term') as TwinGlossaryTerm, {
    entry: { translations: HARBOUR } as unknown as GlossaryEntry,
    textContent: 'harbour',
  });
  witness.style.cssText = 'position: fixed; right: 0; bottom: 0';
  document.body.append(witness);
  try {
    await witness.updateComplete;
    witness.dispatchEvent(new PointerEvent('pointerenter'));
    await until(() => shown(witness), 'the witness term shown');
    witness.dispatchEvent(new PointerEvent('pointerleave'));
    await until(() => !shown(witness), 'the witness term hidden after its leave');
  } finally {
    witness.remove();
  }
}
const center = (element: Element): [number, number] => {
  const box = element.getBoundingClientRect();
  return [Math.round(box.x + box.width / 2), Math.round(box.y + box.height / 2)];
};

describe('<twin-glossary-links> and <twin-glossary-term>', () => {
  afterEach(async () => {
    await resetMouse();
    await setUiLocale('en');
  });

  it('links the post and is accessible with a tooltip open', async () => {
    const { wrapper, store, links } = await blogPost();
    await store.create('glossary', { translations: TIDE });
    await store.create('glossary', { translations: HARBOUR });
    await until(() => termsIn(links).length == 2, 'two linked terms');
    expect(termsIn(links).map((term) => term.textContent)).to.deep.equal(['tide', 'harbour']);
    const [tide] = termsIn(links);
    tide.shadowRoot!.querySelector<HTMLElement>('[part=term]')!.focus();
    await until(() => shown(tide), 'the tooltip');
    await expectAccessible(wrapper);
  });

  it('reaches each term with Tab; focus shows the tooltip; Escape hides it and keeps focus', async () => {
    const { wrapper, store, links } = await blogPost();
    await store.create('glossary', { translations: TIDE });
    await store.create('glossary', { translations: HARBOUR });
    await until(() => termsIn(links).length == 2, 'two linked terms');
    const [tide, harbour] = termsIn(links);
    wrapper.querySelector('button')!.focus();

    await sendKeys({ press: 'Tab' });
    expect(document.activeElement).to.equal(tide);
    expect(tide.shadowRoot!.activeElement!.getAttribute('part')).to.equal('term');
    await until(() => shown(tide), 'the tooltip on focus');

    await sendKeys({ press: 'Escape' });
    await until(() => !shown(tide), 'Escape to hide it');
    expect(document.activeElement).to.equal(tide, 'focus did not move');
    expect(tide.shadowRoot!.activeElement!.getAttribute('part')).to.equal('term');
    await sendKeys({ press: 'Enter' });
    await until(() => shown(tide), 'Enter to show it again');

    await sendKeys({ press: 'Tab' });
    expect(document.activeElement).to.equal(harbour);
    await until(() => shown(harbour) && !shown(tide), 'the next term\'s tooltip only');
  });

  it('shows the tooltip on hover, keeps it while the pointer is over it, hides it on leave or Escape', async () => {
    const { store, links } = await blogPost();
    await store.create('glossary', { translations: TIDE });
    await until(() => termsIn(links).length == 1, 'the linked term');
    const [tide] = termsIn(links);
    await sendMouse({ type: 'move', position: center(tide) });
    await until(() => shown(tide), 'the tooltip on hover');
    await sendMouse({ type: 'move', position: center(tooltipOf(tide)) });
    await afterLeaveTimers();
    await tide.updateComplete;
    expect(shown(tide)).to.equal(true, 'still shown with the pointer on the tooltip');
    await sendMouse({ type: 'move', position: [1, 1] });
    await until(() => !shown(tide), 'hidden once the pointer left');

    await sendMouse({ type: 'move', position: center(tide) });
    await until(() => shown(tide), 'shown again');
    const focused = document.activeElement;
    await sendKeys({ press: 'Escape' });
    await until(() => !shown(tide), 'Escape to hide a hover tooltip');
    expect(document.activeElement).to.equal(focused);
  });

  it('keeps a dismissed tooltip hidden when the pointer then leaves a focused term', async () => {
    const { store, links } = await blogPost();
    await store.create('glossary', { translations: TIDE });
    await until(() => termsIn(links).length == 1, 'the linked term');
    const [tide] = termsIn(links);
    await sendMouse({ type: 'click', position: center(tide) });
    expect(document.activeElement).to.equal(tide, 'a click focuses the term');
    await until(() => shown(tide), 'the tooltip');
    await sendKeys({ press: 'Escape' });
    await until(() => !shown(tide), 'Escape to hide it');
    await sendMouse({ type: 'move', position: [1, 1] });
    await afterLeaveTimers();
    await tide.updateComplete;
    expect(shown(tide)).to.equal(false);
  });

  it('gives the term its definition as accessible description', async () => {
    const { store, links } = await blogPost();
    await store.create('glossary', { translations: TIDE });
    await until(() => termsIn(links).length == 1, 'the linked term');
    const [tide] = termsIn(links);
    const term = tide.shadowRoot!.querySelector('[part=term]')!;
    const description = tide.shadowRoot!.getElementById(term.getAttribute('aria-describedby')!)!;
    // Both ends of aria-describedby are in the same shadow root, so the reference resolves.
    expect(description.textContent!.trim()).to.equal(TIDE.en.definition);
    expect(description.getRootNode()).to.equal(term.getRootNode());
    expect(term.getAttribute('role')).to.equal('button');
    expect(term.getAttribute('tabindex')).to.equal('0');
    // The term itself (the tooltip's heading) is its name, not part of its description.
    expect(description.contains(tooltipOf(tide).querySelector('b'))).to.equal(false);
  });

  it('fits a 320 px wide screen', async () => {
    await setViewport({ width: 320, height: 640 });
    try {
      const long = 'A very long definition that has to wrap onto several lines on a narrow phone screen, with Schüleraustauschprogrammvorbereitungstreffen in it.';
      const { store, links } = await blogPost('', '<p>Words words words words words words tide.</p>');
      await store.create('glossary', { translations: { en: { term: 'tide', definition: long } } });
      await until(() => termsIn(links).length == 1, 'the linked term');
      const [tide] = termsIn(links);
      tide.shadowRoot!.querySelector<HTMLElement>('[part=term]')!.focus();
      await until(() => shown(tide), 'the tooltip');
      const box = tooltipOf(tide).getBoundingClientRect();
      expect(box.left).to.be.at.least(0);
      expect(box.right).to.be.at.most(document.documentElement.clientWidth);
    } finally {
      await setViewport({ width: 800, height: 600 });
    }
  });

  it('links in the article\'s language, relinks when it changes, and labels a fallback definition', async () => {
    const { store, links } = await blogPost('', '<p>Vimos la marea en el puerto. The tide.</p>');
    await store.create('glossary', { translations: TIDE });
    await store.create('glossary', { translations: HARBOUR });
    await until(() => termsIn(links).length == 1, 'the English term');
    expect(termsIn(links)[0].textContent).to.equal('tide');
    links.querySelector('article')!.lang = 'es';
    await until(() => termsIn(links).length == 2, 'two Spanish terms');
    const [marea, puerto] = termsIn(links);
    expect([marea.textContent, marea.lang, puerto.textContent, puerto.lang]).to.deep.equal(['marea', 'es', 'puerto', 'es']);
    await until(() => puerto.shadowRoot!.querySelector('i')?.textContent == 'Inglés:', 'the label in Spanish');
    expect(puerto.shadowRoot!.querySelector('#definition span')!.getAttribute('lang')).to.equal('en');
    expect(marea.shadowRoot!.querySelector('#definition span')!.getAttribute('lang')).to.equal('es');
  });

  it('takes the reader language from its own lang attribute', async () => {
    const { store, links } = await blogPost('lang="es"', '<p>The tide; la marea.</p>');
    await store.create('glossary', { translations: TIDE });
    await until(() => termsIn(links).length == 1, 'the linked term');
    expect(termsIn(links)[0].textContent).to.equal('marea');
  });

  it('relinks when entries are added, sent back to pending or deleted, and puts the post back', async () => {
    const { store, links } = await blogPost();
    const article = links.querySelector('article')!;
    const original = article.cloneNode(true);
    const tide = await store.create<GlossaryEntry>('glossary', { translations: TIDE });
    await until(() => termsIn(links).length == 1, 'the first entry');
    const harbour = await store.create<GlossaryEntry>('glossary', { translations: HARBOUR });
    await until(() => termsIn(links).length == 2, 'the added entry linked');
    await store.setStatus('glossary', tide, 'pending', { note: 'please check' });
    await until(() => termsIn(links).length == 1, 'the pending entry unlinked');
    expect(termsIn(links)[0].textContent).to.equal('harbour');
    await store.remove('glossary', harbour);
    await until(() => termsIn(links).length == 0, 'no entries, no links');
    expect(article.isEqualNode(original)).to.equal(true);
  });

  it('works alone, on the in-browser glossary of its own space', async () => {
    const space = `solo-${Date.now()}`;
    const links = await fixture<TwinGlossaryLinks>(html`<twin-glossary-links space=${space}><p>The tide turned.</p></twin-glossary-links>`);
    await defaultStore(space).create('glossary', { translations: TIDE });
    await until(() => termsIn(links).length == 1, 'the linked term');
  });

  it('links content added later', async () => {
    const { store, links } = await blogPost('', '<p>Nothing yet.</p>');
    await store.create('glossary', { translations: TIDE });
    const more = document.createElement('p');
    more.textContent = 'Then the tide turned.';
    links.append(more);
    await until(() => termsIn(links).length == 1, 'the new paragraph linked');
  });
});
