import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { RecordStatus } from '../schemas/envelope.js';
import { ACTIONS, can, initialStatus, type Action, type PolicyRecord } from './can.js';
import { MODERATION_MODES, ROLES, type ModerationMode, type Role, type TwinUser } from './roles.js';

/**
 * The whole policy, written out as data. Each row is one action on one kind of record; the five
 * columns are the roles, in the order admin, teacher, moderator, pupil, observer.
 * `Y` = allowed, `.` = refused. The rules are written by hand (not derived from the implementation),
 * so a change to the policy makes this file fail until the table is changed on purpose.
 *
 * Record kinds: `own` = the user wrote it, `other` = someone else did; `none` = no record at all.
 * `can` does not depend on the moderation mode (moderation decides the status a record gets, see
 * `initialStatus`), so every row is checked under every mode with the same expectation.
 */
const Y = true;
const _ = false;

type RecordKind = 'none' | `${'own' | 'other'}-${RecordStatus}`;
type Row = [action: Action, record: RecordKind, admin: boolean, teacher: boolean, moderator: boolean, pupil: boolean, observer: boolean];

// prettier-ignore
const TABLE: Row[] = [
  //  action             record             admin teacher moderator pupil observer
  // read: published = everyone; pending/hidden = its author, or admin/teacher/moderator.
  ['read',             'none',             Y,    Y,      Y,        Y,    Y],
  ['read',             'own-published',    Y,    Y,      Y,        Y,    Y],
  ['read',             'own-pending',      Y,    Y,      Y,        Y,    Y],
  ['read',             'own-hidden',       Y,    Y,      Y,        Y,    Y],
  ['read',             'other-published',  Y,    Y,      Y,        Y,    Y],
  ['read',             'other-pending',    Y,    Y,      Y,        _,    _],
  ['read',             'other-hidden',     Y,    Y,      Y,        _,    _],

  // create: every role but observer; the record (if any) does not matter.
  ['create',           'none',             Y,    Y,      Y,        Y,    _],
  ['create',           'own-published',    Y,    Y,      Y,        Y,    _],
  ['create',           'own-pending',      Y,    Y,      Y,        Y,    _],
  ['create',           'own-hidden',       Y,    Y,      Y,        Y,    _],
  ['create',           'other-published',  Y,    Y,      Y,        Y,    _],
  ['create',           'other-pending',    Y,    Y,      Y,        Y,    _],
  ['create',           'other-hidden',     Y,    Y,      Y,        Y,    _],

  // edit: admin/teacher any record; moderator/pupil their own only, unless hidden (locked as
  // evidence); observer never; needs a record.
  ['edit',             'none',             _,    _,      _,        _,    _],
  ['edit',             'own-published',    Y,    Y,      Y,        Y,    _],
  ['edit',             'own-pending',      Y,    Y,      Y,        Y,    _],
  ['edit',             'own-hidden',       Y,    Y,      _,        _,    _],
  ['edit',             'other-published',  Y,    Y,      _,        _,    _],
  ['edit',             'other-pending',    Y,    Y,      _,        _,    _],
  ['edit',             'other-hidden',     Y,    Y,      _,        _,    _],

  // delete: same as edit (a pupil cannot erase a record a teacher hid).
  ['delete',           'none',             _,    _,      _,        _,    _],
  ['delete',           'own-published',    Y,    Y,      Y,        Y,    _],
  ['delete',           'own-pending',      Y,    Y,      Y,        Y,    _],
  ['delete',           'own-hidden',       Y,    Y,      _,        _,    _],
  ['delete',           'other-published',  Y,    Y,      _,        _,    _],
  ['delete',           'other-pending',    Y,    Y,      _,        _,    _],
  ['delete',           'other-hidden',     Y,    Y,      _,        _,    _],

  // approve: admin/teacher any; moderator others' only (nobody but staff approves their own);
  // only staff un-hide; pupil/observer never; needs a record.
  ['approve',          'none',             _,    _,      _,        _,    _],
  ['approve',          'own-published',    Y,    Y,      _,        _,    _],
  ['approve',          'own-pending',      Y,    Y,      _,        _,    _],
  ['approve',          'own-hidden',       Y,    Y,      _,        _,    _],
  ['approve',          'other-published',  Y,    Y,      Y,        _,    _],
  ['approve',          'other-pending',    Y,    Y,      Y,        _,    _],
  ['approve',          'other-hidden',     Y,    Y,      _,        _,    _],

  // hide: admin/teacher/moderator, on any record; needs a record.
  ['hide',             'none',             _,    _,      _,        _,    _],
  ['hide',             'own-published',    Y,    Y,      Y,        _,    _],
  ['hide',             'own-pending',      Y,    Y,      Y,        _,    _],
  ['hide',             'own-hidden',       Y,    Y,      Y,        _,    _],
  ['hide',             'other-published',  Y,    Y,      Y,        _,    _],
  ['hide',             'other-pending',    Y,    Y,      Y,        _,    _],
  ['hide',             'other-hidden',     Y,    Y,      Y,        _,    _],

  // comment: any member (not observer) who can read the record.
  ['comment',          'none',             Y,    Y,      Y,        Y,    _],
  ['comment',          'own-published',    Y,    Y,      Y,        Y,    _],
  ['comment',          'own-pending',      Y,    Y,      Y,        Y,    _],
  ['comment',          'own-hidden',       Y,    Y,      Y,        Y,    _],
  ['comment',          'other-published',  Y,    Y,      Y,        Y,    _],
  ['comment',          'other-pending',    Y,    Y,      Y,        _,    _],
  ['comment',          'other-hidden',     Y,    Y,      Y,        _,    _],

  // react: same as comment.
  ['react',            'none',             Y,    Y,      Y,        Y,    _],
  ['react',            'own-published',    Y,    Y,      Y,        Y,    _],
  ['react',            'own-pending',      Y,    Y,      Y,        Y,    _],
  ['react',            'own-hidden',       Y,    Y,      Y,        Y,    _],
  ['react',            'other-published',  Y,    Y,      Y,        Y,    _],
  ['react',            'other-pending',    Y,    Y,      Y,        _,    _],
  ['react',            'other-hidden',     Y,    Y,      Y,        _,    _],

  // manage-settings: admin/teacher; the record (if any) does not matter.
  ['manage-settings',  'none',             Y,    Y,      _,        _,    _],
  ['manage-settings',  'own-published',    Y,    Y,      _,        _,    _],
  ['manage-settings',  'own-pending',      Y,    Y,      _,        _,    _],
  ['manage-settings',  'own-hidden',       Y,    Y,      _,        _,    _],
  ['manage-settings',  'other-published',  Y,    Y,      _,        _,    _],
  ['manage-settings',  'other-pending',    Y,    Y,      _,        _,    _],
  ['manage-settings',  'other-hidden',     Y,    Y,      _,        _,    _],

  // export: admin/teacher only (exports hold pupils' names and hidden content); the record does not matter.
  ['export',           'none',             Y,    Y,      _,        _,    _],
  ['export',           'own-published',    Y,    Y,      _,        _,    _],
  ['export',           'own-pending',      Y,    Y,      _,        _,    _],
  ['export',           'own-hidden',       Y,    Y,      _,        _,    _],
  ['export',           'other-published',  Y,    Y,      _,        _,    _],
  ['export',           'other-pending',    Y,    Y,      _,        _,    _],
  ['export',           'other-hidden',     Y,    Y,      _,        _,    _],
];

