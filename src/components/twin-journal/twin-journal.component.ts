import { msg, str } from '@lit/localize';
import { html, nothing, type PropertyValues } from 'lit';
import { isStaff } from '../../sdk/policy/roles.js';
import type { JournalFeedback } from '../../sdk/schemas/journal-feedback.js';
import type { JournalNote } from '../../sdk/schemas/journal-note.js';
import type { JournalPrompt } from '../../sdk/schemas/journal-prompt.js';
import { JOURNAL_SETTINGS_ID, type JournalSettings } from '../../sdk/schemas/journal-settings.js';
import type { JournalEntry } from '../../sdk/schemas/journal.js';
import type { Phase } from '../../sdk/schemas/phase.js';
import { PROJECT_RECORD_ID, type ProjectSettings } from '../../sdk/schemas/project.js';
import type { TwinStore } from '../../sdk/store/create-store.js';
import type { TwinRecord } from '../../sdk/store/store-types.js';
import { isDay, localToday } from '../../localization/dates.js';
import { errorMessage } from '../../localization/error-message.js';
import { plural } from '../../localization/plural.js';
import { downloadText } from '../base/download-text.js';
import { memo } from '../base/memo.js';
import { printInFrame } from '../base/print-frame.js';
import { TwinElement } from '../base/twin-element.js';
import { ActionRunner } from '../controllers/action-runner.js';
import { DialogHost } from '../controllers/dialog-host.js';
import { LiveAnnouncer } from '../controllers/live-announcer.js';
import { StoreController } from '../controllers/store-controller.js';
import type { JournalActions, JournalPupil, JournalState } from './journal-state.js';
import { promptSetForm } from './forms/prompt-set-form.js';
import { addDays, weeksBetween } from './model/journal-weeks.js';
import { portfolioHtml, portfolioJson } from './model/portfolio.js';
import { teacherOverview } from './model/teacher-overview.js';
import { portfolioLabels } from './portfolio-labels.js';
import { twinJournalStyles } from './twin-journal.styles.js';
import { myJournal } from './views/my-journal.js';
import { overviewView } from './views/overview.js';
import { partnersJournals } from './views/partners.js';
import { promptSetsView } from './views/prompt-sets.js';
import { pupilJournal } from './views/pupil-journal.js';

export type JournalView = 'mine' | 'partners' | 'overview' | 'prompts';
const VIEWS: readonly JournalView[] = ['mine', 'partners', 'overview', 'prompts'];
/** Weeks the teacher's overview shows, up to this week. */
const OVERVIEW_WEEKS = 8;
/** Rows of the overview drawn in the first frame. */
const FIRST_ROWS = 40;

type Dialog =
  | { kind: 'write'; prompts?: JournalPrompt; base?: JournalEntry }
  | { kind: 'entry'; id: string }
  | { kind: 'prompt-set'; base?: JournalPrompt }
  | { kind: 'erase'; pupil: JournalPupil }
  | undefined;

const byDate = (a: JournalEntry, b: JournalEntry) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0);
const byOrder = (a: { order: number }, b: { order: number }) => a.order - b.order;
const byCreation = (a: TwinRecord, b: TwinRecord) => (a.createdAt < b.createdAt ? -1 : 1);

const rosterConverter = {
  fromAttribute(value: string | null): JournalPupil[] | undefined {
    if (!value) return undefined;
    try {
      const parsed = JSON.parse(value) as unknown;
      if (Array.isArray(parsed)) return parsed.filter((item): item is JournalPupil => !!item && typeof item.id === 'string' && typeof item.name === 'string');
    } catch {
      // Reported below.
    }
    console.warn('<twin-journal>: pupils must be a JSON array of { "id", "name", "school", "mobile" }; the overview lists those who wrote instead.');
    return undefined;
  },
};

