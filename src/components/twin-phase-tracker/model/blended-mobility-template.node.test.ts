import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createMemoryAdapter } from '../../../sdk/adapters/memory/index.js';
import { DEFAULT_PHASES } from '../../../sdk/schemas/phase.js';
import { createStore } from '../../../sdk/store/create-store.js';
import { blendedMobilityTemplate, TEMPLATE_PHASE_WEEKS } from './blended-mobility-template.js';

const EXPECTED = [
  ['preparation', 'Introduce teachers and pupils', undefined],
  ['preparation', 'Set shared learning goals', undefined],
  ['preparation', 'Icebreaking and vocabulary sharing', ['glossary']],
  ['preparation', 'Design collaborative tasks', undefined],
  ['mobility', 'Document fieldwork in mixed teams', ['board']],
  ['mobility', 'Weekly reflections', ['journal']],
  ['mobility', 'Involve pupils who stay home', ['board', 'journal']],
  ['reflection', 'Co-create final products', ['board']],
  ['reflection', 'Evaluate', ['journal']],
  ['dissemination', 'Disseminate', ['board']],
  ['dissemination', 'Plan follow-up', undefined],
];

describe('blendedMobilityTemplate', () => {
  it('has the four default phases, in order, named in English or Spanish', () => {
    const en = blendedMobilityTemplate({ lang: 'en' });
    const es = blendedMobilityTemplate({ lang: 'es' });
    assert.deepEqual(en.phases.map((phase) => phase.id), [...DEFAULT_PHASES]);
    assert.deepEqual(en.phases.map((phase) => phase.id), ['preparation', 'mobility', 'reflection', 'dissemination']);
    assert.deepEqual(en.phases.map((phase) => phase.name), ['Preparation', 'Mobility', 'Reflection', 'Dissemination']);
    assert.deepEqual(es.phases.map((phase) => phase.name), ['Preparación', 'Movilidad', 'Reflexión', 'Difusión']);
    assert.deepEqual(en.phases.map((phase) => phase.order), [1, 2, 3, 4]);
    for (const phase of [...en.phases, ...es.phases]) assert.ok(phase.description.length > 20);
  });

  it('has the eleven activities in order, each in its phase, planned, with the widgets it is done in', () => {
    const { activities } = blendedMobilityTemplate({ lang: 'en' });
    assert.deepEqual(
      activities.map((activity) => [activity.phase, activity.title, activity.widgets]),
      EXPECTED,
    );
    assert.ok(activities.every((activity) => activity.progress === 'planned'));
    // Ordered within each phase, from 1.
    assert.deepEqual(activities.map((activity) => activity.order), [1, 2, 3, 4, 1, 2, 3, 1, 2, 1, 2]);
  });

  it('describes each activity in one sentence, in the chosen language', () => {
    const en = blendedMobilityTemplate({ lang: 'en' }).activities;
    const es = blendedMobilityTemplate({ lang: 'es' }).activities;
    for (const activity of [...en, ...es]) {
      assert.match(activity.description, /^[A-ZÁÉÍÓÚÑ][^]*\.$/, activity.description);
      assert.equal(activity.description.split(/\.\s/).length, 1, `one sentence: ${activity.description}`);
    }
    assert.equal(es[0].title, 'Presentar al profesorado y al alumnado');
    assert.match(es[2].description, /glosario/);
    assert.deepEqual(es.map((activity) => [activity.phase, activity.widgets]), en.map((activity) => [activity.phase, activity.widgets]));
    assert.ok(es.every((activity, i) => activity.title !== en[i].title && activity.description !== en[i].description));
  });

  it('without a start date, has no dates', () => {
    const { phases } = blendedMobilityTemplate({ lang: 'en' });
    assert.ok(phases.every((phase) => !('startsOn' in phase) && !('endsOn' in phase)));
  });

  it('with a start date, gives the phases consecutive dates of 8, 1, 4 and 6 weeks', () => {
    assert.deepEqual(TEMPLATE_PHASE_WEEKS, { preparation: 8, mobility: 1, reflection: 4, dissemination: 6 });
    const { phases } = blendedMobilityTemplate({ lang: 'es', startsOn: '2027-01-04' });
    assert.deepEqual(
      phases.map((phase) => [phase.id, phase.startsOn, phase.endsOn]),
      [
        ['preparation', '2027-01-04', '2027-02-28'],
        ['mobility', '2027-03-01', '2027-03-07'],
        ['reflection', '2027-03-08', '2027-04-04'],
        ['dissemination', '2027-04-05', '2027-05-16'],
      ],
    );
    // Across a leap day and a daylight-saving change, still whole days.
    const leap = blendedMobilityTemplate({ lang: 'en', startsOn: '2028-01-31' }).phases;
    assert.equal(leap[0].endsOn, '2028-03-26');
    assert.equal(leap[1].startsOn, '2028-03-27');
  });

  it('refuses a start date that is not a real date, saying what it expects', () => {
    assert.throws(() => blendedMobilityTemplate({ lang: 'en', startsOn: '2027-02-30' }), /must be a real date like 2026-03-14, not "2027-02-30"/);
    assert.throws(() => blendedMobilityTemplate({ lang: 'en', startsOn: '4 Jan' }), RangeError);
  });

  it('gives new objects every time', () => {
    const first = blendedMobilityTemplate({ lang: 'en' });
    first.activities[2].widgets!.push('board');
    first.phases[0].name = 'Changed';
    const second = blendedMobilityTemplate({ lang: 'en' });
    assert.deepEqual(second.activities[2].widgets, ['glossary']);
    assert.equal(second.phases[0].name, 'Preparation');
  });

  it('is accepted as it is by store.createAll, in both languages', async (t) => {
    for (const lang of ['en', 'es'] as const) {
      const adapter = createMemoryAdapter();
      const store = createStore({ adapter, space: 'template', user: { id: 't1', name: 'Tomás', role: 'teacher' } });
      t.after(async () => {
        await store.close();
        await adapter.close();
      });
      const template = blendedMobilityTemplate({ lang, startsOn: '2027-01-04' });
      const saved = await store.createAll([
        ...template.phases.map(({ id, ...fields }) => ({ collection: 'phase', id, fields })),
        ...template.activities.map(({ phase, ...fields }) => ({ collection: 'activity', phase, fields })),
      ]);
      assert.equal(saved.length, 15);
      assert.equal((await store.list('activity')).records.length, 11);
    }
  });
});
