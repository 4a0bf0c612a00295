import { msg, str } from '@lit/localize';
import { html, nothing } from 'lit';
import { canModerate, isMember, isStaff } from '../../../sdk/policy/roles.js';
import type { TwinStore } from '../../../sdk/store/create-store.js';
import { formatDay } from '../../../localization/dates.js';
import { writtenLanguageFor } from '../../../localization/written-language.js';
import { TwinElement } from '../../base/twin-element.js';
import { ActionRunner } from '../../controllers/action-runner.js';
import { AttachmentUrls } from '../../controllers/attachment-urls.js';
import { LiveAnnouncer } from '../../controllers/live-announcer.js';
import type { BoardComment, BoardFlag, Post, PostSocial } from '../board-state.js';
import { REACTION_EMOJI, REACTIONS, reactionLabel, type ReactionKind } from '../board-labels.js';
import { embedUrlFor } from '../embed/embed-url.js';
import { languageSelect } from '../views/language-select.js';
import { byline } from '../views/post-card.js';
import { postContent } from '../views/post-content.js';
import { writtenLanguage } from '../views/written-in.js';
import { boardPostStyles } from './board-post.styles.js';

/** Longest comment, in characters (as the schema's comment). */
const MAX_COMMENT = 2_000;

/**
 * One post opened: all of it (the full picture, the player when the page allows its host), its
 * reactions, its comment thread, and what the reader may do: edit, delete, pin, approve, hide,
 * report. Pupils at home comment and react here like those who travel.
 *
 * @fires post-edit - The reader asked to edit the post.
 * @fires post-removed - The post was deleted.
 */
export class TwinBoardPost extends TwinElement {
  static override styles = boardPostStyles;

  static override properties = {
    store: { attribute: false },
    post: { attribute: false },
    comments: { attribute: false },
    flags: { attribute: false },
    social: { attribute: false },
    embedHosts: { attribute: false },
    react: { attribute: false },
    _comment: { state: true },
    _commentLanguage: { state: true },
    _reporting: { state: true },
    _reason: { state: true },
  };

  declare store: TwinStore | undefined;
  declare post: Post;
  declare comments: BoardComment[];
  /** The flags the reader may see: their own, or all of them for those who moderate. */
  declare flags: BoardFlag[];
  declare social: PostSocial | undefined;
  declare embedHosts: readonly string[];
  declare react: (post: Post, kind: ReactionKind) => void;
  declare _comment: string;
  /** The language the reader chose for their comments; until they choose, their UI's. */
  declare _commentLanguage: string | undefined | null;
  declare _reporting: boolean;
  declare _reason: string;

  readonly #announcer = new LiveAnnouncer(this);
  readonly #runner = new ActionRunner(this, this.#announcer);
  readonly #urls = new AttachmentUrls(this);

  constructor() {
    super();
    this.comments = [];
    this.flags = [];
    this.embedHosts = [];
    this._comment = '';
    this._reporting = false;
    this._reason = '';
  }

