import { msg, str } from '@lit/localize';
import { html, nothing } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import type { JournalEntry } from '../../../sdk/schemas/journal.js';
import { formatDay } from '../../../localization/dates.js';
import { plural } from '../../../localization/plural.js';
import { mobilityDay, weekOf } from '../model/journal-weeks.js';
import { visibilityLabel } from '../journal-labels.js';
import type { JournalActions, JournalState } from '../journal-state.js';

/** Entries grouped by week, newest first; each opens in the dialog. `showAuthor` for others' entries. */
export function entryList(entries: readonly JournalEntry[], state: JournalState, actions: JournalActions, showAuthor: boolean) {
  if (!entries.length) return html`<p class="muted">${msg('No entries yet.', { id: 'journal.entries.none' })}</p>`;
  const weeks = new Map<string, JournalEntry[]>();
  for (const entry of [...entries].sort((a, b) => (a.date < b.date ? 1 : a.date > b.date ? -1 : a.updatedAt < b.updatedAt ? 1 : -1))) {
    const week = weekOf(entry.date);
    const list = weeks.get(week) ?? [];
    list.push(entry);
    weeks.set(week, list);
  }
  return html`${[...weeks].map(
    ([week, list]) => html`<section class="week" aria-labelledby=${`week-${week}`}>
      <h4 id=${`week-${week}`}>${msg(str`Week of ${formatDay(week, state.lang)}`, { id: 'journal.week-of' })}</h4>
      <ul class="entries">
        ${repeat(
          list,
          (entry) => entry.id,
          (entry) => {
            const day = mobilityDay(entry.date, state.project);
            const feedback = state.feedbackOn.get(entry.id)?.length ?? 0;
            return html`<li>
              <button type="button" class="entry-card" @click=${(event: Event) => actions.open(entry, event)}>
                <span class="entry-title">${entry.title}</span>
                <span class="meta">
                  ${showAuthor ? html`${entry.author.name}${entry.author.school ? ` (${entry.author.school})` : ''} · ` : nothing}${formatDay(entry.date, state.lang)}${day ? ` · ${msg(str`Mobility day ${day}`, { id: 'journal.mobility-day' })}` : ''}
                  · ${visibilityLabel(entry.visibility)} · ${plural(feedback, 'journal.feedback', { one: str`${0} feedback`, other: str`${0} feedback` })}
                </span>
                ${entry.status === 'pending' ? html`<span class="badge pending">${msg('Waiting for approval', { id: 'journal.pending' })}</span>` : nothing}
              </button>
            </li>`;
          },
        )}
      </ul>
    </section>`,
  )}`;
}
