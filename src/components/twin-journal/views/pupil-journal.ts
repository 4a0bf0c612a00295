import { msg, str } from '@lit/localize';
import { html, nothing } from 'lit';
import { formatDay } from '../../../localization/dates.js';
import type { JournalActions, JournalPupil, JournalState } from '../journal-state.js';
import { entryList } from './entry-list.js';
import { personActions } from './person-actions.js';

/** One pupil's journal, as a teacher sees it: entries, private notes to the pupil, portfolio and data. */
export function pupilJournal(pupil: JournalPupil, state: JournalState, actions: JournalActions) {
  const entries = state.entries.filter((entry) => entry.author.id === pupil.id);
  const notes = state.notes.filter((note) => note.pupil === pupil.id);
  const send = async (event: Event) => {
    event.preventDefault();
    const area = (event.target as HTMLFormElement).querySelector('textarea')!;
    if (await actions.writeNote(pupil, area.value)) area.value = '';
  };
  return html`
    <div class="actions"><button type="button" @click=${() => actions.showPupil(undefined)}>${msg('Back to the overview', { id: 'journal.back' })}</button></div>
    <h3>${msg(str`Journal of ${pupil.name}`, { id: 'journal.of' })}</h3>
    <section class="list" aria-label=${msg('Entries', { id: 'journal.entries' })}>${entryList(entries, state, actions, false)}</section>
    <section class="notes" aria-labelledby="notes-title">
      <h3 id="notes-title">${msg(str`Private notes to ${pupil.name}`, { id: 'journal.notes.to' })}</h3>
      ${notes.length ? html`<ul>${notes.map((note) => html`<li><span class="meta">${note.author.name} · ${formatDay(note.createdAt.slice(0, 10), state.lang)}</span><p>${note.body}</p></li>`)}</ul>` : nothing}
      <form @submit=${send}>
        <label>${msg('A note only this pupil and the teachers read', { id: 'journal.notes.new' })}<textarea rows="3" maxlength="20000"></textarea></label>
        <button type="submit">${msg('Send the note', { id: 'journal.notes.send' })}</button>
      </form>
    </section>
    ${personActions(pupil, actions, false)}
  `;
}
