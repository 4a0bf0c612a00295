import { msg, str } from '@lit/localize';
import { html, nothing } from 'lit';
import { plural } from '../../../localization/plural.js';
import type { BoardActions, BoardState, Post, PostSocial } from '../board-state.js';
import { colorLabel, REACTION_EMOJI, REACTIONS, reactionLabel, travelLabel } from '../board-labels.js';
import { postContent, shownTitle } from './post-content.js';

const NO_SOCIAL: PostSocial = { comments: 0, reactions: { like: 0, love: 0, clap: 0, idea: 0 }, mine: new Set(), flags: 0 };

/** The byline: who wrote it, from which school, and whether they travel or stay home. */
export function byline(author: Post['author']) {
  const mobile = (author as { mobile?: boolean }).mobile;
  return html`<p class="byline">
    <span class="author">${author.name}</span>${author.school ? html`<span>· ${author.school}</span>` : nothing}
    <span class="badge ${mobile ? 'travelling' : 'home'}">${travelLabel(mobile)}</span>
  </p>`;
}

/**
 * One post on the board. The title opens it (its comments, reactions and actions); "Move" picks it
 * up for the keyboard or a tap, and a pointer may drag it. Colour labels are a stripe and a word,
 * never colour alone.
 */
export function postCard(post: Post, state: BoardState, actions: BoardActions, urlOf: (id: string) => string | undefined) {
  const social = state.social.get(post.id) ?? NO_SOCIAL;
  const fresh = state.fresh.has(post.id);
  const moving = state.moving?.id === post.id;
  const movable = state.canMove(post);
  const titleId = `post-${post.id}`;
  return html`<article
    class="post ${post.color ? `color-${post.color}` : ''} ${post.pinned ? 'pinned' : ''} ${fresh ? 'fresh' : ''} ${moving ? 'moving' : ''}"
    data-id=${post.id}
    aria-labelledby=${titleId}
    draggable=${movable && !state.moving ? 'true' : 'false'}
    @focusin=${fresh ? () => actions.seen(post) : nothing}
  >
    ${flags(post, fresh, social, state)}
    <h4 class="post-title" id=${titleId}><button type="button" class="open" @click=${(event: Event) => actions.open(post, event)}>${shownTitle(post)}</button></h4>
    ${postContent(post, urlOf, state.lang, false, actions.download)}
    ${post.tags?.length ? html`<ul class="tags" aria-label=${msg('Team tags', { id: 'board.tags' })}>${post.tags.map((tag) => html`<li>#${tag}</li>`)}</ul>` : nothing}
    ${byline(post.author)}
    <div class="post-actions">
      ${REACTIONS.map((kind) => {
        const count = social.reactions[kind];
        const mine = social.mine.has(kind);
        return html`<button
          type="button"
          class="reaction"
          aria-pressed=${mine ? 'true' : 'false'}
          ?disabled=${!state.canPost}
          aria-label=${msg(str`${reactionLabel(kind)}: ${count}`, { id: 'board.reaction.count' })}
          title=${reactionLabel(kind)}
          @click=${() => actions.react(post, kind)}
        >${REACTION_EMOJI[kind]}<span aria-hidden="true">${count || ''}</span></button>`;
      })}
      <button type="button" class="comments" @click=${(event: Event) => actions.open(post, event)}>
        💬 ${plural(social.comments, 'board.comments.count', { one: str`${0} comment`, other: str`${0} comments` })}
      </button>
      ${movable
        ? html`<button type="button" class="move" aria-pressed=${moving ? 'true' : 'false'} aria-describedby="move-help" @click=${(event: Event) => (moving ? actions.drop() : actions.startMove(post, event))} @keydown=${moving ? (event: KeyboardEvent) => moveKeys(event, actions) : nothing}>
            ${moving ? msg('Drop here', { id: 'board.move.drop' }) : msg('Move', { id: 'board.move' })}
          </button>`
        : nothing}
    </div>
    ${moving ? moveControls(actions) : nothing}
  </article>`;
}

function flags(post: Post, fresh: boolean, social: PostSocial, state: BoardState) {
  const badges = [
    post.pinned ? html`<span class="badge pinned">📌 ${msg('Pinned', { id: 'board.pinned' })}</span>` : nothing,
    fresh ? html`<span class="badge fresh">${msg('New', { id: 'board.new' })}</span>` : nothing,
    post.status === 'pending' ? html`<span class="badge pending">${msg('Waiting for approval', { id: 'board.pending' })}</span>` : nothing,
    post.status === 'hidden' ? html`<span class="badge late">${msg('Hidden', { id: 'board.hidden' })}</span>` : nothing,
    state.canModerate && social.flags ? html`<span class="badge late">⚑ ${msg(str`Reported ${social.flags}×`, { id: 'board.flagged' })}</span>` : nothing,
    post.color ? html`<span class="visually-hidden">${msg(str`Colour label: ${colorLabel(post.color)}`, { id: 'board.color.label' })}</span>` : nothing,
  ].filter((badge) => badge !== nothing);
  return badges.length ? html`<p class="badges">${badges}</p>` : nothing;
}

/** Arrow keys move the picked-up post, Enter or Space drops it, Escape puts it back. */
function moveKeys(event: KeyboardEvent, actions: BoardActions) {
  const keys: Record<string, 'up' | 'down' | 'left' | 'right' | 'home' | 'end'> = {
    ArrowUp: 'up',
    ArrowDown: 'down',
    ArrowLeft: 'left',
    ArrowRight: 'right',
    Home: 'home',
    End: 'end',
  };
  const key = keys[event.key];
  if (key) {
    event.preventDefault();
    actions.moveKey(key);
  } else if (event.key === 'Escape') {
    event.preventDefault();
    event.stopPropagation();
    actions.cancelMove();
  }
}

/** The same moves as buttons, for touch screens and for anyone who prefers them. */
function moveControls(actions: BoardActions) {
  return html`<div class="move-controls" role="group" aria-label=${msg('Move the post', { id: 'board.move.controls' })}>
    <button type="button" @click=${() => actions.moveKey('up')}>↑ ${msg('Earlier', { id: 'board.move.up' })}</button>
    <button type="button" @click=${() => actions.moveKey('down')}>↓ ${msg('Later', { id: 'board.move.down' })}</button>
    <button type="button" @click=${() => actions.moveKey('left')}>← ${msg('Previous section', { id: 'board.move.left' })}</button>
    <button type="button" @click=${() => actions.moveKey('right')}>→ ${msg('Next section', { id: 'board.move.right' })}</button>
    <button type="button" @click=${() => actions.cancelMove()}>${msg('Cancel', { id: 'board.cancel' })}</button>
  </div>`;
}
