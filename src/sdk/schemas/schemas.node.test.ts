import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { checkRecord, describeIssues } from '../store/validate-record.js';
import { boardPostSchema } from './board.js';
import { builtInCollections } from './collections.js';
import { commentSchema, reactionSchema } from './feedback.js';
import { envelopeSchema } from './envelope.js';
import { glossaryEntrySchema } from './glossary.js';
import { journalEntrySchema } from './journal.js';
import { LIMITS } from './limits.js';
import { phaseSchema } from './phase.js';
import { isSafeUrl } from './text.js';

const envelope = (collection: string) => ({
  id: 'rec-1',
  space: 'space-1',
  collection,
  rev: '1-abc123',
  schemaVersion: 1,
  createdAt: '2026-03-01T10:00:00.000Z',
  updatedAt: '2026-03-01T10:00:00.000Z',
  author: { id: 'u1', name: 'Ana', school: 'IES Cervantes' },
  status: 'published',
  phase: 'preparation',
});

const validGlossary = () => ({
  ...envelope('glossary'),
  translations: {
    en: { term: 'Tide', definition: 'The rise and fall of the sea.', aliases: ['tides'] },
    es: { term: 'Marea', example: 'La marea sube.' },
    'pt-BR': { term: 'Maré' },
  },
  category: 'Nature',
  tags: ['sea'],
});
const validBoard = () => ({
  ...envelope('board'),
  kind: 'link',
  section: 'links',
  position: 'a0',
  title: 'Our town',
  url: 'https://example.org/town',
  pinned: true,
  color: 'light-blue',
});
const validJournal = () => ({
  ...envelope('journal'),
  date: '2026-05-04',
  title: 'Day one in Porto',
  body: 'We visited the river.\nIt was windy.',
  language: 'en',
  visibility: 'space',
  answers: { 'what-did-you-learn': 'Some Portuguese words.' },
  rating: 5,
});
const validPhase = () => ({
  ...envelope('phase'),
  name: 'Mobility',
  order: 2,
  startsOn: '2026-05-03',
  endsOn: '2026-05-10',
  description: 'A week in Porto.',
});

type Schema = { safeParse(value: unknown): { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } } };

/** Issues of a parse as `path: message`, or [] when it succeeds. */
function issuesOf(schema: Schema, value: unknown): { path: string; message: string }[] {
  const parsed = schema.safeParse(value);
  return parsed.success ? [] : parsed.error!.issues.map((issue) => ({ path: issue.path.map(String).join('.'), message: issue.message }));
}

function assertRefused(schema: Schema, value: unknown, path: string, message?: RegExp) {
  const issues = issuesOf(schema, value);
  assert.ok(issues.length > 0, `expected ${path} to be refused, but the record was accepted`);
  const issue = issues.find((candidate) => candidate.path === path);
  assert.ok(issue, `expected an issue at ${path}, got ${JSON.stringify(issues)}`);
  if (message) assert.match(issue.message, message);
}

describe('schemas: envelope', () => {
  it('accepts a full envelope, with or without phase and school, and with a time offset', () => {
    assert.deepEqual(issuesOf(envelopeSchema, envelope('x')), []);
    const { phase: _phase, ...noPhase } = envelope('x');
    assert.deepEqual(issuesOf(envelopeSchema, { ...noPhase, author: { id: 'u1', name: 'Ana' } }), []);
    assert.deepEqual(issuesOf(envelopeSchema, { ...envelope('x'), updatedAt: '2026-03-01T12:00:00+02:00' }), []);
  });

  it('refuses a bad revision, status, schema version, time, or author', () => {
    assertRefused(envelopeSchema, { ...envelope('x'), rev: 'abc' }, 'rev', /revision/);
    assertRefused(envelopeSchema, { ...envelope('x'), status: 'draft' }, 'status');
    assertRefused(envelopeSchema, { ...envelope('x'), schemaVersion: 0 }, 'schemaVersion');
    assertRefused(envelopeSchema, { ...envelope('x'), schemaVersion: 1.5 }, 'schemaVersion');
    assertRefused(envelopeSchema, { ...envelope('x'), createdAt: 'yesterday' }, 'createdAt');
    assertRefused(envelopeSchema, { ...envelope('x'), id: '' }, 'id', /must not be empty/);
    assertRefused(envelopeSchema, { ...envelope('x'), id: 'x'.repeat(LIMITS.id + 1) }, 'id', /too long/);
    assertRefused(envelopeSchema, { ...envelope('x'), author: { id: 'u1', name: '' } }, 'author.name', /must not be empty/);
    assertRefused(envelopeSchema, { ...envelope('x'), author: { name: 'Ana' } }, 'author.id');
  });

  it('keeps unknown fields (written by a newer version) at every level', () => {
    const parsed = envelopeSchema.parse({ ...envelope('x'), future: { a: 1 }, author: { id: 'u1', name: 'Ana', avatar: 'cat' } });
    assert.deepEqual(parsed.future, { a: 1 });
    assert.equal((parsed.author as Record<string, unknown>).avatar, 'cat');
  });
});

