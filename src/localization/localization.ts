import { configureLocalization, type LocaleModule } from '@lit/localize';

/**
 * UI languages Twinkit ships: the 24 official languages of the EU, Norwegian (Bokmål), Turkish
 * and Ukrainian. Adding one is a translation file (src/localization/locales/<locale>.ts and its
 * folder), its terms (src/localization/terms/<locale>.md) and one line in `localeLoaders`; the
 * build writes dist/twinkit-<locale>.js, and a test checks every message is there.
 */
export const SOURCE_LOCALE = 'en';
/**
 * @internal Exported for a test only. Each language is its own module, fetched the first time a
 * page asks for it: an English page never downloads the translations.
 */
export const localeLoaders: Record<string, () => Promise<LocaleModule>> = {
  bg: () => import('./locales/bg.js'),
  cs: () => import('./locales/cs.js'),
  da: () => import('./locales/da.js'),
  de: () => import('./locales/de.js'),
  el: () => import('./locales/el.js'),
  es: () => import('./locales/es.js'),
  et: () => import('./locales/et.js'),
  fi: () => import('./locales/fi.js'),
  fr: () => import('./locales/fr.js'),
  ga: () => import('./locales/ga.js'),
  hr: () => import('./locales/hr.js'),
  hu: () => import('./locales/hu.js'),
  it: () => import('./locales/it.js'),
  lt: () => import('./locales/lt.js'),
  lv: () => import('./locales/lv.js'),
  mt: () => import('./locales/mt.js'),
  nb: () => import('./locales/nb.js'),
  nl: () => import('./locales/nl.js'),
  pl: () => import('./locales/pl.js'),
  pt: () => import('./locales/pt.js'),
  ro: () => import('./locales/ro.js'),
  sk: () => import('./locales/sk.js'),
  sl: () => import('./locales/sl.js'),
  sv: () => import('./locales/sv.js'),
  tr: () => import('./locales/tr.js'),
  uk: () => import('./locales/uk.js'),
};
export const SUPPORTED_LOCALES = [SOURCE_LOCALE, ...Object.keys(localeLoaders)] as const;

let controls: ReturnType<typeof configureLocalization> | undefined;

function localization() {
  // Configured on first use, not on import, so importing a class has no side effect.
  controls ??= configureLocalization({
    sourceLocale: SOURCE_LOCALE,
    targetLocales: Object.keys(localeLoaders),
    loadLocale: (locale) =>
      localeLoaders[locale]().catch((error: unknown) => {
        // E.g. twinkit-es.js not copied next to twinkit.js: say so once per attempt, keep the page usable.
        console.warn(`Twinkit: the "${locale}" UI strings could not be loaded; the UI keeps its language.`, error);
        throw error;
      }),
  });
  return controls;
}

/** Languages a reader of another one reads best: Nynorsk and plain "Norwegian" readers get Bokmål. */
const NEAREST: Record<string, string> = { nn: 'nb', no: 'nb' };

/**
 * The supported UI language closest to a BCP 47 tag: `pt-BR` gives `pt`, `nn` gives `nb`, a
 * language Twinkit does not speak (`zh`) gives English.
 */
export function matchLocale(tag: string | null | undefined): string {
  const base = (tag ?? '').trim().toLowerCase().split(/[-_]/)[0];
  const nearest = NEAREST[base] ?? base;
  return (SUPPORTED_LOCALES as readonly string[]).includes(nearest) ? nearest : SOURCE_LOCALE;
}

/**
 * Switches the UI language of every Twinkit element on the page; resolves when it is ready. The
 * last call wins, also over a language still loading. If the strings cannot be loaded it resolves
 * all the same, with a console warning, and the UI stays as it was (English at first).
 */
export async function setUiLocale(tag: string | null | undefined): Promise<void> {
  try {
    // lit's setLocale does nothing for the language already shown or on its way.
    await localization().setLocale(matchLocale(tag));
  } catch {
    // Warned in loadLocale: every element asks, one warning is enough.
  }
}

export function uiLocale(): string {
  return localization().getLocale();
}

const RTL = new Set(['ar', 'he', 'fa', 'ur', 'ps', 'yi', 'dv', 'ckb', 'sd', 'ug']);

/** Text direction of a language, for `dir` when the page did not set it. */
export function directionOf(tag: string | null | undefined): 'ltr' | 'rtl' {
  return RTL.has((tag ?? '').toLowerCase().split(/[-_]/)[0]) ? 'rtl' : 'ltr';
}
