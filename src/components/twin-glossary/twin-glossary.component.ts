import { msg, str } from '@lit/localize';
import { html, nothing, type PropertyValues } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import { canModerate } from '../../sdk/policy/roles.js';
import type { TwinComment, TwinReaction } from '../../sdk/schemas/feedback.js';
import type { GlossaryEntry } from '../../sdk/schemas/glossary.js';
import type { Phase } from '../../sdk/schemas/phase.js';
import { errorMessage } from '../../localization/error-message.js';
import { formatList } from '../../localization/list-format.js';
import { inPlanOrder, phaseName } from '../../localization/phase-name.js';
import { plural } from '../../localization/plural.js';
import { TwinElement } from '../base/twin-element.js';
import { LiveAnnouncer } from '../controllers/live-announcer.js';
import { StoreController } from '../controllers/store-controller.js';
import { VirtualWindow } from '../controllers/virtual-window.js';
import { activeFilterCount, filterChoices, filterEntries, NO_FILTERS, type GlossaryFilters } from './browse/filter-entries.js';
import { highlighted } from './entry/glossary-entry.component.js';
import { closestLanguage, languageName, parseLanguages, shownTerm } from './glossary-languages.js';
import { printBooklet } from './print/print-booklet.js';
import { prepareSearchWhenIdle, queryWords } from './search/glossary-search.js';
import { collatorFor, letterIndex, sortEntries } from './search/sort-entries.js';
import { memo } from '../base/memo.js';
import { twinGlossaryStyles } from './twin-glossary.styles.js';

export type GlossaryView = 'one' | 'two' | 'all';
/** Longest search, in characters; a longer paste is cut here and the reader told so. */
const MAX_QUERY = 200;
const VIEWS: readonly GlossaryView[] = ['one', 'two', 'all'];

/** What the dialog shows: an entry, the editor for it (or for a new one), or nothing. */
type Dialog = { kind: 'entry'; id: string } | { kind: 'edit'; id?: string; translateTo?: string; base?: GlossaryEntry } | undefined;

/**
 * The multilingual glossary that partner schools write together: one entry per concept, with a
 * term, definition, example and pronunciation in each language of the space.
 *
 * @summary A co-created multilingual glossary.
 * @csspart toolbar - Search, languages, filters and actions.
 * @csspart list - The scrolling A to Z list.
 * @csspart row - One entry in the list.
 * @csspart dialog - The dialog that shows or edits an entry.
 * @cssproperty --twin-glossary-list-height - Height of the scrolling list (default: 70vh, at most 40rem).
 */
export class TwinGlossary extends TwinElement {
  static override styles = twinGlossaryStyles;

  static override properties = {
    space: { type: String, reflect: true },
    languages: { type: String },
    view: { type: String },
    _query: { state: true },
    _filters: { state: true },
    _primary: { state: true },
    _secondary: { state: true },
    _dialog: { state: true },
    _active: { state: true },
  };

  /** Space id when used without a `<twin-space>` (then stored in this browser). */
  declare space: string | undefined;
  /** The space's languages, BCP 47 codes separated by spaces: `en es fr it`. */
  declare languages: string | undefined;
  /** `one` language, `two` side by side (the reader's and a target language), or `all`. */
  declare view: string | undefined;
  declare _query: string;
  declare _filters: GlossaryFilters;
  declare _primary: string | undefined;
  declare _secondary: string | undefined;
  declare _dialog: Dialog;
  /** Index of the list row that keyboard focus is on (one tab stop for the whole list). */
  declare _active: number;

  readonly #entries = new StoreController<GlossaryEntry>(this, { collection: 'glossary' });
  // Feedback follows its entry, not the page's phase filter: a comment from another phase still shows.
  readonly #comments = new StoreController<TwinComment>(this, { collection: 'glossary-comment', allPhases: true });
  readonly #reactions = new StoreController<TwinReaction>(this, { collection: 'glossary-reaction', allPhases: true });
  // The plan's phases, removed ones too: entries show and filter by their phase's name, never its id.
  readonly #phases = new StoreController<Phase>(this, { collection: 'phase', allPhases: true, compare: (a, b) => a.order - b.order });
  readonly #announcer = new LiveAnnouncer(this);
  readonly #window = new VirtualWindow(this, { viewport: () => this.renderRoot.querySelector<HTMLElement>('.list') });

