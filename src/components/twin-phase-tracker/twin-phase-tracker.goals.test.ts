import { expect } from '@open-wc/testing';
import type { Goal } from '../../sdk/schemas/goal.js';
import type { GoalRating } from '../../sdk/schemas/goal-rating.js';
import { expectAccessible } from '../../test-support/axe.js';
import { observer, partner, pupil, teacher } from '../../test-support/glossary-fixture.js';
import { until } from '../../test-support/record-list.js';
import { SAMPLE_GOALS, SAMPLE_TODAY, seedSamplePlan, seedSampleRatings } from '../../test-support/sample-plan.js';
import { buttonIn, dialogForm, phaseNames, setField, submit, trackerText, trackerWith, untilStored } from '../../test-support/tracker-fixture.js';

const root = (element: Element) => element.shadowRoot!;

async function goalsOf(world: Awaited<ReturnType<typeof trackerWith>>, rate?: () => Promise<void>) {
  await seedSamplePlan(world.storeFor(teacher));
  await rate?.();
  await until(() => phaseNames(world.tracker).length === 4, 'the plan');
  buttonIn(root(world.tracker), 'Learning goals').click();
  await until(() => root(world.tracker).querySelector('.goals'), 'the goals');
}

/** The rating radio of a goal in the pupil's form. */
function ratingRadio(tracker: Element, goal: string, value: number): HTMLInputElement {
  const fieldset = [...root(tracker).querySelectorAll('fieldset.scale')].find((f) => f.querySelector('legend')!.textContent === goal);
  if (!fieldset) throw new Error(`No rating for "${goal}"`);
  return fieldset.querySelector<HTMLInputElement>(`input[value="${value}"]`)!;
}

