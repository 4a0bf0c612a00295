// The checker must be able to fail: hand-made runs where a write is lost, stored twice or not
// shown, next to the ones where a token is absent on purpose.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { RawRecord } from '../../../adapter.js';
import type { SyncConflict } from '../sync-status.js';
import { checkRun } from './chaos-check.js';
import type { Observed, WriteEntry } from './chaos-log.js';
import { formatReport } from './chaos-report.js';

const record = (id: string, rev: string, translations: Record<string, Record<string, string>>, entry = `e-${id}`): RawRecord =>
  ({ id, rev, space: 's', collection: 'glossary', updatedAt: '2026-01-01T00:00:00.000Z', translations, tags: [entry] }) as RawRecord;

const create = (index: number, id: string, term: string): WriteEntry => ({
  index,
  tab: 'A1',
  device: 'A',
  kind: 'create',
  id,
  ok: true,
  wrote: [
    { path: 'tags', token: `e-${id}` },
    { path: 'translations.en.term', token: term },
  ],
  entry: `e-${id}`,
  at: index,
});
const edit = (index: number, id: string, base: RawRecord, path: string, token: string, ok = true): WriteEntry => ({
  index,
  tab: 'B1',
  device: 'B',
  kind: 'edit',
  id,
  ok,
  base,
  wrote: [{ path, token }],
  at: index,
});

/** Every device and tab shows exactly what the server has. */
const everywhere = (server: RawRecord[], conflicts: SyncConflict[] = []): Observed => ({
  server,
  devices: [
    { name: 'A', local: server, conflicts },
    { name: 'B', local: server, conflicts: [] },
  ],
  tabs: [{ name: 'A1', device: 'A', list: server }],
});

const v1 = record('r1', '1-a', { en: { term: 'tok-create' } });

describe('chaos checker', () => {
  it('passes when every acknowledged token is on the server', () => {
    const v2 = record('r1', '2-b', { en: { term: 'tok-create', definition: 'tok-edit' } });
    assert.deepEqual(checkRun([create(0, 'r1', 'tok-create'), edit(1, 'r1', v1, 'translations.en.definition', 'tok-edit')], everywhere([v2])), []);
  });

  it('finds an acknowledged edit that is nowhere: not on the server, not kept', () => {
    const log = [create(0, 'r1', 'tok-create'), edit(1, 'r1', v1, 'translations.en.definition', 'tok-lost')];
    const findings = checkRun(log, everywhere([v1]));
    assert.equal(findings.length, 1);
    assert.equal(findings[0].kind, 'lost');
    assert.match(findings[0].message, /tok-lost/);
    const report = formatReport({ seed: 42, ops: 2, log, events: [], observed: everywhere([v1]), findings });
    assert.match(report, /seed 42/);
    assert.match(report, /tok-lost: nowhere \(LOST\)/);
  });

  it('ignores a write the store refused (it was never acknowledged)', () => {
    assert.deepEqual(checkRun([create(0, 'r1', 'tok-create'), edit(1, 'r1', v1, 'translations.en.definition', 'tok-refused', false)], everywhere([v1])), []);
  });

  it('accepts a token kept in a losing version on any device', () => {
    const theirs = record('r1', '2-c', { en: { term: 'tok-create', definition: 'tok-winner' } });
    const mine = record('r1', '2-d', { en: { term: 'tok-create', definition: 'tok-loser' } });
    const kept = { space: 's', collection: 'glossary', id: 'r1', key: 'k', mine, theirs, fields: ['translations.en.definition'], kind: 'conflict', message: '', at: '' } as SyncConflict;
    const log = [create(0, 'r1', 'tok-create'), edit(1, 'r1', v1, 'translations.en.definition', 'tok-winner'), edit(2, 'r1', v1, 'translations.en.definition', 'tok-loser')];
    assert.deepEqual(checkRun(log, everywhere([theirs], [kept])), []);
    assert.equal(checkRun(log, everywhere([theirs])).length, 1, 'without the kept version the loser is lost');
  });

  it('accepts a token replaced by a later write that saw it, but not by one that did not', () => {
    const v2 = record('r1', '2-b', { en: { term: 'tok-create', definition: 'tok-first' } });
    const v3 = record('r1', '3-c', { en: { term: 'tok-create', definition: 'tok-second' } });
    const seen = [create(0, 'r1', 'tok-create'), edit(1, 'r1', v1, 'translations.en.definition', 'tok-first'), edit(2, 'r1', v2, 'translations.en.definition', 'tok-second')];
    assert.deepEqual(checkRun(seen, everywhere([v3])), []);
    const blind = [create(0, 'r1', 'tok-create'), edit(1, 'r1', v1, 'translations.en.definition', 'tok-first'), edit(2, 'r1', v1, 'translations.en.definition', 'tok-second')];
    assert.equal(checkRun(blind, everywhere([v3]))[0]?.message.includes('tok-first'), true);
  });

  it('accepts tokens of a record a later acknowledged delete removed, unless the record is still there', () => {
    const log: WriteEntry[] = [create(0, 'r1', 'tok-create'), { index: 1, tab: 'A2', device: 'A', kind: 'delete', id: 'r1', ok: true, base: v1, wrote: [], at: 1 }];
    assert.deepEqual(checkRun(log, everywhere([])), []);
    const afterDelete = [create(0, 'r1', 'tok-create'), log[1], edit(2, 'r1', v1, 'translations.fr.term', 'tok-after')];
    assert.equal(checkRun(afterDelete, everywhere([])).length, 1, 'an edit acknowledged after the delete must survive somewhere');
  });

  it('finds one entry stored twice', () => {
    const twin = { ...v1, id: 'r2' } as RawRecord;
    const findings = checkRun([create(0, 'r1', 'tok-create')], everywhere([v1, twin]));
    assert.deepEqual(findings.map((finding) => finding.kind), ['duplicate']);
  });

  it('finds a device or tab that does not show what the server has', () => {
    const v2 = record('r1', '2-b', { en: { term: 'tok-create', definition: 'x' } });
    const observed = everywhere([v2]);
    observed.devices[1].local = [v1];
    observed.tabs[0].list = [];
    const findings = checkRun([create(0, 'r1', 'tok-create')], observed);
    assert.deepEqual(findings.map((finding) => finding.kind), ['diverged', 'diverged']);
  });
});
