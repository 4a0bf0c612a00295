import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { GlossaryEntry } from '../../../sdk/schemas/glossary.js';
import { parseCsv, parseGlossaryCsv, writeGlossaryCsv } from './csv.js';
import { ExchangeRefusal, planImport } from './import-plan.js';
import { storedEnvelope } from '../../../test-support/stored-envelope.js';

const envelope = storedEnvelope;
const entry = (id: string, fields: Partial<GlossaryEntry>): GlossaryEntry => ({ ...envelope, id, translations: {}, ...fields }) as GlossaryEntry;

const harbour = entry('e1', {
  category: 'Places',
  tags: ['sea', 'travel; transport', 'C:\\dir\\'],
  phase: 'mobility',
  translations: {
    en: { term: 'harbour', definition: 'A sheltered place,\r\nwhere "ships" stay.', example: 'The ferry left the harbour.', aliases: ['port', 'haven'] },
    es: { term: 'puerto', definition: 'Lugar abrigado; para barcos.', aliases: ['dársena'] },
  },
});
const formula = entry('e2', {
  category: '=HYPERLINK("http://evil","x")',
  translations: {
    en: { term: '=1+1', definition: '+SUM(A1)', example: '@cmd', aliases: ['-5', "'=already quoted"] },
    it: { term: '\tTabbed', definition: "'plain apostrophe" },
  },
});

/** The content fields of an entry, as an import yields them. */
const content = ({ id, category, tags, phase, translations }: GlossaryEntry) =>
  JSON.parse(JSON.stringify({ id, category, tags, phase, translations })) as Record<string, unknown>;

describe('glossary CSV', () => {
  it('writes UTF-8 with BOM, CRLF, and the documented columns', () => {
    const csv = writeGlossaryCsv([harbour], ['en', 'es']);
    assert.ok(csv.startsWith('\uFEFFid,category,tags,phase,term:en,definition:en,example:en,aliases:en,term:es,'));
    assert.ok(csv.endsWith('\r\n'));
    const [header, row] = parseCsv(csv.slice(1), ',');
    assert.equal(header.length, 12);
    assert.equal(row[2], 'sea; travel\\; transport; C:\\\\dir\\\\');
    assert.equal(row[7], 'port; haven');
  });

  it('adds a column set for a language an entry has beyond the space languages', () => {
    const csv = writeGlossaryCsv([formula], ['en']);
    assert.match(csv, /,term:it,definition:it,example:it,aliases:it\r\n/);
  });

  it('round-trips every field exactly, including lists with ; and \\, quotes and newlines', () => {
    const parsed = parseGlossaryCsv(writeGlossaryCsv([harbour, formula], ['en', 'es', 'it']));
    assert.deepEqual(parsed.ignored, []);
    assert.deepEqual(
      parsed.rows.map((row) => row.row),
      [2, 3],
    );
    assert.deepEqual(parsed.rows[0].fields, content(harbour));
    assert.deepEqual(parsed.rows[1].fields, content(formula));
  });

  it('neutralises formula cells with a leading apostrophe, and strips exactly that on import', () => {
    const csv = writeGlossaryCsv([formula], ['en', 'it']);
    const [, cells] = parseCsv(csv.slice(1), ',');
    assert.equal(cells[1], '\'=HYPERLINK("http://evil","x")');
    assert.equal(cells[4], "'=1+1");
    assert.equal(cells[5], "'+SUM(A1)");
    assert.equal(cells[6], "'@cmd");
    assert.equal(cells[7], "'-5; '=already quoted");
    assert.equal(cells[8], "'\tTabbed");
    assert.equal(cells[9], "'plain apostrophe");
    // No cell a spreadsheet would evaluate.
    assert.ok(parseCsv(csv.slice(1), ',').flat().every((cell) => !/^[=+\-@\t\r]/.test(cell)));
    // A value that itself started with ' before a formula character keeps it.
    const doubled = entry('e3', { translations: { en: { term: "'=x" } } });
    assert.deepEqual(parseGlossaryCsv(writeGlossaryCsv([doubled], ['en'])).rows[0].fields, { id: 'e3', translations: { en: { term: "'=x" } } });
  });

  it('reads semicolon-delimited files (European Excel), without BOM, with quoted newlines', () => {
    const text = 'term:en;definition:en;term:fr;category\r\n"harbour";"line one\nline two";"port; de mer";"Places"\r\n;;;\r\n';
    const parsed = parseGlossaryCsv(text);
    assert.equal(parsed.rows.length, 1);
    assert.deepEqual(parsed.rows[0].fields, {
      category: 'Places',
      translations: { en: { term: 'harbour', definition: 'line one\nline two' }, fr: { term: 'port; de mer' } },
    });
  });

  it('counts rows as a spreadsheet does: the header is row 1, a multi-line cell is one row', () => {
    const text = 'term:en,definition:en\n"a","x\ny"\n"b",\n';
    assert.deepEqual(
      parseGlossaryCsv(text).rows.map((row) => row.row),
      [2, 3],
    );
  });

  it('accepts UTF-8 bytes with a BOM and refuses Windows-1252 bytes', () => {
    const utf8 = new TextEncoder().encode('\uFEFFterm:en,term:fr\ncafé,café\n');
    assert.deepEqual(parseGlossaryCsv(utf8.buffer as ArrayBuffer).rows[0].fields, { translations: { en: { term: 'café' }, fr: { term: 'café' } } });
    const latin1 = new Uint8Array([...new TextEncoder().encode('term:en\ncaf'), 0xe9, 0x0a]);
    assert.throws(() => parseGlossaryCsv(latin1.buffer), (error: Error) => error instanceof ExchangeRefusal && /not UTF-8.*CSV UTF-8/.test(error.message));
  });

  it('refuses a file without term columns, naming what it found and what it expects', () => {
    assert.throws(
      () => parseGlossaryCsv('Word,Meaning\nharbour,a place\n'),
      (error: Error) => error instanceof ExchangeRefusal && /Missing column: term:<lang>/.test(error.message) && /Found: Word and Meaning/.test(error.message) && /definition:<lang>/.test(error.message),
    );
    assert.throws(() => parseGlossaryCsv('term:en,definition:fr\nx,y\n'), /Missing column: term:fr/);
  });

  it('refuses a file with a quote that is never closed, instead of swallowing the rows after it', () => {
    const text = 'term:en,definition:en\r\nTide,ok\r\n"Broken,cell\r\nDune,fine\r\nReef,fine\r\n';
    assert.throws(() => parseGlossaryCsv(text), (error: Error) => error instanceof ExchangeRefusal && /row 3/.test(error.message));
  });

  it('reports unknown columns as ignored', () => {
    const parsed = parseGlossaryCsv('term:en,Notes,term:english\nharbour,check,x\n');
    assert.deepEqual(parsed.ignored, ['Notes', 'term:english']);
    assert.deepEqual(parsed.rows[0].fields, { translations: { en: { term: 'harbour' } } });
  });
});

