import { msg, str } from '@lit/localize';
import { html, nothing } from 'lit';
import { isStaff } from '../../../sdk/policy/roles.js';
import { RATING_SCALE } from '../../../sdk/schemas/goal-rating.js';
import type { Goal } from '../../../sdk/schemas/goal.js';
import { memo } from '../../base/memo.js';
import { summarizeRatings } from '../model/rating-summary.js';
import { plural } from '../../../localization/plural.js';
import { scaleLabel } from '../../../localization/scale-label.js';
import { competenceLabel } from '../tracker-labels.js';
import type { TrackerActions, TrackerState } from '../tracker-state.js';
import { goalsChart } from './goals-chart.js';
import { about } from './phase-actions.js';

export type RatingMoment = 'before' | 'after';

const SCALE = Array.from({ length: RATING_SCALE.max - RATING_SCALE.min + 1 }, (_, i) => RATING_SCALE.min + i);

/** A pupil rates themself on each goal: one radio group per goal, saved as soon as it is chosen. */
function ratingForm(state: TrackerState, actions: TrackerActions, moment: RatingMoment, setMoment: (moment: RatingMoment) => void) {
  const mine = new Map(state.ratings.filter((rating) => rating.author.id === state.user?.id && rating.moment === moment).map((rating) => [rating.goal, rating.value]));
  return html`<section class="rate" aria-labelledby="rate-title">
    <h3 id="rate-title">${msg('How confident are you?', { id: 'tracker.rate.title' })}</h3>
    <fieldset class="moment">
      <legend>${msg('I am rating myself', { id: 'tracker.rate.moment' })}</legend>
      ${(['before', 'after'] as const).map(
        (value) => html`<label class="check">
          <input type="radio" name="moment" value=${value} .checked=${moment === value} @change=${() => setMoment(value)} />
          ${value === 'before' ? msg('before the mobility', { id: 'tracker.rate.before' }) : msg('after the mobility', { id: 'tracker.rate.after' })}
        </label>`,
      )}
    </fieldset>
    ${state.goals.map(
      (goal) => html`<fieldset class="scale">
        <legend>${goal.title}</legend>
        ${SCALE.map(
          (value) => html`<label class="check">
            <input type="radio" name=${`rate-${goal.id}`} value=${value} .checked=${mine.get(goal.id) === value} @change=${() => actions.rate(goal, moment, value)} />
            ${scaleLabel(value)}
          </label>`,
        )}
      </fieldset>`,
    )}
  </section>`;
}

function goalItem(goal: Goal, state: TrackerState, actions: TrackerActions) {
  const serving = state.activities.filter((activity) => activity.goals?.includes(goal.id)).length;
  return html`<li class="goal">
    <p class="goal-title">${goal.title} <span class="badge">${competenceLabel(goal.competence)}</span></p>
    ${goal.description ? html`<p class="goal-description">${goal.description}</p>` : nothing}
    <p class="meta">${plural(serving, 'tracker.goal.activities', { one: str`${0} activity works on it`, other: str`${0} activities work on it` })}</p>
    ${state.staff
      ? html`<div class="actions">
          <button type="button" @click=${(event: Event) => actions.editGoal(goal, event)}>${about(msg('Edit', { id: 'tracker.edit' }), goal.title)}</button>
          <button type="button" class="danger" @click=${(event: Event) => actions.removeGoal(goal, event)}>${about(msg('Delete', { id: 'tracker.delete' }), goal.title)}</button>
        </div>`
      : nothing}
  </li>`;
}

/** The class's summary is recomputed only when the goals or the ratings change, not on every render. */
const summarize = memo((goals: TrackerState['goals'], ratings: TrackerState['ratings'], onlyOf: string | undefined) =>
  summarizeRatings(goals, onlyOf === undefined ? ratings : ratings.filter((rating) => rating.author.id === onlyOf)),
);

/** The shared learning goals, the class's before/after change, and a pupil's own self-rating. */
export function goalsView(state: TrackerState, actions: TrackerActions, moment: RatingMoment, setMoment: (moment: RatingMoment) => void) {
  const user = state.user;
  const staff = !!user && isStaff(user.role);
  const rates = !!user && (user.role === 'pupil' || user.role === 'moderator');
  const summaries = summarize(state.goals, state.ratings, staff ? undefined : (user?.id ?? ''));
  return html`
    ${state.goals.length
      ? html`<ul class="goals">${state.goals.map((goal) => goalItem(goal, state, actions))}</ul>`
      : html`<p class="muted">
          ${state.staff
            ? msg('No shared learning goals yet. Add the competences the partner schools want to develop.', { id: 'tracker.goals.empty-staff' })
            : msg('No shared learning goals yet.', { id: 'tracker.goals.empty' })}
        </p>`}
    ${state.staff
      ? html`<button type="button" @click=${(event: Event) => actions.editGoal(undefined, event)}>${msg('Add a goal', { id: 'tracker.add-goal' })}</button>`
      : nothing}
    ${state.goals.length && (staff || rates)
      ? html`<section class="results" aria-labelledby="results-title">
          <h3 id="results-title">${staff ? msg('The class before and after', { id: 'tracker.results.class' }) : msg('You before and after', { id: 'tracker.results.you' })}</h3>
          ${goalsChart(summaries, state.lang, staff ? 'class' : 'own')}
        </section>`
      : nothing}
    ${state.goals.length && rates ? ratingForm(state, actions, moment, setMoment) : nothing}
  `;
}
