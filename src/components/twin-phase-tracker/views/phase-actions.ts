import { msg } from '@lit/localize';
import { html, nothing } from 'lit';
import type { Phase } from '../../../sdk/schemas/phase.js';
import { LINKABLE_WIDGETS } from '../../../sdk/schemas/activity.js';
import type { TrackerActions, TrackerState } from '../tracker-state.js';
import { widgetLabel } from '../tracker-labels.js';

/** A button's visible word, completed for screen readers by the phase it acts on. */
export const about = (word: string, name: string) => html`${word}<span class="visually-hidden"> (${name})</span>`;

/** What each phase produced in the other widgets; a click lets the page take the reader there. */
export function contributionsLine(phase: Phase, state: TrackerState, actions: TrackerActions) {
  const counts = state.contributions.get(phase.id);
  const widgets = LINKABLE_WIDGETS.filter((widget) => counts?.[widget]);
  if (!widgets.length) return html`<p class="contributions muted">${msg('Nothing made in this phase yet.', { id: 'tracker.contributions.none' })}</p>`;
  return html`<p class="contributions">
    <span>${msg('Made in this phase:', { id: 'tracker.contributions' })}</span>
    ${widgets.map(
      (widget) => html`<button type="button" class="link" @click=${() => actions.openContributions(phase, widget)}>
        ${widgetLabel(widget)}: ${counts![widget].toLocaleString(state.lang)}<span class="visually-hidden"> (${phase.name})</span>
      </button>`,
    )}
  </p>`;
}

/** Show in every widget, make current, edit, reorder, remove: what the reader may do with a phase. */
export function phaseActions(phase: Phase, index: number, state: TrackerState, actions: TrackerActions) {
  const shown = state.shownPhase === phase.id;
  const current = state.project?.currentPhase === phase.id;
  return html`<div class="actions">
    <button type="button" aria-pressed=${shown ? 'true' : 'false'} @click=${() => actions.showPhase(shown ? undefined : phase.id)}>
      ${about(msg('Show only this phase', { id: 'tracker.phase.show' }), phase.name)}
    </button>
    ${state.staff
      ? html`
          ${current
            ? nothing
            : html`<button type="button" @click=${() => actions.makeCurrent(phase)}>${about(msg('Make current', { id: 'tracker.phase.make-current' }), phase.name)}</button>`}
          <button type="button" @click=${(event: Event) => actions.editPhase(phase, event)}>${about(msg('Edit', { id: 'tracker.edit' }), phase.name)}</button>
          <button type="button" data-move="-1" ?disabled=${index === 0} @click=${() => actions.movePhase(phase, -1)}>
            ${about(msg('Move earlier', { id: 'tracker.phase.earlier' }), phase.name)}
          </button>
          <button type="button" data-move="1" ?disabled=${index === state.phases.length - 1} @click=${() => actions.movePhase(phase, 1)}>
            ${about(msg('Move later', { id: 'tracker.phase.later' }), phase.name)}
          </button>
          <button type="button" class="danger" @click=${(event: Event) => actions.removePhase(phase, event)}>${about(msg('Remove', { id: 'tracker.remove' }), phase.name)}</button>
        `
      : nothing}
  </div>`;
}
