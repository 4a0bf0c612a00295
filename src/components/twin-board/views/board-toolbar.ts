import { msg, str } from '@lit/localize';
import { html, nothing } from 'lit';
import { plural } from '../../../localization/plural.js';
import { inPlanOrder, phaseName, type NamedPhase } from '../../../localization/phase-name.js';
import type { BoardState } from '../board-state.js';
import { kindLabel, type Layout, LAYOUTS, layoutLabel } from '../board-labels.js';
import type { BoardFilters, FilterOptions } from '../model/filter-posts.js';

export interface ToolbarActions {
  setLayout(layout: Layout): void;
  write(event: Event): void;
  addSection(event: Event): void;
  openSettings(event: Event): void;
  setFilter(name: keyof BoardFilters, value: string | undefined): void;
  clearFilters(): void;
  toggleQueue(): void;
  exhibition(): void;
  print(): void;
  json(): void;
  markAllSeen(): void;
}

/**
 * Above the board: the layout a reader sees it in, writing, filters, the moderation queue,
 * exports, and how many posts arrived since the reader opened it. `phases`: the plan's, removed
 * ones too, so posts made in a removed phase are still filtered by its name.
 */
export function boardToolbar(state: BoardState, options: FilterOptions, phases: readonly NamedPhase[], view: { queue: boolean; waiting: number; staff: boolean }, actions: ToolbarActions) {
  const active = Object.values(state.filters).filter(Boolean).length;
  return html`<div class="toolbar" part="toolbar">
      <twin-sync-indicator></twin-sync-indicator>
      <twin-sync-conflicts collections="board board-section board-comment board-reaction board-flag board-settings"></twin-sync-conflicts>
      <div class="views" role="group" aria-label=${msg('Layout', { id: 'board.layout' })}>
        ${LAYOUTS.map((layout) => html`<button type="button" aria-pressed=${!view.queue && state.layout === layout ? 'true' : 'false'} @click=${() => actions.setLayout(layout)}>${layoutLabel(layout)}</button>`)}
        ${state.canModerate
          ? html`<button type="button" class="queue" aria-pressed=${view.queue ? 'true' : 'false'} @click=${() => actions.toggleQueue()}>${msg(str`To review (${view.waiting})`, { id: 'board.queue' })}</button>`
          : nothing}
      </div>
      <div class="actions">
        ${state.canPost ? html`<button type="button" class="primary" @click=${(event: Event) => actions.write(event)}>${msg('Add a post', { id: 'board.write' })}</button>` : nothing}
        ${state.canManageSections
          ? html`<button type="button" @click=${(event: Event) => actions.addSection(event)}>${msg('Add a section', { id: 'board.section.add' })}</button>
              <button type="button" @click=${(event: Event) => actions.openSettings(event)}>${msg('Board settings', { id: 'board.settings' })}</button>`
          : nothing}
        <details class="menu">
          <summary>${msg('Export', { id: 'board.export' })}</summary>
          <div class="menu-items" @click=${closeMenu}>
            <button type="button" @click=${() => actions.exhibition()}>${msg('Exhibition (HTML file)', { id: 'board.export.html' })}</button>
            <button type="button" @click=${() => actions.print()}>${msg('Print', { id: 'board.export.print' })}</button>
            ${view.staff ? html`<button type="button" @click=${() => actions.json()}>${msg('All data (JSON)', { id: 'board.export.json' })}</button>` : nothing}
          </div>
        </details>
      </div>
    </div>
    <details class="filters" ?open=${active > 0}>
      <summary>${active ? msg(str`Filters (${active})`, { id: 'board.filters.active' }) : msg('Filters', { id: 'board.filters' })}</summary>
      <div class="filter-fields">
        ${select('school', msg('School', { id: 'board.filter.school' }), options.schools.map((school) => [school, school]), state.filters, actions)}
        ${select('author', msg('Author', { id: 'board.filter.author' }), options.authors.map((author) => [author.id, author.name]), state.filters, actions)}
        ${phases.length || options.phases.length ? select('phase', msg('Phase', { id: 'board.filter.phase' }), inPlanOrder(options.phases, phases).map((phase) => [phase, phaseName(phase, phases)]), state.filters, actions) : nothing}
        ${select('kind', msg('Type', { id: 'board.filter.kind' }), options.kinds.map((kind) => [kind, kindLabel(kind)]), state.filters, actions)}
        ${select('tag', msg('Team tag', { id: 'board.filter.tag' }), options.tags.map((tag) => [tag, `#${tag}`]), state.filters, actions)}
        ${active ? html`<button type="button" @click=${() => actions.clearFilters()}>${msg('Show everything', { id: 'board.filters.clear' })}</button>` : nothing}
      </div>
    </details>
    ${state.fresh.size
      ? html`<p class="fresh-note">${plural(state.fresh.size, 'board.fresh', { one: str`${0} new or changed post, marked "New".`, other: str`${0} new or changed posts, marked "New".` })}
          <button type="button" class="link" @click=${() => actions.markAllSeen()}>${msg('Mark all as seen', { id: 'board.fresh.seen' })}</button></p>`
      : nothing}`;
}

/** A chosen item closes its menu, as menus do. */
function closeMenu(event: Event) {
  if ((event.target as Element).closest('button')) (event.currentTarget as Element).closest('details')!.open = false;
}

function select(name: keyof BoardFilters, label: string, choices: string[][], filters: BoardFilters, actions: ToolbarActions) {
  const current = filters[name];
  return html`<label>${label}
    <select name=${name} @change=${(event: Event) => actions.setFilter(name, (event.target as HTMLSelectElement).value || undefined)}>
      <option value="" ?selected=${!current}>${msg('All', { id: 'board.filter.all' })}</option>
      ${choices.map(([value, text]) => html`<option value=${value} ?selected=${current === value}>${text}</option>`)}
    </select>
  </label>`;
}
