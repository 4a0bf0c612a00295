import { msg, str } from '@lit/localize';
import { html, nothing, type PropertyValues } from 'lit';
import { canContribute } from '../../../sdk/policy/can.js';
import { COMMENT_MAX, type TwinComment, type TwinReaction } from '../../../sdk/schemas/feedback.js';
import type { GlossaryEntry } from '../../../sdk/schemas/glossary.js';
import type { TwinStore } from '../../../sdk/store/create-store.js';
import { errorMessage } from '../../../localization/error-message.js';
import { phaseName, type NamedPhase } from '../../../localization/phase-name.js';
import { plural } from '../../../localization/plural.js';
import { TwinElement } from '../../base/twin-element.js';
import { LiveAnnouncer } from '../../controllers/live-announcer.js';
import { languageName, shownTerm } from '../glossary-languages.js';
import { highlightParts } from '../search/glossary-search.js';
import { glossaryEntryStyles } from './glossary-entry.styles.js';
import { AttachmentUrls } from '../../controllers/attachment-urls.js';

type Confirm = 'delete' | 'send-back' | undefined;

/** Text with the search words marked. */
export function highlighted(text: string, words: readonly string[]) {
  return highlightParts(text, words).map((part) => (part.match ? html`<mark>${part.text}</mark>` : part.text));
}

/**
 * One glossary entry in full: every language with its own `lang`, pronunciation, picture, who
 * wrote it, moderation, the "helpful" reaction and comments.
 *
 * @event entry-edit - Edit the entry; `detail.translateTo` when adding one missing language.
 * @event editor-open - Open another entry (`detail.id`), e.g. a related one.
 * @event entry-removed - The entry was deleted.
 */
export class TwinGlossaryEntry extends TwinElement {
  static override styles = glossaryEntryStyles;

  static override properties = {
    store: { attribute: false },
    entry: { attribute: false },
    entries: { attribute: false },
    languages: { attribute: false },
    uiLang: { attribute: false },
    phases: { attribute: false },
    words: { attribute: false },
    comments: { attribute: false },
    reactions: { attribute: false },
    _confirm: { state: true },
    _message: { state: true },
    _busy: { state: true },
  };

  declare store: TwinStore | undefined;
  declare entry: GlossaryEntry;
  /** All entries by id, to name related ones. */
  declare entries: ReadonlyMap<string, GlossaryEntry>;
  declare languages: readonly string[];
  declare uiLang: string;
  /** The plan's phases, to name the entry's. */
  declare phases: readonly NamedPhase[];
  declare words: readonly string[];
  /** This entry's comments and reactions. */
  declare comments: readonly TwinComment[];
  declare reactions: readonly TwinReaction[];
  declare _confirm: Confirm;
  declare _message: string;
  declare _busy: boolean;

  readonly #urls = new AttachmentUrls(this);
  readonly #announcer = new LiveAnnouncer(this);

