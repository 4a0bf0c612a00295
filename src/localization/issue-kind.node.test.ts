import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { TwinValidationError, ValidationIssue } from '../sdk/errors.js';
import { builtInCollections } from '../sdk/schemas/collections.js';
import { ratingId } from '../sdk/schemas/goal-rating.js';
import { checkRecord } from '../sdk/store/validate-record.js';
import { rejectsWith, storeWorld } from '../test-support/store-world.js';
import { issueKind, issueKindFromWording, type IssueKind } from './issue-kind.js';

const envelope = (collection: string) => ({
  id: 'rec-1',
  space: 'space-1',
  collection,
  rev: '1-abc123',
  schemaVersion: builtInCollections[collection].version,
  createdAt: '2026-03-01T10:00:00.000Z',
  updatedAt: '2026-03-01T10:00:00.000Z',
  author: { id: 'u1', name: 'Ana', school: 'IES Cervantes' },
  status: 'published',
});

/**
 * Every issue the SDK raises for a built-in check says its kind itself, and says what the reading
 * of its wording (the fallback for integrators' schemas) would: the two can never drift apart.
 */
function assertKindAtSource(issues: ValidationIssue[]): void {
  for (const issue of issues) {
    const said = `${issue.path}: ${issue.message}`;
    assert.ok(issue.kind, `${said} comes without a kind`);
    assert.deepEqual({ kind: issue.kind, numbers: issue.numbers ?? [] }, issueKindFromWording(issue), `${said}: its kind is not what its wording says`);
  }
}

function firstIssue(collection: string, fields: Record<string, unknown>): ValidationIssue {
  const checked = checkRecord({ ...envelope(collection), ...fields }, builtInCollections[collection]);
  assert.ok(!checked.ok, `${collection} ${JSON.stringify(fields).slice(0, 80)} should be refused`);
  assertKindAtSource(checked.issues);
  return checked.issues[0];
}

const refusal = async (promise: Promise<unknown>): Promise<ValidationIssue> => {
  const { issues } = await rejectsWith<TwinValidationError>(promise, 'validation');
  assertKindAtSource(issues);
  return issues[0];
};

const phase = { name: 'Fieldwork', order: 1 };
const journal = { date: '2027-03-10', title: 'Day 3', visibility: 'school' };
const post = { kind: 'text', section: 's1', position: 'a0', title: 'Harbour' };

