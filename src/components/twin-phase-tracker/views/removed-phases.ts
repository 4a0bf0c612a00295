import { msg, str } from '@lit/localize';
import { html, nothing } from 'lit';
import type { TrackerActions, TrackerState } from '../tracker-state.js';
import { activityItem } from './checklist-view.js';
import { about, contributionsLine } from './phase-actions.js';

/**
 * Removed phases are kept, with what was made in them: nothing a pupil wrote becomes unreachable
 * because a teacher tidied the plan. Staff can bring a phase back.
 */
export function removedPhases(state: TrackerState, actions: TrackerActions) {
  if (!state.archived.length) return nothing;
  return html`<details class="removed">
    <summary>${msg(str`Removed phases (${state.archived.length})`, { id: 'tracker.removed' })}</summary>
    ${state.archived.map((phase) => {
      const activities = state.activitiesIn.get(phase.id) ?? [];
      return html`<section class="check-phase" aria-labelledby=${`removed-${phase.id}`}>
        <h3 id=${`removed-${phase.id}`}>${phase.name}</h3>
        ${activities.length
          ? html`<p class="muted">${msg('Move these activities to another phase, or bring the phase back.', { id: 'tracker.removed.hint' })}</p>
              <ul class="activities">${activities.map((activity) => activityItem(activity, state, actions))}</ul>`
          : nothing}
        ${contributionsLine(phase, state, actions)}
        ${state.staff
          ? html`<button type="button" @click=${() => actions.restorePhase(phase)}>${about(msg('Bring back', { id: 'tracker.restore' }), phase.name)}</button>`
          : nothing}
      </section>`;
    })}
  </details>`;
}
