import { msg } from '@lit/localize';
import { html, nothing } from 'lit';
import { phaseName } from '../../../localization/phase-name.js';
import { formatDay, formatDays } from '../../../localization/dates.js';
import { promptsFor } from '../model/prompts-due.js';
import { promptStateLabel } from '../journal-labels.js';
import type { JournalActions, JournalState } from '../journal-state.js';
import { entryList } from './entry-list.js';
import { personActions } from './person-actions.js';

/** A pupil's own journal: what is due, their entries by week, their teachers' notes, their data. */
export function myJournal(state: JournalState, actions: JournalActions) {
  const user = state.user!;
  const mine = state.entries.filter((entry) => entry.author.id === user.id);
  const due = promptsFor({ sets: state.promptSets, entries: mine, user, today: state.today, project: state.project, phases: state.phases }).filter((item) => item.state !== 'done' || item.week);
  const notes = state.notes.filter((note) => note.pupil === user.id);
  return html`
    <div class="actions">
      <button type="button" class="primary" @click=${(event: Event) => actions.write(undefined, event)}>${msg('Write an entry', { id: 'journal.write' })}</button>
    </div>
    ${due.length
      ? html`<section class="prompts" aria-labelledby="prompts-title">
          <h3 id="prompts-title">${msg('Questions from your teachers', { id: 'journal.prompts.title' })}</h3>
          <ul>
            ${due.map(
              (item) => html`<li class=${item.state}>
                <span class="badge ${item.state}">${promptStateLabel(item.state)}</span>
                <strong>${item.set.title}</strong>
                <span class="meta">${item.set.schedule.phase ? phaseName(item.set.schedule.phase, state.allPhases) : formatDays(item.set.schedule.from, item.set.schedule.to, state.lang)}</span>
                ${item.state === 'due' || item.state === 'late'
                  ? html`<button type="button" @click=${(event: Event) => actions.write(item.set, event)}>${msg('Answer', { id: 'journal.prompts.answer' })}<span class="visually-hidden"> (${item.set.title})</span></button>`
                  : nothing}
              </li>`,
            )}
          </ul>
        </section>`
      : nothing}
    ${notes.length
      ? html`<section class="notes" aria-labelledby="notes-title">
          <h3 id="notes-title">${msg('Notes from your teachers', { id: 'journal.notes.title' })}</h3>
          <ul>${notes.map((note) => html`<li><span class="meta">${note.author.name} · ${formatDay(note.createdAt.slice(0, 10), state.lang)}</span><p>${note.body}</p></li>`)}</ul>
        </section>`
      : nothing}
    <section aria-labelledby="mine-title" class="list">
      <h3 id="mine-title">${msg('My entries', { id: 'journal.mine' })}</h3>
      ${entryList(mine, state, actions, false)}
    </section>
    ${personActions({ id: user.id, name: user.name, school: user.school, mobile: user.mobile }, actions, true)}
  `;
}
