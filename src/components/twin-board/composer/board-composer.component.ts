import { msg, str } from '@lit/localize';
import { html, nothing, type PropertyValues } from 'lit';
import { TwinConflictError } from '../../../sdk/errors.js';
import type { TwinStore } from '../../../sdk/store/create-store.js';
import { formatFileSize } from '../../../localization/file-size.js';
import { formProblem, type FormProblem } from '../../../localization/form-problem.js';
import { writtenLanguageFor } from '../../../localization/written-language.js';
import { DraftKeeper } from '../../controllers/draft-keeper.js';
import { TwinElement } from '../../base/twin-element.js';
import { AttachmentUrls } from '../../controllers/attachment-urls.js';
import { LiveAnnouncer } from '../../controllers/live-announcer.js';
import type { Post, Section } from '../board-state.js';
import { COLORS, colorLabel, kindLabel, POST_KINDS, type PostKind } from '../board-labels.js';
import { BOARD_CLIP_LIMITS, BOARD_FILE_LIMITS, BOARD_PHOTO_INPUT_LIMITS } from '../media/board-media-limits.js';
import { languageSelect } from '../views/language-select.js';
import { checkDraft, draftOf, fieldsOf, type DraftProblem, type PostDraft } from './post-draft.js';
import { uploadFile, UploadRefused } from './upload-file.js';
import { boardComposerStyles } from './board-composer.styles.js';

/** Longest post text, in characters (as the schema's long text). */
const MAX_BODY = 20_000;

/**
 * Writes or edits a post: its kind, section, text, link or file, colour label and team tags. What
 * is typed is kept on the device as it is typed, so a failed save, a full disk, a reload or a
 * change made meanwhile elsewhere never loses it.
 *
 * @fires composer-done - Saved (`detail.post`) or cancelled (`detail.post` undefined).
 */
export class TwinBoardComposer extends TwinElement {
  static override styles = boardComposerStyles;

  static override properties = {
    store: { attribute: false },
    post: { attribute: false },
    sections: { attribute: false },
    section: { type: String },
    phases: { attribute: false },
    save: { attribute: false },
    _draft: { state: true },
    _problem: { state: true },
    _conflict: { state: true },
    _restored: { state: true },
    _busy: { state: true },
  };

  declare store: TwinStore | undefined;
  /** The post being edited (the version the author started from); undefined for a new one. */
  declare post: Post | undefined;
  declare sections: Section[];
  /** The section of a new post. */
  declare section: string | undefined;
  declare phases: { id: string; name: string }[];
  /** Saves the fields: creates the post, or updates `base`. The board places a new post at its section's end. */
  declare save: (fields: Record<string, unknown>, base: Post | undefined) => Promise<Post>;
  declare _draft: PostDraft;
  declare _problem: FormProblem | undefined;
  declare _conflict: TwinConflictError | undefined;
  declare _restored: boolean;
  declare _busy: boolean;

