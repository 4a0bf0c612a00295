import { msg } from '@lit/localize';
import { html, nothing } from 'lit';
import type { JournalActions, JournalState } from '../journal-state.js';
import { entryList } from './entry-list.js';

/**
 * Others' entries the reader may see. A pupil who stays home is invited first to the entries of
 * those who travel that have no feedback from them yet.
 */
export function partnersJournals(state: JournalState, actions: JournalActions, onlyWaiting: boolean, setOnlyWaiting: (on: boolean) => void) {
  const user = state.user;
  const others = state.entries.filter((entry) => entry.author.id !== user?.id);
  const home = !!user && user.role !== 'observer' && !user.mobile;
  const fromTravellers = others.filter((entry) => (entry.author as { mobile?: boolean }).mobile);
  const waiting = fromTravellers.filter((entry) => !(state.feedbackOn.get(entry.id) ?? []).some((item) => item.author.id === user?.id));
  const shown = home && onlyWaiting ? waiting : others;
  return html`
    ${home && fromTravellers.length
      ? html`<div class="invite">
          <p><strong>${msg('You follow the mobility from home: those who travel would love your feedback.', { id: 'journal.invite' })}</strong></p>
          <label class="check">
            <input type="checkbox" .checked=${onlyWaiting} @change=${(event: Event) => setOnlyWaiting((event.target as HTMLInputElement).checked)} />
            ${msg('Only travellers’ entries without my feedback', { id: 'journal.invite.filter' })} (${waiting.length})
          </label>
        </div>`
      : nothing}
    <section aria-labelledby="partners-title" class="list">
      <h3 id="partners-title">${user?.role === 'observer' ? msg('Shared entries', { id: 'journal.shared' }) : msg('Entries of the others', { id: 'journal.partners' })}</h3>
      ${entryList(shown, state, actions, true)}
    </section>
  `;
}
