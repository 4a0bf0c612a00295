import { msg, str } from '@lit/localize';
import { html, nothing } from 'lit';
import type { GlossaryEntry } from '../../../sdk/schemas/glossary.js';
import type { TwinStore } from '../../../sdk/store/create-store.js';
import { errorMessage } from '../../../localization/error-message.js';
import { formatFileSize } from '../../../localization/file-size.js';
import { formatList } from '../../../localization/list-format.js';
import { plural } from '../../../localization/plural.js';
import { TwinElement } from '../../base/twin-element.js';
import { LiveAnnouncer } from '../../controllers/live-announcer.js';
import { decodeUtf8, parseGlossaryCsv, writeGlossaryCsv } from './csv.js';
import { glossaryExchangeStyles } from './glossary-exchange.styles.js';
import { createPlanner, ExchangeRefusal, type ImportPlan, type ParsedFile } from './import-plan.js';
import { parseGlossaryJson, writeGlossaryJson } from './json.js';
import { parseMoodleXml, writeMoodleXml } from './moodle-xml.js';
import { writeProblems, type RowProblem } from './row-problems.js';
import { downloadText } from '../../base/download-text.js';

/** Larger files are refused before reading: a glossary is never that big, and the tab would freeze. */
const MAX_BYTES = 20 * 1024 * 1024;
/** Rows checked between two yields to the page, so the progress bar moves on large files. */
const CHUNK = 250;
/** Rows listed in a report; more are counted in the summary, not drawn. */
const LISTED = 100;

type Format = 'csv' | 'json' | 'xml';
type ImportState =
  | { step: 'idle' }
  | { step: 'busy'; progress?: number }
  | { step: 'refused'; message: string }
  | { step: 'preview'; plan: ImportPlan; parsed: ParsedFile }
  | { step: 'done'; count: number; failed: number; failures: RowProblem[]; message?: string };

/**
 * Exports the glossary (CSV, JSON backup, Moodle XML) and imports such files: a preview reports
 * what is ready, what is already there and which rows have problems; nothing is written before
 * the user confirms, and then everything is written in one batch.
 *
 * @summary Import and export of `<twin-glossary>` entries.
 * @event glossary-imported - Entries were imported; `detail.count` says how many.
 */
export class TwinGlossaryExchange extends TwinElement {
  static override styles = glossaryExchangeStyles;

  static override properties = {
    store: { attribute: false },
    entries: { attribute: false },
    languages: { attribute: false },
    name: { type: String },
    _format: { state: true },
    _lang: { state: true },
    _askLang: { state: true },
    _state: { state: true },
  };

  declare store: TwinStore | undefined;
  /** The glossary as it is: exported, and used to find duplicates. */
  declare entries: readonly GlossaryEntry[];
  /** The space's languages, in order: CSV columns and the Moodle concept follow it. */
  declare languages: string[];
  /** File name stem of exports. */
  declare name: string;
  declare _format: Format;
  declare _lang: string | undefined;
  declare _askLang: boolean;
  declare _state: ImportState;

  readonly #announcer = new LiveAnnouncer(this);
  /** The decoded file, kept to plan again when the language of plain Moodle entries changes. */
  #text = '';
  /** Bumped by every new file or decision: an older run that is still reading gives up. */
  #run = 0;

  constructor() {
    super();
    this.entries = [];
    this.languages = [];
    this.name = 'glossary';
    this._format = 'csv';
    this._askLang = false;
    this._state = { step: 'idle' };
  }

  /** The export in `format`, as text: what the download button saves. */
  exportText(format: Format = this._format): string {
    const { entries, languages } = this;
    if (format === 'json') return writeGlossaryJson(entries, this.store?.space ?? '');
    return format === 'xml' ? writeMoodleXml(entries, languages, this.name) : writeGlossaryCsv(entries, languages);
  }

