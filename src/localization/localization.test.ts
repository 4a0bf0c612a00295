import { expect, fixture, html } from '@open-wc/testing';
import type { TwinSpace } from '../components/twin-space/twin-space.component.js';
import '../components/twin-space/twin-space.js';
import { until } from '../test-support/record-list.js';
import { localeLoaders, setUiLocale, uiLocale } from './localization.js';

// Translations are fetched on demand (a separate file in dist/twinkit.js's build): these tests
// cover the wait for them and a fetch that fails.
const status = (space: TwinSpace) => space.shadowRoot!.querySelector('[role=status]')?.textContent ?? '';

describe('UI language loaded on demand', () => {
  afterEach(() => setUiLocale('en'));

  it('setUiLocale resolves only when the Spanish strings are ready', async () => {
    const space = await fixture<TwinSpace>(html`<twin-space adapter="memory"></twin-space>`);
    expect(status(space)).to.include('No space id');
    await setUiLocale('es-ES');
    expect(uiLocale()).to.equal('es');
    await space.updateComplete;
    expect(status(space)).to.include('Falta el identificador del espacio');
  });

  it('speaks the nearest language the page or the space asks for: pt-BR in Portuguese, nn in Bokmål, de on the space', async () => {
    const space = await fixture<TwinSpace>(html`<twin-space adapter="memory"></twin-space>`);
    const expected: [string, string, string][] = [
      ['pt-BR', 'pt', 'Falta o id do espaço'],
      ['nn', 'nb', 'Rommets ID mangler'],
      ['de', 'de', 'Keine Raum-ID'],
    ];
    for (const [tag, locale, words] of expected) {
      space.lang = tag;
      await until(() => uiLocale() === locale, `${tag} to give ${locale}`);
      await until(() => status(space).includes(words), `${tag}: "${words}"`);
    }
  });

  it('keeps the UI in English, with one warning, when the Spanish file is missing, and loads it later', async () => {
    const real = localeLoaders.es;
    const missing = './locales/no-such-file.js'; // a real 404 from the test server
    localeLoaders.es = () => import(missing);
    const warnings: unknown[][] = [];
    const warn = console.warn;
    console.warn = (...args: unknown[]) => void warnings.push(args);
    try {
      const space = await fixture<TwinSpace>(html`<twin-space lang="es" adapter="memory"></twin-space>`);
      // Joins the element's own request: resolves (a rejection would break `void setUiLocale()` callers).
      await setUiLocale('es');
      expect(uiLocale()).to.equal('en');
      await space.updateComplete;
      expect(status(space)).to.include('No space id');
      expect(warnings.length, 'one warning for every element that asked').to.equal(1);
      expect(String(warnings[0][0])).to.include('"es" UI strings could not be loaded');

      // With the file back, switching languages tries again.
      localeLoaders.es = real;
      space.lang = 'en';
      await setUiLocale('en');
      space.lang = 'es';
      await until(() => status(space).includes('Falta el identificador del espacio'), 'Spanish after all');
    } finally {
      console.warn = warn;
      localeLoaders.es = real;
    }
  });
});