describe('schemas: glossary', () => {
  it('accepts a valid multilingual entry and keeps unknown fields', () => {
    const entry = { ...validGlossary(), futureField: 'kept' };
    entry.translations.en = { ...entry.translations.en, pronunciation: 'taɪd' } as typeof entry.translations.en;
    const parsed = glossaryEntrySchema.safeParse(entry);
    assert.ok(parsed.success, JSON.stringify(parsed.error?.issues));
    assert.equal(parsed.data.futureField, 'kept');
    assert.equal((parsed.data.translations.en as Record<string, unknown>).pronunciation, 'taɪd');
  });

  it('refuses an empty term, a missing term, and no languages at all', () => {
    assertRefused(glossaryEntrySchema, { ...validGlossary(), translations: { en: { term: '' } } }, 'translations.en.term', /must not be empty/);
    assertRefused(glossaryEntrySchema, { ...validGlossary(), translations: { en: { definition: 'no term' } } }, 'translations.en.term');
    assertRefused(glossaryEntrySchema, { ...validGlossary(), translations: {} }, 'translations', /at least one language/);
    const { translations: _t, ...noTranslations } = validGlossary();
    assertRefused(glossaryEntrySchema, noTranslations, 'translations');
  });

  it('refuses a language code such as "english!" with a readable message', () => {
    assertRefused(glossaryEntrySchema, { ...validGlossary(), translations: { 'english!': { term: 'Tide' } } }, 'translations.english!');
    // What a teacher reads (the store reports issues through checkRecord/describeIssues).
    const checked = checkRecord(
      { ...validGlossary(), translations: { 'english!': { term: 'Tide' } } },
      builtInCollections.glossary,
    );
    assert.equal(checked.ok, false);
    if (!checked.ok) assert.match(describeIssues(checked.issues), /translations\.english! must be a language code/);
  });

  it('refuses text over the limits and control characters', () => {
    const long = 'x'.repeat(LIMITS.shortText + 1);
    assertRefused(glossaryEntrySchema, { ...validGlossary(), translations: { en: { term: long } } }, 'translations.en.term', /at most 300 characters/);
    assert.deepEqual(issuesOf(glossaryEntrySchema, { ...validGlossary(), translations: { en: { term: 'x'.repeat(LIMITS.shortText) } } }), []);
    assertRefused(
      glossaryEntrySchema,
      { ...validGlossary(), translations: { en: { term: 'Tide', definition: 'x'.repeat(LIMITS.longText + 1) } } },
      'translations.en.definition',
      /at most 20,000 characters/,
    );
    assertRefused(glossaryEntrySchema, { ...validGlossary(), translations: { en: { term: 'Ti\u0007de' } } }, 'translations.en.term', /control characters/);
    // Tabs and newlines are ordinary text.
    assert.deepEqual(issuesOf(glossaryEntrySchema, { ...validGlossary(), translations: { en: { term: 'Tide', definition: 'a\tb\r\nc' } } }), []);
    assertRefused(glossaryEntrySchema, { ...validGlossary(), tags: Array.from({ length: LIMITS.tags + 1 }, (_, i) => `t${i}`) }, 'tags');
  });
});

