import { uiLocale } from './localization.js';

const KB = 1024;
const MB = 1024 * 1024;
const formats = new Map<string, { kilobytes: Intl.NumberFormat; megabytes: Intl.NumberFormat }>();

/** One pair of formatters per language: making one costs far more than using it (a board lists many files). */
function unitFormats(lang: string) {
  let pair = formats.get(lang);
  if (!pair) {
    const unit = (name: string, digits: number) => new Intl.NumberFormat(lang, { style: 'unit', unit: name, unitDisplay: 'short', maximumFractionDigits: digits });
    formats.set(lang, (pair = { kilobytes: unit('kilobyte', 0), megabytes: unit('megabyte', 1) }));
  }
  return pair;
}

/**
 * A file size as the language writes it, number and unit together: "2.4 MB", "2,4 Mt", "2,4 Mo",
 * "811 кБ". Counted in binary megabytes (1024 × 1024), as every upload limit is set, so a 25 MB
 * limit reads "25 MB". Messages take the result as a placeholder and never write a unit themselves.
 */
export function formatFileSize(bytes: number, lang: string = uiLocale()): string {
  let formats: ReturnType<typeof unitFormats>;
  try {
    formats = unitFormats(lang);
  } catch {
    // A document language Intl does not know (a typo in lang=): English figures beat a broken export.
    formats = unitFormats('en');
  }
  return bytes >= MB ? formats.megabytes.format(bytes / MB) : formats.kilobytes.format(Math.max(1, Math.round(bytes / KB)));
}
