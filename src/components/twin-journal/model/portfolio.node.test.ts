import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { JournalFeedback } from '../../../sdk/schemas/journal-feedback.js';
import type { JournalNote } from '../../../sdk/schemas/journal-note.js';
import type { JournalPrompt } from '../../../sdk/schemas/journal-prompt.js';
import type { JournalEntry } from '../../../sdk/schemas/journal.js';
import { DEFAULT_PORTFOLIO_LABELS, portfolioData, portfolioHtml, portfolioJson, readPortfolio } from './portfolio.js';

const envelope = (collection: string, id: string, author = { id: 'ana', name: 'Ana <3', school: 'IES "Cervantes"' }) => ({
  id,
  space: 'porto',
  collection,
  rev: '1-a',
  schemaVersion: 1,
  createdAt: '2027-01-11T10:00:00.000Z',
  updatedAt: '2027-01-11T10:00:00.000Z',
  author,
  status: 'published' as const,
});
const pupil = { id: 'ana', name: 'Ana <3', school: 'IES "Cervantes"', mobile: true };
const prompts: JournalPrompt[] = [
  { ...envelope('journal-prompt', 'week-1', { id: 't', name: 'Tomás', school: '' }), title: 'Week one', prompts: [{ id: 'q1', text: 'What <surprised> you?' }], schedule: { from: '2027-01-11' }, order: 1 },
];
const entries: JournalEntry[] = [
  {
    ...envelope('journal', 'e2'),
    schemaVersion: 2,
    date: '2027-01-12',
    title: 'Second & last',
    body: '<p>We <strong>sailed</strong>.</p><img src=x onerror=alert(1)><a href="javascript:alert(1)">bad</a>',
    visibility: 'space',
    language: 'pt',
    answers: { q1: 'The <b>wind</b>\nand the boats.' },
    promptSet: 'week-1',
    confidence: 4,
    learned: 'Obrigado <i>means</i> thank you',
    media: [
      { attachment: 'pic-1', kind: 'image', alt: 'The "bridge"' },
      { attachment: 'pic-2', kind: 'image', alt: 'Not in the file' },
      { attachment: 'pic-3', kind: 'image', alt: 'A hostile URL' },
      { attachment: 'snd-1', kind: 'audio' },
    ],
    futureField: { kept: true },
  },
  { ...envelope('journal', 'e1'), schemaVersion: 2, date: '2027-01-11', title: 'First day', visibility: 'private' },
  { ...envelope('journal', 'e0'), schemaVersion: 2, status: 'hidden', date: '2027-01-10', title: 'Hidden by a teacher', visibility: 'space' },
] as JournalEntry[];
const feedback: JournalFeedback[] = [
  { ...envelope('journal-feedback', 'f1', { id: 'bruno', name: 'Bruno', school: 'SP 12' }), target: 'e2', kind: 'wonder', body: 'Was it <cold>?' },
  { ...envelope('journal-feedback', 'f2', { id: 'carla', name: 'Carla', school: 'SP 12' }), status: 'pending', target: 'e2', kind: 'liked', body: 'Waiting for approval' },
];
const notes: JournalNote[] = [{ ...envelope('journal-note', 'n1', { id: 't', name: 'Tomás', school: '' }), pupil: 'ana', body: 'Well done' }];
const PNG = 'data:image/png;base64,iVBORw0KGgo=';

describe('portfolioJson', () => {
  it('is tagged twinkit-portfolio version 1 and keeps every record exactly, unknown fields too', () => {
    const text = portfolioJson({ pupil, entries, feedback, notes, prompts, exportedAt: '2027-02-01T09:00:00.000Z' });
    const data = JSON.parse(text);
    assert.equal(data.format, 'twinkit-portfolio');
    assert.equal(data.version, 1);
    assert.equal(data.exportedAt, '2027-02-01T09:00:00.000Z');
    assert.deepEqual(data.pupil, pupil);
    assert.deepEqual(data.entries, entries);
    assert.deepEqual(data.feedback, feedback);
    assert.deepEqual(data.notes, notes);
    assert.deepEqual(data.prompts, prompts);
    assert.deepEqual(data.entries[0].futureField, { kept: true });
    assert.deepEqual(readPortfolio(text), data, 'reads back');
  });

  it('may be a class portfolio without a pupil, and copies frozen records', () => {
    const frozen = Object.freeze({ ...entries[1] }) as JournalEntry;
    const data = portfolioData({ entries: [frozen], feedback: [], notes: [], prompts: [], exportedAt: 'now' });
    assert.equal('pupil' in data, false);
    assert.notEqual(data.entries[0], frozen);
    data.entries[0].title = 'changed';
    assert.equal(frozen.title, 'First day');
  });

  it('refuses to read what is not a portfolio, saying why', () => {
    assert.throws(() => readPortfolio('nope'), /not a portfolio: it is not JSON/);
    assert.throws(() => readPortfolio('{"format":"other"}'), /its format must be "twinkit-portfolio"/);
    assert.throws(() => readPortfolio('{"format":"twinkit-portfolio","version":2}'), /has version 2; this version of Twinkit reads version 1/);
    assert.throws(() => readPortfolio('{"format":"twinkit-portfolio","version":1,"entries":{}}'), /"entries" must be a list/);
  });
});

