import { expect } from '@open-wc/testing';
import type { Activity } from '../../sdk/schemas/activity.js';
import type { GlossaryEntry } from '../../sdk/schemas/glossary.js';
import { expectAccessible } from '../../test-support/axe.js';
import { partner, pupil, rowTexts, teacher } from '../../test-support/glossary-fixture.js';
import { until } from '../../test-support/record-list.js';
import { SAMPLE_TODAY, seedSamplePlan } from '../../test-support/sample-plan.js';
import { buttonIn, phaseItem, phaseNames, trackerText, trackerWith } from '../../test-support/tracker-fixture.js';

const root = (element: Element) => element.shadowRoot!;

async function plannedWorld(user = teacher, extra: Partial<Parameters<typeof trackerWith>[0]> = {}) {
  const world = await trackerWith({ user, today: SAMPLE_TODAY, ...extra });
  await seedSamplePlan(world.storeFor(teacher));
  const other = world.storeFor(partner);
  await other.create('glossary', { translations: { en: { term: 'harbour' } } }, { phase: 'preparation' });
  await other.create('glossary', { translations: { en: { term: 'amber' } } }, { phase: 'mobility' });
  await other.create('glossary', { translations: { en: { term: 'dune' } } }, { phase: 'mobility' });
  await until(() => phaseNames(world.tracker).length === 4, 'the plan');
  if (!extra.phase) await until(() => rowTexts(world.glossary).length === 3, 'the glossary');
  return world;
}