  async #sendComment(event: Event) {
    event.preventDefault();
    const body = this._comment.trim();
    if (!body) {
      this.#runner.show({ message: msg('Write your comment first.', { id: 'board.comment.empty' }), fields: ['comment'] });
      return;
    }
    // The text stays in the box until the comment is stored: a failed save loses nothing.
    const language = this.#commentLanguage ?? undefined;
    const ok = await this.#runner.run(() => this.store!.create('board-comment', { target: this.post.id, body, language }), msg('Comment added.', { id: 'board.comment.added' }));
    if (ok) this._comment = '';
  }

  /** `null` once the reader chose "Not said". */
  get #commentLanguage(): string | undefined {
    return this._commentLanguage === null ? undefined : (this._commentLanguage ?? writtenLanguageFor(this.effectiveLang));
  }

  async #report(event: Event) {
    event.preventDefault();
    const ok = await this.#runner.run(
      () => this.store!.create('board-flag', { target: this.post.id, reason: this._reason.trim() || undefined }),
      msg('Reported. A teacher or moderator will look at it.', { id: 'board.flag.sent' }),
    );
    if (ok) {
      this._reporting = false;
      this._reason = '';
    }
  }

  override render() {
    const post = this.post;
    const store = this.store;
    const user = store?.user;
    if (!post || !user) return nothing;
    const moderator = canModerate(user.role);
    const mine = post.author.id === user.id;
    const reported = this.flags.some((flag) => flag.author.id === user.id);
    const player = post.kind === 'video' && !post.attachment ? embedUrlFor(post.url, this.embedHosts) : undefined;
    this.#urls.store = store;
    return html`<article class="post-full ${post.color ? `color-${post.color}` : ''}" aria-label=${post.title ?? ''}>
      <p class="problem" role="alert">${this.#runner.problem && !this.#runner.problem.fields.includes('comment') ? this.#runner.problem.message : ''}</p>
      ${post.status === 'pending' ? html`<p class="badge pending">${msg('Waiting for approval', { id: 'board.pending' })}</p>` : nothing}
      ${post.status === 'hidden' ? html`<p class="badge late">${msg('Hidden', { id: 'board.hidden' })}</p>` : nothing}
      ${player
        ? html`<iframe class="player" src=${player} title=${post.title ?? msg('Video', { id: 'board.player' })} loading="lazy" allow="fullscreen; picture-in-picture" referrerpolicy="strict-origin-when-cross-origin" sandbox="allow-scripts allow-same-origin allow-presentation"></iframe>`
        : nothing}
      ${postContent(post, (id) => this.#urls.url(id), this.effectiveLang, true)}
      ${post.tags?.length ? html`<ul class="tags" aria-label=${msg('Team tags', { id: 'board.tags' })}>${post.tags.map((tag) => html`<li>#${tag}</li>`)}</ul>` : nothing}
      ${byline(post.author)}
      <p class="muted">${formatDay(post.createdAt.slice(0, 10), this.effectiveLang)}</p>
      <div class="post-actions" role="group" aria-label=${msg('Reactions', { id: 'board.reactions' })}>
        ${REACTIONS.map((kind) => {
          const count = this.social?.reactions[kind] ?? 0;
          return html`<button type="button" class="reaction" aria-pressed=${this.social?.mine.has(kind) ? 'true' : 'false'} ?disabled=${!isMember(user.role)} aria-label=${msg(str`${reactionLabel(kind)}: ${count}`, { id: 'board.reaction.count' })} @click=${() => this.react(post, kind)}>${REACTION_EMOJI[kind]} <span aria-hidden="true">${count || ''}</span></button>`;
        })}
      </div>
      <div class="actions">
        ${store.can('edit', post) ? html`<button type="button" @click=${() => this.dispatchEvent(new CustomEvent('post-edit'))}>${msg('Edit', { id: 'board.edit' })}</button>` : nothing}
        ${moderator
          ? html`<button type="button" aria-pressed=${post.pinned ? 'true' : 'false'} @click=${() => void this.#runner.run(() => store.update('board', post, { pinned: !post.pinned }), post.pinned ? msg('Unpinned.', { id: 'board.unpinned' }) : msg('Pinned to the top of its section.', { id: 'board.pinned.done' }))}>📌 ${post.pinned ? msg('Unpin', { id: 'board.unpin' }) : msg('Pin', { id: 'board.pin' })}</button>`
          : nothing}
        ${moderator && post.status !== 'published' && store.can('approve', post)
          ? html`<button type="button" class="primary" @click=${() => void this.#runner.run(() => store.setStatus('board', post, 'published'), msg('Approved.', { id: 'board.approved' }))}>${msg('Approve', { id: 'board.approve' })}</button>`
          : nothing}
        ${moderator && post.status !== 'hidden' && store.can('hide', post)
          ? html`<button type="button" @click=${() => void this.#runner.run(() => store.setStatus('board', post, 'hidden'), msg('Hidden.', { id: 'board.hidden.done' }))}>${msg('Hide', { id: 'board.hide' })}</button>`
          : nothing}
        ${store.can('delete', post)
          ? html`<button type="button" class="danger" @click=${() => void this.#remove()}>${msg('Delete', { id: 'board.delete' })}</button>`
          : nothing}
        ${isMember(user.role) && !mine && !reported && !this._reporting
          ? html`<button type="button" @click=${() => (this._reporting = true)}>⚑ ${msg('Report this post', { id: 'board.flag' })}</button>`
          : nothing}
      </div>
      ${reported ? html`<p class="muted">${msg('You reported this post.', { id: 'board.flag.yours' })}</p>` : nothing}
      ${this._reporting ? this.#reportForm() : nothing}
      ${this.#thread(moderator)}
      ${this.#announcer.render()}
    </article>`;
  }

  async #remove() {
    const ok = await this.#runner.run(() => this.store!.remove('board', this.post), msg('Deleted.', { id: 'board.deleted' }));
    if (ok) this.dispatchEvent(new CustomEvent('post-removed'));
  }

  #reportForm() {
    return html`<form class="report" @submit=${(event: Event) => void this.#report(event)}>
      <label>${msg('What is wrong with it? (optional)', { id: 'board.flag.reason' })}
        <input name="reason" maxlength="300" .value=${this._reason} @input=${(e: Event) => (this._reason = (e.target as HTMLInputElement).value)} />
      </label>
      <div class="actions">
        <button type="submit" class="primary" ?disabled=${this.#runner.busy}>${msg('Send the report', { id: 'board.flag.send' })}</button>
        <button type="button" @click=${() => (this._reporting = false)}>${msg('Cancel', { id: 'board.cancel' })}</button>
      </div>
    </form>`;
  }

  #thread(moderator: boolean) {
    const store = this.store!;
    const user = store.user;
    const invalid = this.#runner.problem?.fields.includes('comment') || this.#runner.problem?.fields.includes('body');
    return html`<section class="thread" aria-labelledby="thread-title">
      <h3 id="thread-title">${msg('Comments', { id: 'board.comments' })}</h3>
      ${this.comments.length
        ? html`<ul class="comments">
            ${this.comments.map(
              (comment) => html`<li>
                ${byline(comment.author)}
                <p class="comment-body" ${writtenLanguage(comment)}>${comment.body}</p>
                ${comment.status === 'pending' ? html`<span class="badge pending">${msg('Waiting for approval', { id: 'board.pending' })}</span>` : nothing}
                ${comment.status === 'hidden' ? html`<span class="badge late">${msg('Hidden', { id: 'board.hidden' })}</span>` : nothing}
                <div class="actions">
                  ${moderator && comment.status !== 'published' && store.can('approve', comment) ? html`<button type="button" @click=${() => void this.#runner.run(() => store.setStatus('board-comment', comment, 'published'), msg('Approved.', { id: 'board.approved' }))}>${msg('Approve', { id: 'board.approve' })}</button>` : nothing}
                  ${moderator && comment.status !== 'hidden' ? html`<button type="button" @click=${() => void this.#runner.run(() => store.setStatus('board-comment', comment, 'hidden'), msg('Hidden.', { id: 'board.hidden.done' }))}>${msg('Hide', { id: 'board.hide' })}</button>` : nothing}
                  ${store.can('delete', comment) ? html`<button type="button" class="danger" @click=${() => void this.#runner.run(() => store.remove('board-comment', comment), msg('Deleted.', { id: 'board.deleted' }))}>${msg('Delete', { id: 'board.delete' })}</button>` : nothing}
                </div>
              </li>`,
            )}
          </ul>`
        : html`<p class="muted">${msg('No comments yet.', { id: 'board.comments.none' })}</p>`}
      ${isMember(user.role)
        ? html`<form class="comment-form" @submit=${(event: Event) => void this.#sendComment(event)}>
            <label>${user.mobile || isStaff(user.role) ? msg('Your comment', { id: 'board.comment.label' }) : msg('Your comment from home', { id: 'board.comment.from-home' })}
              <textarea name="comment" rows="3" maxlength=${MAX_COMMENT} lang=${this.#commentLanguage ?? nothing} .value=${this._comment} aria-invalid=${invalid ? 'true' : 'false'} aria-describedby="comment-problem" @input=${(e: Event) => (this._comment = (e.target as HTMLTextAreaElement).value)}></textarea>
            </label>
            ${languageSelect(this.#commentLanguage, this.effectiveLang, (language) => (this._commentLanguage = language ?? null))}
            <p class="form-problem" id="comment-problem" role="alert">${invalid ? this.#runner.problem!.message : ''}</p>
            <div class="actions"><button type="submit" class="primary" ?disabled=${this.#runner.busy}>${msg('Comment', { id: 'board.comment.send' })}</button></div>
          </form>`
        : nothing}
    </section>`;
  }
}