  // Derived data, recomputed only when what it depends on changes.
  #spaceLanguages: string[] = [];
  #rejectedLanguages: string[] = [];
  #sorted: GlossaryEntry[] = [];
  #visible: GlossaryEntry[] = [];
  #byId = new Map<string, GlossaryEntry>();
  #words: string[] = [];
  #announceTimer: ReturnType<typeof setTimeout> | undefined;
  /** The element to give focus back to when the dialog closes. */
  #opener: HTMLElement | null = null;

  constructor() {
    super();
    this._query = '';
    this._filters = NO_FILTERS;
    this._active = 0;
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this.#announceTimer);
    this.#stopPreparing?.();
    this.#preparedFor = undefined;
  }

  #stopPreparing: (() => void) | undefined;
  #preparedFor: readonly GlossaryEntry[] | undefined;

  protected override updated(): void {
    // Once the entries are in, their text is folded for search in idle time.
    const records = this.#entries.records;
    if (this.#entries.status === 'ready' && records !== this.#preparedFor) {
      this.#preparedFor = records;
      this.#stopPreparing?.();
      this.#stopPreparing = prepareSearchWhenIdle(records);
    }
  }

  // ---- derived state ------------------------------------------------------------------------

  get #primary(): string {
    return this._primary && this.#spaceLanguages.includes(this._primary)
      ? this._primary
      : (closestLanguage(this.#spaceLanguages, this.effectiveLang) ?? 'en');
  }

  get #secondary(): string | undefined {
    const primary = this.#primary;
    if (this._secondary && this._secondary !== primary && this.#spaceLanguages.includes(this._secondary)) return this._secondary;
    return this.#spaceLanguages.find((code) => code !== primary);
  }

  get #view(): GlossaryView {
    return VIEWS.includes(this.view as GlossaryView) ? (this.view as GlossaryView) : 'two';
  }

  /** The languages each row and the booklet show, in order. */
  get #shown(): string[] {
    const secondary = this.#secondary;
    switch (this.#view) {
      case 'one':
        return [this.#primary];
      case 'two':
        return secondary ? [this.#primary, secondary] : [this.#primary];
      case 'all':
        return [this.#primary, ...this.#spaceLanguages.filter((code) => code !== this.#primary)];
    }
  }

  readonly #parsedLanguages = memo((value: string | undefined) => {
    const parsed = parseLanguages(value);
    if (parsed.rejected.length) {
      console.warn(`<twin-glossary>: ignored ${parsed.rejected.map((code) => `"${code}"`).join(', ')} in languages: not language codes like en, es or pt-BR.`);
    }
    return parsed;
  });