/**
 * The reflection journal: pupils' dated entries (free text in a safe subset of rich text, answers to
 * their teachers' prompts, a self-rating, photos and clips), who may read each one, peer feedback,
 * a teacher's overview by week, and portfolios. Drafts are kept as the pupil types.
 *
 * @summary A reflection journal with peer feedback.
 * @csspart toolbar - The views.
 * @csspart dialog - The dialog that writes or shows an entry.
 */
export class TwinJournal extends TwinElement {
  static override styles = twinJournalStyles;

  static override properties = {
    space: { type: String, reflect: true },
    view: { type: String, reflect: true },
    today: { type: String },
    pupils: { converter: rosterConverter },
    _dialog: { state: true },
    _pupil: { state: true },
    _onlyWaiting: { state: true },
    _onlyNudge: { state: true },
    _promptBy: { state: true },
    _overviewLimit: { state: true },
  };

  /** Space id when used without a `<twin-space>` (then stored in this browser). */
  declare space: string | undefined;
  /** `mine` (a pupil's default), `partners`, `overview` (a teacher's default) or `prompts`. */
  declare view: string | undefined;
  /** Today as `YYYY-MM-DD` (default: the browser's date). */
  declare today: string | undefined;
  /** The class roster for the teacher's overview (JSON: `[{ "id", "name", "school", "mobile" }]`); without it, those who wrote. */
  declare pupils: JournalPupil[] | undefined;
  declare _dialog: Dialog;
  declare _pupil: JournalPupil | undefined;
  declare _onlyWaiting: boolean;
  declare _onlyNudge: boolean;
  declare _promptBy: 'week' | 'phase';
  /** Rows of the overview drawn so far: the first ones at once, all of them right after. */
  declare _overviewLimit: number;

