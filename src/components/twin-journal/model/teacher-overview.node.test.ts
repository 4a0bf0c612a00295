import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { teacherOverview, type OverviewEntry, type OverviewFeedback } from './teacher-overview.js';

const WEEKS = ['2027-01-04', '2027-01-11', '2027-01-18', '2027-01-25'];
const ana = { id: 'ana', name: 'Ana', school: 'IES Cervantes', mobile: true };
const bruno = { id: 'bruno', name: 'Bruno', school: 'Szkoła nr 12', mobile: false };
const carla = { id: 'carla', name: 'carla', school: 'IES Cervantes', mobile: false };

let next = 0;
const entry = (author: { id: string; name: string; school?: string }, date: string): OverviewEntry => ({ id: `e${++next}`, date, author });
const on = (target: OverviewEntry, author: string): OverviewFeedback => ({ target: target.id, author: { id: author } });

describe('teacherOverview', () => {
  it('counts entries and feedback received per pupil and week, in the order of the pupils given', () => {
    const a1 = entry(ana, '2027-01-05');
    const a2 = entry(ana, '2027-01-10');
    const a3 = entry(ana, '2027-01-19');
    const b1 = entry(bruno, '2027-01-12');
    const early = entry(ana, '2026-12-01');
    const feedback = [on(a1, 'bruno'), on(a1, 'carla'), on(a3, 'teacher'), on(b1, 'ana'), on(b1, 'bruno'), on(early, 'bruno'), { target: 'gone', author: { id: 'x' } }];
    const { rows } = teacherOverview({ pupils: [bruno, ana], entries: [a1, a2, a3, b1, early], feedback, weeks: WEEKS, today: '2027-01-27' });
    assert.deepEqual(rows.map((row) => row.pupil), [bruno, ana]);
    const [brunoRow, anaRow] = rows;
    assert.deepEqual(anaRow.cells, [
      { week: '2027-01-04', entries: 2, feedbackReceived: 2 },
      { week: '2027-01-11', entries: 0, feedbackReceived: 0 },
      { week: '2027-01-18', entries: 1, feedbackReceived: 1 },
      { week: '2027-01-25', entries: 0, feedbackReceived: 0 },
    ]);
    assert.deepEqual(
      brunoRow.cells.map((cell) => [cell.entries, cell.feedbackReceived]),
      [
        [0, 0],
        [1, 1],
        [0, 0],
        [0, 0],
      ],
      'his own feedback on his own entry does not count',
    );
    assert.equal(anaRow.lastEntry, '2027-01-19');
    assert.equal(anaRow.needsNudge, false, 'she wrote in the week of the 18th');
    assert.equal(brunoRow.needsNudge, true, 'nothing in the last two weeks');
  });

  it('counts only the weeks up to today for a nudge; without today, the last two weeks given', () => {
    const recent = entry(ana, '2027-01-12');
    const input = { pupils: [ana, carla], entries: [recent], feedback: [], weeks: WEEKS };
    assert.deepEqual(teacherOverview({ ...input, today: '2027-01-20' }).rows.map((row) => row.needsNudge), [false, true]);
    assert.deepEqual(teacherOverview(input).rows.map((row) => row.needsNudge), [true, true]);
    // Before the first week nothing is counted: nobody needs a nudge yet.
    assert.deepEqual(teacherOverview({ ...input, today: '2026-12-01' }).rows.map((row) => row.needsNudge), [false, false]);
    assert.deepEqual(teacherOverview({ ...input, weeks: [] }).rows.map((row) => [row.cells, row.needsNudge]), [
      [[], false],
      [[], false],
    ]);
  });

  it('lists a pupil who wrote nothing, without lastEntry', () => {
    const { rows } = teacherOverview({ pupils: [carla], entries: [], feedback: [], weeks: WEEKS, today: '2027-01-27' });
    assert.equal(rows[0].lastEntry, undefined);
    assert.equal('lastEntry' in rows[0], false);
    assert.equal(rows[0].needsNudge, true);
  });

  it('derives the pupils from the entries\' authors, by name, when no list is given; ignores authors not listed', () => {
    const entries = [entry(bruno, '2027-01-12'), entry(carla, '2027-01-12'), entry(ana, '2027-01-05'), entry(bruno, '2027-01-13')];
    const derived = teacherOverview({ entries, feedback: [], weeks: WEEKS });
    assert.deepEqual(
      derived.rows.map((row) => row.pupil),
      [
        { id: 'ana', name: 'Ana', school: 'IES Cervantes' },
        { id: 'bruno', name: 'Bruno', school: 'Szkoła nr 12' },
        { id: 'carla', name: 'carla', school: 'IES Cervantes' },
      ],
    );
    assert.deepEqual(teacherOverview({ pupils: [], entries, feedback: [], weeks: WEEKS }).rows.length, 3, 'an empty list: derived too');
    assert.deepEqual(teacherOverview({ pupils: [ana], entries, feedback: [], weeks: WEEKS }).rows.map((row) => row.pupil.id), ['ana']);
  });

  it('handles a class of 200 pupils with 30 entries each over 10 weeks', () => {
    const weeks = Array.from({ length: 10 }, (_, i) => new Date(Date.UTC(2027, 0, 4 + 7 * i)).toISOString().slice(0, 10));
    const pupils = Array.from({ length: 200 }, (_, i) => ({ id: `p${i}`, name: `Pupil ${i}`, school: i % 2 ? 'A' : 'B', mobile: i % 3 === 0 }));
    const entries: OverviewEntry[] = [];
    const feedback: OverviewFeedback[] = [];
    for (const pupil of pupils) {
      for (let k = 0; k < 30; k++) {
        const written = entry(pupil, new Date(Date.UTC(2027, 0, 4 + ((k * 7) % 84))).toISOString().slice(0, 10));
        entries.push(written);
        if (k % 3 === 0) feedback.push(on(written, `p${(Number(pupil.id.slice(1)) + 1) % 200}`));
      }
    }
    const { rows } = teacherOverview({ pupils, entries, feedback, weeks, today: '2027-03-20' });
    assert.equal(rows.length, 200);
    for (const row of rows) {
      assert.equal(row.cells.length, 10);
      assert.deepEqual(row.cells.map((cell) => cell.week), weeks);
      assert.ok(row.cells.every((cell) => Number.isInteger(cell.entries) && Number.isInteger(cell.feedbackReceived)));
      assert.equal(typeof row.needsNudge, 'boolean');
      assert.match(row.lastEntry ?? '', /^\d{4}-\d{2}-\d{2}$/);
    }
    assert.equal(rows.reduce((sum, row) => sum + row.cells.reduce((inner, cell) => inner + cell.entries, 0), 0) <= 6000, true);
  });
});
