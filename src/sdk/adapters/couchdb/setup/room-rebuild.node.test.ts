import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { mustRebuild, type RoomState } from './room-rebuild.js';

/** When the setup makes a room again; the rooms on a server are in audience-layout-setup.node.test.ts. */
const room = (changes: Partial<RoomState> = {}): RoomState => ({
  server: 'couchdb',
  byRole: true,
  sameReaders: true,
  notedSources: ['a', 'b'],
  sources: ['a', 'b'],
  obsolete: 0,
  changed: false,
  ...changes,
});

describe('mustRebuild', () => {
  it('keeps a room filled as it was, or that only gains sources', () => {
    assert.equal(mustRebuild(room()), false);
    assert.equal(mustRebuild(room({ byRole: false })), false);
    assert.equal(mustRebuild(room({ sources: ['a', 'b', 'c'], byRole: false, server: 'pouchdb-server' })), false);
  });

  it('makes a pupil\'s room again when it lost a source: she may no longer read it', () => {
    assert.equal(mustRebuild(room({ byRole: false, sources: ['a'], obsolete: 1 })), true);
    assert.equal(mustRebuild(room({ byRole: false, sources: ['a'] })), true, 'noted, its replication already gone');
  });

  it('keeps a shared room that lost a source on CouchDB: its readers still read that database by their role', () => {
    assert.equal(mustRebuild(room({ sources: ['a'], obsolete: 1 })), false);
    assert.equal(mustRebuild(room({ sources: ['a'], obsolete: 0, server: 'pouchdb-server' })), false);
  });

  it('makes a shared room again where only that stops a replication (pouchdb-server), or when its readers were others', () => {
    assert.equal(mustRebuild(room({ sources: ['a'], obsolete: 1, server: 'pouchdb-server' })), true);
    assert.equal(mustRebuild(room({ sources: ['a'], sameReaders: false })), true, 'say, a room of an earlier version under the same name');
    assert.equal(mustRebuild(room({ sameReaders: false })), false, 'new readers, no source lost: they read every source');
  });

  it('makes any room again that has no note, or whose replications are described otherwise', () => {
    for (const byRole of [true, false]) {
      assert.equal(mustRebuild(room({ byRole, notedSources: undefined })), true);
      assert.equal(mustRebuild(room({ byRole, notedSources: ['a', 5] })), true);
      assert.equal(mustRebuild(room({ byRole, changed: true })), true);
    }
  });
});