describe('<twin-phase-tracker> in a <twin-space>: driving the other widgets', () => {
  it('"Show only this phase" filters every widget of the space, and "Show all phases" undoes it', async () => {
    const world = await plannedWorld(pupil);
    const heard: (string | undefined)[] = [];
    world.space.addEventListener('twin-phase-select', (event) => heard.push(event.detail.phase));
    buttonIn(phaseItem(world.tracker, 'Mobility in Gdynia'), 'Show only this phase').click();
    await until(() => world.space.phase === 'mobility', 'the space filtered');
    await until(() => rowTexts(world.glossary).length === 2, 'the glossary filtered');
    expect(rowTexts(world.glossary).join(' ')).to.include('amber').and.include('dune').and.not.include('harbour');
    expect(heard).to.deep.equal(['mobility']);
    expect(trackerText(world.tracker)).to.include('Every widget shows only the phase "Mobility in Gdynia".');
    expect(buttonIn(phaseItem(world.tracker, 'Mobility in Gdynia'), 'Show only this phase').getAttribute('aria-pressed')).to.equal('true');
    await expectAccessible(world.tracker);

    buttonIn(root(world.tracker), 'Show all phases').click();
    await until(() => !world.space.phase, 'the filter cleared');
    await until(() => rowTexts(world.glossary).length === 3, 'every entry again');
  });

  it('a page that routes phases itself cancels the event, and the space is left as it was', async () => {
    const world = await plannedWorld(pupil);
    const cancel = (event: Event) => event.preventDefault();
    document.addEventListener('twin-phase-select', cancel);
    try {
      buttonIn(phaseItem(world.tracker, 'Reflection'), 'Show only this phase').click();
      // A later entry of another phase reaches the glossary: had the filter been applied (before
      // that entry was even written), the glossary would show Reflection only and never 4 rows.
      await world.storeFor(partner).create('glossary', { translations: { en: { term: 'pier' } } }, { phase: 'preparation' });
      await until(() => rowTexts(world.glossary).length === 4, 'the later entry in the unfiltered glossary');
      expect(world.space.phase || undefined).to.equal(undefined);
    } finally {
      document.removeEventListener('twin-phase-select', cancel);
    }
  });

  it('a phase filter set on <twin-space> reaches the tracker, which marks that phase', async () => {
    const world = await plannedWorld(teacher, { phase: 'reflection' });
    await until(() => phaseItem(world.tracker, 'Reflection').classList.contains('shown'), 'the shown phase marked');
    buttonIn(root(world.tracker), 'Checklist').click();
    await until(() => root(world.tracker).querySelector('.checklist'), 'the checklist');
    const sections = [...root(world.tracker).querySelectorAll('.checklist .check-phase h3')].map((h) => h.textContent!.trim());
    expect(sections.length).to.equal(1);
    expect(sections[0]).to.include('Reflection');
  });

  it("the teacher's current phase is what new records in every widget take", async () => {
    const world = await plannedWorld(teacher);
    expect(world.space.currentPhase).to.equal('mobility');
    const created = await world.store.create<GlossaryEntry>('glossary', { translations: { en: { term: 'pier' } } });
    expect(created.phase).to.equal('mobility');

    buttonIn(phaseItem(world.tracker, 'Reflection'), 'Make current').click();
    await until(() => world.space.currentPhase === 'reflection', 'the new current phase');
    expect(phaseItem(world.tracker, 'Reflection').getAttribute('aria-current')).to.equal('step');
    const next = await world.store.create<GlossaryEntry>('glossary', { translations: { en: { term: 'tide' } } });
    expect(next.phase).to.equal('reflection');

    // Another tab's space hears the change too (the project record is shared).
    const tab = await trackerWith({ user: pupil, backing: world.backing, space: world.spaceId, today: SAMPLE_TODAY });
    await until(() => tab.space.currentPhase === 'reflection', "the other tab's current phase");
    const theirs = await tab.store.create<GlossaryEntry>('glossary', { translations: { en: { term: 'reef' } } });
    expect(theirs.phase).to.equal('reflection');
  });

  it('counts what each phase produced in the other widgets and lets the page navigate there', async () => {
    const world = await plannedWorld(pupil);
    const mobility = phaseItem(world.tracker, 'Mobility in Gdynia');
    expect(mobility.querySelector('.contributions')!.textContent).to.include('Glossary: 2');
    expect(phaseItem(world.tracker, 'Preparation').querySelector('.contributions')!.textContent).to.include('Glossary: 1');
    const opened: unknown[] = [];
    document.addEventListener('twin-contributions-open', (event) => opened.push(event.detail), { once: true });
    buttonIn(mobility, 'Glossary: 2').click();
    expect(opened).to.deep.equal([{ phase: 'mobility', widget: 'glossary' }]);

    // A new entry elsewhere updates the count without a reload.
    await world.storeFor(partner).create('glossary', { translations: { en: { term: 'gull' } } }, { phase: 'mobility' });
    await until(() => phaseItem(world.tracker, 'Mobility in Gdynia').querySelector('.contributions')!.textContent!.includes('Glossary: 3'), 'the count updated');
  });

  it("another teacher's change (another tab or device) appears without a reload", async () => {
    const world = await plannedWorld(pupil);
    const otherTeacher = world.storeFor(teacher);
    const open = (await otherTeacher.list<Activity>('activity')).records.filter((a) => a.phase === 'reflection');
    const before = phaseItem(world.tracker, 'Reflection').querySelector('.progress-line')!.textContent!;
    expect(before).to.include(`0 of ${open.length} activities done`);
    await otherTeacher.update('activity', open[0], { progress: 'done' });
    await until(() => phaseItem(world.tracker, 'Reflection').querySelector('.progress-line')!.textContent!.includes(`1 of ${open.length} activities done`), 'the progress');
    await otherTeacher.update('phase', await otherTeacher.get('phase', 'dissemination'), { name: 'Sharing our coasts' });
    await until(() => phaseNames(world.tracker).includes('Sharing our coasts'), 'the renamed phase');
  });

  it('speaks Spanish inside a Spanish page', async () => {
    const world = await plannedWorld(teacher, { lang: 'es' });
    await until(() => trackerText(world.tracker).includes('Fases') || trackerText(world.tracker).includes('Cronología'), 'the Spanish UI');
    const text = trackerText(world.tracker);
    expect(text).to.include('Cronología').and.include('Fase actual').and.include('Ida: 8 mar 2027');
    await expectAccessible(world.tracker);
  });
});
