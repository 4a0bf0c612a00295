import { msg, str } from '@lit/localize';
import { html, nothing, type PropertyValues } from 'lit';
import { TwinConflictError } from '../../../sdk/errors.js';
import { JOURNAL_VISIBILITIES, type JournalEntry } from '../../../sdk/schemas/journal.js';
import type { JournalPrompt } from '../../../sdk/schemas/journal-prompt.js';
import type { TwinStore } from '../../../sdk/store/create-store.js';
import { localToday } from '../../../localization/dates.js';
import { formatFileSize } from '../../../localization/file-size.js';
import { languageName } from '../../../localization/language-name.js';
import { WRITTEN_LANGUAGES } from '../../../localization/written-language.js';
import { formProblem, type FormProblem } from '../../../localization/form-problem.js';
import { plural } from '../../../localization/plural.js';
import { scaleLabel } from '../../../localization/scale-label.js';
import { TwinElement } from '../../base/twin-element.js';
import { AttachmentUrls } from '../../controllers/attachment-urls.js';
import { LiveAnnouncer } from '../../controllers/live-announcer.js';
import { JOURNAL_CLIP_LIMITS, JOURNAL_IMAGE_LIMITS, MAX_BODY, MAX_MEDIA } from '../journal-limits.js';
import { visibilityLabel } from '../journal-labels.js';
import { DraftKeeper } from '../../controllers/draft-keeper.js';
import { journalEditorStyles } from './journal-editor.styles.js';

type Media = { attachment: string; kind: 'image' | 'audio' | 'video'; alt?: string };

/** What the form holds: the entry's own fields, as the pupil typed them. */
export interface JournalDraft {
  date: string;
  title: string;
  body: string;
  visibility: string;
  answers: Record<string, string>;
  confidence?: number;
  learned: string;
  media: Media[];
  promptSet?: string;
  phase?: string;
  language?: string;
}


function draftOf(entry: JournalEntry | undefined, prompts: JournalPrompt | undefined, date: string | undefined): JournalDraft {
  return {
    date: entry?.date ?? date ?? localToday(),
    title: entry?.title ?? prompts?.title ?? '',
    body: entry?.body ?? '',
    visibility: entry?.visibility ?? 'school',
    answers: { ...((entry?.answers as Record<string, string> | undefined) ?? {}) },
    confidence: entry?.confidence as number | undefined,
    learned: (entry?.learned as string | undefined) ?? '',
    media: [...((entry?.media as Media[] | undefined) ?? [])],
    promptSet: (entry?.promptSet as string | undefined) ?? prompts?.id,
    phase: entry?.phase,
    language: entry?.language as string | undefined,
  };
}

/** The fields as the store takes them: empty text is "not set". */
function fieldsOf(draft: JournalDraft): Record<string, unknown> {
  const answers = Object.fromEntries(Object.entries(draft.answers).filter(([, text]) => text.trim()));
  return {
    date: draft.date,
    title: draft.title.trim(),
    body: draft.body || undefined,
    visibility: draft.visibility,
    answers: Object.keys(answers).length ? answers : undefined,
    confidence: draft.confidence,
    learned: draft.learned.trim() || undefined,
    media: draft.media.length ? draft.media.map((item) => (item.alt?.trim() ? { ...item, alt: item.alt.trim() } : { attachment: item.attachment, kind: item.kind })) : undefined,
    promptSet: draft.promptSet,
    phase: draft.phase || undefined,
    language: draft.language || undefined,
  };
}

/**
 * Writes or edits a journal entry. What is typed is kept on the device as it is typed, so a reload,
 * a closed tab, a lost connection or a full disk never loses it; a change made meanwhile in another
 * tab is shown beside the pupil's own version, never overwritten silently.
 *
 * @fires editor-done - Saved (`detail.entry`) or cancelled (`detail.entry` undefined).
 */
export class TwinJournalEditor extends TwinElement {
  static override styles = journalEditorStyles;

  static override properties = {
    store: { attribute: false },
    entry: { attribute: false },
    prompts: { attribute: false },
    date: { type: String },
    phases: { attribute: false },
    _draft: { state: true },
    _problem: { state: true },
    _conflict: { state: true },
    _restoredAt: { state: true },
    _busy: { state: true },
  };

  declare store: TwinStore | undefined;
  /** The entry being edited (the version the pupil started from); undefined for a new one. */
  declare entry: JournalEntry | undefined;
  /** The prompt set being answered, if any. */
  declare prompts: JournalPrompt | undefined;
  /** The day of a new entry (default: today). */
  declare date: string | undefined;
  /** The project's phases an entry may belong to (a new one takes the space's current phase). */
  declare phases: { id: string; name: string }[];
  declare _draft: JournalDraft;
  declare _problem: FormProblem | undefined;
  declare _conflict: TwinConflictError | undefined;
  declare _restoredAt: string | undefined;
  declare _busy: boolean;

