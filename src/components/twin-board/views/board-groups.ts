import { msg, str } from '@lit/localize';
import { html, nothing } from 'lit';
import { guard } from 'lit/directives/guard.js';
import { repeat } from 'lit/directives/repeat.js';
import { formatDay } from '../../../localization/dates.js';
import { uiLocale } from '../../../localization/localization.js';
import type { BoardActions, BoardState, Post, Section } from '../board-state.js';
import type { BoardGroup } from '../model/arrange-board.js';
import { postCard } from './post-card.js';

export interface GroupsOptions {
  /** Posts drawn so far: the first ones in the first frame, all of them right after. */
  limit: number;
  urlOf: (id: string) => string | undefined;
  /** Bumped when stored files (thumbnails) arrive. */
  files: number;
}

/** The stored file a card shows (a thumbnail, a voice note), if any; files to download are read when asked. */
function cardFile(post: Post): string | undefined {
  if (post.kind === 'image') return post.thumbnail ?? post.attachment;
  if (post.kind === 'video' && post.file?.type.startsWith('audio/')) return post.attachment;
  return undefined;
}

/**
 * The board's posts in its layout: wall (a grid per section), columns (one per section, side by
 * side), stream (one narrow column) or timeline (by day). Each group is a region with a heading, so
 * screen-reader users can jump between sections.
 */
export function boardGroups(groups: BoardGroup<Post, Section>[], state: BoardState, actions: BoardActions, options: GroupsOptions) {
  let left = options.limit;
  return html`<div class="groups layout-${state.layout}">
    ${repeat(
      groups,
      (group) => group.key,
      (group) => {
        // A section is drawn again only when something it shows changed: moving a post by one
        // place on a board of 1,000 redraws one or two sections, not all of them.
        const count = Math.min(group.posts.length, Math.max(0, left));
        left -= group.posts.length;
        // The carried post (drawn where it was) and the marker of where it would land.
        const carried = state.moving && group.posts.some((post) => post.id === state.moving!.id) ? state.moving.id : '';
        const marker = state.moving && state.moving.section === group.section?.id ? state.moving.index : -1;
        return guard([group, count, carried, marker, state.social, state.fresh, state.canPost, state.canManageSections, state.layout, state.lang, uiLocale(), options.files, group.posts.length], () =>
          section(group, state, actions, options, count),
        );
      },
    )}
  </div>`;
}

function section(group: BoardGroup<Post, Section>, state: BoardState, actions: BoardActions, options: GroupsOptions, count: number) {
  const headingId = `group-${group.key}`;
  const shown = count < group.posts.length ? group.posts.slice(0, count) : group.posts;
  const items: (Post | typeof MARKER)[] = [...shown];
  const moving = state.moving;
  if (moving && moving.section === group.section?.id) {
    // The marker goes where the carried post would land, counted without the post itself.
    // None where it already is: the carried post shows that.
    const before = shown.filter((post) => post.id !== moving.id)[moving.index];
    const own = shown.findIndex((post) => post.id === moving.id);
    if (own < 0 || own !== moving.index) items.splice(before ? items.indexOf(before) : items.length, 0, MARKER);
  }
  return html`<section class="group" aria-labelledby=${headingId} data-section=${group.section?.id ?? nothing}>
    <div class="group-head">
      <h3 id=${headingId}>${groupTitle(group, state)}</h3>
      ${group.kind === 'section' && group.section ? sectionTools(group.section, group.posts.length, state, actions) : nothing}
    </div>
    ${group.posts.length
      ? html`<ul class="posts" data-section=${group.section?.id ?? nothing}>${repeat(
          items,
          (item) => (item === MARKER ? MARKER : item.id),
          (item) => (item === MARKER ? dropMarker() : postSlot(item, state, actions, options)),
        )}</ul>`
      : moving && moving.section === group.section?.id
        ? html`<ul class="posts" data-section=${group.section?.id ?? nothing}>${dropMarker()}</ul>`
        : html`<ul class="posts empty" data-section=${group.section?.id ?? nothing}><li class="empty-note">${msg('Nothing here yet.', { id: 'board.section.empty' })}</li></ul>`}
  </section>`;
}

/** Where a carried post would land: a marker, not the post itself, so a step moves one small element. */
const MARKER = 'drop-marker';
const dropMarker = () => html`<li class="drop-marker" aria-hidden="true">${msg('It goes here', { id: 'board.move.marker' })}</li>`;

function postSlot(post: Post, state: BoardState, actions: BoardActions, options: GroupsOptions) {
  return html`<li class="slot" data-id=${post.id}>${guard(
    // A card draws again only when what it shows changed, its file's URL and the UI's language included.
    [post, state.social.get(post.id), state.fresh.has(post.id), state.moving?.id === post.id, state.canPost, state.layout, state.lang, uiLocale(), cardFile(post) && options.urlOf(cardFile(post)!)],
    () => postCard(post, state, actions, options.urlOf),
  )}</li>`;
}

function groupTitle(group: BoardGroup<Post, Section>, state: BoardState) {
  if (group.kind === 'section') return group.section!.name;
  if (group.kind === 'unsorted') return msg('Without a section', { id: 'board.section.none' });
  const day = formatDay(group.day!, state.lang);
  return group.mobilityDay ? msg(str`${day} · day ${group.mobilityDay} of the mobility`, { id: 'board.timeline.mobility-day' }) : day;
}

function sectionTools(section: Section, count: number, state: BoardState, actions: BoardActions) {
  const write = state.canPost
    ? html`<button type="button" class="add-here" @click=${(event: Event) => actions.write(section.id, event)} aria-label=${msg(str`Add a post to ${section.name}`, { id: 'board.section.add-post' })}>+</button>`
    : nothing;
  if (!state.canManageSections) return write;
  return html`<div class="section-tools">
    ${write}
    <button type="button" @click=${(event: Event) => actions.editSection(section, event)} aria-label=${msg(str`Rename ${section.name}`, { id: 'board.section.rename' })}>✎</button>
    <button type="button" @click=${() => actions.moveSection(section, -1)} aria-label=${msg(str`Move ${section.name} earlier`, { id: 'board.section.earlier' })}>↑</button>
    <button type="button" @click=${() => actions.moveSection(section, 1)} aria-label=${msg(str`Move ${section.name} later`, { id: 'board.section.later' })}>↓</button>
    ${count === 0
      ? html`<button type="button" class="danger" @click=${() => actions.removeSection(section)} aria-label=${msg(str`Delete ${section.name}`, { id: 'board.section.delete' })}>✕</button>`
      : nothing}
  </div>`;
}
