import { msg, str } from '@lit/localize';
import { html, nothing } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import { ACTIVITY_STATUSES, type Activity } from '../../../sdk/schemas/activity.js';
import type { Phase } from '../../../sdk/schemas/phase.js';
import { formatDay } from '../../../localization/dates.js';
import { formatList } from '../../../localization/list-format.js';
import { statusLabel, widgetLabel, type ActivityStatus } from '../tracker-labels.js';
import type { TrackerActions, TrackerState } from '../tracker-state.js';
import { about } from './phase-actions.js';

const MARKS: Record<ActivityStatus, string> = { planned: '○', 'in-progress': '◐', done: '✓' };

export function activityItem(activity: Activity, state: TrackerState, actions: TrackerActions) {
  const late = activity.progress !== 'done' && !!activity.dueOn && activity.dueOn < state.today;
  const goalNames = (activity.goals ?? []).map((id) => state.goals.find((goal) => goal.id === id)?.title).filter(Boolean);
  const meta = [
    activity.responsible && msg(str`Responsible: ${activity.responsible}`, { id: 'tracker.activity.responsible' }),
    activity.dueOn && msg(str`Due: ${formatDay(activity.dueOn, state.lang)}`, { id: 'tracker.activity.due' }),
    activity.widgets?.length && msg(str`Done in: ${formatList(activity.widgets.map(widgetLabel), state.lang)}`, { id: 'tracker.activity.widgets' }),
    goalNames.length && msg(str`Goals: ${formatList(goalNames as string[], state.lang)}`, { id: 'tracker.activity.goals' }),
  ].filter(Boolean);
  return html`<li class="activity ${activity.progress}">
    <p class="activity-title">
      <span class="mark" aria-hidden="true">${MARKS[activity.progress]}</span>
      <span>${activity.title}</span>
      ${state.staff ? nothing : html`<span class="badge">${statusLabel(activity.progress)}</span>`}
      ${late ? html`<span class="badge late">${msg('Late', { id: 'tracker.late' })}</span>` : nothing}
    </p>
    ${meta.length ? html`<p class="meta">${meta.join(' · ')}</p>` : nothing}
    ${activity.description ? html`<p class="activity-description">${activity.description}</p>` : nothing}
    ${state.staff
      ? html`<div class="actions">
          <label class="inline">
            <span>${msg('Status', { id: 'tracker.field.status' })}<span class="visually-hidden"> (${activity.title})</span></span>
            <select @change=${(event: Event) => actions.setActivityStatus(activity, (event.target as HTMLSelectElement).value as ActivityStatus)}>
              ${ACTIVITY_STATUSES.map((status) => html`<option value=${status} ?selected=${status === activity.progress}>${statusLabel(status)}</option>`)}
            </select>
          </label>
          <button type="button" @click=${(event: Event) => actions.editActivity(activity, undefined, event)}>${about(msg('Edit', { id: 'tracker.edit' }), activity.title)}</button>
          <button type="button" class="danger" @click=${(event: Event) => actions.removeActivity(activity, event)}>${about(msg('Delete', { id: 'tracker.delete' }), activity.title)}</button>
        </div>`
      : nothing}
  </li>`;
}

function phaseChecklist(phase: Phase, state: TrackerState, actions: TrackerActions) {
  const activities = state.activitiesIn.get(phase.id) ?? [];
  const progress = state.progress.get(phase.id);
  return html`<section class="check-phase" aria-labelledby=${`check-${phase.id}`}>
    <h3 id=${`check-${phase.id}`}>
      ${phase.name}
      ${progress?.total ? html`<span class="count">${msg(str`${progress.done} of ${progress.total} done`, { id: 'tracker.done-count' })}</span>` : nothing}
    </h3>
    ${activities.length
      ? html`<ul class="activities">${repeat(activities, (activity) => activity.id, (activity) => activityItem(activity, state, actions))}</ul>`
      : html`<p class="muted">${msg('No activities yet', { id: 'tracker.no-activities' })}</p>`}
    ${state.staff
      ? html`<button type="button" @click=${(event: Event) => actions.editActivity(undefined, phase.id, event)}>
          ${about(msg('Add an activity', { id: 'tracker.add-activity' }), phase.name)}
        </button>`
      : nothing}
  </section>`;
}

/** Every phase's activities as a list to tick off. */
export function checklistView(state: TrackerState, actions: TrackerActions) {
  const phases = state.shownPhase ? state.phases.filter((phase) => phase.id === state.shownPhase) : state.phases;
  return html`<div class="checklist">${phases.map((phase) => phaseChecklist(phase, state, actions))}</div>`;
}
