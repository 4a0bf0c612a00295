import { expect, fixture, html } from '@open-wc/testing';
import { createMemoryAdapter, MemoryBacking } from '../../sdk/adapters/memory/memory-adapter.js';
import { registerAdapter } from '../../sdk/adapters/registry.js';
import type { Activity } from '../../sdk/schemas/activity.js';
import type { Phase } from '../../sdk/schemas/phase.js';
import { expectAccessible } from '../../test-support/axe.js';
import { pupil, teacher } from '../../test-support/glossary-fixture.js';
import { failingWrites } from '../../test-support/failing-writes.js';
import { until } from '../../test-support/record-list.js';
import { SAMPLE_TODAY, seedSamplePlan } from '../../test-support/sample-plan.js';
import { buttonIn, dialogForm, phaseItem, phaseNames, setField, submit, trackerText, trackerWith } from '../../test-support/tracker-fixture.js';
import type { TwinPhaseTracker } from './twin-phase-tracker.component.js';
import './twin-phase-tracker.js';

const root = (element: Element) => element.shadowRoot!;

async function refusal(promise: Promise<unknown>): Promise<Error> {
  try {
    await promise;
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected the store to refuse');
}

describe('<twin-phase-tracker>: bad input and faults', () => {
  it('refuses, through the store itself, what the form would never send', async () => {
    const world = await trackerWith({ user: teacher, today: SAMPLE_TODAY });
    await seedSamplePlan(world.storeFor(teacher));
    await until(() => phaseNames(world.tracker).length === 4, 'the plan');
    const store = world.storeFor(teacher);
    await store.update('phase', await store.get<Phase>('phase', 'dissemination'), { archived: true });

    const removedPhase = await refusal(store.create('activity', { title: 'Poster', progress: 'planned', order: 1 }, { phase: 'dissemination' }));
    expect(removedPhase.message).to.match(/phase "dissemination" does not exist or was removed/);
    const unknownPhase = await refusal(store.create('activity', { title: 'Poster', progress: 'planned', order: 1 }, { phase: 'holidays' }));
    expect(unknownPhase.message).to.match(/phase "holidays"/);
    const competence = await refusal(store.create('goal', { title: 'Swim', competence: 'swimming', order: 9 }));
    expect(competence.message).to.include('competence').and.include('cultural-awareness');
    const rating = await refusal(world.storeFor(pupil).create('goal-rating', { goal: 'goal-language', moment: 'before', value: 7 }));
    expect(rating.message).to.include('1 to 5');
    const dates = await refusal(store.create('phase', { name: 'Backwards', order: 9, startsOn: '2027-05-01', endsOn: '2027-04-01' }));
    expect(dates.message).to.include('ends before it starts');
    const pupilPlan = await refusal(world.storeFor(pupil).create('phase', { name: 'Party', order: 9 }));
    expect(pupilPlan.name).to.equal('TwinPermissionError');

    const activities = (await store.list<Activity>('activity')).records;
    expect(activities.some((a) => a.title === 'Poster')).to.equal(false);
    expect((await store.list<Phase>('phase')).records.length, 'nothing saved half').to.equal(4);
    // A removed phase's activities are still there, and still editable.
    const kept = activities.find((a) => a.phase === 'dissemination')!;
    await store.update('activity', kept, { progress: 'done' });
    await until(() => trackerText(world.tracker).includes('Removed phases (1)'), 'the removed phase listed');
  });

  it('a template applied on top of a partly stored plan saves nothing half and says why', async () => {
    const world = await trackerWith({ user: teacher });
    // Another teacher made the "mobility" phase and removed it: the template's id is taken.
    const other = world.storeFor(teacher);
    const mobility = await other.create<Phase>('phase', { name: 'Trip', order: 1 }, { id: 'mobility' });
    await other.update('phase', mobility, { archived: true });
    await until(() => trackerText(world.tracker).includes('Removed phases (1)'), 'the removed phase');
    expect(root(world.tracker).querySelector('.start'), 'with a removed phase, the plan is not empty').to.equal(null);
    const error = await refusal(other.createAll([
      { collection: 'phase', id: 'preparation', fields: { name: 'Preparation', order: 1 } },
      { collection: 'phase', id: 'mobility', fields: { name: 'Mobility', order: 2 } },
    ]));
    expect(error.message.length).to.be.greaterThan(10);
    expect((await other.list<Phase>('phase')).records.map((p) => p.id), 'no preparation phase written').to.deep.equal(['mobility']);
  });

  it('hostile text in names, descriptions and goals shows as text, never as markup', async () => {
    const world = await trackerWith({ user: teacher, today: SAMPLE_TODAY });
    const store = world.storeFor(teacher);
    await store.createAll([
      { collection: 'phase', id: 'p1', fields: { name: '<img src=x onerror="window.hacked=1">Prep', order: 1, description: '<script>window.hacked=2</script>' } },
      { collection: 'goal', id: 'g1', fields: { title: '<a href="javascript:alert(1)">goal</a>', competence: 'project', order: 1 } },
      { collection: 'activity', phase: 'p1', fields: { title: '<b onclick="x">bold</b>', progress: 'planned', order: 1, responsible: '"><svg onload=alert(1)>' } },
    ]);
    await until(() => phaseNames(world.tracker).length === 1, 'the plan');
    const shadow = root(world.tracker);
    expect(shadow.querySelector('img, script, a[href^="javascript"], svg[onload], b')).to.equal(null);
    expect(trackerText(world.tracker)).to.include('<img src=x onerror="window.hacked=1">Prep').and.include('<script>window.hacked=2</script>');
    buttonIn(shadow, 'Checklist').click();
    await until(() => shadow.querySelector('.checklist'), 'the checklist');
    expect(shadow.querySelector('.checklist')!.textContent).to.include('<b onclick="x">bold</b>');
    buttonIn(shadow, 'Learning goals').click();
    await until(() => shadow.querySelector('.goals'), 'the goals');
    expect(shadow.querySelector('.goals a')).to.equal(null);
    expect((window as { hacked?: number }).hacked).to.equal(undefined);
  });

  it('a huge paste is refused with a clear message, and the typed text stays in the form', async () => {
    const world = await trackerWith({ user: teacher });
    buttonIn(root(world.tracker), 'Start with the four phases').click();
    await until(() => phaseNames(world.tracker).length === 4, 'the phases');
    buttonIn(phaseItem(world.tracker, 'Reflection'), 'Edit').click();
    const form = await dialogForm(world.tracker);
    const huge = 'x'.repeat(25_000);
    // The textarea's maxlength stops typing; a paste by script (or a crafted page) still reaches the store.
    form.querySelector('textarea')!.removeAttribute('maxlength');
    setField(form, 'description', huge);
    submit(form);
    await until(() => form.querySelector('.form-problem')!.textContent, 'the problem');
    expect(form.querySelector('.form-problem')!.textContent).to.match(/too long: at most 20,000 characters/);
    expect(form.querySelector('textarea')!.value.length).to.equal(25_000);
    expect((await world.store.get<Phase>('phase', 'reflection')).description).to.not.equal(huge);
  });

  it('a full disk keeps the form open with what was typed, says so, and the next save works', async () => {
    const disk = failingWrites(createMemoryAdapter({ backing: new MemoryBacking() }));
    registerAdapter('tracker-full-disk', () => disk.adapter);
    const wrapper = await fixture<HTMLDivElement>(html`<div>
      <twin-space adapter="tracker-full-disk" space="tracker-full-disk" user-id=${teacher.id} user-name=${teacher.name} user-role="teacher">
        <twin-phase-tracker></twin-phase-tracker>
      </twin-space>
    </div>`);
    const tracker = wrapper.querySelector('twin-phase-tracker') as TwinPhaseTracker;
    await until(() => trackerText(tracker).includes('No plan yet'), 'ready');
    disk.failNext();
    buttonIn(root(tracker), 'Start with the four phases').click();
    await until(() => root(tracker).querySelector('.start .problem'), 'the quota message');
    expect(root(tracker).querySelector('.start .problem')!.textContent).to.include('no room left');
    const space = wrapper.querySelector('twin-space')!;
    expect((await space.store!.list('phase')).records.length, 'nothing written').to.equal(0);
    buttonIn(root(tracker), 'Start with the four phases').click();
    await until(() => phaseNames(tracker).length === 4, 'saved on the second try');

    buttonIn(phaseItem(tracker, 'Mobility'), 'Edit').click();
    const form = await dialogForm(tracker);
    setField(form, 'name', 'Mobility in Gdynia');
    disk.failNext();
    submit(form);
    await until(() => form.querySelector('.form-problem')!.textContent, 'the problem');
    expect(form.querySelector('.form-problem')!.textContent).to.include('no room left');
    expect(form.querySelector<HTMLInputElement>('[name=name]')!.value).to.equal('Mobility in Gdynia');
    submit(form);
    await until(() => phaseNames(tracker).includes('Mobility in Gdynia'), 'saved');
    await expectAccessible(tracker);
  });

  it('a wrong view or today attribute falls back with a console warning', async () => {
    const warnings: string[] = [];
    const warn = console.warn;
    console.warn = (message: string) => warnings.push(message);
    try {
      const world = await trackerWith({ user: teacher, today: 'yesterday' });
      world.tracker.view = 'kanban';
      await world.tracker.updateComplete;
      expect(warnings.join(' ')).to.include('view="kanban"').and.include('today="yesterday"');
      buttonIn(root(world.tracker), 'Start with the four phases').click();
      await until(() => phaseNames(world.tracker).length === 4, 'the timeline still shows');
    } finally {
      console.warn = warn;
    }
  });
});