  readonly #announcer = new LiveAnnouncer(this);
  readonly #urls = new AttachmentUrls(this);
  readonly #keeper = new DraftKeeper<JournalDraft>(
    this,
    () => ({ fields: this._draft, baseRev: this.entry?.rev }),
    () => this.#announcer.announce(msg('This device could not keep your draft. It stays in this tab: save it soon.', { id: 'journal.draft.not-kept' })),
  );

  constructor() {
    super();
    this._busy = false;
    this._draft = draftOf(undefined, undefined, undefined);
    this.phases = [];
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if ((changed.has('store') || changed.has('entry') || changed.has('prompts')) && this.store) {
      this.#urls.store = this.store;
      const kept = this.#keeper.open(this.store.space, this.store.user.id, this.entry?.id);
      // A draft made from another version of the entry still comes back: the pupil's words win on screen, and a save merges or shows the conflict.
      const start = draftOf(this.entry, this.prompts, this.date);
      if (!this.entry) start.phase = this.store.defaultPhase;
      this._draft = kept ? { ...start, ...kept.fields } : start;
      this._restoredAt = kept?.savedAt;
    }
  }

  override focus(): void {
    this.renderRoot.querySelector<HTMLElement>('[name=title]')?.focus();
  }

  // ---- the draft ----------------------------------------------------------------------------

  #change(changes: Partial<JournalDraft>) {
    this._draft = { ...this._draft, ...changes };
    this.#keeper.changed();
  }

  // ---- files --------------------------------------------------------------------------------

  async #addFiles(event: Event) {
    const input = event.target as HTMLInputElement;
    const files = [...(input.files ?? [])];
    input.value = '';
    for (const file of files) {
      if (this._draft.media.length >= MAX_MEDIA) {
        this._problem = { message: plural(MAX_MEDIA, 'journal.media.too-many', { one: str`At most ${0} file per entry.`, other: str`At most ${0} files per entry.` }), fields: ['media'] };
        return;
      }
      const kind = file.type.startsWith('image/') ? 'image' : file.type.startsWith('audio/') ? 'audio' : 'video';
      try {
        this._busy = true;
        const saved = await this.store!.putAttachment(file, kind === 'image' ? JOURNAL_IMAGE_LIMITS : JOURNAL_CLIP_LIMITS);
        this.#change({ media: [...this._draft.media, { attachment: saved.id, kind: saved.type.startsWith('image/') ? 'image' : saved.type.startsWith('audio/') ? 'audio' : 'video' }] });
        this._problem = undefined;
      } catch (error) {
        this._problem = { message: `${file.name}: ${formProblem(error).message}`, fields: ['media'] };
        this.#announcer.announce(this._problem.message);
      } finally {
        this._busy = false;
      }
    }
  }

  #setMedia(index: number, changes: Partial<Media> | undefined) {
    const media = [...this._draft.media];
    if (changes) media[index] = { ...media[index], ...changes };
    else media.splice(index, 1);
    this.#change({ media });
  }

  // ---- saving -------------------------------------------------------------------------------

  /** Saves the draft: on top of `onTopOf` (a newer version), or as a new entry when `asNew` (the old one was deleted). */
  async #save(event?: Event, onTopOf?: JournalEntry, asNew = false) {
    event?.preventDefault();
    const store = this.store;
    if (!store || this._busy) return;
    this.#keeper.flush();
    this._busy = true;
    this._problem = undefined;
    try {
      const fields = fieldsOf(this._draft);
      const base = asNew ? undefined : (onTopOf ?? this.entry);
      const saved = base ? await store.update<JournalEntry>('journal', base, fields) : await store.create<JournalEntry>('journal', fields);
      // Done with it: nothing is kept again when the editor goes away.
      this.#keeper.drop();
      this._conflict = undefined;
      this.#announcer.announce(msg('Saved.', { id: 'journal.saved' }));
      this.dispatchEvent(new CustomEvent('editor-done', { detail: { entry: saved }, bubbles: true, composed: true }));
    } catch (error) {
      if (error instanceof TwinConflictError) {
        this._conflict = error;
      } else {
        this._problem = formProblem(error);
      }
      this.#announcer.announce(this._conflict && !this._problem ? msg('Not saved: this entry changed in another tab. Your text is still here.', { id: 'journal.conflict.short' }) : (this._problem?.message ?? ''));
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('[aria-invalid="true"], .conflict button')?.focus();
    } finally {
      this._busy = false;
    }
  }

  #useTheirs() {
    const theirs = this._conflict?.theirs as JournalEntry | undefined;
    this._conflict = undefined;
    this.#keeper.clear();
    if (!theirs) {
      this.dispatchEvent(new CustomEvent('editor-done', { detail: { entry: undefined }, bubbles: true, composed: true }));
      return;
    }
    this.entry = theirs;
  }

  #cancel() {
    // Cancel is a choice to drop the changes: the kept draft goes too.
    this.#keeper.drop();
    this.dispatchEvent(new CustomEvent('editor-done', { detail: { entry: undefined }, bubbles: true, composed: true }));
  }

  // ---- rendering ----------------------------------------------------------------------------

  override render() {
    const draft = this._draft;
    const invalid = (field: string) => (this._problem?.fields.includes(field) ? 'true' : 'false');
    const prompts = this.prompts?.prompts ?? [];
    return html`<form @submit=${(event: Event) => void this.#save(event)} novalidate>
      <p class="problem" role="alert">${this._problem?.message ?? ''}</p>
      ${this._restoredAt
        ? html`<p class="note">${msg('Your unsaved text from before is back. Save it, or cancel to drop it.', { id: 'journal.draft.restored' })}</p>`
        : nothing}
      ${this.#keeper.deviceKeeps ? nothing : html`<p class="note warning">${msg('This device could not keep your draft. It stays in this tab: save it soon.', { id: 'journal.draft.not-kept' })}</p>`}
      ${this.#conflictBlock()}
      <div class="two">
        <label>${msg('Date', { id: 'journal.field.date' })}
          <input type="date" name="date" .value=${draft.date} aria-invalid=${invalid('date')} @input=${(e: Event) => this.#change({ date: (e.target as HTMLInputElement).value })} />
        </label>
        <label>${msg('Title', { id: 'journal.field.title' })}
          <input name="title" maxlength="300" .value=${draft.title} aria-invalid=${invalid('title')} @input=${(e: Event) => this.#change({ title: (e.target as HTMLInputElement).value })} />
        </label>
      </div>
      <div class="two">
        ${this.phases.length
          ? html`<label>${msg('Phase', { id: 'journal.field.phase' })}
              <select name="phase" aria-invalid=${invalid('phase')} @change=${(e: Event) => this.#change({ phase: (e.target as HTMLSelectElement).value || undefined })}>
                <option value="" ?selected=${!draft.phase}>${msg('No phase', { id: 'journal.field.no-phase' })}</option>
                ${this.phases.map((phase) => html`<option value=${phase.id} ?selected=${draft.phase === phase.id}>${phase.name}</option>`)}
              </select>
            </label>`
          : nothing}
        <label>${msg('Written in', { id: 'journal.field.language' })}
          <select name="language" @change=${(e: Event) => this.#change({ language: (e.target as HTMLSelectElement).value || undefined })}>
            <option value="" ?selected=${!draft.language}>${msg('Not said', { id: 'journal.field.no-language' })}</option>
            ${WRITTEN_LANGUAGES.map((code) => html`<option value=${code} ?selected=${draft.language === code}>${languageName(code, this.effectiveLang)}</option>`)}
          </select>
        </label>
      </div>
      ${prompts.map(
        (prompt) => html`<label>${prompt.text}
          <textarea rows="3" maxlength=${MAX_BODY} .value=${draft.answers[prompt.id] ?? ''} @input=${(e: Event) => this.#change({ answers: { ...this._draft.answers, [prompt.id]: (e.target as HTMLTextAreaElement).value } })}></textarea>
        </label>`,
      )}
      <twin-rich-text-editor
        .label=${prompts.length ? msg('Anything else', { id: 'journal.field.more' }) : msg('Your entry', { id: 'journal.field.body' })}
        .value=${draft.body}
        .maxLength=${MAX_BODY}
        aria-invalid=${invalid('body')}
        @input=${(e: Event) => this.#change({ body: (e.target as HTMLElement & { value: string }).value })}
      ></twin-rich-text-editor>
      <fieldset class="choices">
        <legend>${msg('Who can read it', { id: 'journal.field.visibility' })}</legend>
        ${JOURNAL_VISIBILITIES.map(
          (visibility) => html`<label class="check"><input type="radio" name="visibility" .value=${visibility} .checked=${draft.visibility === visibility} @change=${() => this.#change({ visibility })} /> ${visibilityLabel(visibility)}</label>`,
        )}
      </fieldset>
      <fieldset class="choices">
        <legend>${msg('How confident do you feel about what you did?', { id: 'journal.field.confidence' })}</legend>
        ${[1, 2, 3, 4, 5].map(
          (value) => html`<label class="check"><input type="radio" name="confidence" .value=${String(value)} .checked=${draft.confidence === value} @change=${() => this.#change({ confidence: value })} /> ${scaleLabel(value)}</label>`,
        )}
        <label class="check"><input type="radio" name="confidence" value="" .checked=${draft.confidence === undefined} @change=${() => this.#change({ confidence: undefined })} /> ${msg('Not now', { id: 'journal.field.no-confidence' })}</label>
      </fieldset>
      <label>${msg('What I learned, in one line', { id: 'journal.field.learned' })}
        <input name="learned" maxlength="300" .value=${draft.learned} @input=${(e: Event) => this.#change({ learned: (e.target as HTMLInputElement).value })} />
      </label>
      ${this.#mediaBlock()}
      <div class="actions">
        <button type="submit" class="primary" ?disabled=${this._busy}>${msg('Save', { id: 'journal.save' })}</button>
        <button type="button" @click=${() => this.#cancel()}>${msg('Cancel', { id: 'journal.cancel' })}</button>
      </div>
      ${this.#announcer.render()}
    </form>`;
  }

  #mediaBlock() {
    const media = this._draft.media;
    return html`<fieldset class="media" aria-invalid=${this._problem?.fields.includes('media') ? 'true' : 'false'}>
      <legend>${msg('Photos, voice notes and short clips', { id: 'journal.field.media' })}</legend>
      <p class="hint">${plural(MAX_MEDIA, 'journal.media.limits', { one: str`Up to ${0} file: photos up to ${1}, sound or video up to ${2}.`, other: str`Up to ${0} files: photos up to ${1}, sound or video up to ${2}.` }, formatFileSize(JOURNAL_IMAGE_LIMITS.maxBytes), formatFileSize(JOURNAL_CLIP_LIMITS.maxBytes))}</p>
      <ul class="media-list">
        ${media.map((item, index) => {
          const url = this.#urls.url(item.attachment);
          return html`<li>
            ${item.kind === 'image' ? html`<img src=${url ?? ''} alt="" ?hidden=${!url} />` : html`<span class="media-kind">${item.kind === 'audio' ? msg('Sound', { id: 'journal.media.audio' }) : msg('Video', { id: 'journal.media.video' })}</span>`}
            ${item.kind === 'image'
              ? html`<label>${msg('Describe the photo for those who cannot see it', { id: 'journal.media.alt' })}
                  <input .value=${item.alt ?? ''} maxlength="300" aria-invalid=${this._problem?.fields.includes('media') && !item.alt?.trim() ? 'true' : 'false'} @input=${(e: Event) => this.#setMedia(index, { alt: (e.target as HTMLInputElement).value })} />
                </label>`
              : nothing}
            <button type="button" @click=${() => this.#setMedia(index, undefined)}>${msg('Remove', { id: 'journal.media.remove' })}</button>
          </li>`;
        })}
      </ul>
      ${media.length < MAX_MEDIA
        ? html`<label class="file">${msg('Add files', { id: 'journal.media.add' })}
            <input type="file" multiple accept="image/*,audio/*,video/*" ?disabled=${this._busy} @change=${(e: Event) => void this.#addFiles(e)} />
          </label>`
        : nothing}
    </fieldset>`;
  }

  #conflictBlock() {
    const conflict = this._conflict;
    if (!conflict) return nothing;
    const theirs = conflict.theirs as JournalEntry | undefined;
    return html`<div class="conflict" role="group" aria-labelledby="conflict-title">
      <p id="conflict-title"><strong>
        ${theirs
          ? msg('This entry was changed in another tab (or by a teacher) while you were writing. Your text is still here.', { id: 'journal.conflict.changed' })
          : msg('This entry was deleted in another tab while you were writing. Your text is still here.', { id: 'journal.conflict.deleted' })}
      </strong></p>
      ${theirs ? html`<p>${msg('The other version:', { id: 'journal.conflict.theirs' })} <q>${theirs.title}</q></p>` : nothing}
      <div class="actions">
        <button type="button" class="primary" @click=${() => void this.#save(undefined, theirs, !theirs)}>${theirs ? msg('Keep my version', { id: 'journal.conflict.keep-mine' }) : msg('Save it again', { id: 'journal.conflict.save-again' })}</button>
        ${theirs ? html`<button type="button" @click=${() => this.#useTheirs()}>${msg('Use the other version', { id: 'journal.conflict.use-theirs' })}</button>` : nothing}
      </div>
    </div>`;
  }
}
