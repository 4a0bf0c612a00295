import { msg, str } from '@lit/localize';
import type { GlossaryEntry } from '../../../sdk/schemas/glossary.js';
import { formatList } from '../../../localization/list-format.js';
import { languageTag } from '../../../sdk/schemas/text.js';
import { ExchangeRefusal, type ImportRow, type ParsedFile } from './import-plan.js';

const FIXED = ['id', 'category', 'tags', 'phase'];
const PER_LANGUAGE = ['term', 'definition', 'example', 'aliases'];
/**
 * A cell a spreadsheet would run as a formula (or one hiding it behind a tab or CR) gets a `'`.
 * `'*` also catches a value that itself starts with `'` before such a character, so the import can
 * strip exactly one `'` and every value round-trips.
 */
const FORMULA = /^'*[=+\-@\t\r]/;
const LANG = languageTag();

type Translation = Record<string, string | string[]>;

/** The space's languages first, then any other language an entry has (so nothing is dropped). */
export function languagesOf(entries: readonly GlossaryEntry[], preferred: readonly string[]): string[] {
  const all = new Set(preferred);
  for (const entry of entries) for (const lang of Object.keys(entry.translations)) all.add(lang);
  return [...all];
}

/** Decodes strictly: a Windows-1252 file would otherwise import with garbled letters. */
export function decodeUtf8(bytes: ArrayBuffer): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new ExchangeRefusal(
      msg('This file is not UTF-8. In Excel choose ‘CSV UTF-8’ when saving. Nothing was imported.', {
        id: 'glossary-exchange.not-utf8',
      }),
    );
  }
}

/**
 * Lists (tags, aliases) are joined with `; `. A `;` inside one item is written `\;`, and a `\` as `\\`:
 * readable in a spreadsheet, and unambiguous to read back. Items are trimmed.
 */
const joinList = (items: readonly string[] | undefined) => items?.map((item) => item.replace(/[\\;]/g, '\\$&')).join('; ');
const splitList = (cell: string) =>
  (cell.match(/(?:\\[\\;]|[^;])+/g) ?? []).map((item) => item.replace(/\\([\\;])/g, '$1').trim()).filter(Boolean);

const quote = (cell: string) => (/[",;\r\n]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell);

/** RFC 4180 with a BOM and CRLF, the form Excel opens as UTF-8. */
export function writeGlossaryCsv(entries: readonly GlossaryEntry[], languages: readonly string[] = []): string {
  const langs = languagesOf(entries, languages);
  const lines: (string | undefined)[][] = [[...FIXED, ...langs.flatMap((lang) => PER_LANGUAGE.map((field) => `${field}:${lang}`))]];
  for (const entry of entries) {
    const translations = entry.translations as Record<string, Translation | undefined>;
    lines.push([
      entry.id,
      entry.category,
      joinList(entry.tags),
      entry.phase,
      ...langs.flatMap((lang) =>
        PER_LANGUAGE.map((field) => {
          const value = translations[lang]?.[field];
          return Array.isArray(value) ? joinList(value) : value;
        }),
      ),
    ]);
  }
  const cell = (value = '') => quote(FORMULA.test(value) ? `'${value}` : value);
  return `\uFEFF${lines.map((cells) => cells.map(cell).join(',')).join('\r\n')}\r\n`;
}

/** RFC 4180 records; lenient about a stray quote inside an unquoted cell. */
export function parseCsv(text: string, delimiter: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c !== '"') cell += c;
      else if (text[i + 1] === '"') cell += text[i++];
      else quoted = false;
    } else if (c === '"' && !cell) quoted = true;
    else if (c === delimiter) {
      row.push(cell);
      cell = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      rows.push([...row, cell]);
      row = [];
      cell = '';
    } else cell += c;
  }
  // A quote never closed would swallow the rest of the file into one cell: refuse it instead.
  if (quoted) {
    throw new ExchangeRefusal(
      msg(str`A quote (") opened in row ${rows.length + 1} is never closed, so the rest of the file cannot be read. Nothing was imported.`, { id: 'glossary-exchange.open-quote' }),
    );
  }
  if (cell || row.length) rows.push([...row, cell]);
  return rows;
}

/**
 * Reads a glossary CSV: comma or semicolon (European Excel) delimited, detected on the header line;
 * with or without BOM. Refuses a file that is not UTF-8 or lacks a `term:<lang>` column.
 */
export function parseGlossaryCsv(bytes: ArrayBuffer | string): ParsedFile {
  const text = typeof bytes === 'string' ? bytes.replace(/^\uFEFF/, '') : decodeUtf8(bytes);
  const firstLine = text.slice(0, text.search(/[\r\n]|$/));
  const delimiter = firstLine.split(';').length > firstLine.split(',').length ? ';' : ',';
  const [header = [], ...records] = parseCsv(text, delimiter);
  const names = header.map((name) => name.trim());
  const ignored: string[] = [];
  const languages = new Set<string>();
  const withTerm = new Set<string>();
  // A column is a fixed field name, a [field, lang] pair, or ignored (undefined).
  const columns = names.map((name) => {
    const lower = name.toLowerCase();
    if (FIXED.includes(lower)) return lower;
    const [, field = '', lang = ''] = /^([a-z]+):(.+)$/.exec(lower) ?? [];
    if (PER_LANGUAGE.includes(field) && LANG.safeParse(lang).success) {
      const code = name.slice(field.length + 1);
      languages.add(code);
      if (field === 'term') withTerm.add(code);
      return [field, code];
    }
    if (name) ignored.push(name);
    return undefined;
  });
  const missing = withTerm.size ? [...languages].filter((lang) => !withTerm.has(lang)).map((lang) => `term:${lang}`) : ['term:<lang>'];
  if (missing.length) {
    const [need, found] = [formatList(missing), formatList(names.filter(Boolean)) || '—'];
    // One line: the localization test finds `msg(…, { id })` only when `)` follows the options.
    const message = msg(str`Missing column: ${need}. Found: ${found}. Expected: id, category, tags, phase, term:<lang>, definition:<lang>, example:<lang>, aliases:<lang> (term:en, term:es…). Nothing was imported.`, { id: 'glossary-exchange.missing-columns' });
    throw new ExchangeRefusal(message);
  }
  const rows: ImportRow[] = [];
  records.forEach((cells, index) => {
    if (cells.every((cell) => !cell.trim())) return; // blank lines a spreadsheet leaves at the end
    const fields: Record<string, unknown> = {};
    const translations: Record<string, Translation> = {};
    columns.forEach((column, i) => {
      const raw = cells[i] ?? '';
      const value = /^'+[=+\-@\t\r]/.test(raw) ? raw.slice(1) : raw;
      if (!column || !value) return;
      if (typeof column === 'string') fields[column] = column === 'tags' ? splitList(value) : value;
      else (translations[column[1]] ??= { term: '' })[column[0]] = column[0] === 'aliases' ? splitList(value) : value;
    });
    rows.push({ row: index + 2, fields: { ...fields, translations } });
  });
  return { rows, ignored };
}
