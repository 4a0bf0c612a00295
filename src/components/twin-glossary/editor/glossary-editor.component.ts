import { msg, str } from '@lit/localize';
import { html, nothing, type PropertyValues } from 'lit';
import { checkAttachment } from '../../../sdk/attachments/check-attachment.js';
import { TwinConflictError } from '../../../sdk/errors.js';
import type { GlossaryEntry } from '../../../sdk/schemas/glossary.js';
import { LIMITS } from '../../../sdk/schemas/limits.js';
import type { TwinStore } from '../../../sdk/store/create-store.js';
import type { AttachmentLimits } from '../../../sdk/store/store-types.js';
import { errorMessage } from '../../../localization/error-message.js';
import { formatFileSize } from '../../../localization/file-size.js';
import { refusalSentence } from '../../../localization/form-problem.js';
import { plural } from '../../../localization/plural.js';
import { TwinElement } from '../../base/twin-element.js';
import { languageName, shownTerm } from '../glossary-languages.js';
import { duplicateIndex } from '../search/find-duplicates.js';
import { memo } from '../../base/memo.js';
import { foldText } from '../search/fold-text.js';
import { glossaryEditorStyles } from './glossary-editor.styles.js';
import { GLOSSARY_AUDIO_LIMITS, GLOSSARY_IMAGE_LIMITS } from './glossary-media-limits.js';
import { PronunciationRecorder } from './pronunciation-recorder.js';

type Translation = GlossaryEntry['translations'][string];

/** One language's fields as typed: aliases as one comma-separated line. */
interface DraftTranslation {
  term: string;
  definition: string;
  example: string;
  aliases: string;
}

interface Draft {
  translations: Record<string, DraftTranslation>;
  category: string;
  tags: string;
  imageAlt: string;
  /** Ids of related entries. */
  related: string[];
}

const splitList = (value: string) =>
  value
    .split(/[,;]/)
    .map((item) => item.trim())
    .filter(Boolean);

function draftOf(entry: GlossaryEntry | undefined, languages: readonly string[]): Draft {
  const translations: Record<string, DraftTranslation> = {};
  for (const lang of new Set([...languages, ...Object.keys(entry?.translations ?? {})])) {
    const t = entry?.translations[lang];
    translations[lang] = { term: t?.term ?? '', definition: t?.definition ?? '', example: t?.example ?? '', aliases: (t?.aliases ?? []).join(', ') };
  }
  return {
    translations,
    category: entry?.category ?? '',
    tags: (entry?.tags ?? []).join(', '),
    imageAlt: entry?.image?.alt ?? '',
    related: [...(entry?.related ?? [])],
  };
}

/**
 * The form that adds or edits a glossary entry, or adds one missing language to a partner's entry
 * (the `translateTo` property). What was typed is never lost: a refused save, a storage error or a conflict
 * keeps the draft on screen.
 *
 * @event editor-done - Saved (`detail.record`) or cancelled (`detail.record` undefined).
 * @event editor-open - The user chose to open an existing entry (`detail.id`), e.g. a duplicate.
 */
export class TwinGlossaryEditor extends TwinElement {
  static override styles = glossaryEditorStyles;

  static override properties = {
    store: { attribute: false },
    entry: { attribute: false },
    entries: { attribute: false },
    languages: { attribute: false },
    translateTo: { attribute: false },
    uiLang: { attribute: false },
    _draft: { state: true },
    _errors: { state: true },
    _message: { state: true },
    _conflict: { state: true },
    _saving: { state: true },
  };

  declare store: TwinStore | undefined;
  /** The entry being edited; none for a new entry. */
  declare entry: GlossaryEntry | undefined;
  /** All entries, for duplicate warnings. */
  declare entries: readonly GlossaryEntry[];
  declare languages: readonly string[];
  /** Only this language is added, signed by the user: a partner's translation of someone else's entry. */
  declare translateTo: string | undefined;
  declare uiLang: string;
  declare _draft: Draft;
  declare _errors: Record<string, string>;
  declare _message: string;
  declare _conflict: TwinConflictError | undefined;
  declare _saving: boolean;

