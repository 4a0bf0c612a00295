import { expect } from '@open-wc/testing';
import { createMemoryAdapter } from '../../../sdk/adapters/memory/memory-adapter.js';
import type { GlossaryEntry } from '../../../sdk/schemas/glossary.js';
import { createStore } from '../../../sdk/store/create-store.js';
import { ExchangeRefusal, planImport } from './import-plan.js';
import { parseGlossaryJson, writeGlossaryJson } from './json.js';

const teacher = { id: 't1', name: 'Ms Rossi', role: 'teacher' as const };
const newStore = (space = 'export-space') => createStore({ adapter: createMemoryAdapter(), space, user: teacher });
const list = async (store: ReturnType<typeof newStore>) => (await store.list<GlossaryEntry>('glossary')).records;

/** Content as plain data: what an import must keep. */
const content = ({ phase, category, tags, related, translations }: GlossaryEntry) =>
  JSON.parse(JSON.stringify({ phase, category, tags, related, translations }));

async function seeded() {
  const store = newStore();
  await store.create('glossary', {
    translations: { en: { term: 'harbour', definition: 'A place for ships.', aliases: ['port'] }, es: { term: 'puerto' } },
    category: 'Places',
    tags: ['sea'],
    phase: 'mobility',
  });
  const first = (await list(store))[0];
  await store.create('glossary', {
    translations: { fr: { term: '<b onmouseover=alert(1)>gare</b>', example: 'javascript:alert(1)' } },
    related: [first.id],
  });
  return store;
}

describe('glossary JSON', () => {
  it('writes the documented envelope with whole records', async () => {
    const entries = await list(await seeded());
    const data = JSON.parse(writeGlossaryJson(entries, 'export-space', new Date('2026-03-14T10:00:00Z')));
    expect(data.format).to.equal('twinkit-glossary');
    expect(data.version).to.equal(1);
    expect(data.exportedAt).to.equal('2026-03-14T10:00:00.000Z');
    expect(data.space).to.equal('export-space');
    expect(data.entries.map((entry: GlossaryEntry) => entry.rev)).to.deep.equal(entries.map((entry) => entry.rev));
  });

  it('imports into another store with the same content; importing again finds only duplicates', async () => {
    const entries = await list(await seeded());
    const text = writeGlossaryJson(entries, 'export-space');
    const target = newStore('import-space');
    const plan = planImport(parseGlossaryJson(text).rows, []);
    expect(plan.problems).to.deep.equal([]);
    // The ids are kept, so links between entries (related) still hold after a restore.
    expect(plan.ready.map((draft) => draft.id)).to.deep.equal(entries.map((entry) => entry.id));
    const results = await target.createMany('glossary', plan.ready);
    expect(results.map((result) => result.ok)).to.deep.equal([true, true]);
    const imported = await list(target);
    expect(imported.map((entry) => entry.id).sort()).to.deep.equal(entries.map((entry) => entry.id).sort());
    const byTerm = (entry: GlossaryEntry) => JSON.stringify(entry.translations);
    const sorted = (list: GlossaryEntry[]) => list.map(content).sort((a, b) => byTerm(a).localeCompare(byTerm(b)));
    expect(sorted(imported)).to.deep.equal(sorted(entries));
    // The importing store owns the envelope.
    expect(imported.every((entry) => entry.space === 'import-space' && entry.author.id === 't1')).to.equal(true);

    const again = planImport(parseGlossaryJson(text).rows, imported);
    expect(again.ready.length).to.equal(0);
    expect(again.duplicates.map((row) => row.row)).to.deep.equal([1, 2]);
    // Into the glossary it came from, the ids alone are enough.
    const renamed = parseGlossaryJson(text).rows.map((row) => ({ ...row, fields: { ...row.fields, translations: { en: { term: `renamed ${row.row}` } } } }));
    expect(planImport(renamed, entries).duplicates.length).to.equal(2);
  });

  it('does not publish by a restore what was hidden or waiting for approval in the original', () => {
    const text = JSON.stringify([
      { translations: { en: { term: 'Fine' } }, status: 'published' },
      { translations: { en: { term: 'Bullying remark' } }, status: 'hidden' },
      { translations: { en: { term: 'Not approved' } }, status: 'pending' },
    ]);
    const plan = planImport(parseGlossaryJson(text).rows, []);
    expect(plan.ready.map((draft) => (draft.translations as Record<string, { term: string }>).en?.term)).to.deep.equal(['Fine']);
    expect(plan.problems.map((problem) => problem.row)).to.deep.equal([2, 3]);
    expect(plan.problems[0].message).to.include('hidden');
  });

  it('accepts a bare array of entries, and reports each invalid entry by its position', () => {
    const rows = parseGlossaryJson(JSON.stringify([{ translations: { en: { term: 'ok' } } }, { translations: {} }, 'text', { translations: { 'not a lang': { term: 'x' } } }])).rows;
    const plan = planImport(rows, []);
    expect(plan.ready.length).to.equal(1);
    expect(plan.problems.map((problem) => problem.row)).to.deep.equal([2, 3, 4]);
    // In the UI language (English here), from what the glossary's check refused.
    expect(plan.problems[0]).to.deep.equal({ row: 2, message: 'A required field is empty: fill it in.' });
    expect(plan.problems[1]).to.deep.equal({ row: 3, message: 'This is not a glossary entry.' });
    expect(plan.problems[2].message).to.equal('Choose a language from the list.');
  });

  it('refuses text that is not a Twinkit glossary', () => {
    for (const text of ['{ broken', '{"format":"other","entries":[]}', '"just a string"']) {
      expect(() => parseGlossaryJson(text)).to.throw(ExchangeRefusal, /Not a Twinkit glossary file/);
    }
  });
});