describe('import plan', () => {
  const rows = parseGlossaryCsv(
    [
      'id,term:en,definition:en,term:es',
      'e1,Harbour,,',
      ',Marée,,',
      `,${'x'.repeat(301)},,`,
      ',bell\u0007,,',
      ',,only a definition,',
      ',<script>alert(1)</script>,<img src=x onerror=alert(1)>,javascript:alert(1)',
      ',maree,,',
      ',,,Puerto',
    ].join('\n'),
  ).rows;
  const existing = [harbour, entry('e9', { translations: { es: { term: 'puerto' } } })];

  it('sorts rows into ready, duplicates and problems, with the file row numbers and schema messages', () => {
    const plan = planImport(rows, existing);
    assert.deepEqual(
      plan.duplicates.map((row) => row.row),
      [2, 8, 9],
    );
    assert.deepEqual(plan.readyRows, [3, 7]);
    // Each problem names the file's column and says what to do, in the UI language (English here).
    assert.deepEqual(plan.problems, [
      { row: 4, column: 'term:en', message: 'This text is too long: at most 300 characters.' },
      { row: 5, column: 'term:en', message: 'This text contains invisible characters (often from copying and pasting): type it again.' },
      { row: 6, column: 'term:en', message: 'A required field is empty: fill it in.' },
    ]);
  });

  it('keeps hostile text as plain text', () => {
    const plan = planImport(rows, existing);
    assert.deepEqual(plan.ready[1], {
      translations: { en: { term: '<script>alert(1)</script>', definition: '<img src=x onerror=alert(1)>' }, es: { term: 'javascript:alert(1)' } },
    });
  });

  it('drops store-owned keys of a backup but keeps id and phase', () => {
    const plan = planImport([{ row: 1, fields: { ...harbour, id: 'new-id', translations: { en: { term: 'quay' } } } }], []);
    assert.deepEqual(Object.keys(plan.ready[0]).sort(), ['category', 'id', 'phase', 'tags', 'translations']);
  });
});
