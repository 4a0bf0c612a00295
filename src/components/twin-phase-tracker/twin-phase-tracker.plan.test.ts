import { expect } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { Activity } from '../../sdk/schemas/activity.js';
import type { Phase } from '../../sdk/schemas/phase.js';
import { setUiLocale, uiLocale } from '../../localization/localization.js';
import { expectAccessible } from '../../test-support/axe.js';
import { observer, pupil, teacher } from '../../test-support/glossary-fixture.js';
import { until } from '../../test-support/record-list.js';
import { ratingId } from '../../sdk/schemas/goal-rating.js';
import { SAMPLE_TODAY, seedSamplePlan } from '../../test-support/sample-plan.js';
import { buttonIn, dialogForm, phaseItem, phaseNames, setField, submit, trackerText, trackerWith, untilStored } from '../../test-support/tracker-fixture.js';

const root = (element: Element) => element.shadowRoot!;

describe('<twin-phase-tracker>: the plan (phases, dates, activities)', () => {
  it('a teacher starts from the blended-mobility template: 4 phases and 11 activities in one step', async () => {
    const world = await trackerWith({ user: teacher });
    expect(trackerText(world.tracker)).to.include('No plan yet');
    await expectAccessible(world.tracker);
    buttonIn(root(world.tracker), 'Use the blended-mobility template').click();
    await until(() => phaseNames(world.tracker).length === 4, 'the four phases');
    expect(phaseNames(world.tracker)).to.deep.equal(['Preparation', 'Mobility', 'Reflection', 'Dissemination']);
    const activities = (await world.store.list<Activity>('activity')).records;
    expect(activities.length).to.equal(11);
    expect(activities.find((a) => /icebreaking/i.test(a.title))?.phase).to.equal('preparation');
    expect(trackerText(world.tracker)).to.include('0 of');
    await expectAccessible(world.tracker);
  });

  it('the template is in the UI language: a German teacher gets German phases and activities', async () => {
    try {
      const world = await trackerWith({ user: teacher, lang: 'de' });
      await until(() => uiLocale() === 'de' && trackerText(world.tracker).includes('Noch kein Plan'), 'the German UI');
      buttonIn(root(world.tracker), 'Vorlage „Kombinierte Mobilität“ nutzen').click();
      await until(() => phaseNames(world.tracker).length === 4, 'the four phases');
      expect(phaseNames(world.tracker)).to.deep.equal(['Vorbereitung', 'Mobilität', 'Reflexion', 'Verbreitung']);
      const activities = (await world.store.list<Activity>('activity')).records;
      const icebreaking = activities.find((a) => a.phase === 'preparation' && a.order === 3);
      expect(icebreaking?.title).to.equal('Kennenlernspiele und Wortschatz teilen');
      expect(icebreaking?.description).to.include('gemeinsames Glossar');
      expect(icebreaking?.widgets).to.deep.equal(['glossary']);
    } finally {
      await setUiLocale('en');
    }
  });

  it('a pupil and an observer see an unplanned project, with no way to plan it', async () => {
    for (const user of [pupil, observer]) {
      const world = await trackerWith({ user });
      expect(trackerText(world.tracker)).to.include('The teachers have not planned the project phases yet.');
      expect(root(world.tracker).querySelectorAll('.tracker button').length, user.role).to.equal(0);
    }
  });

  it('a teacher adds, renames, reorders, removes and brings back a phase; removed content stays reachable', async () => {
    const world = await trackerWith({ user: teacher });
    buttonIn(root(world.tracker), 'Start with the four phases').click();
    await until(() => phaseNames(world.tracker).length === 4, 'the four phases');

    buttonIn(root(world.tracker), 'Add a phase').click();
    let form = await dialogForm(world.tracker);
    setField(form, 'name', 'Fieldwork');
    setField(form, 'startsOn', '2027-03-09');
    setField(form, 'endsOn', '2027-03-12');
    submit(form);
    await until(() => phaseNames(world.tracker).includes('Fieldwork'), 'the new phase');
    expect(phaseNames(world.tracker).at(-1)).to.equal('Fieldwork');
    const stored = await world.store.get<Phase>('phase', 'fieldwork');
    expect(stored.startsOn).to.equal('2027-03-09');

    buttonIn(phaseItem(world.tracker, 'Fieldwork'), 'Edit').click();
    form = await dialogForm(world.tracker);
    setField(form, 'name', 'Fieldwork in mixed teams');
    submit(form);
    await until(() => phaseNames(world.tracker).includes('Fieldwork in mixed teams'), 'the renamed phase');

    // Three moves earlier: from 5th to 2nd, each one write.
    for (let i = 0; i < 3; i++) {
      buttonIn(phaseItem(world.tracker, 'Fieldwork in mixed teams'), 'Move earlier').click();
      await until(() => phaseNames(world.tracker).indexOf('Fieldwork in mixed teams') === 3 - i, `move ${i + 1}`);
    }
    expect(phaseNames(world.tracker)).to.deep.equal(['Preparation', 'Fieldwork in mixed teams', 'Mobility', 'Reflection', 'Dissemination']);
    const other = world.storeFor(teacher);
    const order = (await other.list<Phase>('phase')).records.sort((a, b) => a.order - b.order).map((p) => p.id);
    expect(order, 'the order is stored, not only shown').to.deep.equal(['preparation', 'fieldwork', 'mobility', 'reflection', 'dissemination']);

    await world.store.create('activity', { title: 'Map the dunes', progress: 'planned', order: 1 }, { phase: 'fieldwork' });
    await world.store.create('glossary', { translations: { en: { term: 'dune' } } }, { phase: 'fieldwork' });
    buttonIn(phaseItem(world.tracker, 'Fieldwork in mixed teams'), 'Remove').click();
    await until(() => root(world.tracker).querySelector('dialog[open]'), 'the confirmation');
    expect(root(world.tracker).querySelector('dialog[open]')!.textContent).to.include('stay reachable');
    buttonIn(root(world.tracker).querySelector('dialog[open]')!, 'Remove').click();
    await until(() => !phaseNames(world.tracker).includes('Fieldwork in mixed teams'), 'the phase removed');
    const removed = root(world.tracker).querySelector<HTMLDetailsElement>('details.removed')!;
    expect(removed.textContent).to.include('Removed phases (1)').and.include('Map the dunes').and.include('Glossary: 1');
    expect((await other.get<Phase>('phase', 'fieldwork')).archived, 'kept, marked removed').to.equal(true);

    buttonIn(removed, 'Bring back').click();
    await until(() => phaseNames(world.tracker).includes('Fieldwork in mixed teams'), 'the phase back');
    expect(root(world.tracker).querySelector('details.removed')).to.equal(null);
  });

  it('marks the mobility dates and today on the timeline, in words as well as drawn', async () => {
    const world = await trackerWith({ user: teacher, today: SAMPLE_TODAY });
    await seedSamplePlan(world.storeFor(teacher));
    await until(() => phaseNames(world.tracker).length === 4, 'the sample plan');
    const text = trackerText(world.tracker);
    expect(text).to.include('Travel out: Mar 8, 2027').and.include('Travel back: Mar 14, 2027').and.include('Today: Mar 10, 2027');
    const mobility = phaseItem(world.tracker, 'Mobility in Gdynia');
    expect(mobility.getAttribute('aria-current')).to.equal('step');
    expect(mobility.textContent).to.include('Current phase').and.include('Today: day 3 of 7');
    expect(mobility.querySelectorAll('.track .marker.travel').length).to.equal(2);
    expect(mobility.querySelector('.track')!.getAttribute('aria-hidden')).to.equal('true');
    await expectAccessible(world.tracker);
  });

  it('a teacher sets the travel dates and the current phase; wrong dates are refused and nothing is saved', async () => {
    const world = await trackerWith({ user: teacher });
    buttonIn(root(world.tracker), 'Start with the four phases').click();
    await until(() => phaseNames(world.tracker).length === 4, 'the phases');
    buttonIn(root(world.tracker), 'Dates and current phase').click();
    let form = await dialogForm(world.tracker);
    setField(form, 'travelOut', '2027-03-14');
    setField(form, 'travelBack', '2027-03-08');
    submit(form);
    await until(() => form.querySelector('.form-problem')!.textContent, 'the problem');
    expect(form.querySelector('.form-problem')!.textContent).to.equal('The day of travel back is before the day of travel out.');
    expect(form.querySelector('[name=travelBack]')!.getAttribute('aria-invalid')).to.equal('true');
    expect(root(world.tracker).querySelector('dialog')!.open, 'the dialog stays, with what was typed').to.equal(true);
    expect(form.querySelector<HTMLInputElement>('[name=travelOut]')!.value).to.equal('2027-03-14');
    expect((await world.store.list('project')).records.length, 'nothing saved').to.equal(0);

    setField(form, 'travelBack', '2027-03-20');
    setField(form, 'currentPhase', 'mobility');
    submit(form);
    await until(() => !root(world.tracker).querySelector('dialog')!.open, 'saved and closed');
    expect(trackerText(world.tracker)).to.include('Travel back: Mar 20, 2027');
    expect(phaseItem(world.tracker, 'Mobility').textContent).to.include('Current phase');

    buttonIn(phaseItem(world.tracker, 'Reflection'), 'Edit').click();
    form = await dialogForm(world.tracker);
    setField(form, 'startsOn', '2027-05-01');
    setField(form, 'endsOn', '2027-04-01');
    submit(form);
    await until(() => form.querySelector('.form-problem')!.textContent, 'the problem');
    expect(form.querySelector('.form-problem')!.textContent).to.equal('The end date is before the start date.');
    expect((await world.store.get<Phase>('phase', 'reflection')).startsOn).to.not.equal('2027-05-01');
  });

  it('activities: a teacher adds one with its school, date, widgets and goals, ticks it off, and progress follows', async () => {
    const world = await trackerWith({ user: teacher, today: SAMPLE_TODAY });
    await seedSamplePlan(world.storeFor(teacher));
    await until(() => phaseNames(world.tracker).length === 4, 'the plan');
    buttonIn(root(world.tracker), 'Checklist').click();
    await until(() => root(world.tracker).querySelector('.checklist'), 'the checklist');
    const reflection = [...root(world.tracker).querySelectorAll('.check-phase')].find((s) => s.querySelector('h3')!.textContent!.includes('Reflection'))!;
    const before = reflection.querySelectorAll('.activity').length;
    buttonIn(reflection, 'Add an activity').click();
    const form = await dialogForm(world.tracker);
    expect(form.querySelector<HTMLSelectElement>('[name=phase]')!.value, 'the phase it was added from').to.equal('reflection');
    setField(form, 'title', 'Exhibition of photos');
    setField(form, 'responsible', 'Liceo Galilei');
    setField(form, 'dueOn', '2027-03-01');
    setField(form, 'widgets', ['board']);
    setField(form, 'goals', ['goal-fieldwork']);
    submit(form);
    await until(() => reflection.querySelectorAll('.activity').length === before + 1, 'the new activity');
    const item = [...reflection.querySelectorAll('.activity')].find((li) => li.textContent!.includes('Exhibition of photos'))!;
    expect(item.textContent).to.include('Responsible: Liceo Galilei').and.include('Done in: TwinBoard').and.include('Goals: Document fieldwork with photos and maps').and.include('Late');
    const stored = (await world.store.list<Activity>('activity')).records.find((a) => a.title === 'Exhibition of photos')!;
    expect(stored).to.include({ phase: 'reflection', progress: 'planned', dueOn: '2027-03-01' });

    const select = item.querySelector('select')!;
    select.value = 'done';
    select.dispatchEvent(new Event('change'));
    await untilStored(async () => (await world.store.get<Activity>('activity', stored.id)).progress === 'done', 'stored as done');
    await until(() => reflection.querySelector('h3')!.textContent!.includes(`1 of ${before + 1} done`), 'the progress');
    await expectAccessible(world.tracker);
  });

  it('a pupil reads the plan without any control that changes it', async () => {
    const world = await trackerWith({ user: pupil, today: SAMPLE_TODAY });
    await seedSamplePlan(world.storeFor(teacher));
    await until(() => phaseNames(world.tracker).length === 4, 'the plan');
    const labels = [...root(world.tracker).querySelectorAll('button')].map((b) => b.textContent!.trim());
    for (const word of ['Edit', 'Remove', 'Move earlier', 'Add a phase', 'Make current', 'Download JSON']) {
      expect(labels.some((label) => label.startsWith(word)), word).to.equal(false);
    }
    expect(labels).to.include('Print the plan');
    buttonIn(root(world.tracker), 'Checklist').click();
    await until(() => root(world.tracker).querySelector('.checklist'), 'the checklist');
    expect(root(world.tracker).querySelector('.checklist select')).to.equal(null);
    expect(root(world.tracker).querySelector('.checklist')!.textContent).to.include('In progress');
    await expectAccessible(world.tracker);
  });

  it('by keyboard: a phase moves with Enter, focus follows it, and Escape closes a dialog back to its button', async () => {
    const world = await trackerWith({ user: teacher });
    buttonIn(root(world.tracker), 'Start with the four phases').click();
    await until(() => phaseNames(world.tracker).length === 4, 'the phases');
    buttonIn(phaseItem(world.tracker, 'Reflection'), 'Move earlier').focus();
    await sendKeys({ press: 'Enter' });
    await until(() => phaseNames(world.tracker)[1] === 'Reflection', 'moved by keyboard');
    await until(() => root(world.tracker).activeElement?.closest('li') === phaseItem(world.tracker, 'Reflection'), 'focus on the moved phase');
    expect(root(world.tracker).activeElement!.textContent).to.include('Move earlier');
    await until(() => root(world.tracker).querySelector('[role=status]')!.textContent!.includes('"Reflection" is now phase 2.'), 'the announcement');

    const edit = buttonIn(phaseItem(world.tracker, 'Mobility'), 'Edit');
    edit.focus();
    await sendKeys({ press: 'Enter' });
    await dialogForm(world.tracker);
    expect(root(world.tracker).activeElement?.getAttribute('name')).to.equal('name');
    await sendKeys({ press: 'Escape' });
    await until(() => !root(world.tracker).querySelector('dialog')!.open, 'closed');
    await until(() => root(world.tracker).activeElement === edit, 'focus back on Edit');
  });

  it('prints the plan from a script-less frame with phases, activities and goals, pupil text as text', async () => {
    const world = await trackerWith({ user: teacher, today: SAMPLE_TODAY });
    await seedSamplePlan(world.storeFor(teacher));
    await world.store.create('activity', { title: '<img src=x onerror=alert(1)> "quoted"', progress: 'planned', order: 99 }, { phase: 'reflection' });
    await until(() => phaseNames(world.tracker).length === 4, 'the plan');
    buttonIn(root(world.tracker), 'Print the plan').click();
    const frame = root(world.tracker).querySelector<HTMLIFrameElement>('iframe.print')!;
    expect(frame.getAttribute('sandbox')).to.not.include('allow-scripts');
    const doc = new DOMParser().parseFromString(frame.srcdoc, 'text/html');
    expect(doc.body.textContent).to.include('Coasts we share').and.include('Mobility in Gdynia').and.include('Icebreaking').and.include('Talk with partners');
    expect(doc.querySelector('img'), 'hostile markup stays text').to.equal(null);
    expect(doc.body.textContent).to.include('<img src=x onerror=alert(1)> "quoted"');
  });

  it('downloads the whole plan as lossless JSON, removed phases and self-ratings included (teachers only)', async () => {
    const world = await trackerWith({ user: teacher, today: SAMPLE_TODAY });
    await seedSamplePlan(world.storeFor(teacher));
    await world.storeFor(pupil).create('goal-rating', { goal: 'goal-language', moment: 'before', value: 4 }, { id: ratingId('goal-language', 'before', pupil.id) });
    const other = world.storeFor(teacher);
    await other.update('phase', await other.get<Phase>('phase', 'dissemination'), { archived: true });
    await until(() => phaseNames(world.tracker).length === 3, 'the plan');
    const saved: Blob[] = [];
    const original = URL.createObjectURL;
    URL.createObjectURL = (blob: Blob | MediaSource) => (saved.push(blob as Blob), original(blob as Blob));
    try {
      buttonIn(root(world.tracker), 'Download JSON').click();
    } finally {
      URL.createObjectURL = original;
    }
    const plan = JSON.parse(await saved[0].text());
    expect(plan.format).to.equal('twinkit-plan');
    expect(plan.phases.map((p: Phase) => p.id)).to.have.members(['preparation', 'mobility', 'reflection', 'dissemination']);
    expect(plan.phases.find((p: Phase) => p.id === 'dissemination').archived).to.equal(true);
    expect(plan.activities.length).to.equal(11);
    expect(plan.ratings.map((r: { value: number }) => r.value)).to.deep.equal([4]);
    expect(plan.project.travelOut).to.equal('2027-03-08');
  });
});

