import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { adminCredentials, parseSetupArguments } from './cli-args.js';

describe('twinkit couchdb-setup arguments', () => {
  it('reads every option, in both --name value and --name=value forms', () => {
    assert.deepEqual(
      parseSetupArguments(['--url', 'http://127.0.0.1:5984', '--space=coasts', '--moderation', 'pupils', '--members', 'm.json', '--cors-origin', 'https://school.example', '--admin', 'admin:pa:ss']),
      { url: 'http://127.0.0.1:5984', space: 'coasts', moderation: 'pupils', allowSignup: false, membersFile: 'm.json', corsOrigin: 'https://school.example', admin: { name: 'admin', password: 'pa:ss' } },
    );
    assert.equal(parseSetupArguments(['--url', 'x', '--help']), 'help');
    assert.equal((parseSetupArguments(['--url', 'u', '--space', 's', '--allow-signup']) as { allowSignup: boolean }).allowSignup, true);
    assert.equal((parseSetupArguments(['--url', 'u', '--space', 's']) as { moderation: string }).moderation, 'off');
  });

  it('names the mistake', () => {
    assert.throws(() => parseSetupArguments(['--space', 's']), /Give the server with --url/);
    assert.throws(() => parseSetupArguments(['--url', 'u']), /Give the space with --space/);
    assert.throws(() => parseSetupArguments(['--url', 'u', '--space', 's', '--moderation', 'strict']), /--moderation must be one of off, pupils, all/);
    assert.throws(() => parseSetupArguments(['--url', 'u', '--space', 's', '--colour', 'red']), /Unknown option "--colour"/);
    assert.throws(() => parseSetupArguments(['--url', '--space', 's']), /--url needs a value/);
    assert.throws(() => parseSetupArguments(['--url', 'u', '--space', 's', '--admin', 'admin']), /--admin must be name:password/);
    assert.throws(() => parseSetupArguments(['--url', 'u', '--space', 's', '--cors-origin', '*']), /"\*" is not an origin/);
    assert.throws(() => parseSetupArguments(['--url', 'u', '--space', 's', '--cors-origin', 'https://school.example/page']), /is not an origin/);
  });

  it('takes the admin from --admin, else from COUCHDB_USER and COUCHDB_PASSWORD', () => {
    assert.deepEqual(adminCredentials({ name: 'a', password: 'b' }, { COUCHDB_USER: 'c', COUCHDB_PASSWORD: 'd' }), { name: 'a', password: 'b' });
    assert.deepEqual(adminCredentials(undefined, { COUCHDB_USER: 'c', COUCHDB_PASSWORD: 'd' }), { name: 'c', password: 'd' });
    assert.throws(() => adminCredentials(undefined, { COUCHDB_USER: 'c' }), /--admin name:password, or set COUCHDB_USER and COUCHDB_PASSWORD/);
  });
});