describe('<twin-phase-tracker>: shared learning goals and self-ratings', () => {
  it('a teacher adds a goal from the EU key competences, linked to activities', async () => {
    const world = await trackerWith({ user: teacher, today: SAMPLE_TODAY });
    await goalsOf(world);
    buttonIn(root(world.tracker), 'Add a goal').click();
    const form = await dialogForm(world.tracker);
    const options = [...form.querySelectorAll<HTMLOptionElement>('[name=competence] option')].map((o) => o.value);
    expect(options).to.include.members(['literacy', 'multilingual', 'stem', 'digital', 'personal-social-learning', 'citizenship', 'entrepreneurship', 'cultural-awareness', 'vocational', 'project']);
    setField(form, 'title', 'Explain a coastal problem to younger pupils');
    setField(form, 'competence', 'literacy');
    submit(form);
    await until(() => trackerText(world.tracker).includes('Explain a coastal problem'), 'the new goal');
    const goal = (await world.store.list<Goal>('goal')).records.find((g) => g.title.startsWith('Explain'))!;
    expect(goal.competence).to.equal('literacy');
    const item = [...root(world.tracker).querySelectorAll('.goal')].find((li) => li.textContent!.includes('Explain'))!;
    expect(item.textContent).to.include('Literacy').and.include('0 activities work on it');
    const linked = [...root(world.tracker).querySelectorAll('.goal')].find((li) => li.textContent!.includes(SAMPLE_GOALS[0].title))!;
    expect(linked.textContent).to.match(/[1-9]\d* activit(y works|ies work) on it/);
  });

  it('a pupil rates themself before the mobility; saved at once, announced, and private to them and the teachers', async () => {
    const world = await trackerWith({ user: pupil, today: '2027-03-01' });
    await goalsOf(world);
    await expectAccessible(world.tracker);
    const moment = root(world.tracker).querySelector<HTMLInputElement>('fieldset.moment input[value="before"]')!;
    if (!moment) throw new Error(trackerText(world.tracker));
    expect(moment.checked, 'before the travel, "before" is chosen').to.equal(true);
    ratingRadio(world.tracker, SAMPLE_GOALS[0].title, 2).click();
    await untilStored(async () => (await world.store.list<GoalRating>('goal-rating')).records.length === 1, 'the rating stored');
    const [rating] = (await world.store.list<GoalRating>('goal-rating')).records;
    expect(rating).to.include({ goal: SAMPLE_GOALS[0].id, moment: 'before', value: 2 });
    await until(() => root(world.tracker).querySelector('[role=status]')!.textContent!.includes(`Saved: ${SAMPLE_GOALS[0].title}, 2 of 5.`), 'the announcement');

    // Changing it replaces it: one rating per goal and moment.
    ratingRadio(world.tracker, SAMPLE_GOALS[0].title, 3).click();
    await untilStored(async () => (await world.store.list<GoalRating>('goal-rating')).records[0]?.value === 3, 'updated');
    expect((await world.store.list<GoalRating>('goal-rating')).records.length).to.equal(1);

    expect((await world.storeFor(partner).list('goal-rating')).records.length, 'another pupil cannot read it, even through the store').to.equal(0);
    await expectAsync(world.storeFor(partner).get('goal-rating', rating.id));
    expect((await world.storeFor(observer).list('goal-rating')).records.length).to.equal(0);
    expect((await world.storeFor(teacher).list('goal-rating')).records.length, 'teachers see it').to.equal(1);
  });

  it('the teacher sees the class change as a chart, and the same figures in a table for screen readers', async () => {
    const world = await trackerWith({ user: teacher, today: SAMPLE_TODAY });
    await goalsOf(world, () => seedSampleRatings(world.storeFor, [pupil, partner], ['before', 'after']));
    await until(() => root(world.tracker).querySelector('.chart'), 'the chart');
    const chart = root(world.tracker).querySelector('.chart')!;
    expect(chart.getAttribute('aria-hidden')).to.equal('true');
    expect(chart.querySelectorAll('svg rect.after').length).to.equal(SAMPLE_GOALS.length);
    const table = root(world.tracker).querySelector('table')!;
    expect(table.querySelector('caption')!.textContent).to.include('Self-ratings of the class');
    const rows = [...table.querySelectorAll('tbody tr')].map((tr) => [...tr.children].map((cell) => cell.textContent!.trim()));
    // Goal 1: pupils rated 1 and 2 before (mean 1.5), 2 and 3 after (2.5): +1.0 over 2 pupils.
    expect(rows[0]).to.deep.equal([SAMPLE_GOALS[0].title, '1.5 (2)', '2.5 (2)', '+1.0 (2)']);
    // The drawn bar says the same as the table.
    const after = chart.querySelector<SVGRectElement>('.chart-row svg rect.after')!;
    expect(Number(after.getAttribute('width'))).to.equal(50);
    await expectAccessible(world.tracker);
  });

  it("a pupil's chart shows only their own ratings; an observer sees goals, no ratings and no form", async () => {
    const world = await trackerWith({ user: pupil, today: SAMPLE_TODAY });
    await goalsOf(world, () => seedSampleRatings(world.storeFor, [pupil, partner], ['before']));
    await until(() => root(world.tracker).querySelector('table'), 'the table');
    const first = root(world.tracker).querySelector('tbody tr')!;
    expect(first.textContent).to.include('(1)');
    expect(root(world.tracker).querySelector('caption')!.textContent).to.include('Your self-ratings');

    const guest = await trackerWith({ user: observer, today: SAMPLE_TODAY, backing: world.backing, space: world.spaceId });
    buttonIn(root(guest.tracker), 'Learning goals').click();
    await until(() => root(guest.tracker).querySelector('.goals'), 'the goals');
    expect(root(guest.tracker).querySelector('fieldset.scale')).to.equal(null);
    expect(root(guest.tracker).querySelector('table')).to.equal(null);
    expect(trackerText(guest.tracker)).to.include(SAMPLE_GOALS[0].title);
    await expectAccessible(guest.tracker);
  });

  it("what's next: a pupil's own school's activities first, late ones marked, and the self-rating due", async () => {
    const kasia = { ...pupil, school: 'Szkoła Podstawowa nr 12' };
    const world = await trackerWith({ user: kasia, today: '2027-03-01' });
    await seedSamplePlan(world.storeFor(teacher));
    await until(() => root(world.tracker).querySelector('.next'), "what's next");
    const next = root(world.tracker).querySelector('.next')!;
    expect(next.textContent).to.include(`Rate yourself on ${SAMPLE_GOALS.length} goals before the mobility`);
    const items = [...next.querySelectorAll('li')].map((li) => li.textContent!.replace(/\s+/g, ' '));
    expect(items.length).to.be.greaterThan(1);
    buttonIn(next, `Rate yourself on ${SAMPLE_GOALS.length} goals before the mobility`).click();
    await until(() => root(world.tracker).querySelector('fieldset.scale'), 'the rating form');
    expect(world.tracker.view).to.equal('goals');
  });
});

async function expectAsync(promise: Promise<unknown>) {
  let failed = false;
  await promise.catch(() => (failed = true));
  expect(failed, 'the store refuses to deliver it').to.equal(true);
}
