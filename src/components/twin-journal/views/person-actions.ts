import { msg } from '@lit/localize';
import { html } from 'lit';
import type { JournalActions, JournalPupil } from '../journal-state.js';

/**
 * A pupil's portfolio and their data: print or download the journal, export everything they wrote
 * in the space, or erase it, as data-protection law for minors expects. For the pupil themself, or a
 * teacher acting for them.
 */
export function personActions(pupil: JournalPupil, actions: JournalActions, self: boolean) {
  return html`<details class="person">
    <summary>${self ? msg('My portfolio and my data', { id: 'journal.person.self' }) : msg('Portfolio and data of this pupil', { id: 'journal.person.other' })}</summary>
    <div class="actions">
      <button type="button" @click=${() => actions.printPortfolio([pupil])}>${msg('Print the portfolio', { id: 'journal.portfolio.print' })}</button>
      <button type="button" @click=${() => actions.downloadPortfolio([pupil])}>${msg('Download the portfolio (JSON)', { id: 'journal.portfolio.json' })}</button>
      <button type="button" @click=${() => actions.exportPerson(pupil)}>${msg('Download all data (JSON)', { id: 'journal.person.export' })}</button>
      <button type="button" class="danger" @click=${(event: Event) => actions.erasePerson(pupil, event)}>${msg('Erase all data…', { id: 'journal.person.erase' })}</button>
    </div>
    <p class="muted">${msg('All data: every entry, comment, rating and file written in this space, not only the journal.', { id: 'journal.person.note' })}</p>
  </details>`;
}
