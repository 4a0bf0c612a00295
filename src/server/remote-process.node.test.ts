import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { startRemoteServer } from '../../scripts/remote/start-remote-server.mjs';
import { creates, PEOPLE, ProtocolClient, recordBy, revOf, SPACE } from './test-space.js';

/** The server as browser tests and chaos runs start it: a child process, killed hard and started again. */
describe('reference server in a child process (scripts/remote/start-remote-server.mjs)', () => {
  it('answers once started; a hard kill loses nothing it answered; restore gives a new source', async () => {
    const { teacher } = PEOPLE;
    const server = await startRemoteServer({ spaces: { [SPACE]: { members: [teacher] } } });
    try {
      const as = new ProtocolClient(server.url, { id: teacher.id, password: teacher.password });
      const rev = revOf(await as.write(creates(recordBy(teacher, 'glossary', 'survives'))));
      const before = await as.pullAll();
      await server.kill();
      await assert.rejects(fetch(server.url), 'the process is gone');
      await server.restart();
      const after = await as.pullAll();
      assert.equal(after.source, before.source);
      assert.equal(after.changes.find((change) => change.id === 'survives')?.rev, rev);
      await server.restore(SPACE, { keep: 0 });
      const restored = await as.pullAll();
      assert.notEqual(restored.source, before.source);
      assert.deepEqual(restored.changes, []);
    } finally {
      await server.stop();
    }
  });
});
