import { configureLocalization, type LocaleModule } from '@lit/localize';

/**
 * UI languages Twinkit ships. Adding one is a translation file, one line in `localeLoaders` and an
 * export of its dist/twinkit-<locale>.js in package.json (the build says when it is missing).
 */
export const SOURCE_LOCALE = 'en';
/**
 * @internal Exported for a test only. Each language is its own module, fetched the first time a
 * page asks for it: an English page never downloads the translations.
 */
export const localeLoaders: Record<string, () => Promise<LocaleModule>> = {
  es: () => import('./locales/es.js'),
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

/** The supported UI language closest to a BCP 47 tag: `es-MX` gives `es`, `fr` gives `en`. */
export function matchLocale(tag: string | null | undefined): string {
  const base = (tag ?? '').trim().toLowerCase().split(/[-_]/)[0];
  return (SUPPORTED_LOCALES as readonly string[]).includes(base) ? base : SOURCE_LOCALE;
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
