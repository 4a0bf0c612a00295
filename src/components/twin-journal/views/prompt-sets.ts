import { msg } from '@lit/localize';
import { html } from 'lit';
import { phaseName } from '../../../localization/phase-name.js';
import { formatDays } from '../../../localization/dates.js';
import type { JournalActions, JournalState } from '../journal-state.js';

/** Teachers' prompt sets, scheduled by week or by phase, and whether peer feedback needs approval. */
export function promptSetsView(state: JournalState, actions: JournalActions) {
  return html`
    <label class="check setting">
      <input type="checkbox" .checked=${state.feedbackApproval} @change=${(event: Event) => actions.setFeedbackApproval((event.target as HTMLInputElement).checked)} />
      ${msg('Pupils’ feedback waits for a teacher’s approval before the author sees it', { id: 'journal.settings.approval' })}
    </label>
    <div class="actions"><button type="button" class="primary" @click=${(event: Event) => actions.editPromptSet(undefined, event)}>${msg('Add a prompt set', { id: 'journal.prompts.add' })}</button></div>
    ${state.promptSets.length
      ? html`<ul class="sets">
          ${state.promptSets.map(
            (set) => html`<li>
              <p><strong>${set.title}</strong> <span class="meta">${set.schedule.phase ? phaseName(set.schedule.phase, state.allPhases) : formatDays(set.schedule.from, set.schedule.to, state.lang)}</span></p>
              <ol>${set.prompts.map((prompt) => html`<li>${prompt.text}</li>`)}</ol>
              <div class="actions">
                <button type="button" @click=${(event: Event) => actions.editPromptSet(set, event)}>${msg('Edit', { id: 'journal.edit' })}<span class="visually-hidden"> (${set.title})</span></button>
                <button type="button" class="danger" @click=${() => actions.removePromptSet(set)}>${msg('Delete', { id: 'journal.delete' })}<span class="visually-hidden"> (${set.title})</span></button>
              </div>
            </li>`,
          )}
        </ul>`
      : html`<p class="muted">${msg('No prompt sets yet. Add questions such as “What did I learn today?” and schedule them by week or phase.', { id: 'journal.prompts.empty' })}</p>`}
  `;
}
