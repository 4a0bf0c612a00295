import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DEFAULT_PHASES } from '../../../sdk/schemas/phase.js';
import { localeLoaders } from '../../../localization/localization.js';
import { storeWorld } from '../../../test-support/store-world.js';
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
  it('has the four default phases, in order, named in the UI language (English outside a page)', () => {
    const { phases } = blendedMobilityTemplate();
    assert.deepEqual(phases.map((phase) => phase.id), [...DEFAULT_PHASES]);
    assert.deepEqual(phases.map((phase) => phase.id), ['preparation', 'mobility', 'reflection', 'dissemination']);
    assert.deepEqual(phases.map((phase) => phase.name), ['Preparation', 'Mobility', 'Reflection', 'Dissemination']);
    assert.deepEqual(phases.map((phase) => phase.order), [1, 2, 3, 4]);
    for (const phase of phases) assert.ok(phase.description.length > 20);
  });

  it('has the eleven activities in order, each in its phase, planned, with the widgets it is done in', () => {
    const { activities } = blendedMobilityTemplate();
    assert.deepEqual(
      activities.map((activity) => [activity.phase, activity.title, activity.widgets]),
      EXPECTED,
    );
    assert.ok(activities.every((activity) => activity.progress === 'planned'));
    // Ordered within each phase, from 1.
    assert.deepEqual(activities.map((activity) => activity.order), [1, 2, 3, 4, 1, 2, 3, 1, 2, 1, 2]);
  });

  it('describes each phase and activity in one sentence, in every UI language', async () => {
    const english = [...blendedMobilityTemplate().phases, ...blendedMobilityTemplate().activities].map((item) => item.description);
    const translated = await Promise.all(
      Object.entries(localeLoaders).map(async ([locale, load]) => {
        const texts = Object.entries((await load()).templates).filter(([id]) => id.startsWith('tracker.template.') && id.endsWith('.description'));
        return [locale, texts.map(([, text]) => String(text))] as const;
      }),
    );
    for (const [locale, descriptions] of [['en', english] as const, ...translated]) {
      assert.equal(descriptions.length, 15, `${locale}: 4 phases and 11 activities described`);
      for (const description of descriptions) {
        assert.match(description, /^\p{Lu}/u, `${locale}, a capital first: ${description}`);
        assert.match(description, /\.$/, `${locale}, a full stop last: ${description}`);
        assert.equal(description.split(/\.\s/).length, 1, `${locale}, one sentence: ${description}`);
      }
    }
  });

  it('without a start date, has no dates', () => {
    const { phases } = blendedMobilityTemplate();
    assert.ok(phases.every((phase) => !('startsOn' in phase) && !('endsOn' in phase)));
  });

  it('with a start date, gives the phases consecutive dates of 8, 1, 4 and 6 weeks', () => {
    assert.deepEqual(TEMPLATE_PHASE_WEEKS, { preparation: 8, mobility: 1, reflection: 4, dissemination: 6 });
    const { phases } = blendedMobilityTemplate({ startsOn: '2027-01-04' });
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
    const leap = blendedMobilityTemplate({ startsOn: '2028-01-31' }).phases;
    assert.equal(leap[0].endsOn, '2028-03-26');
    assert.equal(leap[1].startsOn, '2028-03-27');
  });

  it('refuses a start date that is not a real date, saying what it expects', () => {
    assert.throws(() => blendedMobilityTemplate({ startsOn: '2027-02-30' }), /must be a real date like 2026-03-14, not "2027-02-30"/);
    assert.throws(() => blendedMobilityTemplate({ startsOn: '4 Jan' }), RangeError);
  });

  it('gives new objects every time', () => {
    const first = blendedMobilityTemplate();
    first.activities[2].widgets!.push('board');
    first.phases[0].name = 'Changed';
    const second = blendedMobilityTemplate();
    assert.deepEqual(second.activities[2].widgets, ['glossary']);
    assert.equal(second.phases[0].name, 'Preparation');
  });

  it('is accepted as it is by store.createAll', async (t) => {
    const store = storeWorld(t, { space: 'template', now: '2027-01-04T09:00:00.000Z' }).open({ id: 't1', name: 'Tomás', role: 'teacher' });
    const template = blendedMobilityTemplate({ startsOn: '2027-01-04' });
    const saved = await store.createAll([
      ...template.phases.map(({ id, ...fields }) => ({ collection: 'phase', id, fields })),
      ...template.activities.map(({ phase, ...fields }) => ({ collection: 'activity', phase, fields })),
    ]);
    assert.equal(saved.length, 15);
    assert.equal((await store.list('activity')).records.length, 11);
  });
});