describe('schemas: board', () => {
  it('accepts a valid post of each kind', () => {
    assert.deepEqual(issuesOf(boardPostSchema, validBoard()), []);
    for (const kind of ['text', 'link', 'image', 'video', 'file']) {
      assert.deepEqual(issuesOf(boardPostSchema, { ...validBoard(), kind }), [], kind);
    }
    assert.deepEqual(issuesOf(boardPostSchema, { ...validBoard(), url: 'mailto:teacher@example.org' }), []);
    assert.deepEqual(issuesOf(boardPostSchema, { ...validBoard(), url: 'http://example.org' }), []);
  });

  it('refuses data:, javascript: and other non-http links', () => {
    assertRefused(boardPostSchema, { ...validBoard(), url: 'data:text/html,<script>alert(1)</script>' }, 'url', /http\(s\) or mailto/);
    assertRefused(boardPostSchema, { ...validBoard(), url: 'javascript:alert(1)' }, 'url', /http\(s\) or mailto/);
    assertRefused(boardPostSchema, { ...validBoard(), url: ' JavaScript:alert(1)' }, 'url');
    assertRefused(boardPostSchema, { ...validBoard(), url: 'ftp://example.org/file' }, 'url');
    assertRefused(boardPostSchema, { ...validBoard(), url: 'not a url' }, 'url');
    assertRefused(boardPostSchema, { ...validBoard(), url: `https://example.org/${'a'.repeat(LIMITS.url)}` }, 'url', /too long/);
  });

  it('refuses an unknown kind, an empty section or position, and a colour that is not a label name', () => {
    assertRefused(boardPostSchema, { ...validBoard(), kind: 'poll' }, 'kind');
    assertRefused(boardPostSchema, { ...validBoard(), section: '' }, 'section', /must not be empty/);
    assertRefused(boardPostSchema, { ...validBoard(), position: '' }, 'position');
    assertRefused(boardPostSchema, { ...validBoard(), color: 'red; background: url(x)' }, 'color', /colour label/);
    assertRefused(boardPostSchema, { ...validBoard(), pinned: 'yes' }, 'pinned');
  });
});

describe('schemas: journal', () => {
  it('accepts a valid entry, with ratings 1 to 5', () => {
    assert.deepEqual(issuesOf(journalEntrySchema, validJournal()), []);
    for (const rating of [1, 2, 3, 4, 5]) assert.deepEqual(issuesOf(journalEntrySchema, { ...validJournal(), rating }), [], `rating ${rating}`);
    const { rating: _r, body: _b, answers: _a, language: _l, ...minimal } = validJournal();
    assert.deepEqual(issuesOf(journalEntrySchema, minimal), []);
  });

  it('refuses a rating of 6, 0 or 2.5', () => {
    assertRefused(journalEntrySchema, { ...validJournal(), rating: 6 }, 'rating', /1 to 5/);
    assertRefused(journalEntrySchema, { ...validJournal(), rating: 0 }, 'rating', /1 to 5/);
    assertRefused(journalEntrySchema, { ...validJournal(), rating: 2.5 }, 'rating');
  });

  it('refuses a bad date, an empty title, an unknown visibility and a bad language code', () => {
    assertRefused(journalEntrySchema, { ...validJournal(), date: '04/05/2026' }, 'date', /date like/);
    assertRefused(journalEntrySchema, { ...validJournal(), date: '2026-02-30' }, 'date', /not a real date/);
    assertRefused(journalEntrySchema, { ...validJournal(), date: '2026-13-01' }, 'date', /not a real date/);
    assert.deepEqual(issuesOf(journalEntrySchema, { ...validJournal(), date: '2028-02-29' }), [], 'a leap day');
    assert.deepEqual(issuesOf(journalEntrySchema, { ...validJournal(), date: '04/05/2026' }).length, 1, 'one issue for a wrong format');
    assertRefused(journalEntrySchema, { ...validJournal(), title: '' }, 'title', /must not be empty/);
    assertRefused(journalEntrySchema, { ...validJournal(), visibility: 'public' }, 'visibility');
    assertRefused(journalEntrySchema, { ...validJournal(), language: 'english!' }, 'language', /language code/);
    assertRefused(journalEntrySchema, { ...validJournal(), answers: { q1: 'x'.repeat(LIMITS.longText + 1) } }, 'answers.q1', /too long/);
  });
});