describe('portfolioHtml', () => {
  const media = new Map([
    ['pic-1', PNG],
    ['pic-3', 'https://tracker.example/pixel.png'],
  ]);
  const html = portfolioHtml({ title: 'Journal of <Ana>', lang: 'en', pupils: [{ pupil, entries, feedback }], prompts, media });

  it('is a self-contained document: a CSP, inline CSS with print rules, no script, no request', () => {
    assert.match(html, /^<!doctype html><html lang="en">/);
    assert.match(html, /<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">/);
    assert.match(html, /@media print\{/);
    assert.match(html, /section\.pupil\+section\.pupil\{break-before:page\}/);
    assert.doesNotMatch(html, /<script/i);
    assert.doesNotMatch(html, /<link|<iframe|@import|url\(/i);
    assert.doesNotMatch(html, /src="https?:/, 'no remote picture');
    assert.doesNotMatch(html, /tracker\.example/);
  });

  it('escapes every text and keeps only the safe subset of the body', () => {
    assert.match(html, /<title>Journal of &lt;Ana&gt;<\/title>/);
    assert.match(html, /<h2>Ana &lt;3 <span class="school">IES &quot;Cervantes&quot;<\/span><\/h2>/);
    assert.match(html, /<h3>Second &amp; last<\/h3>/);
    assert.match(html, /<div class="body"><p>We <strong>sailed<\/strong>\.<\/p>bad<\/div>/);
    assert.doesNotMatch(html, /onerror|javascript:/i);
    assert.match(html, /<dt>What &lt;surprised&gt; you\?<\/dt><dd>The &lt;b&gt;wind&lt;\/b&gt;<br>and the boats\.<\/dd>/);
    assert.match(html, /<strong>What I learned:<\/strong> Obrigado &lt;i&gt;means&lt;\/i&gt; thank you/);
    assert.match(html, /<strong>Confidence:<\/strong> 4 \/ 5/);
    assert.match(html, /<li><strong>I wonder:<\/strong> Was it &lt;cold&gt;\? <span class="by">by Bruno<\/span><\/li>/);
  });

  it('shows pictures given as data URLs, names the others, and marks the entry\'s language', () => {
    assert.match(html, /<figure><img src="data:image\/png;base64,iVBORw0KGgo=" alt="The &quot;bridge&quot;"><figcaption>The &quot;bridge&quot;<\/figcaption><\/figure>/);
    assert.match(html, /<p class="file">Photo: Not in the file \(not included in this document\)<\/p>/);
    assert.match(html, /<p class="file">Photo: A hostile URL \(not included in this document\)<\/p>/);
    assert.match(html, /<p class="file">Voice note \(not included in this document\)<\/p>/);
    assert.match(html, /<article lang="pt">/);
  });

  it('orders entries by date, leaves out hidden entries and feedback that is not published', () => {
    assert.ok(html.indexOf('First day') < html.indexOf('Second &amp; last'));
    assert.doesNotMatch(html, /Hidden by a teacher/);
    assert.doesNotMatch(html, /Waiting for approval/);
  });

  it('speaks the page\'s language through labels, English by default, and formats dates', () => {
    const es = portfolioHtml({
      title: 'Diario',
      lang: 'es',
      labels: { confidence: 'Confianza', kinds: { ...DEFAULT_PORTFOLIO_LABELS.kinds, wonder: 'Me pregunto' }, noEntries: 'Sin entradas.' },
      pupils: [{ pupil, entries, feedback }, { pupil: { id: 'b', name: 'Bruno' }, entries: [], feedback: [] }],
      prompts,
      formatDate: (day) => day.split('-').reverse().join('/'),
    });
    assert.match(es, /<html lang="es">/);
    assert.match(es, /<strong>Confianza:<\/strong>/);
    assert.match(es, /<strong>Me pregunto:<\/strong>/);
    assert.match(es, /<strong>What I learned:<\/strong>/, 'a label not given is the English default');
    assert.match(es, /<time datetime="2027-01-11">11\/01\/2027<\/time>/);
    assert.match(es, /<h2>Bruno<\/h2>\n<p class="empty">Sin entradas\.<\/p>/);
    assert.equal(es.match(/<section class="pupil">/g)?.length, 2);
  });
});
