import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { spaceRole } from '../couch-names.js';
import { parseMembers, withSpaceRoles } from './members.js';

describe('members of a space', () => {
  it('reads a members list, password optional', () => {
    assert.deepEqual(parseMembers([{ id: 't1', name: 'Ana', role: 'teacher', password: 'x' }, { id: 'p1', name: 'Kasia', role: 'pupil' }]), [
      { id: 't1', name: 'Ana', role: 'teacher', password: 'x' },
      { id: 'p1', name: 'Kasia', role: 'pupil' },
    ]);
  });

  it('says which entry is wrong and why', () => {
    assert.throws(() => parseMembers({ members: [] }), /must be a JSON array/);
    assert.throws(() => parseMembers([{ name: 'Ana', role: 'teacher' }]), /Member 1 has no "id"/);
    assert.throws(() => parseMembers([{ id: '_root', name: 'x', role: 'pupil' }]), /cannot be a CouchDB user name/);
    assert.throws(() => parseMembers([{ id: 'a:b', name: 'x', role: 'pupil' }]), /cannot be a CouchDB user name/);
    assert.throws(() => parseMembers([{ id: 'a', name: 'x', role: 'pupil' }, { id: 'a', name: 'y', role: 'pupil' }]), /Member 2: the id "a" appears twice/);
    assert.throws(() => parseMembers([{ id: 'a', name: 'x', role: 'guest' }]), /role must be one of admin, teacher, moderator, pupil, observer, not "guest"/);
    assert.throws(() => parseMembers([{ id: 'a', name: ' ', role: 'pupil' }]), /has no "name"/);
    assert.throws(() => parseMembers([{ id: 'a', name: 'x', role: 'pupil', password: '' }]), /password must be a non-empty string/);
  });

  it('gives a user one role in this space and keeps their roles elsewhere', () => {
    const roles = ['twinkit.coasts.pupil', 'twinkit.coasts.moderator', 'twinkit.rivers.teacher', 'twinkit.coasts.b.admin', 'school-staff'];
    assert.deepEqual(withSpaceRoles(roles, 'coasts', [spaceRole('coasts', 'teacher')]), ['twinkit.rivers.teacher', 'twinkit.coasts.b.admin', 'school-staff', 'twinkit.coasts.teacher']);
    assert.deepEqual(withSpaceRoles([], 'coasts', [spaceRole('coasts', 'observer')]), ['twinkit.coasts.observer']);
  });
});