describe('schemas: phase', () => {
  it('accepts a valid phase, a one-day phase, and a phase without dates', () => {
    assert.deepEqual(issuesOf(phaseSchema, validPhase()), []);
    assert.deepEqual(issuesOf(phaseSchema, { ...validPhase(), endsOn: '2026-05-03' }), []);
    const { startsOn: _s, endsOn: _e, ...undated } = validPhase();
    assert.deepEqual(issuesOf(phaseSchema, undated), []);
    assert.deepEqual(issuesOf(phaseSchema, { ...undated, endsOn: '2026-01-01' }), []);
  });

  it('refuses a phase that ends before it starts', () => {
    assertRefused(phaseSchema, { ...validPhase(), startsOn: '2026-05-10', endsOn: '2026-05-03' }, 'endsOn', /ends before it starts/);
    assertRefused(phaseSchema, { ...validPhase(), startsOn: '2026-01-01', endsOn: '2025-12-31' }, 'endsOn', /ends before it starts/);
  });

  it('refuses an empty name, a missing order and a bad date', () => {
    assertRefused(phaseSchema, { ...validPhase(), name: '' }, 'name', /must not be empty/);
    const { order: _o, ...noOrder } = validPhase();
    assertRefused(phaseSchema, noOrder, 'order');
    assertRefused(phaseSchema, { ...validPhase(), order: Number.NaN }, 'order');
    assertRefused(phaseSchema, { ...validPhase(), startsOn: 'May 3rd' }, 'startsOn', /date like/);
    assertRefused(phaseSchema, { ...validPhase(), endsOn: '2026-05-32' }, 'endsOn', /not a real date/);
  });
});

describe('schemas: built-in collections', () => {
  it('registers glossary (with its comments and reactions), board, journal and phase at version 1 with their schemas', () => {
    assert.deepEqual(Object.keys(builtInCollections).sort(), ['board', 'glossary', 'glossary-comment', 'glossary-reaction', 'journal', 'phase']);
    assert.equal(builtInCollections['glossary-comment'].schema, commentSchema);
    assert.equal(builtInCollections['glossary-reaction'].schema, reactionSchema);
    assert.equal(builtInCollections.glossary.schema, glossaryEntrySchema);
    assert.equal(builtInCollections.board.schema, boardPostSchema);
    assert.equal(builtInCollections.journal.schema, journalEntrySchema);
    assert.equal(builtInCollections.phase.schema, phaseSchema);
    for (const [name, definition] of Object.entries(builtInCollections)) {
      assert.equal(definition.name, name);
      assert.equal(definition.version, 1);
    }
  });

  it('each collection refuses a record with no envelope', () => {
    for (const [name, definition] of Object.entries(builtInCollections)) {
      const valid = {
        glossary: validGlossary,
        board: validBoard,
        journal: validJournal,
        phase: validPhase,
        'glossary-comment': () => ({ ...envelope('glossary-comment'), target: 'rec-9', body: 'Nice word!' }),
        'glossary-reaction': () => ({ ...envelope('glossary-reaction'), target: 'rec-9', kind: 'helpful' }),
      }[name]!();
      assert.equal(definition.schema.safeParse(valid).success, true, `${name} valid`);
      const { author: _a, ...noAuthor } = valid;
      assert.equal(definition.schema.safeParse(noAuthor).success, false, `${name} without author`);
    }
  });
});

describe('isSafeUrl', () => {
  it('allows only http, https and mailto', () => {
    assert.equal(isSafeUrl('https://example.org'), true);
    assert.equal(isSafeUrl('HTTP://EXAMPLE.ORG'), true);
    assert.equal(isSafeUrl('mailto:a@example.org'), true);
    for (const bad of ['javascript:alert(1)', 'data:image/png;base64,AAAA', 'vbscript:x', 'file:///etc/passwd', '//example.org', '/relative', '']) {
      assert.equal(isSafeUrl(bad), false, bad);
    }
  });
});

describe('plain text fields', () => {
  it('treats a blank term (only spaces) as empty', async () => {
    const { glossaryTranslationSchema } = await import('./glossary.js');
    const result = glossaryTranslationSchema.safeParse({ term: '   ' });
    assert.equal(result.success, false);
    assert.match(result.error!.issues[0].message, /must not be empty/);
  });
});
