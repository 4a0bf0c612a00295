import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { generation } from '../document-history.js';
import { heldRev, presentRev } from './presented-revs.js';
import { joinPositions, parsePositions } from './two-feeds.js';

describe('revisions presented to the sync engine', () => {
  it('carry the database and CouchDB\'s revision, and grow with the lineage', () => {
    const held = { home: 'twinkit-coasts$moderators-kasia', rev: '3-abc123', lineage: 4 };
    const presented = presentRev(held);
    assert.equal(presented, '7-3-abc123@twinkit-coasts$moderators-kasia');
    assert.equal(generation(presented), 7);
    assert.deepEqual(heldRev(presented), held);
  });

  it('order a move after what came before it: the copy and the tombstone are the next revision', () => {
    const before = { home: 'twinkit-coasts$moderators-kasia', rev: '2-aaa', lineage: 0 };
    const tombstone = presentRev({ ...before, rev: '3-bbb' });
    // The new database had nothing: the copy is its revision 1, raised to the same place.
    const copy = presentRev({ home: 'twinkit-coasts', rev: '1-ccc', lineage: generation(presentRev(before)) });
    assert.equal(generation(copy), generation(tombstone));
    assert.ok(generation(copy) > generation(presentRev(before)));
  });

  it('are not mistaken for anything else', () => {
    for (const other of [undefined, null, '', '3-abc', 'x-3-abc@db', '3-abc@']) assert.equal(heldRev(other), undefined, String(other));
  });
});

describe('one checkpoint for two feeds', () => {
  it('keeps each feed\'s position, led by their sum', () => {
    const joined = joinPositions({ 'twinkit-coasts': '12-g1AAA', 'twinkit-coasts$room-kasia': 30 });
    assert.equal(Number.parseInt(String(joined), 10), 42);
    assert.deepEqual(parsePositions(joined), { 'twinkit-coasts': '12-g1AAA', 'twinkit-coasts$room-kasia': 30 });
  });

  it('starts from the beginning when the checkpoint is not one of its own', () => {
    for (const other of [0, '', '17', '5~not json', '5~[1,2]']) assert.deepEqual(parsePositions(other), {}, String(other));
  });
});
