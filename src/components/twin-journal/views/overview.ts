import { msg, str } from '@lit/localize';
import { html, nothing } from 'lit';
import { formatDay } from '../../../localization/dates.js';
import { uiLocale } from '../../../localization/localization.js';
import { plural } from '../../../localization/plural.js';
import type { teacherOverview } from '../model/teacher-overview.js';
import type { JournalActions, JournalState } from '../journal-state.js';

type Overview = ReturnType<typeof teacherOverview>;

type Cell = Overview['rows'][number]['cells'][number];
type Pupil = Overview['rows'][number]['pupil'];

/** One text per cell (200 pupils × 8 weeks: every extra element or binding counts). */
function cellText(cell: Cell): string {
  if (!cell.entries) return '–';
  const written = msg(str`${cell.entries} written`, { id: 'journal.overview.written' });
  return cell.feedbackReceived ? `${written} · ${plural(cell.feedbackReceived, 'journal.feedback', { one: str`${0} feedback`, other: str`${0} feedback` })}` : written;
}

const who = (pupil: Pupil) => `${pupil.school ?? ''}${pupil.mobile ? ` · ${msg('travels', { id: 'journal.travels' })}` : ''}`;
const nudge = () => html`<span class="badge late">${msg('Needs a nudge', { id: 'journal.overview.nudge' })}</span>`;

/**
 * Pupils by weeks: who wrote, who got feedback, who needs a nudge. A table: screen readers read
 * each cell with its pupil and week; a click on a name opens that pupil's journal.
 */
export function overviewView(
  overview: Overview,
  weeks: readonly string[],
  state: JournalState,
  actions: JournalActions,
  options: { onlyNudge: boolean; setOnlyNudge: (on: boolean) => void; limit: number },
) {
  const { onlyNudge, setOnlyNudge } = options;
  const filtered = onlyNudge ? overview.rows.filter((row) => row.needsNudge) : overview.rows;
  // The first rows are drawn at once and the rest a frame later: a class of 200 is readable sooner.
  const rows = filtered.length > options.limit ? filtered.slice(0, options.limit) : filtered;
  const nudges = overview.rows.filter((row) => row.needsNudge).length;
  return html`
    <div class="overview-head">
      <p>${plural(overview.rows.length, 'journal.overview.summary', { one: str`${0} pupil, ${1} without an entry in the last two weeks.`, other: str`${0} pupils, ${1} without an entry in the last two weeks.` }, nudges.toLocaleString(uiLocale()))}</p>
      <label class="check"><input type="checkbox" .checked=${onlyNudge} @change=${(event: Event) => setOnlyNudge((event.target as HTMLInputElement).checked)} /> ${msg('Only those who need a nudge', { id: 'journal.overview.only-nudge' })}</label>
      <div class="actions">
        <button type="button" @click=${() => actions.printPortfolio(overview.rows.map((row) => row.pupil))}>${msg('Print the class portfolio', { id: 'journal.portfolio.class-print' })}</button>
        <button type="button" @click=${() => actions.downloadPortfolio(overview.rows.map((row) => row.pupil))}>${msg('Download the class portfolio (JSON)', { id: 'journal.portfolio.class-json' })}</button>
      </div>
    </div>
    ${overview.rows.length
      ? html`<div class="table-wrap" tabindex="0" role="region" aria-labelledby="overview-caption">
          <table class="overview">
            <caption id="overview-caption">${msg('Entries written and feedback received, per pupil and week (– nothing written)', { id: 'journal.overview.caption' })}</caption>
            <thead>
              <tr>
                <th scope="col">${msg('Pupil', { id: 'journal.overview.pupil' })}</th>
                ${weeks.map((week) => html`<th scope="col">${formatDay(week, state.lang)}</th>`)}
              </tr>
            </thead>
            <tbody>
              ${rows.map(
                (row) => html`<tr class=${row.needsNudge ? 'nudge' : ''}>
                  <th scope="row">
                    <button type="button" class="link" @click=${() => actions.showPupil(row.pupil)}>${row.pupil.name}</button>
                    <span class="meta">${who(row.pupil)}</span>${row.needsNudge ? nudge() : nothing}
                  </th>
                  ${row.cells.map((cell) => html`<td class=${cell.entries ? 'wrote' : 'none'}>${cellText(cell)}</td>`)}
                </tr>`,
              )}
            </tbody>
          </table>
        </div>`
      : html`<p class="muted">${msg('No pupil has written yet.', { id: 'journal.overview.empty' })}</p>`}
  `;
}
