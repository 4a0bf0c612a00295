import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { boardJson, type BoardJsonInput, readBoardJson } from './board-json.js';

const author = { id: 'kasia', name: 'Kasia', school: 'SP 5 Gdynia', mobile: true, pronouns: 'she' };
const envelope = { space: 'gdynia-2027', rev: '2-abc', schemaVersion: 1, createdAt: '2027-03-08T10:00:00.000Z', updatedAt: '2027-03-08T11:00:00+01:00', author, status: 'published' as const };

const input: BoardJsonInput = {
  space: { id: 'gdynia-2027', name: 'Gdynia 2027', futureField: [1, 2] },
  exportedAt: '2027-03-15T09:00:00.000Z',
  settings: { layout: 'columns', moderate: true },
  sections: [{ ...envelope, id: 's1', collection: 'board-section', name: 'Harbour', position: 'V', emoji: '⚓' }],
  posts: [
    {
      ...envelope,
      id: 'p1',
      collection: 'board',
      kind: 'image',
      section: 's1',
      position: 'V1',
      title: 'Pier "at" dawn <b>',
      body: '<p>Hi</p>',
      attachment: 'a1',
      alt: 'The pier',
      file: { name: 'pier.png', type: 'image/png', size: 68, width: 1, height: 1 },
      pinned: true,
      color: 'blue',
      tags: ['Team Blue'],
      phase: 'mobility',
      review: { note: 'ok', by: author, at: '2027-03-08T12:00:00Z' },
      unknownNested: { deep: [{ x: null }] },
    },
  ],
  comments: [{ ...envelope, id: 'c1', collection: 'board-comment', target: 'p1', body: 'Nice\nphoto', status: 'pending' }],
  reactions: [{ ...envelope, id: 'r1', collection: 'board-reaction', target: 'p1', kind: 'clap' }],
  flags: [{ ...envelope, id: 'f1', collection: 'board-flag', target: 'p1', reason: 'wrong section' }],
  attachments: { a1: { type: 'image/png', dataUrl: 'data:image/png;base64,iVBORw0KGgo=' } },
};

describe('boardJson and readBoardJson', () => {
  it('round-trips deep-equal, unknown fields and attachments included', () => {
    const text = boardJson(input);
    assert.match(text, /^\{\n {2}"format": "twinkit-board",\n {2}"version": 1,/, 'pretty, format first');
    const data = readBoardJson(text);
    const { format, version, ...rest } = data;
    assert.equal(format, 'twinkit-board');
    assert.equal(version, 1);
    assert.deepEqual(rest, input);
  });

  it('leaves out settings when there are none', () => {
    const { settings: _settings, ...withoutSettings } = input;
    const data = readBoardJson(boardJson(withoutSettings));
    assert.equal('settings' in data, false);
    assert.deepEqual(data.posts, input.posts);
  });

  it('throws a clear Error for a file of another format or version', () => {
    assert.throws(() => readBoardJson('not json'), /not a board export: it is not JSON/);
    assert.throws(() => readBoardJson('[]'), /its format must be "twinkit-board"/);
    assert.throws(() => readBoardJson(JSON.stringify({ format: 'twinkit-portfolio', version: 1 })), /its format must be "twinkit-board"/);
    assert.throws(() => readBoardJson(JSON.stringify({ ...JSON.parse(boardJson(input)), version: 2 })), /has version 2; this version of Twinkit reads version 1/);
  });

  it('throws a clear Error for a damaged file', () => {
    const good = JSON.parse(boardJson(input));
    const broken = (change: Record<string, unknown>) => () => readBoardJson(JSON.stringify({ ...good, ...change }));
    assert.throws(broken({ posts: {} }), /damaged: "posts" must be a list/);
    assert.throws(broken({ comments: undefined }), /"comments" must be a list/);
    assert.throws(broken({ sections: [{ name: 'no id' }] }), /"sections" item 1 must be a record with an id/);
    assert.throws(broken({ flags: [null] }), /"flags" item 1/);
    assert.throws(broken({ space: 3 }), /"space" must be an id/);
    assert.throws(broken({ exportedAt: undefined }), /"exportedAt"/);
    assert.throws(broken({ settings: 'x' }), /"settings" must be a record/);
    assert.throws(broken({ attachments: [] }), /"attachments" must be a record/);
    assert.throws(broken({ attachments: { a1: { type: 'image/png', dataUrl: 'https://x.example/a.png' } } }), /attachment "a1" must have a type and a data: URL/);
  });
});