  /** Files chosen or recorded, uploaded on save: `image` and `audio:<lang>`. */
  #files = new Map<string, Blob>();
  /** Files removed by the user (the key), saved as no file. */
  #removed = new Set<string>();
  readonly #recorder = new PronunciationRecorder(this, (lang, blob) => {
    // Every recording is kept, also one stopped by the time limit or by starting another language.
    this.#files.set(`audio:${lang}`, blob);
    this.#removed.delete(`audio:${lang}`);
    this.#touched = true;
    this.requestUpdate();
  });

  constructor() {
    super();
    this.entries = [];
    this.languages = [];
    this.uiLang = 'en';
    this._errors = {};
    this._message = '';
    this._saving = false;
    this._draft = draftOf(undefined, []);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    // A new revision of the same entry does not reset the form: what the user typed stays.
    const otherEntry = changed.has('entry') && changed.get('entry')?.id !== this.entry?.id;
    if (otherEntry || (changed.has('languages') && !this.#touched)) {
      this._draft = draftOf(this.entry, this.languages);
      this.#files.clear();
      this.#removed.clear();
    }
  }

  #touched = false;

  /** True once the user typed something: closing would throw it away. */
  get dirty(): boolean {
    return this.#touched;
  }

  override render() {
    const draft = this._draft;
    const editable = this.#editableLanguages();
    const translating = this.translateTo !== undefined;
    return html`
      <form novalidate @submit=${this.#onSubmit} @input=${() => (this.#touched = true)}>
        ${this._conflict ? this.#renderConflict(this._conflict) : nothing}
        ${editable.map((lang) => this.#renderLanguage(lang, draft.translations[lang]))}
        ${translating
          ? nothing
          : html`
              <fieldset>
                <legend>${msg('About this entry', { id: 'glossary.editor.about' })}</legend>
                ${this.#field('category', msg('Category', { id: 'glossary.field.category' }), draft.category, (value) => (draft.category = value), LIMITS.name, undefined, false, 'categories')}
                <datalist id="categories">${this.#categories().map((category) => html`<option value=${category}></option>`)}</datalist>
                ${this.#field('tags', msg('Tags (separated by commas)', { id: 'glossary.field.tags' }), draft.tags, (value) => (draft.tags = value), LIMITS.name * LIMITS.tags)}
                ${this.#renderRelated()}
                ${this.#renderImage()}
              </fieldset>
            `}
        <p class="message" role="alert">${this._message}</p>
        <div class="actions">
          <button type="submit" class="primary" ?disabled=${this._saving}>
            ${this._saving ? msg('Saving…', { id: 'glossary.editor.saving' }) : msg('Save', { id: 'glossary.editor.save' })}
          </button>
          <button type="button" @click=${() => this.#done(undefined)}>${msg('Cancel', { id: 'glossary.cancel' })}</button>
        </div>
      </form>
    `;
  }

  #editableLanguages(): string[] {
    if (this.translateTo) return [this.translateTo];
    return Object.keys(this._draft.translations);
  }

  #renderLanguage(lang: string, t: DraftTranslation) {
    const name = languageName(lang, this.uiLang);
    const duplicates = t.term.trim() ? this.#index(this.entries).duplicates(lang, t.term, this.entry?.id) : [];
    const audioKey = `audio:${lang}`;
    const hasAudio = this.#files.has(audioKey) || (!!this.entry?.translations[lang]?.audio && !this.#removed.has(audioKey));
    return html`
      <fieldset>
        <legend>${name}</legend>
        ${this.#field(`${lang}.term`, msg('Term', { id: 'glossary.field.term' }), t.term, (value) => (t.term = value), LIMITS.shortText, lang)}
        ${duplicates.length
          ? html`<p class="warning" id="dup-${lang}" role="status">
              ${msg(html`"<span lang=${lang}>${t.term.trim()}</span>" is already in the glossary in ${name}.`, { id: 'glossary.editor.duplicate' })}
              ${duplicates.slice(0, 3).map(
                (entry) =>
                  html`<button type="button" class="link" @click=${() => this.#emitOpen(entry.id)}>
                    ${msg(str`Open "${entry.translations[lang]?.term ?? ''}" instead`, { id: 'glossary.editor.open-duplicate' })}
                  </button>`,
              )}
            </p>`
          : nothing}
        ${this.#field(`${lang}.definition`, msg('Definition', { id: 'glossary.field.definition' }), t.definition, (value) => (t.definition = value), LIMITS.longText, lang, true)}
        ${this.#field(`${lang}.example`, msg('Example sentence', { id: 'glossary.field.example' }), t.example, (value) => (t.example = value), LIMITS.longText, lang, true)}
        ${this.#field(`${lang}.aliases`, msg('Other words for it (separated by commas)', { id: 'glossary.field.aliases' }), t.aliases, (value) => (t.aliases = value), LIMITS.shortText * LIMITS.tags, lang)}
        <div class="media">
          <span class="media-label">${msg('Pronunciation', { id: 'glossary.field.audio' })}</span>
          ${hasAudio
            ? html`<span>${msg('Sound added', { id: 'glossary.editor.audio-added' })}</span>
                <button type="button" @click=${() => this.#removeFile(audioKey)}>
                  ${msg(str`Remove the ${name} pronunciation`, { id: 'glossary.editor.audio-remove' })}
                </button>`
            : html`
                <label class="file">
                  ${msg(str`Upload the ${name} pronunciation`, { id: 'glossary.editor.audio-upload' })}
                  <input type="file" accept="audio/*" @change=${(event: Event) => this.#pickFile(event, audioKey, GLOSSARY_AUDIO_LIMITS)} />
                </label>
                ${this.#recorder.supported
                  ? html`<button type="button" aria-pressed=${this.#recorder.recording === lang ? 'true' : 'false'} @click=${() => this.#toggleRecording(lang, audioKey)}>
                      ${this.#recorder.recording === lang
                        ? msg('Stop recording', { id: 'glossary.editor.record-stop' })
                        : msg(str`Record the ${name} pronunciation`, { id: 'glossary.editor.record' })}
                    </button>`
                  : nothing}
              `}
          ${this.#error(audioKey)}
        </div>
      </fieldset>
    `;
  }

  /** Categories already used, so partners file alike things alike. */
  readonly #categoriesOf = memo((entries: readonly GlossaryEntry[]) =>
    [...new Set(entries.map((entry) => entry.category).filter((category): category is string => !!category))].sort(),
  );

  #categories(): string[] {
    return this.#categoriesOf(this.entries);
  }

  /** Entries by id, and by folded term in each language: built once per list, not per keystroke. */
  readonly #index = memo((entries: readonly GlossaryEntry[]) => {
    const byId = new Map<string, GlossaryEntry>();
    const terms: { folded: string; entry: GlossaryEntry }[] = [];
    for (const entry of entries) {
      byId.set(entry.id, entry);
      for (const t of Object.values(entry.translations)) terms.push({ folded: foldText(t.term), entry });
    }
    return { byId, terms, duplicates: duplicateIndex(entries) };
  });

  #renderRelated() {
    const { byId, terms } = this.#index(this.entries);
    const linked = this._draft.related.map((id) => byId.get(id)).filter((entry): entry is GlossaryEntry => !!entry);
    const query = foldText(this.#relatedQuery);
    // A few suggestions as the user types, not a list of thousands.
    const suggestions: GlossaryEntry[] = [];
    if (query) {
      for (const { folded, entry } of terms) {
        if (suggestions.length >= 20) break;
        if (folded.startsWith(query) && entry.id !== this.entry?.id && !this._draft.related.includes(entry.id) && !suggestions.includes(entry)) suggestions.push(entry);
      }
    }
    return html`
      <div class="field">
        <label for="related">${msg('Link a related entry (type its term)', { id: 'glossary.field.related' })}</label>
        <div class="inline">
          <input id="related" list="related-terms" autocomplete="off" .value=${this.#relatedQuery} @input=${(event: Event) => {
            this.#relatedQuery = (event.target as HTMLInputElement).value;
            if (this._errors.related) {
              const { related: _hint, ...rest } = this._errors;
              this._errors = rest;
            }
            this.requestUpdate();
          }} @keydown=${(event: KeyboardEvent) => {
            if (event.key === 'Enter') {
              event.preventDefault();
              this.#linkRelated();
            }
          }} />
          <button type="button" @click=${() => this.#linkRelated()}>${msg('Link', { id: 'glossary.editor.link' })}</button>
        </div>
        <datalist id="related-terms">${suggestions.map((entry) => html`<option value=${shownTerm(entry, this.languages).term}></option>`)}</datalist>
        ${this.#error('related')}
        ${linked.length
          ? html`<ul class="linked">
              ${linked.map((entry) => {
                const { lang, term } = shownTerm(entry, this.languages);
                return html`<li>
                  <span lang=${lang}>${term}</span>
                  <button type="button" class="link" @click=${() => this.#unlink(entry.id)}>${msg(str`Remove the link to ${term}`, { id: 'glossary.editor.unlink' })}</button>
                </li>`;
              })}
            </ul>`
          : nothing}
      </div>
    `;
  }

  #relatedQuery = '';

  #linkRelated() {
    const query = foldText(this.#relatedQuery);
    if (!query) return;
    const match = this.#index(this.entries).terms.find(({ folded, entry }) => folded === query && entry.id !== this.entry?.id)?.entry;
    const errors = { ...this._errors };
    delete errors.related;
    if (!match) errors.related = msg('No entry has this term. Pick one of the suggestions.', { id: 'glossary.editor.no-such-entry' });
    else if (this._draft.related.length >= LIMITS.tags) errors.related = plural(LIMITS.tags, 'glossary.editor.too-many-related', { one: str`At most ${0} related entry.`, other: str`At most ${0} related entries.` });
    else {
      if (!this._draft.related.includes(match.id)) this._draft.related = [...this._draft.related, match.id];
      this.#relatedQuery = '';
      this.#touched = true;
    }
    this._errors = errors;
    this.requestUpdate();
  }

  #unlink(id: string) {
    this._draft.related = this._draft.related.filter((item) => item !== id);
    this.#touched = true;
    this.requestUpdate();
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('#related')?.focus());
  }

  #renderImage() {
    const hasImage = this.#files.has('image') || (!!this.entry?.image && !this.#removed.has('image'));
    return html`
      <div class="media">
        <span class="media-label">${msg('Picture', { id: 'glossary.field.image' })}</span>
        ${hasImage
          ? html`<span>${msg('Picture added', { id: 'glossary.editor.image-added' })}</span>
              <button type="button" @click=${() => this.#removeFile('image')}>${msg('Remove the picture', { id: 'glossary.editor.image-remove' })}</button>`
          : html`<label class="file">
              ${msg(str`Upload a picture (PNG, JPEG, GIF or WebP, up to ${formatFileSize(GLOSSARY_IMAGE_LIMITS.maxBytes, this.uiLang)})`, { id: 'glossary.editor.image-upload' })}
              <input type="file" accept="image/png,image/jpeg,image/gif,image/webp" @change=${(event: Event) => this.#pickFile(event, 'image', GLOSSARY_IMAGE_LIMITS)} />
            </label>`}
        ${this.#error('image')}
      </div>
      ${hasImage
        ? this.#field('imageAlt', msg('Describe the picture for those who cannot see it', { id: 'glossary.field.image-alt' }), this._draft.imageAlt, (value) => (this._draft.imageAlt = value), LIMITS.shortText)
        : nothing}
    `;
  }

  #field(key: string, label: string, value: string, set: (value: string) => void, max: number, lang?: string, multiline = false, list?: string) {
    const id = `f-${key.replace(/[^\w-]/g, '-')}`;
    const error = this._errors[key];
    const onInput = (event: Event) => {
      set((event.target as HTMLInputElement | HTMLTextAreaElement).value);
      // Checked as they type, so an oversized paste is explained at once; never cut silently.
      this.#checkLength(key, (event.target as HTMLInputElement).value, max);
      this.requestUpdate();
    };
    return html`
      <div class="field">
        <label for=${id}>${label}</label>
        ${multiline
          ? html`<textarea id=${id} lang=${lang ?? nothing} rows="3" .value=${value} aria-invalid=${error ? 'true' : 'false'} aria-describedby=${error ? `${id}-error` : nothing} @input=${onInput}></textarea>`
          : html`<input id=${id} lang=${lang ?? nothing} list=${list ?? nothing} .value=${value} aria-invalid=${error ? 'true' : 'false'} aria-describedby=${error ? `${id}-error` : nothing} @input=${onInput} />`}
        ${error ? html`<p class="error" id="${id}-error">${error}</p>` : nothing}
      </div>
    `;
  }

  #error(key: string) {
    const error = this._errors[key];
    return error ? html`<p class="error" role="alert">${error}</p>` : nothing;
  }

  #checkLength(key: string, value: string, max: number): boolean {
    const errors = { ...this._errors };
    delete errors[key];
    if (value.length > max) {
      errors[key] = plural(
        value.length,
        'glossary.editor.too-long',
        { one: str`Too long: ${0} character. The limit is ${1}. Nothing was cut: shorten it to save.`, other: str`Too long: ${0} characters. The limit is ${1}. Nothing was cut: shorten it to save.` },
        max.toLocaleString(this.uiLang),
      );
    }
    this._errors = errors;
    return !errors[key];
  }

  #renderConflict(conflict: TwinConflictError) {
    const theirs = conflict.theirs as GlossaryEntry | undefined;
    return html`
      <div class="conflict" role="group" aria-labelledby="conflict-title">
        <p id="conflict-title"><strong>${theirs
          ? msg('Someone else changed this entry while you were editing it.', { id: 'glossary.conflict.changed' })
          : msg('Someone deleted this entry while you were editing it.', { id: 'glossary.conflict.deleted' })}</strong></p>
        ${theirs
          ? html`<p>${msg('Their version:', { id: 'glossary.conflict.theirs' })}</p>
              <dl class="theirs">
                ${Object.entries(theirs.translations).map(
                  ([lang, t]) => html`<dt lang=${lang}>${t.term}</dt>
                    <dd lang=${lang}>${t.definition ? t.definition.slice(0, 300) : '—'}</dd>`,
                )}
              </dl>`
          : nothing}
        <p>${msg('Your text is still here. Choose what to keep:', { id: 'glossary.conflict.choose' })}</p>
        <div class="actions">
          <button type="button" class="primary" @click=${() => this.#keepMine(theirs)}>${msg('Keep my version', { id: 'glossary.conflict.keep-mine' })}</button>
          ${theirs ? html`<button type="button" @click=${() => this.#done(theirs, true)}>${msg('Use their version', { id: 'glossary.conflict.use-theirs' })}</button>` : nothing}
        </div>
      </div>
    `;
  }

  async #pickFile(event: Event, key: string, limits: AttachmentLimits) {
    const input = event.target as HTMLInputElement;
    const file = input.files?.[0];
    if (!file) return;
    const errors = { ...this._errors };
    delete errors[key];
    const checked = await checkAttachment(file, limits);
    if (!checked.ok && checked.reason === 'too-large') {
      errors[key] = msg(str`This file is too large (${formatFileSize(file.size, this.uiLang)}). The limit is ${formatFileSize(limits.maxBytes, this.uiLang)}.`, { id: 'glossary.editor.file-too-large' });
    } else if (!checked.ok) {
      errors[key] = msg('This file is not a kind this field accepts (it was checked by its content, not its name).', { id: 'glossary.editor.file-wrong-type' });
    } else {
      this.#files.set(key, file);
      this.#removed.delete(key);
    }
    input.value = '';
    this._errors = errors;
    this.requestUpdate();
  }

  #removeFile(key: string) {
    this.#files.delete(key);
    this.#removed.add(key);
    this.requestUpdate();
  }

  async #toggleRecording(lang: string, key: string) {
    if (this.#recorder.recording === lang) {
      await this.#recorder.stop();
    } else {
      const started = await this.#recorder.start(lang);
      if (!started) this._errors = { ...this._errors, [key]: msg('The microphone is not available. Upload a sound file instead.', { id: 'glossary.editor.no-microphone' }) };
    }
    this.requestUpdate();
  }

  #validate(): boolean {
    const errors: Record<string, string> = {};
    const terms = this.#editableLanguages().filter((lang) => this._draft.translations[lang].term.trim());
    // Text that is too long blocks saving; a refused file, a missing microphone or a related-entry
    // hint does not (the refused file was simply not taken).
    const advisory = (key: string) => key === 'related' || key === 'image' || key.startsWith('audio:');
    for (const [key, error] of Object.entries(this._errors)) if (error && !advisory(key)) errors[key] = error;
    if (!terms.length) {
      const first = this.#editableLanguages()[0];
      errors[`${first}.term`] = msg('Write the term in at least one language.', { id: 'glossary.editor.term-required' });
    }
    for (const lang of this.#editableLanguages()) {
      const t = this._draft.translations[lang];
      if (!t.term.trim() && (t.definition.trim() || t.example.trim() || t.aliases.trim())) {
        errors[`${lang}.term`] = msg('A definition needs its term: write the term in this language too.', { id: 'glossary.editor.term-for-definition' });
      }
    }
    const hasImage = this.#files.has('image') || (!!this.entry?.image && !this.#removed.has('image'));
    if (hasImage && !this._draft.imageAlt.trim()) errors.imageAlt = msg('Describe the picture: pupils who cannot see it need the words.', { id: 'glossary.editor.alt-required' });
    this._errors = errors;
    return Object.keys(errors).length === 0;
  }

  async #fields(base: GlossaryEntry | undefined): Promise<Record<string, unknown>> {
    const store = this.store!;
    const upload = async (key: string, limits: AttachmentLimits) => {
      const blob = this.#files.get(key);
      return blob ? (await store.putAttachment(blob, limits)).id : undefined;
    };
    // On top of the version being saved over: languages others added meanwhile are kept.
    const translations: Record<string, Translation> = { ...(base?.translations ?? {}) };
    for (const lang of this.#editableLanguages()) {
      const t = this._draft.translations[lang];
      if (!t.term.trim()) {
        delete translations[lang];
        continue;
      }
      const key = `audio:${lang}`;
      const audio = (await upload(key, GLOSSARY_AUDIO_LIMITS)) ?? (this.#removed.has(key) ? undefined : base?.translations[lang]?.audio);
      const aliases = splitList(t.aliases);
      const next: Translation = { ...translations[lang], term: t.term.trim() };
      const set = (field: 'definition' | 'example' | 'audio', value: string | undefined) => {
        if (value) next[field] = value;
        else delete next[field];
      };
      set('definition', t.definition.trim());
      set('example', t.example.trim());
      set('audio', audio);
      if (aliases.length) next.aliases = aliases;
      else delete next.aliases;
      if (this.translateTo && !base?.translations[lang]) {
        const { id, name, school } = store.user;
        next.addedBy = school ? { id, name, school } : { id, name };
      }
      translations[lang] = next;
    }
    if (this.translateTo) return { translations };
    const image = (await upload('image', GLOSSARY_IMAGE_LIMITS)) ?? (this.#removed.has('image') ? undefined : base?.image?.attachment);
    const tags = splitList(this._draft.tags);
    return {
      translations,
      category: this._draft.category.trim() || undefined,
      tags: tags.length ? tags : undefined,
      related: this._draft.related.length ? this._draft.related : undefined,
      image: image ? { attachment: image, alt: this._draft.imageAlt.trim() } : undefined,
    };
  }

  async #onSubmit(event: Event) {
    event.preventDefault();
    await this.#save(this.entry);
  }

  async #save(base: GlossaryEntry | undefined) {
    if (!this.store || this._saving) return;
    this._message = '';
    if (!this.#validate()) {
      this._message = msg('Not saved yet: please look at the marked fields.', { id: 'glossary.editor.check-fields' });
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
      return;
    }
    this._saving = true;
    try {
      const fields = await this.#fields(base);
      const record = base
        ? await this.store.update<GlossaryEntry>('glossary', base, fields)
        : await this.store.create<GlossaryEntry>('glossary', Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== undefined)));
      this._conflict = undefined;
      this.#done(record);
    } catch (error) {
      if (error instanceof TwinConflictError) this._conflict = error;
      // "Not saved…", then what the store's check asks for, in the UI language.
      this._message = [errorMessage(error), refusalSentence(error)].filter(Boolean).join(' ');
    } finally {
      this._saving = false;
    }
  }

  /** Saves the user's text on top of the other person's version (the user chose to). */
  async #keepMine(theirs: GlossaryEntry | undefined) {
    this._conflict = undefined;
    await this.#save(theirs);
  }

  #emitOpen(id: string) {
    if (this.#touched && !confirm(msg('Leave this form? What you typed here will not be saved.', { id: 'glossary.editor.leave' }))) return;
    this.#touched = false;
    this.dispatchEvent(new CustomEvent('editor-open', { detail: { id }, bubbles: true, composed: true }));
  }

  /** `theirs`: the user chose the other person's version, nothing of theirs was saved. */
  #done(record: GlossaryEntry | undefined, theirs = false) {
    this.#touched = false;
    this.dispatchEvent(new CustomEvent('editor-done', { detail: { record, theirs }, bubbles: true, composed: true }));
  }

  /** The first field, for focus when the editor opens. */
  override focus(): void {
    this.renderRoot.querySelector<HTMLElement>('input, textarea')?.focus();
  }
}
