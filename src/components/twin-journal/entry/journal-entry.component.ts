import { msg, str } from '@lit/localize';
import { html, nothing } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import { canModerate } from '../../../sdk/policy/roles.js';
import { FEEDBACK_KINDS, type JournalFeedback } from '../../../sdk/schemas/journal-feedback.js';
import type { JournalPrompt } from '../../../sdk/schemas/journal-prompt.js';
import type { JournalEntry } from '../../../sdk/schemas/journal.js';
import type { TwinStore } from '../../../sdk/store/create-store.js';
import { scaleLabel } from '../../../localization/scale-label.js';
import { TwinElement } from '../../base/twin-element.js';
import { AttachmentUrls } from '../../controllers/attachment-urls.js';
import { ActionRunner } from '../../controllers/action-runner.js';
import { LiveAnnouncer } from '../../controllers/live-announcer.js';
import { richText } from '../../rich-text/rich-text-view.js';
import { formatDay } from '../../../localization/dates.js';
import { feedbackKindLabel, visibilityLabel } from '../journal-labels.js';
import { journalEntryStyles } from './journal-entry.styles.js';

type Media = { attachment: string; kind: 'image' | 'audio' | 'video'; alt?: string };

/**
 * One journal entry in full, with its peer feedback: "I liked…", "I wonder…", "Next time…" or a
 * free comment. Pending feedback shows to its author and to those who approve it.
 *
 * @fires entry-edit - The author (or a teacher) wants to edit the entry.
 * @fires entry-removed - The entry was deleted.
 */
export class TwinJournalEntry extends TwinElement {
  static override styles = journalEntryStyles;

  static override properties = {
    store: { attribute: false },
    entry: { attribute: false },
    feedback: { attribute: false },
    promptSets: { attribute: false },
    feedbackApproval: { type: Boolean },
    _kind: { state: true },
  };

  declare store: TwinStore | undefined;
  declare entry: JournalEntry | undefined;
  /** Feedback on this entry that the reader may see, oldest first. */
  declare feedback: JournalFeedback[];
  declare promptSets: Map<string, JournalPrompt>;
  /** Peer comments wait for a teacher's approval in this space. */
  declare feedbackApproval: boolean;
  declare _kind: string;

  readonly #announcer = new LiveAnnouncer(this);
  readonly #runner = new ActionRunner(this, this.#announcer);
  readonly #urls = new AttachmentUrls(this);

  constructor() {
    super();
    this.feedback = [];
    this.promptSets = new Map();
    this.feedbackApproval = false;
    this._kind = 'liked';
  }

