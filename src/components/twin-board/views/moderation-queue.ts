import { msg, str } from '@lit/localize';
import { html, nothing } from 'lit';
import type { BoardComment, BoardFlag, Post } from '../board-state.js';
import { shownTitle, titleOf } from './post-content.js';
import { writtenLanguage } from './written-in.js';

export interface QueueItems {
  pendingPosts: Post[];
  flagged: { post: Post; flags: BoardFlag[] }[];
  pendingComments: { comment: BoardComment; post: Post | undefined }[];
}

export interface QueueActions {
  open(post: Post, event: Event): void;
  decide(collection: 'board' | 'board-comment', record: Post | BoardComment, status: 'published' | 'hidden'): void;
  dismissFlags(flags: BoardFlag[]): void;
  canDismiss: boolean;
}

/** Everything waiting for a teacher or moderator: new posts and comments, and reported posts. */
export function moderationQueue(items: QueueItems, actions: QueueActions) {
  const empty = !items.pendingPosts.length && !items.flagged.length && !items.pendingComments.length;
  if (empty) return html`<p class="queue-empty">${msg('Nothing to review. Well done!', { id: 'board.queue.empty' })}</p>`;
  return html`<div class="queue">
    ${items.pendingPosts.length
      ? html`<section aria-labelledby="queue-posts"><h3 id="queue-posts">${msg('Posts waiting for approval', { id: 'board.queue.posts' })}</h3>
          <ul class="queue-list">${items.pendingPosts.map((post) => html`<li>${postLine(post, actions)}${decisionButtons('board', post, actions)}</li>`)}</ul></section>`
      : nothing}
    ${items.flagged.length
      ? html`<section aria-labelledby="queue-flags"><h3 id="queue-flags">${msg('Reported posts', { id: 'board.queue.flags' })}</h3>
          <ul class="queue-list">
            ${items.flagged.map(
              ({ post, flags }) => html`<li>
                ${postLine(post, actions)}
                <ul class="reasons">${flags.map((flag) => html`<li>⚑ ${flag.author.name}: ${flag.reason?.trim() || msg('no reason given', { id: 'board.flag.no-reason' })}</li>`)}</ul>
                <div class="actions">
                  ${post.status !== 'hidden' ? html`<button type="button" @click=${() => actions.decide('board', post, 'hidden')}>${msg('Hide the post', { id: 'board.hide-post' })}</button>` : nothing}
                  ${actions.canDismiss ? html`<button type="button" @click=${() => actions.dismissFlags(flags)}>${msg('Keep it, dismiss the reports', { id: 'board.flag.dismiss' })}</button>` : nothing}
                </div>
              </li>`,
            )}
          </ul></section>`
      : nothing}
    ${items.pendingComments.length
      ? html`<section aria-labelledby="queue-comments"><h3 id="queue-comments">${msg('Comments waiting for approval', { id: 'board.queue.comments' })}</h3>
          <ul class="queue-list">
            ${items.pendingComments.map(
              ({ comment, post }) => html`<li>
                <p><strong>${comment.author.name}</strong>${post ? html` ${msg(str`on "${titleOf(post)}"`, { id: 'board.queue.on' })}` : nothing}</p>
                <p class="comment-body" ${writtenLanguage(comment)}>${comment.body}</p>
                ${decisionButtons('board-comment', comment, actions)}
              </li>`,
            )}
          </ul></section>`
      : nothing}
  </div>`;
}

function postLine(post: Post, actions: QueueActions) {
  return html`<p><button type="button" class="link" @click=${(event: Event) => actions.open(post, event)}>${shownTitle(post)}</button>
    <span class="muted">${post.author.name}${post.author.school ? ` · ${post.author.school}` : ''}</span></p>`;
}

function decisionButtons(collection: 'board' | 'board-comment', record: Post | BoardComment, actions: QueueActions) {
  return html`<div class="actions">
    <button type="button" class="primary" @click=${() => actions.decide(collection, record, 'published')}>${msg('Approve', { id: 'board.approve' })}</button>
    <button type="button" @click=${() => actions.decide(collection, record, 'hidden')}>${msg('Hide', { id: 'board.hide' })}</button>
  </div>`;
}
