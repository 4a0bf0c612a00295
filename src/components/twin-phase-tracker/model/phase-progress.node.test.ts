import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { phaseProgress, type ProgressActivity } from './phase-progress.js';

const a = (phase: string | undefined, progress: ProgressActivity['progress']): ProgressActivity => ({ phase, progress });

describe('phaseProgress', () => {
  it('counts the activities of each phase by where they stand, with the whole percent done', () => {
    const progress = phaseProgress([
      a('preparation', 'done'),
      a('preparation', 'done'),
      a('preparation', 'in-progress'),
      a('mobility', 'planned'),
      a('mobility', 'done'),
      a('mobility', 'planned'),
      a('reflection', 'planned'),
    ]);
    assert.deepEqual(progress.get('preparation'), { total: 3, planned: 0, inProgress: 1, done: 2, percent: 67 });
    assert.deepEqual(progress.get('mobility'), { total: 3, planned: 2, inProgress: 0, done: 1, percent: 33 });
    assert.deepEqual(progress.get('reflection'), { total: 1, planned: 1, inProgress: 0, done: 0, percent: 0 });
  });

  it('rounds to the nearest whole percent', () => {
    assert.equal(phaseProgress([a('p', 'done'), a('p', 'planned')]).get('p')?.percent, 50);
    assert.equal(phaseProgress([a('p', 'done'), a('p', 'planned'), a('p', 'planned')]).get('p')?.percent, 33);
    assert.equal(phaseProgress([...Array.from({ length: 7 }, () => a('p', 'done')), a('p', 'planned')]).get('p')?.percent, 88);
    assert.equal(phaseProgress([a('p', 'done')]).get('p')?.percent, 100);
  });

  it('has no entry for a phase without activities, and leaves out activities without a phase', () => {
    const progress = phaseProgress([a(undefined, 'done'), a('', 'done')]);
    assert.equal(progress.size, 0);
    assert.equal(phaseProgress([]).size, 0);
  });
});