// The SDK's own refusals, not copies of its wording: a change of wording there fails here.
describe('issueKind: what a refused field needs, from the SDK’s own checks', () => {
  const cases: [string, string, Record<string, unknown>, IssueKind][] = [
    ['blank name', 'phase', { ...phase, name: '  ' }, { kind: 'empty', numbers: [] }],
    ['missing name', 'phase', { order: 1 }, { kind: 'empty', numbers: [] }],
    ['long name', 'phase', { ...phase, name: 'x'.repeat(301) }, { kind: 'too-long', numbers: [300] }],
    ['long description', 'phase', { ...phase, description: 'x'.repeat(20_001) }, { kind: 'too-long', numbers: [20_000] }],
    ['control characters', 'phase', { ...phase, name: 'a\u0001b' }, { kind: 'control-characters', numbers: [] }],
    ['no such day', 'phase', { ...phase, startsOn: '2027-02-30' }, { kind: 'date', numbers: [] }],
    ['not a date', 'phase', { ...phase, startsOn: '30/02/2027' }, { kind: 'date', numbers: [] }],
    ['dates reversed', 'phase', { ...phase, startsOn: '2027-03-10', endsOn: '2027-03-01' }, { kind: 'ends-before-start', numbers: [] }],
    ['confidence 9', 'journal', { ...journal, confidence: 9 }, { kind: 'number-range', numbers: [1, 5] }],
    ['seven files', 'journal', { ...journal, media: Array.from({ length: 7 }, () => ({ attachment: 'a', kind: 'audio' })) }, { kind: 'too-many', numbers: [6] }],
    ['a picture undescribed', 'journal', { ...journal, media: [{ attachment: 'a', kind: 'image' }] }, { kind: 'alt-text', numbers: [] }],
    ['a language in words', 'journal', { ...journal, language: 'español' }, { kind: 'language', numbers: [] }],
    ['a visibility unknown', 'journal', { ...journal, visibility: 'friends' }, { kind: 'choice', numbers: [] }],
    ['a script in the text', 'journal', { ...journal, body: '<p onclick="x()">Hi</p>' }, { kind: 'unsafe-markup', numbers: [] }],
    ['a javascript link', 'board', { ...post, kind: 'link', url: 'javascript:alert(1)' }, { kind: 'link', numbers: [] }],
    ['a link without address', 'board', { ...post, kind: 'link' }, { kind: 'link-needed', numbers: [] }],
    ['an image without picture', 'board', { ...post, kind: 'image', alt: 'Pier' }, { kind: 'attachment-needed', numbers: [] }],
    ['a file post without file', 'board', { ...post, kind: 'file' }, { kind: 'attachment-needed', numbers: [] }],
    ['an empty text post', 'board', { ...post, title: undefined }, { kind: 'empty', numbers: [] }],
    ['a colour unknown', 'board', { ...post, color: 'gold' }, { kind: 'choice', numbers: [] }],
    ['a note not on Monday', 'journal-note', { pupil: 'p1', week: '2027-03-10', body: 'Good week' }, { kind: 'monday', numbers: [] }],
    ['prompts with no time', 'journal-prompt', { title: 'Week 1', prompts: [{ id: 'p1', text: 'Why?' }], schedule: {}, order: 1 }, { kind: 'week-or-phase', numbers: [] }],
    ['feedback on nothing', 'journal-feedback', { target: '', kind: 'comment', text: 'Nice' }, { kind: 'removed', numbers: [] }],
    ['confidence 2.5', 'journal', { ...journal, confidence: 2.5 }, { kind: 'number-range', numbers: [1, 5] }],
    ['a rating of 0', 'goal-rating', { id: ratingId('g1', 'before', 'u1'), goal: 'g1', moment: 'before', value: 0 }, { kind: 'number-range', numbers: [1, 5] }],
    ['a missing visibility', 'journal', { ...journal, visibility: undefined }, { kind: 'choice', numbers: [] }],
    ['a glossary entry in no language', 'glossary', { translations: {} }, { kind: 'empty', numbers: [] }],
    ['a translation in an unknown language', 'glossary', { translations: { 'español!': { term: 'Puerto' } } }, { kind: 'language', numbers: [] }],
    ['too many aliases', 'glossary', { translations: { es: { term: 'Puerto', aliases: Array.from({ length: 31 }, (_, i) => `p${i}`) } } }, { kind: 'too-many', numbers: [30] }],
    ['a blank alias', 'glossary', { translations: { es: { term: 'Puerto', aliases: [' '] } } }, { kind: 'empty', numbers: [] }],
    ['a reaction to nothing', 'board-reaction', { target: '', kind: 'like' }, { kind: 'removed', numbers: [] }],
    ['a comment on nothing', 'glossary-comment', { target: '', body: 'Nice' }, { kind: 'removed', numbers: [] }],
    ['a long link', 'board', { ...post, kind: 'link', url: `https://example.org/${'x'.repeat(2_048)}` }, { kind: 'too-long', numbers: [2_048] }],
    ['a schedule reversed', 'journal-prompt', { title: 'Week 1', prompts: [{ id: 'p1', text: 'Why?' }], schedule: { from: '2027-03-15', to: '2027-03-08' }, order: 1 }, { kind: 'ends-before-start', numbers: [] }],
    ['prompts none', 'journal-prompt', { title: 'Week 1', prompts: [], schedule: { from: '2027-03-15' }, order: 1 }, { kind: 'empty', numbers: [] }],
  ];
  for (const [what, collection, fields, expected] of cases) {
    it(`${what} (${collection})`, () => {
      const issue = firstIssue(collection, fields);
      assert.deepEqual(issueKind(issue), expected, `${issue.path}: ${issue.message}`);
    });
  }

  it('reads the store’s own refusals: a removed phase, a file too large or of another kind', async (t) => {
    const store = storeWorld(t, { space: 'issues', now: '2027-03-10T10:00:00.000Z' }).open({ id: 't1', name: 'Tomás', role: 'teacher' });
    const removed = await refusal(store.create('activity', { title: 'Poster', progress: 'planned', order: 1 }, { phase: 'holidays' }));
    assert.deepEqual(issueKind(removed), { kind: 'removed', numbers: [] }, removed.message);
    const limits = { maxBytes: 1024, types: ['image/png'] };
    const large = await refusal(store.putAttachment(new Blob([new Uint8Array(2048)]), limits));
    assert.deepEqual(issueKind(large), { kind: 'file-too-large', numbers: [1024] }, large.message);
    const other = await refusal(store.putAttachment(new Blob(['<html></html>']), limits));
    assert.deepEqual(issueKind(other), { kind: 'file-type', numbers: [] }, other.message);
  });

  it('reads the store’s refusal of a default phase id too long or empty', (t) => {
    const store = storeWorld(t, { space: 'issues', now: '2027-03-10T10:00:00.000Z' }).open({ id: 't1', name: 'Tomás', role: 'teacher' });
    const refused = (phase: string): ValidationIssue[] => {
      try {
        store.setDefaultPhase(phase);
      } catch (error) {
        return (error as TwinValidationError).issues;
      }
      assert.fail(`the default phase "${phase.slice(0, 20)}" should be refused`);
    };
    assert.deepEqual(issueKind(refused('x'.repeat(129))[0]), { kind: 'too-long', numbers: [128] });
    assert.deepEqual(issueKind(refused('')[0]), { kind: 'empty', numbers: [] });
  });

  it('reads the wording of an issue without a kind (a custom collection’s), and the kind over the wording', () => {
    assert.deepEqual(issueKind({ path: 'motto', message: 'is too long: at most 1,000 characters' }), { kind: 'too-long', numbers: [1000] });
    assert.deepEqual(issueKind({ path: 'motto', message: 'is too long: at most 1,000 characters', kind: 'choice' }), { kind: 'choice', numbers: [] });
  });

  it('leaves alone what no form lets a person cause', () => {
    assert.equal(issueKind({ path: 'id', message: 'is managed by Twinkit' }), undefined);
    assert.equal(issueKind({ path: 'schemaVersion', message: 'has no migration from version 1' }), undefined);
  });
});
