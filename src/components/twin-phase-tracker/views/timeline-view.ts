import { msg, str } from '@lit/localize';
import { html, nothing } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import type { Phase } from '../../../sdk/schemas/phase.js';
import { formatDay, formatDays } from '../../../localization/dates.js';
import { timelineScale } from '../model/timeline-scale.js';
import type { TrackerActions, TrackerState } from '../tracker-state.js';
import { contributionsLine, phaseActions } from './phase-actions.js';

/** "Today is in this phase": said in words, since the marker on the bar is only drawn. */
function todayNote(phase: Phase, today: string) {
  if (!phase.startsOn || !phase.endsOn || today < phase.startsOn || today > phase.endsOn) return nothing;
  const day = Math.round((Date.parse(today) - Date.parse(phase.startsOn)) / 86_400_000) + 1;
  const days = Math.round((Date.parse(phase.endsOn) - Date.parse(phase.startsOn)) / 86_400_000) + 1;
  return html`<span class="badge today">${msg(str`Today: day ${day} of ${days}`, { id: 'tracker.today-in-phase' })}</span>`;
}

/**
 * The phases in order, each with its dates, progress and what it produced. A list first (read in
 * order by a screen reader, used by Tab); the bars are a drawing of the same dates.
 */
export function timelineView(state: TrackerState, actions: TrackerActions) {
  const scale = timelineScale({ phases: state.phases, project: state.project ?? {}, today: state.today });
  const bars = new Map(scale.bars.map((bar) => [bar.phaseId, bar]));
  const project = state.project;
  const marker = (at: number | undefined, kind: string) => (at === undefined ? nothing : html`<span class="marker ${kind}" style="inset-inline-start:${at}%"></span>`);
  return html`
    <p class="dates-line">
      <span><span class="swatch now" aria-hidden="true"></span>${msg(str`Today: ${formatDay(state.today, state.lang)}`, { id: 'tracker.today' })}</span>
      ${project?.travelOut ? html`<span class="travel"><span class="swatch travel" aria-hidden="true"></span>${msg(str`Travel out: ${formatDay(project.travelOut, state.lang)}`, { id: 'tracker.travel-out' })}</span>` : nothing}
      ${project?.travelBack ? html`<span class="travel"><span class="swatch travel" aria-hidden="true"></span>${msg(str`Travel back: ${formatDay(project.travelBack, state.lang)}`, { id: 'tracker.travel-back' })}</span>` : nothing}
    </p>
    <ol class="timeline" aria-label=${msg('Timeline of the phases', { id: 'tracker.timeline' })}>
      ${repeat(state.phases, (phase) => phase.id, (phase, index) => {
        const progress = state.progress.get(phase.id);
        const bar = bars.get(phase.id);
        const current = state.project?.currentPhase === phase.id;
        return html`<li class="phase ${current ? 'current' : ''} ${state.shownPhase === phase.id ? 'shown' : ''}" aria-current=${current ? 'step' : nothing}>
          <div class="phase-head">
            <h3 class="phase-name"><span class="phase-number">${index + 1}.</span> ${phase.name}</h3>
            ${current ? html`<span class="badge current">${msg('Current phase', { id: 'tracker.current' })}</span>` : nothing}
            ${todayNote(phase, state.today)}
          </div>
          <p class="phase-dates">${formatDays(phase.startsOn, phase.endsOn, state.lang) || msg('No dates yet', { id: 'tracker.no-dates' })}</p>
          ${bar?.dated
            ? html`<div class="track" aria-hidden="true">
                <span class="bar" style="inset-inline-start:${bar.left}%;inline-size:${Math.max(bar.width, 0.8)}%"></span>
                ${marker(scale.travelOut, 'travel')} ${marker(scale.travelBack, 'travel')} ${marker(scale.today, 'now')}
              </div>`
            : nothing}
          ${progress?.total
            ? html`<p class="progress-line">
                <progress max="100" value=${progress.percent} aria-label=${msg(str`Progress of ${phase.name}`, { id: 'tracker.progress-of' })}></progress>
                <span>${msg(str`${progress.done} of ${progress.total} activities done`, { id: 'tracker.progress' })}</span>
              </p>`
            : html`<p class="progress-line muted">${msg('No activities yet', { id: 'tracker.no-activities' })}</p>`}
          ${phase.description ? html`<p class="phase-description">${phase.description}</p>` : nothing}
          ${contributionsLine(phase, state, actions)} ${phaseActions(phase, index, state, actions)}
        </li>`;
      })}
    </ol>
  `;
}
