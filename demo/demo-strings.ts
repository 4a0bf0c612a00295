import { matchLocale } from '../src/localization/localization.js';
import { bg } from './strings/bg.js';
import { cs } from './strings/cs.js';
import { da } from './strings/da.js';
import { de } from './strings/de.js';
import { el } from './strings/el.js';
import { en } from './strings/en.js';
import { es } from './strings/es.js';
import { et } from './strings/et.js';
import { fi } from './strings/fi.js';
import { fr } from './strings/fr.js';
import { ga } from './strings/ga.js';
import { hr } from './strings/hr.js';
import { hu } from './strings/hu.js';
import { it } from './strings/it.js';
import { lt } from './strings/lt.js';
import { lv } from './strings/lv.js';
import { mt } from './strings/mt.js';
import { nb } from './strings/nb.js';
import { nl } from './strings/nl.js';
import { pl } from './strings/pl.js';
import { pt } from './strings/pt.js';
import { ro } from './strings/ro.js';
import { sk } from './strings/sk.js';
import { sl } from './strings/sl.js';
import { sv } from './strings/sv.js';
import { tr } from './strings/tr.js';
import { uk } from './strings/uk.js';
import type { DemoKey, DemoStrings } from './strings/en.js';

export type { DemoKey };

/** The demo page's own words in every UI language, one file each in demo/strings (the library's are in src/localization). */
export const DEMO_STRINGS: Readonly<Record<string, DemoStrings>> = { bg, cs, da, de, el, en, es, et, fi, fr, ga, hr, hu, it, lt, lv, mt, nb, nl, pl, pt, ro, sk, sl, sv, tr, uk };

/** A text of the page in the language closest to `lang` (`pt-BR` gives Portuguese), English when there is none. */
export function demoText(key: DemoKey, lang: string): string {
  return (DEMO_STRINGS[matchLocale(lang)] ?? en)[key];
}
