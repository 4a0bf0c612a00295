import { msg } from '@lit/localize';
import { html, nothing, svg } from 'lit';
import { RATING_SCALE } from '../../../sdk/schemas/goal-rating.js';
import type { summarizeRatings } from '../model/rating-summary.js';

type GoalSummary = ReturnType<typeof summarizeRatings>[number];

const width = (mean: number | undefined) => (mean === undefined ? 0 : (mean / RATING_SCALE.max) * 100);
const formats = new Map<string, Intl.NumberFormat>();
/** One decimal, in the reader's language; one formatter per language, reused. */
function oneDecimal(lang: string): Intl.NumberFormat {
  let format = formats.get(lang);
  if (!format) formats.set(lang, (format = new Intl.NumberFormat(lang, { minimumFractionDigits: 1, maximumFractionDigits: 1 })));
  return format;
}
const one = (value: number | undefined, lang: string) => (value === undefined ? '–' : oneDecimal(lang).format(value));
const signed = (value: number | undefined, lang: string) => (value === undefined ? '–' : `${value > 0 ? '+' : ''}${oneDecimal(lang).format(value)}`);

/** Two whole sentences, not one with "the class" or "you" put in: the words around them change with them. */
const caption = (whose: 'class' | 'own') =>
  whose === 'class'
    ? msg('Self-ratings of the class, from 1 (not yet) to 5 (confidently), before and after the mobility', { id: 'tracker.chart.caption-class' })
    : msg('Your self-ratings, from 1 (not yet) to 5 (confidently), before and after the mobility', { id: 'tracker.chart.caption-own' });

/**
 * Before and after, per goal: two bars on the 1 to 5 scale. The drawing is hidden from screen
 * readers; the table after it says the same in words and numbers.
 */
export function goalsChart(summaries: readonly GoalSummary[], lang: string, whose: 'class' | 'own') {
  if (!summaries.some((summary) => summary.before.count || summary.after.count)) {
    return html`<p class="muted">${msg('No self-ratings yet.', { id: 'tracker.chart.empty' })}</p>`;
  }
  const ticks = [1, 2, 3, 4, 5].map((value) => (value / RATING_SCALE.max) * 100);
  return html`
    <div class="chart" aria-hidden="true">
      <p class="legend">
        <span class="key before"></span>${msg('Before', { id: 'tracker.before' })} <span class="key after"></span>${msg('After', { id: 'tracker.after' })}
        <span class="scale-note">${msg('Scale: 1 (not yet) to 5 (confidently); lines at each step', { id: 'tracker.chart.scale' })}</span>
      </p>
      ${summaries.map(
        (summary) => html`<div class="chart-row">
          <span class="chart-label">${summary.goal.title}</span>
          <svg viewBox="0 0 100 24" preserveAspectRatio="none" class="bars">
            ${ticks.map((x) => svg`<line x1=${x} x2=${x} y1="0" y2="24" class="tick"></line>`)}
            ${svg`<rect x="0" y="2" height="9" width=${width(summary.before.mean)} class="before"></rect>`}
            ${svg`<rect x="0" y="13" height="9" width=${width(summary.after.mean)} class="after"></rect>`}
          </svg>
          <span class="chart-figures">${one(summary.before.mean, lang)} → ${one(summary.after.mean, lang)} ${summary.change === undefined ? nothing : html`<strong>(${signed(summary.change, lang)})</strong>`}</span>
        </div>`,
      )}
    </div>
    <div class="visually-hidden"><table>
      <caption>${caption(whose)}</caption>
      <thead>
        <tr>
          <th scope="col">${msg('Goal', { id: 'tracker.field.goal' })}</th>
          <th scope="col">${msg('Before: average (ratings)', { id: 'tracker.chart.before' })}</th>
          <th scope="col">${msg('After: average (ratings)', { id: 'tracker.chart.after' })}</th>
          <th scope="col">${msg('Change, pupils who rated both', { id: 'tracker.chart.change' })}</th>
        </tr>
      </thead>
      <tbody>
        ${summaries.map(
          (summary) => html`<tr>
            <th scope="row">${summary.goal.title}</th>
            <td>${one(summary.before.mean, lang)} (${summary.before.count})</td>
            <td>${one(summary.after.mean, lang)} (${summary.after.count})</td>
            <td>${signed(summary.change, lang)} (${summary.paired})</td>
          </tr>`,
        )}
      </tbody>
    </table></div>
  `;
}
