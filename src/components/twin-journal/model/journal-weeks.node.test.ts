import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { addDays, daysBetween, endOfWeek, mobilityDay, weekOf, weeksBetween } from './journal-weeks.js';

describe('weekOf', () => {
  it('gives the Monday of the week, for every day of it', () => {
    // 2027-01-11 is a Monday.
    for (const day of ['2027-01-11', '2027-01-12', '2027-01-13', '2027-01-14', '2027-01-15', '2027-01-16', '2027-01-17']) {
      assert.equal(weekOf(day), '2027-01-11', day);
    }
    assert.equal(weekOf('2027-01-18'), '2027-01-18');
    assert.equal(endOfWeek('2027-01-13'), '2027-01-17');
  });

  it('crosses months, years and leap days, and is not moved by daylight saving', () => {
    assert.equal(weekOf('2027-01-01'), '2026-12-28', 'a Friday: its Monday is last year');
    assert.equal(weekOf('2028-03-01'), '2028-02-28');
    assert.equal(weekOf('2028-02-29'), '2028-02-28');
    assert.equal(weekOf('2027-03-28'), '2027-03-22', 'the Sunday clocks change in Europe');
    assert.equal(weekOf('2027-10-31'), '2027-10-25');
    assert.equal(weekOf('1969-12-31'), '1969-12-29', 'before 1970');
  });
});

describe('addDays and daysBetween', () => {
  it('count calendar days', () => {
    assert.equal(addDays('2027-02-27', 2), '2027-03-01');
    assert.equal(addDays('2027-03-01', -1), '2027-02-28');
    assert.equal(daysBetween('2027-03-08', '2027-03-14'), 6);
    assert.equal(daysBetween('2027-03-14', '2027-03-08'), -6);
  });
});

describe('weeksBetween', () => {
  it('gives the Mondays of every week from the week of `from` to the week of `to`', () => {
    assert.deepEqual(weeksBetween('2027-01-13', '2027-02-01'), ['2027-01-11', '2027-01-18', '2027-01-25', '2027-02-01']);
    assert.deepEqual(weeksBetween('2027-01-11', '2027-01-17'), ['2027-01-11']);
    assert.deepEqual(weeksBetween('2026-12-30', '2027-01-04'), ['2026-12-28', '2027-01-04']);
  });

  it('is empty when `to` is before `from`, and bounded for absurd ranges', () => {
    assert.deepEqual(weeksBetween('2027-02-01', '2027-01-01'), []);
    assert.equal(weeksBetween('2000-01-01', '2100-01-01').length, 520);
  });
});

describe('mobilityDay', () => {
  const project = { travelOut: '2027-03-08', travelBack: '2027-03-14' };

  it('numbers the days of the mobility from 1, the day of travel out, to the day of travel back', () => {
    assert.equal(mobilityDay('2027-03-08', project), 1);
    assert.equal(mobilityDay('2027-03-10', project), 3);
    assert.equal(mobilityDay('2027-03-14', project), 7);
  });

  it('is undefined outside the mobility, or without both travel dates', () => {
    assert.equal(mobilityDay('2027-03-07', project), undefined);
    assert.equal(mobilityDay('2027-03-15', project), undefined);
    assert.equal(mobilityDay('2027-03-10'), undefined);
    assert.equal(mobilityDay('2027-03-10', { travelOut: '2027-03-08' }), undefined);
    assert.equal(mobilityDay('2027-03-10', { travelBack: '2027-03-14' }), undefined);
    assert.equal(mobilityDay('not a date', project), undefined);
  });
});