  readonly #entries = new StoreController<JournalEntry>(this, { collection: 'journal', compare: byDate });
  // Feedback and notes follow their entry or pupil, not the page's phase filter.
  readonly #feedback = new StoreController<JournalFeedback>(this, { collection: 'journal-feedback', allPhases: true, compare: byCreation });
  readonly #prompts = new StoreController<JournalPrompt>(this, { collection: 'journal-prompt', allPhases: true, compare: byOrder });
  readonly #notes = new StoreController<JournalNote>(this, { collection: 'journal-note', allPhases: true, compare: byCreation });
  readonly #settings = new StoreController<JournalSettings>(this, { collection: 'journal-settings', allPhases: true });
  readonly #phases = new StoreController<Phase>(this, { collection: 'phase', allPhases: true, compare: byOrder });
  readonly #project = new StoreController<ProjectSettings>(this, { collection: 'project', allPhases: true });
  readonly #announcer = new LiveAnnouncer(this);
  readonly #runner = new ActionRunner(this, this.#announcer);
  readonly #dialogHost = new DialogHost(
    this,
    () => {
      this._dialog = undefined;
      this.#runner.show(undefined);
    },
    () => this.renderRoot.querySelector<HTMLElement>('.views button[aria-pressed="true"]'),
  );
  #state!: JournalState;

  constructor() {
    super();
    this._onlyWaiting = false;
    this._onlyNudge = false;
    this._promptBy = 'week';
    this._overviewLimit = FIRST_ROWS;
  }

  protected override updated(): void {
    if (this._overviewLimit === FIRST_ROWS && this.#view === 'overview' && !this._pupil && this.#entries.status === 'ready') {
      // After the first rows are painted, the rest: a frame, then a task.
      requestAnimationFrame(() => setTimeout(() => (this._overviewLimit = Number.POSITIVE_INFINITY)));
    }
  }

  get #store(): TwinStore | undefined {
    return this.#entries.store;
  }

  get #view(): JournalView {
    const staff = !!this.#store && isStaff(this.#store.user.role);
    const observer = this.#store?.user.role === 'observer';
    const allowed: readonly JournalView[] = staff ? ['overview', 'prompts', 'partners'] : observer ? ['partners'] : ['mine', 'partners'];
    return allowed.includes(this.view as JournalView) ? (this.view as JournalView) : allowed[0];
  }

  /** Derived once per change of the records, not per render. */
  readonly #derive = memo((feedback: JournalFeedback[], prompts: JournalPrompt[], settings: JournalSettings[], entries: JournalEntry[], roster: JournalPupil[] | undefined) => {
    const feedbackOn = new Map<string, JournalFeedback[]>();
    for (const item of feedback) {
      const list = feedbackOn.get(item.target) ?? [];
      list.push(item);
      feedbackOn.set(item.target, list);
    }
    const pupils = roster ?? [...new Map(entries.map((entry) => [entry.author.id, { id: entry.author.id, name: entry.author.name, school: entry.author.school, mobile: (entry.author as { mobile?: boolean }).mobile }])).values()].sort((a, b) => a.name.localeCompare(b.name));
    return {
      feedbackOn,
      promptSetById: new Map(prompts.map((set) => [set.id, set])),
      feedbackApproval: !!settings.find((record) => record.id === JOURNAL_SETTINGS_ID)?.feedbackApproval,
      pupils,
    };
  });

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('view') && this.view && !VIEWS.includes(this.view as JournalView)) {
      console.warn(`<twin-journal>: view="${this.view}" is not one of ${VIEWS.join(', ')}; showing the default view.`);
    }
    const store = this.#store;
    const entries = this.#entries.records;
    const derived = this.#derive(this.#feedback.records, this.#prompts.records, this.#settings.records, entries, this.pupils);
    this.#state = {
      ...derived,
      lang: this.effectiveLang,
      today: isDay(this.today) ? this.today : localToday(),
      user: store?.user,
      staff: !!store && isStaff(store.user.role),
      entries,
      feedback: this.#feedback.records,
      promptSets: this.#prompts.records,
      notes: this.#notes.records,
      phases: this.#phases.records.filter((phase) => !phase.archived),
      allPhases: this.#phases.records,
      project: this.#project.records.find((record) => record.id === PROJECT_RECORD_ID),
    };
  }

  readonly #overview = memo((pupils: JournalPupil[], entries: JournalEntry[], feedback: JournalFeedback[], today: string) => {
    const weeks = weeksBetween(addDays(today, -7 * (OVERVIEW_WEEKS - 1)), today);
    return { weeks, overview: teacherOverview({ pupils, entries, feedback, weeks, today }) };
  });

  // ---- rendering ----------------------------------------------------------------------------

  override render() {
    const state = this.#state;
    const loading = this.#entries.status === 'loading' || this.#feedback.status === 'loading';
    const failed = [this.#entries, this.#feedback, this.#prompts, this.#notes].find((controller) => controller.status === 'error');
    return html`<section class="journal" aria-label=${msg('Reflection journal', { id: 'journal.label' })}>
        ${this.#toolbar(state)}
        ${this.#runner.problem && !this._dialog ? html`<p class="problem" role="alert">${this.#runner.problem.message}</p>` : nothing}
        ${failed
          ? html`<p class="problem" role="alert">${msg('The journal could not be loaded.', { id: 'journal.load-error' })} ${errorMessage(failed.error)}</p>`
          : loading
            ? html`<p class="muted">${msg('Loading the journal…', { id: 'journal.loading' })}</p>`
            : html`<div class="view">${this.#viewContent(state)}</div>`}
      </section>
      ${this.#dialogElement(state)} ${this.#announcer.render()}`;
  }

  #toolbar(state: JournalState) {
    const view = this.#view;
    const names: Record<JournalView, string> = {
      mine: msg('My journal', { id: 'journal.view.mine' }),
      partners: state.user?.role === 'observer' ? msg('Shared entries', { id: 'journal.shared' }) : msg('Entries of the others', { id: 'journal.partners' }),
      overview: msg('Overview', { id: 'journal.view.overview' }),
      prompts: msg('Prompts', { id: 'journal.view.prompts' }),
    };
    const views = state.staff ? (['overview', 'prompts', 'partners'] as const) : state.user?.role === 'observer' ? [] : (['mine', 'partners'] as const);
    return html`<div class="toolbar" part="toolbar">
      <twin-sync-indicator></twin-sync-indicator>
      <twin-sync-conflicts collections="journal journal-prompt journal-feedback journal-note journal-settings"></twin-sync-conflicts>
      ${views.length
        ? html`<div class="views" role="group" aria-label=${msg('View', { id: 'journal.view' })}>
            ${views.map((name) => html`<button type="button" aria-pressed=${view === name ? 'true' : 'false'} @click=${() => ((this.view = name), (this._pupil = undefined))}>${names[name]}</button>`)}
          </div>`
        : nothing}
    </div>`;
  }

  #viewContent(state: JournalState) {
    const view = this.#view;
    if (state.staff && this._pupil) return pupilJournal(this._pupil, state, this.#actions);
    switch (view) {
      case 'mine':
        return myJournal(state, this.#actions);
      case 'overview': {
        const { weeks, overview } = this.#overview(state.pupils, state.entries, state.feedback, state.today);
        return overviewView(overview, weeks, state, this.#actions, { onlyNudge: this._onlyNudge, setOnlyNudge: (on) => (this._onlyNudge = on), limit: this._overviewLimit });
      }
      case 'prompts':
        return promptSetsView(state, this.#actions);
      default:
        return partnersJournals(state, this.#actions, this._onlyWaiting, (on) => (this._onlyWaiting = on));
    }
  }

  #dialogElement(state: JournalState) {
    const dialog = this._dialog;
    let title = '';
    let body: unknown = nothing;
    switch (dialog?.kind) {
      case 'write':
        title = dialog.base ? msg('Edit the entry', { id: 'journal.dialog.edit' }) : dialog.prompts ? dialog.prompts.title : msg('Write an entry', { id: 'journal.write' });
        body = html`<twin-journal-editor .store=${this.#store} .entry=${dialog.base} .prompts=${dialog.prompts} .date=${state.today} .phases=${state.phases} @editor-done=${this.#onEditorDone}></twin-journal-editor>`;
        break;
      case 'entry': {
        const entry = state.entries.find((item) => item.id === dialog.id);
        title = entry?.title ?? msg('Journal entry', { id: 'journal.dialog.entry' });
        body = entry
          ? html`<twin-journal-entry
              .store=${this.#store}
              .entry=${entry}
              .feedback=${state.feedbackOn.get(entry.id) ?? []}
              .promptSets=${state.promptSetById}
              ?feedbackApproval=${state.feedbackApproval}
              @entry-edit=${() => void this.#open({ kind: 'write', base: entry, prompts: entry.promptSet ? state.promptSetById.get(entry.promptSet as string) : undefined })}
              @entry-removed=${() => this.#close()}
            ></twin-journal-entry>`
          : html`<p>${msg('This entry no longer exists (it may have been deleted).', { id: 'journal.dialog.gone' })}</p>`;
        break;
      }
      case 'prompt-set':
        title = dialog.base ? msg('Edit the prompt set', { id: 'journal.prompts.edit' }) : msg('Add a prompt set', { id: 'journal.prompts.add' });
        body = promptSetForm(dialog.base, state.phases, {
          problem: this.#runner.problem,
          busy: this.#runner.busy,
          by: this._promptBy,
          setBy: (by) => (this._promptBy = by),
          onSubmit: (fields) => void this.#savePromptSet(dialog.base, fields),
          onCancel: () => this.#close(),
        });
        break;
      case 'erase':
        title = msg('Erase all data?', { id: 'journal.erase.title' });
        body = html`<div class="plan-form">
          <p class="form-problem" role="alert">${this.#runner.problem?.message ?? ''}</p>
          <p>${msg(str`Everything ${dialog.pupil.name} wrote in this space is deleted for good: journal entries, feedback, comments, ratings and files. Download the data first if it should be kept.`, { id: 'journal.erase.text' })}</p>
          <div class="actions">
            <button type="button" class="danger" ?disabled=${this.#runner.busy} @click=${() => void this.#erase(dialog.pupil)}>${msg('Erase', { id: 'journal.erase.confirm' })}</button>
            <button type="button" @click=${() => this.#close()}>${msg('Cancel', { id: 'journal.cancel' })}</button>
          </div>
        </div>`;
        break;
    }
    return html`<dialog part="dialog" aria-labelledby="dialog-title" @close=${this.#dialogHost.handleClose}>
      <div class="dialog-head">
        <p id="dialog-title" class="dialog-title">${title}</p>
        <button type="button" class="close" @click=${() => this.#close()} aria-label=${msg('Close', { id: 'journal.close' })}>✕</button>
      </div>
      ${body}
    </dialog>`;
  }

  // ---- actions ------------------------------------------------------------------------------

  readonly #actions: JournalActions = {
    write: (prompts, event) => void this.#open({ kind: 'write', prompts }, event),
    open: (entry, event) => void this.#open({ kind: 'entry', id: entry.id }, event),
    showPupil: (pupil) => {
      this._pupil = pupil;
      void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('.view button')?.focus());
    },
    editPromptSet: (set, event) => {
      this._promptBy = set?.schedule.phase ? 'phase' : 'week';
      void this.#open({ kind: 'prompt-set', base: set }, event);
    },
    removePromptSet: (set) => void this.#runner.run(() => this.#store!.remove('journal-prompt', set), msg('Deleted.', { id: 'journal.deleted' })),
    setFeedbackApproval: (on) =>
      void this.#runner.run(async () => {
        const store = this.#store!;
        const current = this.#settings.records.find((record) => record.id === JOURNAL_SETTINGS_ID);
        if (current) await store.update('journal-settings', current, { feedbackApproval: on });
        else await store.create('journal-settings', { feedbackApproval: on }, { id: JOURNAL_SETTINGS_ID });
      }, on ? msg('Feedback now waits for approval.', { id: 'journal.settings.on' }) : msg('Feedback is now shown at once.', { id: 'journal.settings.off' })),
    writeNote: (pupil, body) => this.#runner.run(() => this.#store!.create('journal-note', { pupil: pupil.id, body }), msg('Note sent.', { id: 'journal.notes.sent' })),
    printPortfolio: (pupils) => void this.#printPortfolio(pupils),
    downloadPortfolio: (pupils) => this.#downloadPortfolio(pupils),
    exportPerson: (pupil) => void this.#exportPerson(pupil),
    erasePerson: (pupil, event) => void this.#open({ kind: 'erase', pupil }, event),
  };

  async #savePromptSet(base: JournalPrompt | undefined, fields: Record<string, unknown>) {
    const store = this.#store!;
    const last = this.#prompts.records.at(-1)?.order ?? 0;
    const ok = await this.#runner.run(
      () => (base ? store.update('journal-prompt', base, fields) : store.create('journal-prompt', { ...fields, order: last + 1 })),
      msg('Saved.', { id: 'journal.saved' }),
    );
    if (ok) this.#close();
  }

  #portfolioOf(pupils: readonly JournalPupil[]) {
    const state = this.#state;
    return pupils.map((pupil) => {
      const entries = state.entries.filter((entry) => entry.author.id === pupil.id);
      const ids = new Set(entries.map((entry) => entry.id));
      return { pupil, entries, feedback: state.feedback.filter((item) => ids.has(item.target) && item.status === 'published') };
    });
  }

  /** The portfolio's pictures, as data URLs: the printed file needs nothing else to open. */
  async #pictures(entries: readonly JournalEntry[]) {
    const pictures = new Map<string, string>();
    for (const entry of entries) {
      for (const item of (entry.media as { attachment: string; kind: string }[] | undefined) ?? []) {
        if (item.kind !== 'image' || pictures.has(item.attachment)) continue;
        try {
          const blob = await this.#store!.getAttachment(item.attachment);
          pictures.set(item.attachment, await new Promise<string>((resolve, reject) => {
            const reader = new FileReader();
            reader.onload = () => resolve(String(reader.result));
            reader.onerror = () => reject(reader.error);
            reader.readAsDataURL(blob);
          }));
        } catch {
          // A missing picture leaves its description in the portfolio.
        }
      }
    }
    return pictures;
  }

  async #printPortfolio(pupils: readonly JournalPupil[]) {
    const portfolio = this.#portfolioOf(pupils);
    const title = pupils.length === 1 ? msg(str`Journal of ${pupils[0].name}`, { id: 'journal.of' }) : msg('Class portfolio', { id: 'journal.portfolio.class' });
    const media = await this.#pictures(portfolio.flatMap((item) => item.entries));
    const documentHtml = portfolioHtml({ title, lang: this.effectiveLang, labels: portfolioLabels(), pupils: portfolio, prompts: this.#state.promptSets, media });
    printInFrame(this.renderRoot as ShadowRoot, documentHtml, { title, className: 'print' });
  }

  #downloadPortfolio(pupils: readonly JournalPupil[]) {
    const state = this.#state;
    const portfolio = this.#portfolioOf(pupils);
    const json = portfolioJson({
      pupil: pupils.length === 1 ? pupils[0] : undefined,
      entries: portfolio.flatMap((item) => item.entries),
      feedback: portfolio.flatMap((item) => item.feedback),
      notes: state.notes.filter((note) => pupils.some((pupil) => pupil.id === note.pupil)),
      prompts: state.promptSets,
      exportedAt: new Date().toISOString(),
    });
    downloadText(json, `${this.#fileName(pupils.length === 1 ? pupils[0].name : 'class')}-portfolio.json`, 'application/json');
  }

  async #exportPerson(pupil: JournalPupil) {
    await this.#runner.run(async () => {
      const data = await this.#store!.exportPerson(pupil.id);
      downloadText(JSON.stringify(data, null, 2), `${this.#fileName(pupil.name)}-data.json`, 'application/json');
    }, msg('Downloaded.', { id: 'journal.person.exported' }));
  }

  async #erase(pupil: JournalPupil) {
    let removed = 0;
    const ok = await this.#runner.run(async () => {
      removed = (await this.#store!.erasePerson(pupil.id)).removed;
    }, msg('Erased.', { id: 'journal.erase.done' }));
    if (ok) {
      this.#close();
      this._pupil = undefined;
      this.#announcer.announce(plural(removed, 'journal.erase.count', { one: str`Erased: ${0} record of ${1}.`, other: str`Erased: ${0} records of ${1}.` }, pupil.name));
    }
  }

  #fileName(name: string) {
    return `${(this.#store?.space ?? 'journal').replace(/[^\w-]+/g, '-')}-${name.normalize('NFKD').replace(/[^\w-]+/g, '-').toLowerCase()}`;
  }

  // ---- dialog -------------------------------------------------------------------------------

  #onEditorDone = (event: CustomEvent<{ entry?: JournalEntry }>) => {
    const entry = event.detail.entry;
    if (entry) void this.#open({ kind: 'entry', id: entry.id });
    else this.#close();
  };

  async #open(dialog: NonNullable<Dialog>, event?: Event) {
    this.#runner.show(undefined);
    this._dialog = dialog;
    const element = await this.#dialogHost.show(event);
    const editor = this.renderRoot.querySelector('twin-journal-editor');
    if (editor) {
      await editor.updateComplete;
      editor.focus();
    } else {
      element?.querySelector<HTMLElement>('input, textarea, button.danger, .close')?.focus();
    }
  }

  #close() {
    this.#dialogHost.close();
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'twin-journal': TwinJournal;
  }
}