  constructor() {
    super();
    this.entries = new Map();
    this.languages = [];
    this.uiLang = 'en';
    this.phases = [];
    this.words = [];
    this.comments = [];
    this.reactions = [];
    this._message = '';
    this._busy = false;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('entry') && changed.get('entry')?.id !== this.entry?.id) {
      this._confirm = undefined;
      this._message = '';
    }
    this.#urls.store = this.store;
  }

  override render() {
    const entry = this.entry;
    if (!entry) return nothing;
    const store = this.store;
    const langs = [...new Set([...this.languages, ...Object.keys(entry.translations)])];
    const { lang: titleLang, term: title } = shownTerm(entry, this.languages);
    return html`
      <article aria-labelledby="entry-title">
        <header>
          <h2 id="entry-title" tabindex="-1" lang=${titleLang}>${highlighted(title, this.words)}</h2>
          ${this.#statusBadge()}
        </header>
        ${entry.review && entry.status === 'pending'
          ? html`<p class="review" role="note">
              <strong>${msg(html`Sent back by <bdi>${entry.review.by.name}</bdi>:`, { id: 'glossary.entry.sent-back-by' })}</strong> <bdi>${entry.review.note}</bdi>
            </p>`
          : nothing}
        ${entry.image ? this.#image(entry.image) : nothing}
        <div class="translations">${langs.map((lang) => this.#translation(lang))}</div>
        ${this.#meta()}
        <p class="message" role="alert">${this._message}</p>
        ${store ? this.#actions(store) : nothing}
        ${this.#feedback()}
      </article>
      ${this.#announcer.render()}
    `;
  }

  #statusBadge() {
    switch (this.entry.status) {
      case 'pending':
        return html`<span class="badge pending">${msg('Waiting for approval', { id: 'glossary.status.pending' })}</span>`;
      case 'hidden':
        return html`<span class="badge hidden">${msg('Hidden by a teacher', { id: 'glossary.status.hidden' })}</span>`;
      default:
        return nothing;
    }
  }

  #image(image: NonNullable<GlossaryEntry['image']>) {
    const url = this.#urls.url(image.attachment);
    return url ? html`<img class="picture" src=${url} alt=${image.alt} />` : html`<p class="picture-loading">${image.alt}</p>`;
  }

  #translation(lang: string) {
    const t = this.entry.translations[lang];
    const name = languageName(lang, this.uiLang);
    if (!t) {
      const canAdd = this.#canTranslate();
      return html`
        <section class="translation missing" aria-label=${name}>
          <h3>${name}</h3>
          <p>${msg(str`Help wanted: no ${name} version yet.`, { id: 'glossary.entry.help-wanted' })}</p>
          ${canAdd
            ? html`<button type="button" @click=${() => this.#edit(lang)}>${msg(str`Add the ${name} version`, { id: 'glossary.entry.add-language' })}</button>`
            : nothing}
        </section>
      `;
    }
    const audio = t.audio ? this.#urls.url(t.audio) : undefined;
    return html`
      <section class="translation" aria-label=${name}>
        <h3>${name}</h3>
        <p class="term" lang=${lang}>${highlighted(t.term, this.words)}</p>
        ${audio
          ? html`<audio controls preload="none" src=${audio} aria-label=${msg(str`Pronunciation in ${name}`, { id: 'glossary.entry.pronunciation' })}></audio>`
          : nothing}
        ${t.definition ? html`<p class="definition" lang=${lang}>${highlighted(t.definition, this.words)}</p>` : nothing}
        ${t.example ? html`<p class="example"><span class="label">${msg('Example:', { id: 'glossary.entry.example' })}</span> <q lang=${lang}>${t.example}</q></p>` : nothing}
        ${t.aliases?.length
          ? html`<p class="aliases"><span class="label">${msg('Also:', { id: 'glossary.entry.also' })}</span> <span lang=${lang}>${highlighted(t.aliases.join(', '), this.words)}</span></p>`
          : nothing}
        ${t.addedBy
          ? html`<p class="by">${msg(html`Added by <bdi>${t.addedBy.name}</bdi>`, { id: 'glossary.entry.added-by' })}${t.addedBy.school ? html` (<bdi>${t.addedBy.school}</bdi>)` : nothing}</p>`
          : nothing}
      </section>
    `;
  }

  #meta() {
    const entry = this.entry;
    const related = (entry.related ?? []).map((id) => this.entries.get(id)).filter((item): item is GlossaryEntry => !!item);
    const date = new Date(entry.updatedAt).toLocaleDateString(this.uiLang, { dateStyle: 'medium' });
    return html`
      <dl class="meta">
        ${entry.category ? html`<dt>${msg('Category', { id: 'glossary.field.category' })}</dt><dd>${entry.category}</dd>` : nothing}
        ${entry.tags?.length ? html`<dt>${msg('Tags', { id: 'glossary.entry.tags' })}</dt><dd>${entry.tags.join(', ')}</dd>` : nothing}
        ${entry.phase ? html`<dt>${msg('Phase', { id: 'glossary.entry.phase' })}</dt><dd>${phaseName(entry.phase, this.phases)}</dd>` : nothing}
        <dt>${msg('Written by', { id: 'glossary.entry.written-by' })}</dt>
        <dd><bdi>${entry.author.name}</bdi>${entry.author.school ? html` · <bdi>${entry.author.school}</bdi>` : nothing} · <time datetime=${entry.updatedAt}>${date}</time></dd>
        ${related.length
          ? html`<dt>${msg('Related', { id: 'glossary.entry.related' })}</dt>
              <dd>
                ${related.map(
                  (item) => html`<button type="button" class="link" @click=${() => this.#open(item.id)}>${this.#termOf(item)}</button> `,
                )}
              </dd>`
          : nothing}
      </dl>
    `;
  }

  #termOf(entry: GlossaryEntry) {
    const { lang, term } = shownTerm(entry, this.languages);
    return html`<span lang=${lang}>${term}</span>`;
  }

  /** The same rule the store applies: edit rights, or a partner's contribution. */
  #canTranslate(): boolean {
    const store = this.store;
    return !!store && (store.can('edit', this.entry) || canContribute(store.user, this.entry, store.settings));
  }

  #actions(store: TwinStore) {
    const entry = this.entry;
    if (this._confirm === 'delete') {
      return html`<div class="confirm" role="group" aria-labelledby="confirm-delete">
        <p id="confirm-delete">${msg('Delete this entry for everyone? This cannot be undone.', { id: 'glossary.entry.confirm-delete' })}</p>
        <div class="actions">
          <button type="button" class="danger" @click=${this.#delete}>${msg('Delete', { id: 'glossary.entry.delete' })}</button>
          <button type="button" @click=${() => this.#cancelConfirm()}>${msg('Cancel', { id: 'glossary.cancel' })}</button>
        </div>
      </div>`;
    }
    if (this._confirm === 'send-back') {
      return html`<div class="confirm" role="group" aria-labelledby="send-back-label">
        <label id="send-back-label" for="send-back-note">${msg('Why are you sending it back? The author will read this.', { id: 'glossary.entry.send-back-why' })}</label>
        <textarea id="send-back-note" rows="2"></textarea>
        <div class="actions">
          <button type="button" class="primary" @click=${this.#sendBack}>${msg('Send back', { id: 'glossary.entry.send-back' })}</button>
          <button type="button" @click=${() => this.#cancelConfirm()}>${msg('Cancel', { id: 'glossary.cancel' })}</button>
        </div>
      </div>`;
    }
    const canApprove = store.can('approve', entry) && entry.status !== 'published';
    return html`
      <div class="actions">
        ${store.can('edit', entry) ? html`<button type="button" class="primary" @click=${() => this.#edit()}>${msg('Edit', { id: 'glossary.entry.edit' })}</button>` : nothing}
        ${canApprove ? html`<button type="button" class="primary" @click=${() => this.#setStatus('published')}>${msg('Approve', { id: 'glossary.entry.approve' })}</button>` : nothing}
        ${canApprove && entry.status === 'pending'
          ? html`<button type="button" @click=${() => this.#ask('send-back')}>${msg('Send back with a comment', { id: 'glossary.entry.send-back-open' })}</button>`
          : nothing}
        ${store.can('hide', entry) && entry.status !== 'hidden'
          ? html`<button type="button" @click=${() => this.#setStatus('hidden')}>${msg('Hide', { id: 'glossary.entry.hide' })}</button>`
          : nothing}
        ${store.can('delete', entry) ? html`<button type="button" class="danger" @click=${() => this.#ask('delete')}>${msg('Delete…', { id: 'glossary.entry.delete-open' })}</button>` : nothing}
      </div>
    `;
  }

  #feedback() {
    const store = this.store;
    const userId = store?.user.id;
    const helpers = new Set(this.reactions.map((reaction) => reaction.author.id));
    const mine = !!userId && helpers.has(userId);
    const canReact = !!store && store.can('react', this.entry);
    return html`
      <section class="feedback" aria-labelledby="comments-title">
        <div class="helpful">
          ${canReact
            ? html`<button type="button" aria-pressed=${mine ? 'true' : 'false'} @click=${this.#toggleHelpful}>
                ${msg('Helpful', { id: 'glossary.entry.helpful' })} <span aria-hidden="true">·</span> ${helpers.size}
              </button>`
            : html`<p>${plural(helpers.size, 'glossary.entry.helpful-count', { one: str`${0} person found this helpful`, other: str`${0} people found this helpful` })}</p>`}
        </div>
        <h3 id="comments-title">${msg(str`Comments (${this.comments.length})`, { id: 'glossary.entry.comments' })}</h3>
        <ol class="comments">
          ${this.comments.map(
            (comment) => html`<li>
              <p class="comment-by">
                <strong><bdi>${comment.author.name}</bdi></strong>${comment.author.school ? html` · <bdi>${comment.author.school}</bdi>` : nothing}
                ${comment.status === 'pending' ? html`<span class="badge pending">${msg('Waiting for approval', { id: 'glossary.status.pending' })}</span>` : nothing}
                ${comment.status === 'hidden' ? html`<span class="badge hidden">${msg('Hidden by a teacher', { id: 'glossary.status.hidden' })}</span>` : nothing}
              </p>
              <p class="comment-body">${comment.body}</p>
              <div class="actions">
                ${store?.can('approve', comment) && comment.status === 'pending'
                  ? html`<button type="button" @click=${() => this.#approveComment(comment)}>${msg('Approve', { id: 'glossary.entry.approve' })}</button>`
                  : nothing}
                ${store?.can('hide', comment) && comment.status !== 'hidden'
                  ? html`<button type="button" class="link" @click=${() => this.#hideComment(comment)}>${msg('Hide comment', { id: 'glossary.entry.hide-comment' })}</button>`
                  : nothing}
                ${store?.can('delete', comment)
                  ? html`<button type="button" class="link" @click=${() => this.#removeComment(comment)}>${msg('Delete comment', { id: 'glossary.entry.delete-comment' })}</button>`
                  : nothing}
              </div>
            </li>`,
          )}
        </ol>
        ${store?.can('comment', this.entry)
          ? html`<form class="comment-form" @submit=${this.#addComment}>
              <label for="comment">${msg('Add a comment', { id: 'glossary.entry.add-comment' })}</label>
              <textarea id="comment" rows="2"></textarea>
              <button type="submit">${msg('Send comment', { id: 'glossary.entry.send-comment' })}</button>
            </form>`
          : nothing}
      </section>
    `;
  }

  async #ask(confirm: Confirm) {
    this._confirm = confirm;
    await this.updateComplete;
    // Deleting starts on Cancel, so a double Enter does not delete; a note starts in its field.
    this.renderRoot.querySelector<HTMLElement>(confirm === 'delete' ? '.confirm button:last-child' : '.confirm textarea')?.focus();
  }

  async #cancelConfirm() {
    this._confirm = undefined;
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('.actions button')?.focus();
  }

  /** Runs a store action; failures are explained here, and what was typed stays. */
  async #run(action: () => Promise<unknown>, done?: string): Promise<boolean> {
    if (this._busy) return false;
    this._busy = true;
    this._message = '';
    try {
      await action();
      if (done) this.#announcer.announce(done);
      // The button pressed may be gone now (Approve, Hide): focus goes back to the entry's title.
      await this.updateComplete;
      if (!this.renderRoot.querySelector(':focus')) this.renderRoot.querySelector<HTMLElement>('h2')?.focus();
      return true;
    } catch (error) {
      this._message = errorMessage(error);
      return false;
    } finally {
      this._busy = false;
    }
  }

  #edit(translateTo?: string) {
    this.dispatchEvent(new CustomEvent('entry-edit', { detail: { translateTo }, bubbles: true, composed: true }));
  }

  #open(id: string) {
    this.dispatchEvent(new CustomEvent('editor-open', { detail: { id }, bubbles: true, composed: true }));
  }

  #delete = async () => {
    const store = this.store!;
    if (await this.#run(() => store.remove('glossary', this.entry))) {
      this.dispatchEvent(new CustomEvent('entry-removed', { bubbles: true, composed: true }));
    }
  };

  #sendBack = async () => {
    const note = this.renderRoot.querySelector<HTMLTextAreaElement>('#send-back-note')?.value ?? '';
    const store = this.store!;
    if (await this.#run(() => store.setStatus('glossary', this.entry, 'pending', { note }), msg('Sent back to the author.', { id: 'glossary.entry.sent-back' }))) {
      this._confirm = undefined;
    }
  };

  async #setStatus(status: 'published' | 'hidden') {
    const store = this.store!;
    const done = status === 'published' ? msg('Approved: everyone can see it now.', { id: 'glossary.entry.approved' }) : msg('Hidden.', { id: 'glossary.entry.hidden' });
    await this.#run(() => store.setStatus('glossary', this.entry, status), done);
  }

  #toggleHelpful = async () => {
    const store = this.store!;
    const mine = this.reactions.filter((reaction) => reaction.author.id === store.user.id);
    await this.#run(async () => {
      if (mine.length) for (const reaction of mine) await store.remove('glossary-reaction', reaction);
      else await store.create('glossary-reaction', { target: this.entry.id, kind: 'helpful' });
    });
  };

  #addComment = async (event: Event) => {
    event.preventDefault();
    const field = this.renderRoot.querySelector<HTMLTextAreaElement>('#comment')!;
    const body = field.value;
    if (!body.trim()) {
      this._message = msg('Write something first.', { id: 'glossary.entry.comment-empty' });
      field.focus();
      return;
    }
    if (body.length > COMMENT_MAX) {
      this._message = plural(
        body.length,
        'glossary.entry.comment-too-long',
        { one: str`Too long: ${0} character. A comment may have ${1}. Nothing was cut.`, other: str`Too long: ${0} characters. A comment may have ${1}. Nothing was cut.` },
        COMMENT_MAX.toLocaleString(this.uiLang),
      );
      field.focus();
      return;
    }
    const store = this.store!;
    const saved = await this.#run(async () => {
      const comment = await store.create<TwinComment>('glossary-comment', { target: this.entry.id, body });
      this.#announcer.announce(
        comment.status === 'pending'
          ? msg('Comment sent. It will appear for others after approval.', { id: 'glossary.entry.comment-pending' })
          : msg('Comment added.', { id: 'glossary.entry.comment-added' }),
      );
    });
    // The text stays in the field when saving failed.
    if (saved) field.value = '';
  };

  async #approveComment(comment: TwinComment) {
    const store = this.store!;
    await this.#run(() => store.setStatus('glossary-comment', comment, 'published'));
  }

  /** Hidden, not deleted: a hurtful comment may be evidence a teacher must keep. */
  async #hideComment(comment: TwinComment) {
    const store = this.store!;
    await this.#run(() => store.setStatus('glossary-comment', comment, 'hidden'), msg('Comment hidden.', { id: 'glossary.entry.comment-hidden' }));
  }

  async #removeComment(comment: TwinComment) {
    const store = this.store!;
    await this.#run(() => store.remove('glossary-comment', comment), msg('Comment deleted.', { id: 'glossary.entry.comment-deleted' }));
  }
}
