import { configureLocalization } from '@lit/localize';
import { templates as es } from './locales/es.js';

/** UI languages Twinkit ships. Adding one is a translation file and one line here. */
export const SOURCE_LOCALE = 'en';
const TARGETS = { es } as const;
export const SUPPORTED_LOCALES = [SOURCE_LOCALE, ...Object.keys(TARGETS)] as const;

let controls: ReturnType<typeof configureLocalization> | undefined;

function localization() {
  // Configured on first use, not on import, so importing a class has no side effect.
  controls ??= configureLocalization({
    sourceLocale: SOURCE_LOCALE,
    targetLocales: Object.keys(TARGETS),
    loadLocale: async (locale) => ({ templates: TARGETS[locale as keyof typeof TARGETS] }),
  });
  return controls;
}

/** The supported UI language closest to a BCP 47 tag: `es-MX` gives `es`, `fr` gives `en`. */
export function matchLocale(tag: string | null | undefined): string {
  const base = (tag ?? '').trim().toLowerCase().split(/[-_]/)[0];
  return (SUPPORTED_LOCALES as readonly string[]).includes(base) ? base : SOURCE_LOCALE;
}

/** Switches the UI language of every Twinkit element on the page; resolves when it is ready. */
export async function setUiLocale(tag: string | null | undefined): Promise<void> {
  const locale = matchLocale(tag);
  const { getLocale, setLocale } = localization();
  if (getLocale() !== locale) await setLocale(locale);
}

export function uiLocale(): string {
  return localization().getLocale();
}

const RTL = new Set(['ar', 'he', 'fa', 'ur', 'ps', 'yi', 'dv', 'ckb', 'sd', 'ug']);

/** Text direction of a language, for `dir` when the page did not set it. */
export function directionOf(tag: string | null | undefined): 'ltr' | 'rtl' {
  return RTL.has((tag ?? '').toLowerCase().split(/[-_]/)[0]) ? 'rtl' : 'ltr';
}