  readonly #announcer = new LiveAnnouncer(this);
  readonly #urls = new AttachmentUrls(this);
  readonly #keeper = new DraftKeeper<PostDraft>(
    this,
    () => ({ fields: this._draft, baseRev: this.post?.rev }),
    () => this.#announcer.announce(msg('This device could not keep your draft. It stays in this tab: save it soon.', { id: 'board.draft.not-kept' })),
  );

  constructor() {
    super();
    this.sections = [];
    this.phases = [];
    this._restored = false;
    this._busy = false;
    this._draft = draftOf(undefined, '');
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if ((changed.has('store') || changed.has('post')) && this.store) {
      this.#urls.store = this.store;
      const kept = this.#keeper.open(this.store.space, this.store.user.id, `board:${this.post?.id ?? 'new'}`);
      const start = draftOf(this.post, this.section ?? this.sections[0]?.id ?? '');
      if (!this.post) {
        start.phase = this.store.defaultPhase;
        start.language = writtenLanguageFor(this.effectiveLang);
      }
      this._draft = kept ? { ...start, ...kept.fields, ...(this.section && !this.post ? { section: this.section } : {}) } : start;
      this._restored = !!kept;
    }
  }

  override focus(): void {
    this.renderRoot.querySelector<HTMLElement>('input[name=kind]:checked, [name=title]')?.focus();
  }

  #change(changes: Partial<PostDraft>) {
    this._draft = { ...this._draft, ...changes };
    this.#keeper.changed();
  }

  async #choose(event: Event) {
    const input = event.target as HTMLInputElement;
    const file = input.files?.[0];
    input.value = '';
    if (!file || !this.store) return;
    const kind = this._draft.kind === 'image' ? 'image' : this._draft.kind === 'video' ? 'video' : 'file';
    this._busy = true;
    this._problem = undefined;
    this.#announcer.announce(kind === 'image' ? msg('Preparing the photo…', { id: 'board.upload.preparing' }) : msg('Saving the file…', { id: 'board.upload.saving' }));
    try {
      const upload = await uploadFile(this.store, file, kind, this.effectiveLang);
      this.#change({ attachment: upload.attachment, thumbnail: upload.thumbnail, file: upload.file, title: this._draft.title || (kind === 'image' ? '' : file.name) });
      this.#announcer.announce(msg('File added.', { id: 'board.upload.done' }));
    } catch (error) {
      this._problem = { message: error instanceof UploadRefused ? error.message : formProblem(error).message, fields: ['attachment'] };
      this.#announcer.announce(this._problem.message);
    } finally {
      this._busy = false;
    }
  }

  #problemText(problem: DraftProblem): string {
    switch (problem.code) {
      case 'no-section':
        return msg('Choose a section for the post.', { id: 'board.problem.section' });
      case 'unsafe-url':
        return msg('Only web links (http:// or https://) and e-mail links (mailto:) are allowed.', { id: 'board.problem.url' });
      case 'no-file':
        return msg('Choose a file to share.', { id: 'board.problem.file' });
      case 'no-alt':
        return msg('Describe the photo for those who cannot see it.', { id: 'board.problem.alt' });
      default:
        return problem.field === 'url' ? msg('Add the link.', { id: 'board.problem.link' }) : msg('Write a title or some text.', { id: 'board.problem.empty' });
    }
  }

  /** Saves the draft: on top of `onTopOf` (a newer version), or as a new post when `asNew` (the old one was deleted). */
  async #save(event?: Event, onTopOf?: Post, asNew = false) {
    event?.preventDefault();
    if (!this.store || this._busy) return;
    this.#keeper.flush();
    const problem = checkDraft(this._draft);
    if (problem) {
      this._problem = { message: this.#problemText(problem), fields: [problem.field] };
      this.#announcer.announce(this._problem.message);
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
      return;
    }
    this._busy = true;
    this._problem = undefined;
    try {
      const saved = await this.save(fieldsOf(this._draft), asNew ? undefined : (onTopOf ?? this.post));
      this.#keeper.drop();
      this._conflict = undefined;
      this.dispatchEvent(new CustomEvent('composer-done', { detail: { post: saved } }));
    } catch (error) {
      if (error instanceof TwinConflictError) this._conflict = error;
      else this._problem = formProblem(error);
      this.#announcer.announce(
        this._conflict && !this._problem
          ? msg('Not saved: this post changed elsewhere. Your text is still here.', { id: 'board.conflict.short' })
          : msg('Not saved. Your text is still here.', { id: 'board.not-saved' }) + ' ' + (this._problem?.message ?? ''),
      );
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('[aria-invalid="true"], .conflict button, .problem')?.focus();
    } finally {
      this._busy = false;
    }
  }

  #useTheirs() {
    const theirs = this._conflict?.theirs as Post | undefined;
    this._conflict = undefined;
    this.#keeper.clear();
    if (!theirs) {
      this.dispatchEvent(new CustomEvent('composer-done', { detail: { post: undefined } }));
      return;
    }
    this.post = theirs;
  }

  #cancel() {
    // Cancel is a choice to drop the changes: the kept draft goes too.
    this.#keeper.drop();
    this.dispatchEvent(new CustomEvent('composer-done', { detail: { post: undefined } }));
  }

  override render() {
    const draft = this._draft;
    const invalid = (field: string) => (this._problem?.fields.includes(field) ? 'true' : 'false');
    return html`<form @submit=${(event: Event) => void this.#save(event)} novalidate>
      <p class="problem" role="alert" tabindex="-1">${this._problem?.message ?? ''}</p>
      ${this._restored ? html`<p class="note">${msg('Your unsaved post from before is back. Save it, or cancel to drop it.', { id: 'board.draft.restored' })}</p>` : nothing}
      ${this.#keeper.deviceKeeps ? nothing : html`<p class="note warning">${msg('This device could not keep your draft. It stays in this tab: save it soon.', { id: 'board.draft.not-kept' })}</p>`}
      ${this.#conflictBlock()}
      <fieldset class="choices kinds">
        <legend>${msg('What are you sharing?', { id: 'board.field.kind' })}</legend>
        ${POST_KINDS.map(
          (kind) => html`<label class="check"><input type="radio" name="kind" .value=${kind} .checked=${draft.kind === kind} ?disabled=${!!this.post && this.post.kind !== kind && !!this.post.attachment} @change=${() => this.#change({ kind: kind as PostKind })} /> ${kindLabel(kind)}</label>`,
        )}
      </fieldset>
      <div class="two">
        <label>${msg('Section', { id: 'board.field.section' })}
          <select name="section" aria-invalid=${invalid('section')} @change=${(e: Event) => this.#change({ section: (e.target as HTMLSelectElement).value })}>
            ${this.sections.map((section) => html`<option value=${section.id} ?selected=${draft.section === section.id}>${section.name}</option>`)}
          </select>
        </label>
        <label>${msg('Title', { id: 'board.field.title' })}
          <input name="title" maxlength="300" lang=${draft.language ?? nothing} .value=${draft.title} aria-invalid=${invalid('title')} @input=${(e: Event) => this.#change({ title: (e.target as HTMLInputElement).value })} />
        </label>
      </div>
      ${this.#kindFields(draft, invalid)}
      <twin-rich-text-editor
        .label=${draft.kind === 'text' ? msg('Text', { id: 'board.field.body' }) : msg('A few words about it (optional)', { id: 'board.field.caption' })}
        .value=${draft.body}
        .maxLength=${MAX_BODY}
        aria-invalid=${invalid('body')}
        @input=${(e: Event) => this.#change({ body: (e.target as HTMLElement & { value: string }).value })}
      ></twin-rich-text-editor>
      <div class="two">
        <label>${msg('Colour label', { id: 'board.field.color' })}
          <select name="color" @change=${(e: Event) => this.#change({ color: ((e.target as HTMLSelectElement).value || undefined) as PostDraft['color'] })}>
            <option value="" ?selected=${!draft.color}>${colorLabel('')}</option>
            ${COLORS.map((color) => html`<option value=${color} ?selected=${draft.color === color}>${colorLabel(color)}</option>`)}
          </select>
        </label>
        <label>${msg('Team tags, separated by commas', { id: 'board.field.tags' })}
          <input name="tags" maxlength="400" .value=${draft.tags} aria-invalid=${invalid('tags')} placeholder=${msg('harbour-team, waves', { id: 'board.field.tags-example' })} @input=${(e: Event) => this.#change({ tags: (e.target as HTMLInputElement).value })} />
        </label>
      </div>
      <div class="two">
        ${languageSelect(draft.language, this.effectiveLang, (language) => this.#change({ language }))}
        ${this.phases.length
          ? html`<label>${msg('Phase', { id: 'board.field.phase' })}
              <select name="phase" aria-invalid=${invalid('phase')} @change=${(e: Event) => this.#change({ phase: (e.target as HTMLSelectElement).value || undefined })}>
                <option value="" ?selected=${!draft.phase}>${msg('No phase', { id: 'board.field.no-phase' })}</option>
                ${this.phases.map((phase) => html`<option value=${phase.id} ?selected=${draft.phase === phase.id}>${phase.name}</option>`)}
              </select>
            </label>`
          : nothing}
      </div>
      <div class="actions">
        <button type="submit" class="primary" ?disabled=${this._busy}>${this.post ? msg('Save', { id: 'board.save' }) : msg('Post', { id: 'board.publish' })}</button>
        <button type="button" @click=${() => this.#cancel()}>${msg('Cancel', { id: 'board.cancel' })}</button>
      </div>
      ${this.#announcer.render()}
    </form>`;
  }

  #kindFields(draft: PostDraft, invalid: (field: string) => string) {
    const url = html`<label>${draft.kind === 'video' ? msg('Or a link to the video page', { id: 'board.field.video-url' }) : msg('Link (https://…)', { id: 'board.field.url' })}
      <input name="url" type="url" inputmode="url" maxlength="2000" .value=${draft.url} aria-invalid=${invalid('url')} @input=${(e: Event) => this.#change({ url: (e.target as HTMLInputElement).value })} />
    </label>`;
    switch (draft.kind) {
      case 'text':
        return nothing;
      case 'link':
        return html`${url}<p class="hint">${msg('Twinkit shows the link as it is: it does not visit the site.', { id: 'board.field.url-hint' })}</p>`;
      case 'image':
        return html`${this.#fileField(draft, 'image/*', invalid, msg('Photo', { id: 'board.kind.image' }), msg(str`Up to ${formatFileSize(BOARD_PHOTO_INPUT_LIMITS.maxBytes, this.effectiveLang)}. It is made smaller (2048 pixels at most) before it is saved.`, { id: 'board.field.photo-hint' }))}
          <label>${msg('Describe the photo for those who cannot see it', { id: 'board.field.alt' })}
            <input name="alt" maxlength="300" .value=${draft.alt} aria-invalid=${invalid('alt')} @input=${(e: Event) => this.#change({ alt: (e.target as HTMLInputElement).value })} />
          </label>`;
      case 'video':
        return html`${draft.url && !draft.attachment ? nothing : this.#fileField(draft, 'video/*,audio/*', invalid, msg('Clip', { id: 'board.field.clip' }), msg(str`A short video or sound clip, up to ${formatFileSize(BOARD_CLIP_LIMITS.maxBytes, this.effectiveLang)}.`, { id: 'board.field.clip-hint' }))}
          ${draft.attachment ? nothing : url}`;
      case 'file':
        return this.#fileField(draft, '.pdf,.docx,.pptx,.xlsx,.odt,.odp,.ods,image/*', invalid, msg('File', { id: 'board.kind.file' }), msg(str`A PDF, an office document or a picture, up to ${formatFileSize(BOARD_FILE_LIMITS.maxBytes, this.effectiveLang)}.`, { id: 'board.field.file-hint' }));
    }
  }

  #fileField(draft: PostDraft, accept: string, invalid: (field: string) => string, label: string, hint: string) {
    const preview = draft.kind === 'image' && draft.thumbnail ? this.#urls.url(draft.thumbnail) : undefined;
    return html`<div class="file-field">
      ${draft.attachment
        ? html`<p class="chosen">${preview ? html`<img src=${preview} alt="" />` : nothing}<span>${draft.file?.name ?? label}</span>
            <button type="button" @click=${() => this.#change({ attachment: undefined, thumbnail: undefined, file: undefined })}>${msg('Remove', { id: 'board.field.remove-file' })}</button></p>`
        : html`<label class="file">${label}
            <input type="file" name="attachment" accept=${accept} aria-invalid=${invalid('attachment')} aria-describedby="file-hint" ?disabled=${this._busy} @change=${(e: Event) => void this.#choose(e)} />
          </label>`}
      <p class="hint" id="file-hint">${hint}</p>
    </div>`;
  }

  #conflictBlock() {
    const conflict = this._conflict;
    if (!conflict) return nothing;
    const theirs = conflict.theirs as Post | undefined;
    return html`<div class="conflict" role="group" aria-labelledby="conflict-title">
      <p id="conflict-title"><strong>
        ${theirs
          ? msg('This post was changed elsewhere (another tab, or a teacher) while you were writing. Your text is still here.', { id: 'board.conflict.changed' })
          : msg('This post was deleted elsewhere while you were writing. Your text is still here.', { id: 'board.conflict.deleted' })}
      </strong></p>
      ${theirs ? html`<p>${msg('The other version:', { id: 'board.conflict.theirs' })} <q>${theirs.title ?? ''}</q></p>` : nothing}
      <div class="actions">
        <button type="button" class="primary" @click=${() => void this.#save(undefined, theirs, !theirs)}>${theirs ? msg('Keep my version', { id: 'board.conflict.keep-mine' }) : msg('Post it again', { id: 'board.conflict.save-again' })}</button>
        ${theirs ? html`<button type="button" @click=${() => this.#useTheirs()}>${msg('Use the other version', { id: 'board.conflict.use-theirs' })}</button>` : nothing}
      </div>
    </div>`;
  }
}
