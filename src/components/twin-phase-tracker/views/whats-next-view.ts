import { msg, str } from '@lit/localize';
import { html, nothing } from 'lit';
import { formatDay } from '../../../localization/dates.js';
import { plural } from '../../../localization/plural.js';
import type { whatsNext } from '../model/whats-next.js';
import type { TrackerState } from '../tracker-state.js';

type NextItem = ReturnType<typeof whatsNext>[number];

/** A few lines for the signed-in member: what to do next, late things first. */
export function whatsNextView(items: readonly NextItem[], state: TrackerState, onRate: () => void) {
  if (!items.length) return nothing;
  const phaseName = (id: string | undefined) => state.phases.find((phase) => phase.id === id)?.name ?? '';
  return html`<section class="next" aria-labelledby="next-title">
    <h3 id="next-title">${msg("What's next for you", { id: 'tracker.next' })}</h3>
    <ul>
      ${items.map((item) =>
        item.kind === 'activity'
          ? html`<li>
              <strong>${item.activity.title}</strong>
              <span class="meta">
                ${phaseName(item.activity.phase)}${item.activity.dueOn ? ` · ${msg(str`Due: ${formatDay(item.activity.dueOn, state.lang)}`, { id: 'tracker.activity.due' })}` : ''}
              </span>
              ${item.overdue ? html`<span class="badge late">${msg('Late', { id: 'tracker.late' })}</span>` : nothing}
            </li>`
          : html`<li>
              <button type="button" class="link" @click=${onRate}>
                ${item.moment === 'before'
                  ? plural(item.goals.length, 'tracker.next.rate-before', { one: str`Rate yourself on ${0} goal before the mobility`, other: str`Rate yourself on ${0} goals before the mobility` })
                  : plural(item.goals.length, 'tracker.next.rate-after', { one: str`Rate yourself on ${0} goal after the mobility`, other: str`Rate yourself on ${0} goals after the mobility` })}
              </button>
            </li>`,
      )}
    </ul>
  </section>`;
}