  /** No `languages` given: those the entries use, most common first; else the reader's own. */
  readonly #usedLanguages = memo((records: readonly GlossaryEntry[], own: string) => {
    const counts = new Map<string, number>();
    for (const entry of records) for (const lang of Object.keys(entry.translations)) counts.set(lang, (counts.get(lang) ?? 0) + 1);
    const found = [...counts].sort((a, b) => b[1] - a[1]).map(([lang]) => lang);
    return found.length ? found : [own.split('-')[0]];
  });

  readonly #sortedIn = memo((records: readonly GlossaryEntry[], lang: string) => ({
    sorted: sortEntries(records, lang),
    byId: new Map(records.map((entry) => [entry.id, entry])),
  }));

  readonly #choices = memo((records: readonly GlossaryEntry[], uiLang: string) => ({
    ...filterChoices(records, collatorFor(uiLang)),
    pending: records.filter((entry) => entry.status === 'pending').length,
  }));

  readonly #letterIndex = memo(letterIndex);
  readonly #queryWords = memo(queryWords);

  /**
   * Recent filterings for the current entries and filters, by query: deleting characters returns to
   * a result already known, and a query that only grows searches the previous results, not everything.
   */
  #filterCache: { sorted: readonly GlossaryEntry[]; filters: GlossaryFilters; byQuery: Map<string, GlossaryEntry[]>; last?: { words: readonly string[]; result: GlossaryEntry[] } } | undefined;

  #filtered(sorted: readonly GlossaryEntry[], filters: GlossaryFilters, words: readonly string[]): GlossaryEntry[] {
    let cache = this.#filterCache;
    if (!cache || cache.sorted !== sorted || cache.filters !== filters) cache = this.#filterCache = { sorted, filters, byQuery: new Map() };
    const key = words.join(' ');
    const known = cache.byQuery.get(key);
    if (known) {
      cache.last = { words, result: known };
      return known;
    }
    const last = cache.last;
    // Every earlier word is contained in a word now: the new matches are a subset of the old ones.
    const narrower = !!last && last.words.every((old) => words.some((word) => word.includes(old)));
    const result = filterEntries(narrower ? last.result : sorted, filters, words);
    if (cache.byQuery.size >= 32) cache.byQuery.delete(cache.byQuery.keys().next().value!);
    cache.byQuery.set(key, result);
    cache.last = { words, result };
    return result;
  }

  protected override willUpdate(_changed: PropertyValues<this>): void {
    const records = this.#entries.records;
    const { languages, rejected } = this.#parsedLanguages(this.languages);
    this.#rejectedLanguages = rejected;
    this.#spaceLanguages = languages.length ? languages : this.#usedLanguages(records, this.effectiveLang);
    const { sorted, byId } = this.#sortedIn(records, this.#primary);
    this.#sorted = sorted;
    this.#byId = byId;
    this.#words = this.#queryWords(this._query);
    this.#visible = this.#filtered(this.#sorted, this._filters, this.#words);
    if (this._active >= this.#visible.length) this._active = Math.max(0, this.#visible.length - 1);
  }

  // ---- rendering ----------------------------------------------------------------------------

  override render() {
    const status = this.#entries.status;
    return html`
      <section class="glossary" aria-label=${msg('Glossary', { id: 'glossary.label' })}>
        ${this.#toolbar()}
        ${this.#rejectedLanguages.length
          ? html`<p class="note" role="note">
              ${msg(str`Some languages were ignored because they are not language codes: ${formatList(this.#rejectedLanguages, this.effectiveLang)}.`, { id: 'glossary.bad-languages' })}
            </p>`
          : nothing}
        ${status === 'loading'
          ? html`<p class="summary">${msg('Loading the glossary…', { id: 'glossary.loading' })}</p>`
          : status === 'error'
            ? html`<p class="summary problem" role="alert">${msg('The glossary could not be loaded.', { id: 'glossary.load-error' })} ${errorMessage(this.#entries.error)}</p>`
            : this.#summary()}
        ${this.#letters()} ${this.#list()}
      </section>
      ${this.#dialogElement()} ${this.#announcer.render()}
    `;
  }

  #toolbar() {
    const store = this.#entries.store;
    const shownLangs = this.#spaceLanguages;
    const name = (code: string) => languageName(code, this.effectiveLang);
    const filters = this._filters;
    const choices = this.#choices(this.#entries.records, this.effectiveLang);
    const pendingCount = choices.pending;
    const moderator = !!store && canModerate(store.user.role);
    const select = (key: keyof GlossaryFilters, label: string, any: string, options: [string, string][]) => html`
      <label>
        <span>${label}</span>
        <select .value=${filters[key]} @change=${(event: Event) => this.#setFilter(key, (event.target as HTMLSelectElement).value)}>
          <option value="">${any}</option>
          ${options.map(([value, text]) => html`<option value=${value} ?selected=${filters[key] === value}>${text}</option>`)}
        </select>
      </label>
    `;
    return html`
      <div class="toolbar" part="toolbar">
        <twin-sync-indicator></twin-sync-indicator>
        <twin-sync-conflicts collections="glossary glossary-comment glossary-reaction"></twin-sync-conflicts>
        <div class="search">
          <label for="search">${msg('Search in every language', { id: 'glossary.search' })}</label>
          <input id="search" type="search" autocomplete="off" aria-describedby="search-note" .value=${this._query} @input=${this.#onSearch} />
          <p id="search-note" class="search-note">
            ${this._query.length >= MAX_QUERY ? plural(MAX_QUERY, 'glossary.search-too-long', { one: str`Only the first ${0} character is searched.`, other: str`Only the first ${0} characters are searched.` }) : ''}
          </p>
        </div>
        <div class="languages">
          <label>
            <span>${msg('Show', { id: 'glossary.view' })}</span>
            <select @change=${(event: Event) => (this.view = (event.target as HTMLSelectElement).value)}>
              <option value="one" ?selected=${this.#view === 'one'}>${msg('One language', { id: 'glossary.view.one' })}</option>
              <option value="two" ?selected=${this.#view === 'two'}>${msg('Two side by side', { id: 'glossary.view.two' })}</option>
              <option value="all" ?selected=${this.#view === 'all'}>${msg('All languages', { id: 'glossary.view.all' })}</option>
            </select>
          </label>
          <label>
            <span>${msg('Language', { id: 'glossary.primary' })}</span>
            <select @change=${(event: Event) => (this._primary = (event.target as HTMLSelectElement).value)}>
              ${shownLangs.map((code) => html`<option value=${code} ?selected=${code === this.#primary}>${name(code)}</option>`)}
            </select>
          </label>
          ${this.#view === 'two' && shownLangs.length > 1
            ? html`<label>
                <span>${msg('Next to', { id: 'glossary.secondary' })}</span>
                <select @change=${(event: Event) => (this._secondary = (event.target as HTMLSelectElement).value)}>
                  ${shownLangs
                    .filter((code) => code !== this.#primary)
                    .map((code) => html`<option value=${code} ?selected=${code === this.#secondary}>${name(code)}</option>`)}
                </select>
              </label>`
            : nothing}
        </div>
        <details class="filters" ?open=${activeFilterCount(filters) > 0}>
          <summary>
            ${msg('Filters', { id: 'glossary.filters' })}${activeFilterCount(filters) ? ` (${activeFilterCount(filters)})` : ''}
          </summary>
          <div class="filter-grid">
            ${select('missing', msg('Help wanted in', { id: 'glossary.filter.missing' }), msg('Any', { id: 'glossary.filter.any' }), shownLangs.map((code) => [code, name(code)]))}
            ${select('category', msg('Category', { id: 'glossary.field.category' }), msg('All categories', { id: 'glossary.filter.all-categories' }), choices.categories.map((c) => [c, c]))}
            ${select('school', msg('School', { id: 'glossary.filter.school' }), msg('All schools', { id: 'glossary.filter.all-schools' }), choices.schools.map((s) => [s, s]))}
            ${select('author', msg('Author', { id: 'glossary.filter.author' }), msg('Everyone', { id: 'glossary.filter.everyone' }), choices.authors)}
            ${choices.phases.length ? select('phase', msg('Phase', { id: 'glossary.entry.phase' }), msg('All phases', { id: 'glossary.filter.all-phases' }), inPlanOrder(choices.phases, this.#phases.records).map((p) => [p, phaseName(p, this.#phases.records)])) : nothing}
            ${moderator
              ? select('status', msg('Status', { id: 'glossary.filter.status' }), msg('Any status', { id: 'glossary.filter.any-status' }), [
                  ['pending', msg(str`Waiting for approval (${pendingCount})`, { id: 'glossary.filter.pending' })],
                  ['hidden', msg('Hidden', { id: 'glossary.filter.hidden' })],
                ])
              : nothing}
            ${activeFilterCount(filters)
              ? html`<button type="button" @click=${() => (this._filters = NO_FILTERS)}>${msg('Clear filters', { id: 'glossary.filter.clear' })}</button>`
              : nothing}
          </div>
        </details>
        <div class="actions">
          ${store?.can('create')
            ? html`<button type="button" class="primary" @click=${(event: Event) => this.#openDialog({ kind: 'edit' }, event)}>
                ${msg('Add an entry', { id: 'glossary.add' })}
              </button>`
            : nothing}
          <button type="button" @click=${this.#print} ?disabled=${!this.#visible.length}>${msg('Print booklet', { id: 'glossary.print' })}</button>
          ${moderator && pendingCount
            ? html`<button type="button" @click=${() => this.#setFilter('status', 'pending')}>
                ${msg(str`Waiting for approval (${pendingCount})`, { id: 'glossary.filter.pending' })}
              </button>`
            : nothing}
        </div>
        ${store && (store.can('create') || store.can('export'))
          ? html`<details class="exchange">
              <summary>${msg('Import and export', { id: 'glossary.exchange' })}</summary>
              <twin-glossary-exchange .store=${store} .entries=${this.#entries.records} .languages=${this.#spaceLanguages} .name=${store.space}></twin-glossary-exchange>
            </details>`
          : nothing}
      </div>
    `;
  }

  #summary() {
    const total = this.#entries.records.length;
    const shown = this.#visible.length;
    if (!total) {
      return html`<p class="summary empty">
        ${this.#entries.store?.can('create')
          ? msg('The glossary is empty. Add the first word your partners should know.', { id: 'glossary.empty' })
          : msg('The glossary is empty.', { id: 'glossary.empty-reader' })}
      </p>`;
    }
    return html`<p class="summary">${this.#countText(shown, total)}</p>`;
  }

  #countText(shown: number, total: number): string {
    if (shown === total) return plural(total, 'glossary.count', { one: str`${0} entry`, other: str`${0} entries` });
    return msg(str`${shown.toLocaleString(this.effectiveLang)} of ${total.toLocaleString(this.effectiveLang)} entries`, { id: 'glossary.count-filtered' });
  }

  #letters() {
    if (this.#visible.length < 20) return nothing;
    const letters = this.#letterIndex(this.#visible, this.#primary);
    if (letters.length < 2) return nothing;
    return html`<nav class="letters" aria-label=${msg('Jump to a letter', { id: 'glossary.letters' })}>
      ${letters.map(({ letter, index }) => html`<button type="button" class="link" lang=${this.#primary} @click=${() => this.#jumpTo(index)}>${letter}</button>`)}
    </nav>`;
  }

  #list() {
    const entries = this.#visible;
    if (!entries.length) {
      if (this.#entries.records.length) return html`<p class="no-results">${msg('Nothing matches. Try fewer words or clear the filters.', { id: 'glossary.no-results' })}</p>`;
      return nothing;
    }
    const { start, end } = this.#window.range(entries.length);
    const rowHeight = this.#window.rowHeight;
    const shown = this.#shown;
    // One tab stop for the list: the active row if drawn, else the first drawn row.
    const tabbable = this._active >= start && this._active < end ? this._active : start;
    const rows = entries.slice(start, end).map((entry, offset) => ({ entry, index: start + offset }));
    return html`
      <div class="list" part="list">
        <ul role="list" aria-label=${msg('Entries', { id: 'glossary.entries' })} style="block-size:${entries.length * rowHeight}px" class=${`langs-${shown.length}`}>
          ${repeat(
            rows,
            ({ entry }) => entry.id,
            ({ entry, index }) => html`
              <li data-row data-index=${index} aria-setsize=${entries.length} aria-posinset=${index + 1} style="transform:translateY(${index * rowHeight}px)">
                <button type="button" part="row" class="row" tabindex=${index === tabbable ? 0 : -1} @click=${(event: Event) => this.#openEntry(entry.id, index, event)} @keydown=${(event: KeyboardEvent) => this.#onRowKey(event, index)}>
                  ${shown.map((lang, column) => this.#cell(entry, lang, column === 0 ? this.#badge(entry) : nothing))}
                </button>
              </li>
            `,
          )}
        </ul>
      </div>
    `;
  }

  #badge(entry: GlossaryEntry) {
    if (entry.status === 'published') return nothing;
    return html`<span class="badge ${entry.status}">
      ${entry.status === 'pending' ? msg('Waiting for approval', { id: 'glossary.status.pending' }) : msg('Hidden', { id: 'glossary.filter.hidden' })}
    </span>`;
  }

  /** One language of a row; the first carries the status badge on its term's line, so nothing overlaps. */
  #cell(entry: GlossaryEntry, lang: string, badge: unknown) {
    const t = entry.translations[lang];
    if (!t) {
      return html`<span class="cell missing">
        <span class="term-line"><span class="term">${msg(str`Help wanted in ${languageName(lang, this.effectiveLang)}`, { id: 'glossary.row.help-wanted' })}</span>${badge}</span>
      </span>`;
    }
    return html`<span class="cell">
      <span class="term-line"><span class="term" lang=${lang}>${highlighted(t.term, this.#words)}</span>${badge}</span>
      ${t.definition ? html`<span class="definition" lang=${lang}>${highlighted(t.definition.slice(0, 240), this.#words)}</span>` : nothing}
    </span>`;
  }

  #dialogElement() {
    const dialog = this._dialog;
    const store = this.#entries.store;
    let body: unknown = nothing;
    let title = '';
    /** The dialog's accessible name: the entry's term, in the reader's first language. */
    let name: string | undefined;
    if (dialog?.kind === 'entry') {
      const entry = this.#byId.get(dialog.id);
      title = msg('Glossary entry', { id: 'glossary.dialog.entry' });
      name = entry ? `${title}: ${shownTerm(entry, this.#shown).term}` : undefined;
      body = entry
        ? html`<twin-glossary-entry
            .store=${store}
            .entry=${entry}
            .entries=${this.#byId}
            .languages=${this.#shown.concat(this.#spaceLanguages.filter((code) => !this.#shown.includes(code)))}
            .uiLang=${this.effectiveLang}
            .phases=${this.#phases.records}
            .words=${this.#words}
            .comments=${this.#feedbackFor(this.#comments.records, entry.id)}
            .reactions=${this.#feedbackFor(this.#reactions.records, entry.id)}
            @entry-edit=${(event: CustomEvent<{ translateTo?: string }>) => this.#openDialog({ kind: 'edit', id: entry.id, translateTo: event.detail.translateTo })}
            @editor-open=${(event: CustomEvent<{ id: string }>) => this.#openDialog({ kind: 'entry', id: event.detail.id })}
            @entry-removed=${this.#onRemoved}
          ></twin-glossary-entry>`
        : html`<p>${msg('This entry no longer exists (it may have been deleted).', { id: 'glossary.dialog.gone' })}</p>`;
    } else if (dialog?.kind === 'edit') {
      // The version the user started from, not the live one: a change by someone else meanwhile
      // must not replace what they are typing (it becomes a conflict on save instead).
      const entry = dialog.base;
      title = dialog.translateTo
        ? msg(str`Add the ${languageName(dialog.translateTo, this.effectiveLang)} version`, { id: 'glossary.entry.add-language' })
        : entry
          ? msg('Edit the entry', { id: 'glossary.dialog.edit' })
          : msg('Add an entry', { id: 'glossary.add' });
      body = html`<twin-glossary-editor
        .store=${store}
        .entry=${entry}
        .entries=${this.#entries.records}
        .languages=${this.#spaceLanguages}
        .translateTo=${dialog.translateTo}
        .uiLang=${this.effectiveLang}
        @editor-done=${this.#onEditorDone}
        @editor-open=${(event: CustomEvent<{ id: string }>) => this.#openDialog({ kind: 'entry', id: event.detail.id })}
      ></twin-glossary-editor>`;
    }
    return html`
      <dialog part="dialog" aria-labelledby=${name ? nothing : 'dialog-title'} aria-label=${name ?? nothing} @close=${this.#onDialogClose} @cancel=${this.#onDialogCancel} @keydown=${this.#onDialogKey}>
        <div class="dialog-head">
          <p id="dialog-title" class="dialog-title">${title}</p>
          <button type="button" class="close" @click=${() => this.#closeDialog()} aria-label=${msg('Close', { id: 'glossary.close' })}>✕</button>
        </div>
        ${body}
      </dialog>
    `;
  }

  #feedbackFor<T extends { target: string }>(records: T[], id: string): T[] {
    return records.filter((record) => record.target === id);
  }

  // ---- behaviour ----------------------------------------------------------------------------

  #onSearch = (event: Event) => {
    // A pasted page is not a search: the first words are enough, and the rest would only cost time.
    this._query = (event.target as HTMLInputElement).value.slice(0, MAX_QUERY);
    this._active = 0;
    // The count is announced once typing pauses, not on every key.
    clearTimeout(this.#announceTimer);
    this.#announceTimer = setTimeout(() => this.#announceCount(), 600);
  };

  #announceCount() {
    const count = this.#visible.length;
    this.#announcer.announce(
      count === 0
        ? msg('No entries found.', { id: 'glossary.found-none' })
        : plural(count, 'glossary.found', { one: str`${0} entry found.`, other: str`${0} entries found.` }),
    );
  }

  #setFilter(key: keyof GlossaryFilters, value: string) {
    this._filters = { ...this._filters, [key]: value };
    this._active = 0;
    void this.updateComplete.then(() => this.#announceCount());
  }

  async #jumpTo(index: number) {
    this._active = index;
    this.#window.reveal(index, 'start');
    await this.updateComplete;
    this.#focusRow(index);
  }

  #onRowKey(event: KeyboardEvent, index: number) {
    const last = this.#visible.length - 1;
    const page = Math.max(1, Math.floor((this.renderRoot.querySelector('.list')?.clientHeight ?? 400) / this.#window.rowHeight) - 1);
    const targets: Record<string, number> = {
      ArrowDown: index + 1,
      ArrowUp: index - 1,
      PageDown: index + page,
      PageUp: index - page,
      Home: 0,
      End: last,
    };
    if (!(event.key in targets)) return;
    event.preventDefault();
    const next = Math.max(0, Math.min(last, targets[event.key]));
    this._active = next;
    this.#window.reveal(next);
    void this.updateComplete.then(() => this.#focusRow(next));
  }

  #focusRow(index: number) {
    this.renderRoot.querySelector<HTMLElement>(`li[data-index="${index}"] button`)?.focus();
  }

  #openEntry(id: string, index: number, event: Event) {
    this._active = index;
    this.#openDialog({ kind: 'entry', id }, event);
  }

  async #openDialog(dialog: NonNullable<Dialog>, event?: Event) {
    if (event) this.#opener = event.currentTarget as HTMLElement;
    if (dialog.kind === 'edit' && dialog.id) dialog = { ...dialog, base: this.#byId.get(dialog.id) };
    this._dialog = dialog;
    await this.updateComplete;
    const element = this.renderRoot.querySelector('dialog');
    if (element && !element.open) element.showModal();
    // Focus the first field of the editor, or the entry's heading area.
    const editor = this.renderRoot.querySelector('twin-glossary-editor');
    if (editor) {
      await editor.updateComplete;
      editor.focus();
    } else {
      element?.querySelector<HTMLElement>('.close')?.focus();
    }
  }

  #closeDialog() {
    this.renderRoot.querySelector('dialog')?.close();
  }

  #onDialogCancel = (event: Event) => {
    // Escape in the editor asks the editor's own Cancel, so a draft is not thrown away by accident.
    if (this._dialog?.kind === 'edit' && this.#editorHasText()) {
      event.preventDefault();
      this.#announcer.announce(msg('Press Cancel to close without saving.', { id: 'glossary.dialog.unsaved' }));
    }
  };

  /** Escape on a form with typed text never closes it (the browser lets a page refuse only once). */
  #onDialogKey = (event: KeyboardEvent) => {
    if (event.key === 'Escape' && this._dialog?.kind === 'edit' && this.#editorHasText()) {
      event.preventDefault();
      this.#announcer.announce(msg('Press Cancel to close without saving.', { id: 'glossary.dialog.unsaved' }));
    }
  };

  #editorHasText(): boolean {
    return !!this.renderRoot.querySelector('twin-glossary-editor')?.dirty;
  }

  #onDialogClose = () => {
    this._dialog = undefined;
    const opener = this.#opener;
    this.#opener = null;
    // Back where the user was: the row they opened, or the button they pressed.
    if (opener?.isConnected) opener.focus();
    else this.#focusRow(this._active);
  };

  #onEditorDone = (event: CustomEvent<{ record?: GlossaryEntry; theirs?: boolean }>) => {
    const record = event.detail.record;
    const editing = this._dialog?.kind === 'edit' ? this._dialog : undefined;
    if (record) {
      this.#announcer.announce(
        event.detail.theirs
          ? msg('Their version is kept; yours was not saved.', { id: 'glossary.kept-theirs' })
          : record.status === 'pending'
          ? msg('Saved. A teacher will approve it before others see it.', { id: 'glossary.saved-pending' })
          : msg('Saved.', { id: 'glossary.saved' }),
      );
      void this.#openDialog({ kind: 'entry', id: record.id });
    } else if (editing?.id) {
      void this.#openDialog({ kind: 'entry', id: editing.id });
    } else {
      this.#closeDialog();
    }
  };

  #onRemoved = () => {
    this.#announcer.announce(msg('Entry deleted.', { id: 'glossary.deleted' }));
    this.#opener = null;
    this.#closeDialog();
  };

  #print = () => {
    // A booklet is for sharing: only published entries, never pending or hidden ones.
    printBooklet(this.renderRoot as ShadowRoot, this.#visible.filter((entry) => entry.status === 'published'), {
      title: msg('Glossary', { id: 'glossary.label' }),
      languages: this.#shown,
      lang: this.effectiveLang,
      languageName: (code) => languageName(code, this.effectiveLang),
      labels: {
        example: msg('Example', { id: 'glossary.print.example' }),
        alsoCalled: msg('Also', { id: 'glossary.print.also' }),
        category: msg('Category', { id: 'glossary.field.category' }),
        by: msg('by', { id: 'glossary.print.by' }),
      },
    });
  };
}
