const formats = new Map<string, Intl.NumberFormat[]>();

/** "2.4 MB", "830 kB", in the reader's language (formatters kept per language: a board shows many). */
export function fileSize(bytes: number, lang: string): string {
  let pair = formats.get(lang);
  if (!pair) {
    pair = ['kilobyte', 'megabyte'].map((unit) => new Intl.NumberFormat(lang, { style: 'unit', unit, maximumFractionDigits: 1 }));
    formats.set(lang, pair);
  }
  return bytes >= 1_000_000 ? pair[1].format(bytes / 1_000_000) : pair[0].format(Math.max(1, Math.round(bytes / 1000)));
}
