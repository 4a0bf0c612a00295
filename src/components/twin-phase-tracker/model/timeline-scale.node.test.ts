import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { timelineScale } from './timeline-scale.js';

const phase = (id: string, startsOn?: string, endsOn?: string) => ({ id, ...(startsOn ? { startsOn } : {}), ...(endsOn ? { endsOn } : {}) });

describe('timelineScale', () => {
  it('spans the dated phases, one slot per day, with a bar per phase', () => {
    // 10 days: 1 to 10 March.
    const scale = timelineScale({ phases: [phase('a', '2027-03-01', '2027-03-04'), phase('b', '2027-03-05', '2027-03-10')], project: undefined, today: '2027-03-03' });
    assert.equal(scale.start, '2027-03-01');
    assert.equal(scale.end, '2027-03-10');
    assert.equal(scale.days, 10);
    assert.deepEqual(scale.bars, [
      { phaseId: 'a', left: 0, width: 40, dated: true },
      { phaseId: 'b', left: 40, width: 60, dated: true },
    ]);
    assert.equal(scale.position('2027-03-01'), 0);
    assert.equal(scale.position('2027-03-06'), 50);
    assert.equal(scale.today, 25, 'the middle of 3 March');
  });

  it('widens to the travel days, and marks them at the middle of their day', () => {
    const scale = timelineScale({
      phases: [phase('a', '2027-03-03', '2027-03-04')],
      project: { travelOut: '2027-03-01', travelBack: '2027-03-10' },
      today: '2027-02-01',
    });
    assert.equal(scale.days, 10);
    assert.equal(scale.travelOut, 5);
    assert.equal(scale.travelBack, 95);
    assert.equal(scale.today, undefined, 'today is before the timeline');
    assert.deepEqual(scale.bars[0], { phaseId: 'a', left: 20, width: 20, dated: true });
  });

  it('clamps positions outside the timeline to 0 and 100', () => {
    const scale = timelineScale({ phases: [phase('a', '2027-03-01', '2027-03-10')], project: {}, today: '2027-03-05' });
    assert.equal(scale.position('2026-01-01'), 0);
    assert.equal(scale.position('2028-01-01'), 100);
    assert.equal(scale.position('not a date'), 0);
  });

  it('draws a phase with one date as one day, and marks undated phases', () => {
    const scale = timelineScale({
      phases: [phase('start-only', '2027-03-01'), phase('end-only', undefined, '2027-03-04'), phase('none')],
      project: {},
      today: '2027-03-02',
    });
    assert.equal(scale.days, 4);
    assert.deepEqual(scale.bars, [
      { phaseId: 'start-only', left: 0, width: 25, dated: true },
      { phaseId: 'end-only', left: 75, width: 25, dated: true },
      { phaseId: 'none', left: 0, width: 0, dated: false },
    ]);
  });

  it('handles no dates at all', () => {
    const scale = timelineScale({ phases: [phase('a'), phase('b')], project: {}, today: '2027-03-02' });
    assert.equal(scale.days, 0);
    assert.equal(scale.start, undefined);
    assert.equal(scale.end, undefined);
    assert.deepEqual(scale.bars, [
      { phaseId: 'a', left: 0, width: 0, dated: false },
      { phaseId: 'b', left: 0, width: 0, dated: false },
    ]);
    assert.equal(scale.position('2027-03-02'), 0);
    assert.equal(scale.today, undefined);
    assert.equal(timelineScale({ phases: [], project: undefined, today: '2027-03-02' }).days, 0);
  });

  it('a single day is the whole timeline', () => {
    const scale = timelineScale({ phases: [phase('a', '2027-03-01', '2027-03-01')], project: {}, today: '2027-03-01' });
    assert.equal(scale.days, 1);
    assert.deepEqual(scale.bars[0], { phaseId: 'a', left: 0, width: 100, dated: true });
    assert.equal(scale.today, 50);
  });

  it('counts calendar days across a daylight-saving change and a leap day', () => {
    const scale = timelineScale({ phases: [phase('a', '2028-02-28', '2028-03-27')], project: {}, today: '2028-03-01' });
    assert.equal(scale.days, 29);
  });
});
