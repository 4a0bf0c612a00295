import { msg } from '@lit/localize';
import { html, nothing } from 'lit';
import type { ConflictChoice, SyncConflict } from '../../sdk/adapters/synced/sync-status.js';
import { keptVersionReason } from '../../localization/kept-version-reason.js';
import { recordName } from '../twin-space/sync-messages.js';
import { differingFields, mergedIsDistinct } from './differing-fields.js';

export interface EntryOptions {
  lang: string;
  busy: boolean;
  problem: string | undefined;
  choose: (conflict: SyncConflict, choice: ConflictChoice) => void;
}

/** Long texts are cut: the table compares, it is not where a whole post is read. */
const MAX_SHOWN = 300;

/** A value as a person reads it: rich text without markup, lists joined, the rest as compact text. */
function shown(value: unknown): string {
  if (value === undefined || value === null || value === '') return '';
  const text = typeof value === 'string' ? value.replace(/<[^>]*>/g, ' ').replace(/\s+/g, ' ').trim() : Array.isArray(value) ? value.map((item) => (typeof item === 'object' ? JSON.stringify(item) : String(item))).join(', ') : typeof value === 'object' ? JSON.stringify(value) : String(value);
  return text.length > MAX_SHOWN ? `${text.slice(0, MAX_SHOWN)}…` : text;
}

const cell = (value: unknown) => {
  const text = shown(value);
  return html`<td>${text || html`<span class="muted">${msg('(empty)', { id: 'sync-conflicts.empty' })}</span>`}</td>`;
};

/** Dotted paths read as a trail: `translations › fr › term`. */
const fieldLabel = (path: string) => path.split('.').join(' › ');

/** The record's name, from any of its versions. */
export function conflictName(conflict: SyncConflict): string {
  const name = recordName(conflict.mine) || recordName(conflict.theirs) || recordName(conflict.merged);
  return name ? name.slice(0, 80) : msg('A record without a title', { id: 'sync-conflicts.untitled' });
}

/** Why the version was kept; a refusal in the server's own words keeps them, in their language. */
function reason(conflict: SyncConflict) {
  const { sentence, serverSays } = keptVersionReason(conflict);
  return html`<p>${sentence}${serverSays ? html` <q class="server-says" lang=${serverSays.lang}>${serverSays.text}</q>` : nothing}</p>`;
}

function when(at: string, lang: string): string {
  const date = new Date(at);
  if (Number.isNaN(date.getTime())) return at;
  try {
    return new Intl.DateTimeFormat(lang, { dateStyle: 'medium', timeStyle: 'short' }).format(date);
  } catch {
    return date.toLocaleString();
  }
}

function comparison(conflict: SyncConflict) {
  if (!conflict.mine) return html`<p>${msg('Mine deletes this record.', { id: 'sync-conflicts.mine-deleted' })}</p>`;
  const rows = differingFields(conflict);
  const withMerged = mergedIsDistinct(conflict);
  return html`${conflict.theirs ? nothing : html`<p>${msg('Theirs deleted this record.', { id: 'sync-conflicts.theirs-deleted' })}</p>`}
    ${rows.length
      ? html`<div class="compare">
          <table>
            <thead>
              <tr>
                <th scope="col">${msg('Mine', { id: 'sync-conflicts.mine' })}</th>
                <th scope="col">${msg('Theirs', { id: 'sync-conflicts.theirs' })}</th>
                ${withMerged ? html`<th scope="col">${msg('Merged', { id: 'sync-conflicts.merged' })}</th>` : nothing}
              </tr>
            </thead>
            ${rows.map(
              // Each field heads its own group of rows: the values get the full width, also on a phone.
              (row) => html`<tbody class=${conflict.fields.includes(row.path) ? 'clash' : ''}>
                <tr><th scope="rowgroup" colspan=${withMerged ? 3 : 2}>${fieldLabel(row.path)}</th></tr>
                <tr>${cell(row.mine)}${cell(row.theirs)}${withMerged ? cell(row.merged) : nothing}</tr>
              </tbody>`,
            )}
          </table>
        </div>`
      : html`<p>${msg('Both versions have the same content.', { id: 'sync-conflicts.same' })}</p>`}`;
}

/** One kept version: what it is, how it differs, and the choices. */
export function conflictEntry(conflict: SyncConflict, options: EntryOptions) {
  const id = `entry-${conflict.key.replace(/[^\w-]/g, '_')}`;
  const choice = (value: ConflictChoice, label: string) =>
    html`<button type="button" ?disabled=${options.busy} @click=${() => options.choose(conflict, value)}>${label}</button>`;
  return html`<li class="entry" data-key=${conflict.key}>
    <h3 id=${`${id}-name`} tabindex="-1">${conflictName(conflict)}</h3>
    <p class="meta"><time datetime=${conflict.at}>${when(conflict.at, options.lang)}</time></p>
    ${reason(conflict)}
    ${comparison(conflict)}
    <p class="form-problem" role="alert">${options.problem ?? ''}</p>
    <div class="actions" role="group" aria-labelledby=${`${id}-name`}>
      ${choice('mine', msg('Keep mine', { id: 'sync-conflicts.keep-mine' }))}
      ${choice('theirs', msg('Keep theirs', { id: 'sync-conflicts.keep-theirs' }))}
      ${mergedIsDistinct(conflict) ? choice('merged', msg('Keep the merged version', { id: 'sync-conflicts.keep-merged' })) : nothing}
    </div>
  </li>`;
}