/** initialStatus: the status a new record gets, per role (rows) and moderation mode (columns). */
// prettier-ignore
const INITIAL_STATUS: [role: Role, off: RecordStatus, pupils: RecordStatus, all: RecordStatus][] = [
  //  role          off          pupils       all
  ['admin',       'published', 'published', 'published'],
  ['teacher',     'published', 'published', 'published'],
  ['moderator',   'published', 'published', 'pending'],
  ['pupil',       'published', 'pending',   'pending'],
  ['observer',    'published', 'published', 'pending'],
];

const COLUMN_ROLES: Role[] = ['admin', 'teacher', 'moderator', 'pupil', 'observer'];
const RECORD_KINDS: RecordKind[] = [
  'none',
  'own-published',
  'own-pending',
  'own-hidden',
  'other-published',
  'other-pending',
  'other-hidden',
];

const userWith = (role: Role): TwinUser => ({ id: `${role}-1`, name: `A ${role}`, role });

function recordFor(user: TwinUser, kind: RecordKind): PolicyRecord | undefined {
  if (kind === 'none') return undefined;
  const [whose, status] = kind.split('-') as ['own' | 'other', RecordStatus];
  return { author: { id: whose === 'own' ? user.id : 'someone-else' }, status };
}

describe('policy: can(user, action, record, settings)', () => {
  it('the table covers the five roles, every action and every record kind exactly once', () => {
    assert.deepEqual([...ROLES].sort(), [...COLUMN_ROLES].sort(), 'roles in the policy vs. columns of the table');
    assert.deepEqual([...MODERATION_MODES].sort(), ['all', 'off', 'pupils']);
    const keys = TABLE.map(([action, kind]) => `${action}/${kind}`);
    assert.equal(new Set(keys).size, keys.length, 'a row appears twice in the table');
    const expected = ACTIONS.flatMap((action) => RECORD_KINDS.map((kind) => `${action}/${kind}`));
    assert.deepEqual([...keys].sort(), [...expected].sort(), 'every action in ACTIONS needs a row per record kind');
  });

  for (const [action, kind, ...allowed] of TABLE) {
    it(`${action} on ${kind === 'none' ? 'no record' : `a record that is ${kind}`}`, () => {
      const mismatches: string[] = [];
      COLUMN_ROLES.forEach((role, column) => {
        for (const moderation of MODERATION_MODES) {
          const user = userWith(role);
          const actual = can(user, action, recordFor(user, kind), { moderation });
          if (actual !== allowed[column]) {
            mismatches.push(`${role} (moderation ${moderation}): expected ${allowed[column] ? 'allowed' : 'refused'}, got ${actual ? 'allowed' : 'refused'}`);
          }
        }
      });
      assert.deepEqual(mismatches, []);
    });
  }

  it('decides "own" by the author id, not by the name', () => {
    const pupil: TwinUser = { id: 'p1', name: 'Ana', role: 'pupil' };
    const namesake = { author: { id: 'p2', name: 'Ana' }, status: 'published' as const };
    assert.equal(can(pupil, 'edit', namesake, { moderation: 'off' }), false);
    assert.equal(can(pupil, 'delete', namesake, { moderation: 'off' }), false);
    assert.equal(can(pupil, 'edit', { ...namesake, author: { id: 'p1' } }, { moderation: 'off' }), true);
  });

  it('is pure: it does not change the user, record or settings it is given', () => {
    const user = Object.freeze(userWith('moderator'));
    const record = Object.freeze({ author: Object.freeze({ id: 'x' }), status: 'pending' as const });
    const settings = Object.freeze({ moderation: 'all' as ModerationMode });
    for (const action of ACTIONS) assert.equal(typeof can(user, action, record, settings), 'boolean');
  });
});

describe('policy: initialStatus(user, settings)', () => {
  it('the table covers every role', () => {
    assert.deepEqual(INITIAL_STATUS.map(([role]) => role).sort(), [...ROLES].sort());
  });

  for (const [role, ...statuses] of INITIAL_STATUS) {
    for (const [index, moderation] of (['off', 'pupils', 'all'] as const).entries()) {
      it(`${role} with moderation ${moderation} -> ${statuses[index]}`, () => {
        assert.equal(initialStatus(userWith(role), { moderation }), statuses[index]);
      });
    }
  }
});