  override render() {
    const entry = this.entry;
    if (!entry) return nothing;
    this.#urls.store = this.store;
    const lang = this.effectiveLang;
    const prompts = entry.promptSet ? this.promptSets.get(entry.promptSet as string) : undefined;
    const answers = Object.entries((entry.answers as Record<string, string> | undefined) ?? {});
    const media = (entry.media as Media[] | undefined) ?? [];
    const store = this.store;
    const mayEdit = !!store?.can('edit', entry);
    return html`<article aria-labelledby="entry-title">
      <header>
        <h3 id="entry-title">${entry.title}</h3>
        <p class="meta">
          ${entry.author.name}${entry.author.school ? ` · ${entry.author.school}` : ''} · ${formatDay(entry.date, lang)} ·
          <span class="badge">${visibilityLabel(entry.visibility)}</span>
          ${entry.status === 'pending' ? html`<span class="badge pending">${msg('Waiting for approval', { id: 'journal.pending' })}</span>` : nothing}
        </p>
      </header>
      ${answers.length
        ? html`<dl class="answers">
            ${answers.map(([id, text]) => html`<dt>${prompts?.prompts.find((prompt) => prompt.id === id)?.text ?? id}</dt><dd>${text}</dd>`)}
          </dl>`
        : nothing}
      ${entry.body ? html`<div class="body" lang=${(entry.language as string | undefined) ?? nothing}>${richText(entry.body)}</div>` : nothing}
      ${entry.learned ? html`<p><strong>${msg('What I learned:', { id: 'journal.learned' })}</strong> ${entry.learned}</p>` : nothing}
      ${entry.confidence ? html`<p><strong>${msg('How confident:', { id: 'journal.confidence' })}</strong> ${scaleLabel(entry.confidence as number)}</p>` : nothing}
      ${media.length
        ? html`<ul class="media">
            ${media.map((item) => {
              const url = this.#urls.url(item.attachment);
              if (item.kind === 'image') return html`<li>${url ? html`<img src=${url} alt=${item.alt ?? ''} />` : html`<span>${item.alt}</span>`}</li>`;
              if (item.kind === 'audio') return html`<li>${url ? html`<audio controls src=${url}></audio>` : nothing}</li>`;
              return html`<li>${url ? html`<video controls src=${url}></video>` : nothing}</li>`;
            })}
          </ul>`
        : nothing}
      ${mayEdit
        ? html`<div class="actions">
            <button type="button" @click=${() => this.dispatchEvent(new CustomEvent('entry-edit', { bubbles: true, composed: true }))}>${msg('Edit', { id: 'journal.edit' })}</button>
            <button type="button" class="danger" ?disabled=${this.#runner.busy} @click=${() => void this.#removeEntry()}>${msg('Delete', { id: 'journal.delete' })}</button>
          </div>`
        : nothing}
    </article>
    ${this.#thread()} ${this.#announcer.render()}`;
  }

  #thread() {
    const store = this.store;
    const entry = this.entry!;
    const moderator = !!store && canModerate(store.user.role);
    const mayComment = !!store?.can('comment', entry);
    return html`<section class="feedback" aria-labelledby="feedback-title">
      <h4 id="feedback-title">${msg(str`Feedback (${this.feedback.length})`, { id: 'journal.feedback.title' })}</h4>
      ${this.feedback.length
        ? html`<ul>
            ${repeat(
              this.feedback,
              (item) => item.id,
              (item) => html`<li class=${item.status}>
                <p class="feedback-head"><strong>${feedbackKindLabel(item.kind)}</strong> ${item.author.name}${item.author.school ? ` · ${item.author.school}` : ''}
                  ${item.status === 'pending' ? html`<span class="badge pending">${msg('Waiting for approval', { id: 'journal.pending' })}</span>` : nothing}
                </p>
                <p class="feedback-body">${item.body}</p>
                <div class="actions">
                  ${moderator && item.status === 'pending'
                    ? html`<button type="button" @click=${() => void this.#decide(item, 'published')}>${msg('Approve', { id: 'journal.approve' })}</button>`
                    : nothing}
                  ${moderator && item.status !== 'hidden' && store?.can('hide', item)
                    ? html`<button type="button" @click=${() => void this.#decide(item, 'hidden')}>${msg('Hide', { id: 'journal.hide' })}</button>`
                    : nothing}
                  ${store?.can('delete', item) ? html`<button type="button" class="link" @click=${() => void this.#removeFeedback(item)}>${msg('Delete', { id: 'journal.delete' })}</button>` : nothing}
                </div>
              </li>`,
            )}
          </ul>`
        : html`<p class="muted">${msg('No feedback yet.', { id: 'journal.feedback.none' })}</p>`}
      ${mayComment ? this.#feedbackForm() : nothing}
    </section>`;
  }

  #feedbackForm() {
    return html`<form class="give" @submit=${(event: Event) => void this.#send(event)}>
      <fieldset class="kinds">
        <legend>${msg('Your feedback', { id: 'journal.feedback.yours' })}</legend>
        ${FEEDBACK_KINDS.map(
          (kind) => html`<label class="check"><input type="radio" name="kind" .value=${kind} .checked=${this._kind === kind} @change=${() => (this._kind = kind)} /> ${feedbackKindLabel(kind)}</label>`,
        )}
      </fieldset>
      <label>${msg('Write it kindly and concretely', { id: 'journal.feedback.body' })}
        <textarea name="body" rows="3" maxlength="2000" aria-invalid=${this.#runner.problem ? 'true' : 'false'}></textarea>
      </label>
      ${this.feedbackApproval ? html`<p class="muted">${msg('A teacher approves feedback before the author sees it.', { id: 'journal.feedback.approval' })}</p>` : nothing}
      <p class="problem" role="alert">${this.#runner.problem?.message ?? ''}</p>
      <button type="submit" class="primary" ?disabled=${this.#runner.busy}>${msg('Send feedback', { id: 'journal.feedback.send' })}</button>
    </form>`;
  }

  async #send(event: Event) {
    event.preventDefault();
    const form = event.target as HTMLFormElement;
    const body = form.querySelector('textarea')!;
    await this.#runner.run(async () => {
      await this.store!.create('journal-feedback', { target: this.entry!.id, kind: this._kind, body: body.value });
      body.value = '';
    }, msg('Feedback sent.', { id: 'journal.feedback.sent' }));
  }

  #decide(item: JournalFeedback, status: 'published' | 'hidden') {
    return this.#runner.run(() => this.store!.setStatus('journal-feedback', item, status), status === 'published' ? msg('Approved.', { id: 'journal.approved' }) : msg('Hidden.', { id: 'journal.hidden' }));
  }

  #removeFeedback(item: JournalFeedback) {
    return this.#runner.run(() => this.store!.remove('journal-feedback', item), msg('Deleted.', { id: 'journal.deleted' }));
  }

  async #removeEntry() {
    const ok = await this.#runner.run(() => this.store!.remove('journal', this.entry!), msg('Deleted.', { id: 'journal.deleted' }));
    if (ok) this.dispatchEvent(new CustomEvent('entry-removed', { bubbles: true, composed: true }));
  }
}