  #download() {
    const type = { csv: 'text/csv', json: 'application/json', xml: 'application/xml' }[this._format];
    downloadText(this.exportText(), `${this.name}.${this._format}`, type);
  }

  get #language() {
    return this._lang ?? this.languages[0] ?? 'en';
  }

  async #choose(event: Event) {
    const file = (event.target as HTMLInputElement).files?.[0];
    this._askLang = false;
    if (!file) {
      this.#run++;
      this._state = { step: 'idle' };
      return;
    }
    await this.#prepare(async () => {
      if (file.size > MAX_BYTES) {
        const [size, limit] = [formatFileSize(file.size), formatFileSize(MAX_BYTES)];
        throw new ExchangeRefusal(msg(str`This file is too large (${size}); the limit is ${limit}. Nothing was imported.`, { id: 'glossary-exchange.too-large' }));
      }
      return decodeUtf8(await file.arrayBuffer());
    });
  }

  /** Reads (when given a reader), parses and checks the file; writes nothing. */
  async #prepare(read?: () => Promise<string>) {
    const run = ++this.#run;
    this._state = { step: 'busy' };
    try {
      const text = read ? await read() : this.#text;
      if (run !== this.#run) return;
      this.#text = text;
      const first = text.trimStart()[0];
      const parsed = first === '<' ? parseMoodleXml(text, this.#language) : first === '{' || first === '[' ? parseGlossaryJson(text) : parseGlossaryCsv(text);
      this._askLang = !!parsed.usesFallbackLang;
      const planner = createPlanner(this.entries);
      const { rows } = parsed;
      for (let i = 0; i < rows.length; i += CHUNK) {
        this._state = { step: 'busy', progress: i / rows.length };
        await new Promise((resolve) => setTimeout(resolve));
        if (run !== this.#run) return;
        rows.slice(i, i + CHUNK).forEach(planner.add);
      }
      this.#show({ step: 'preview', plan: planner.plan, parsed });
    } catch (error) {
      if (run === this.#run) this.#show({ step: 'refused', message: error instanceof ExchangeRefusal ? error.message : errorMessage(error) });
    }
  }

  async #confirm() {
    const state = this._state;
    if (state.step !== 'preview' || !this.store) return;
    const { ready, readyRows } = state.plan;
    this.#run++;
    this._state = { step: 'busy' };
    let done: ImportState & { step: 'done' };
    try {
      // One batch: in IndexedDB one transaction, so a failing disk leaves nothing half-imported.
      const results = await this.store.createMany('glossary', ready);
      const failed = results.flatMap((result, i) => (result.ok ? [] : [{ row: readyRows[i], error: result.error as unknown }]));
      done = { step: 'done', count: ready.length - failed.length, failed: failed.length, failures: failed.flatMap(({ row, error }) => writeProblems(row, error)) };
    } catch (error) {
      done = { step: 'done', count: 0, failed: 0, failures: [], message: errorMessage(error) };
    }
    this.#reset(done);
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('#result')?.focus();
    if (done.count) this.dispatchEvent(new CustomEvent('glossary-imported', { detail: { count: done.count }, bubbles: true, composed: true }));
  }

  async #cancel() {
    this.#run++;
    this.#reset({ step: 'idle' });
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('#file')?.focus();
  }

  /** Ends an import: the same file can be chosen again. */
  #reset(state: ImportState) {
    const input = this.renderRoot.querySelector<HTMLInputElement>('#file');
    if (input) input.value = '';
    this._askLang = false;
    this.#show(state);
  }

  #show(state: ImportState) {
    this._state = state;
    const summary = this.#summary(state);
    if (summary) this.#announcer.announce(summary);
  }

  #summary(state: ImportState): string {
    switch (state.step) {
      case 'refused':
        return state.message;
      case 'preview': {
        const { ready, duplicates, problems } = state.plan;
        return msg(str`Ready to import: ${ready.length}. Already in the glossary (skipped): ${duplicates.length}. Rows with problems: ${new Set(problems.map(({ row }) => row)).size}.`, {
          id: 'glossary-exchange.summary',
        });
      }
      case 'done':
        return (
          state.message ??
          msg(str`Entries imported: ${state.count}. Not imported: ${state.failed}.`, { id: 'glossary-exchange.imported' })
        );
    }
    return '';
  }

  /** The first rows of a report; the summary above gives the full count. */
  #rows(items: RowProblem[]) {
    return items.length
      ? html`<ol>
          ${items.slice(0, LISTED).map(
            ({ row, column, message }) =>
              html`<li>${column ? msg(str`Row ${row}, column ${column}: ${message}`, { id: 'glossary-exchange.row-column' }) : msg(str`Row ${row}: ${message}`, { id: 'glossary-exchange.row' })}</li>`,
          )}
        </ol>`
      : nothing;
  }

  #renderState(state: ImportState) {
    const summary = this.#summary(state);
    switch (state.step) {
      case 'busy':
        return html`<progress max="1" value=${state.progress ?? nothing} aria-label=${msg('Working…', { id: 'glossary-exchange.progress' })}></progress>`;
      case 'refused':
        return html`<p class="error">${summary}</p>`;
      case 'preview': {
        const { plan, parsed } = state;
        const count = plan.ready.length;
        return html`<div>
          <p>${summary}</p>
          ${parsed.ignored?.length
            ? html`<p>${msg(str`Ignored columns: ${formatList(parsed.ignored)}.`, { id: 'glossary-exchange.ignored' })}</p>`
            : nothing}
          ${this.#rows(plan.problems)}
          ${count
            ? html`<button @click=${this.#confirm}>
                ${plural(count, 'glossary-exchange.confirm', { one: str`Import ${0} entry`, other: str`Import ${0} entries` })}
              </button>`
            : nothing}
          <button @click=${this.#cancel}>${msg('Cancel', { id: 'glossary-exchange.cancel' })}</button>
        </div>`;
      }
      case 'done':
        return html`<div>
          <p id="result" tabindex="-1" class=${state.message ? 'error' : ''}>${summary}</p>
          ${this.#rows(state.failures)}
        </div>`;
    }
    return nothing;
  }

  protected override render() {
    const { store } = this;
    const format = (value: Format, label: string) => html`<option value=${value} ?selected=${this._format === value}>${label}</option>`;
    return html`${store?.can('export')
        ? html`<fieldset>
            <legend>${msg('Export', { id: 'glossary-exchange.export' })}</legend>
            <label for="format">${msg('Format', { id: 'glossary-exchange.format' })}</label>
            <select id="format" @change=${(event: Event) => (this._format = (event.target as HTMLSelectElement).value as Format)}>
              ${format('csv', msg('CSV (spreadsheet)', { id: 'glossary-exchange.format-csv' }))}
              ${format('json', msg('JSON (Twinkit backup)', { id: 'glossary-exchange.format-json' }))}
              ${format('xml', msg('Moodle glossary XML', { id: 'glossary-exchange.format-xml' }))}
            </select>
            <button @click=${this.#download}>${msg('Download', { id: 'glossary-exchange.download' })}</button>
          </fieldset>`
        : nothing}
      ${store?.can('create')
        ? html`<fieldset>
            <legend>${msg('Import', { id: 'glossary-exchange.import' })}</legend>
            <label for="file">${msg('Glossary file (CSV, JSON or Moodle XML)', { id: 'glossary-exchange.file' })}</label>
            <input id="file" type="file" accept=".csv,.json,.xml" @change=${this.#choose} />
            ${this._askLang
              ? html`<label for="lang">${msg('Language of these entries', { id: 'glossary-exchange.language' })}</label>
                  <select
                    id="lang"
                    @change=${(event: Event) => {
                      this._lang = (event.target as HTMLSelectElement).value;
                      void this.#prepare();
                    }}
                  >
                    ${(this.languages.length ? this.languages : ['en']).map(
                      (code) => html`<option value=${code} ?selected=${code === this.#language}>${code}</option>`,
                    )}
                  </select>`
              : nothing}
            ${this.#renderState(this._state)}
          </fieldset>`
        : nothing}
      ${this.#announcer.render()}`;
  }
}
