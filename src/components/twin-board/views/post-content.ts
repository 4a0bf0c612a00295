import { msg, str } from '@lit/localize';
import { html, nothing } from 'lit';
import { richText } from '../../rich-text/rich-text-view.js';
import { LINK_REL } from '../../rich-text/sanitize-rich-text.js';
import { isSafeUrl } from '../../../sdk/schemas/text.js';
import type { Post } from '../board-state.js';
import { kindLabel } from '../board-labels.js';
import { formatFileSize } from '../../../localization/file-size.js';
import { writtenLanguage } from './written-in.js';

/** The host of a link, shown beside it: readers see where it goes before they follow it. */
export function hostOf(url: string): string {
  try {
    return new URL(url).host || url;
  } catch {
    return url;
  }
}

/** A post's title, or what it is when it has none. */
export const titleOf = (post: Post) => post.title?.trim() || post.file?.name || kindLabel(post.kind);

/** The title for an element: the author's own in their language, else what `titleOf` says. */
export const shownTitle = (post: Post) => (post.title?.trim() ? html`<span ${writtenLanguage(post)}>${post.title.trim()}</span>` : titleOf(post));

/**
 * What a post holds, for the card (`full` false: the thumbnail) and the open post (`full`: the
 * picture and the player). Files come from `urlOf` (object URLs of stored blobs; undefined while
 * they load). Links are refused unless http(s) or mailto, whatever the stored record says.
 */
export function postContent(post: Post, urlOf: (id: string) => string | undefined, lang: string, full = false, download?: (post: Post) => void) {
  return html`${post.kind === 'image' ? picture(post, urlOf, full) : nothing}
  ${post.kind === 'video' && post.attachment ? clip(post, urlOf, full) : nothing}
  ${post.kind === 'link' || (post.kind === 'video' && post.url && !post.attachment) ? link(post) : nothing}
  ${post.kind === 'file' ? file(post, urlOf, lang, full ? undefined : download) : nothing}
  ${post.body ? html`<div class="rich rich-text" ${writtenLanguage(post)}>${richText(post.body)}</div>` : nothing}`;
}

function picture(post: Post, urlOf: (id: string) => string | undefined, full: boolean) {
  const id = full ? post.attachment : (post.thumbnail ?? post.attachment);
  const url = id ? urlOf(id) : undefined;
  const size = post.file?.width && post.file?.height ? { w: post.file.width, h: post.file.height } : undefined;
  // Width and height reserve the picture's place, so the board does not jump as pictures load.
  return html`<figure class="picture" ${writtenLanguage(post)}>
    ${url
      ? html`<img src=${url} alt=${post.alt ?? ''} width=${size?.w ?? nothing} height=${size?.h ?? nothing} loading="lazy" decoding="async" />`
      : html`<div class="picture-wait" style=${size ? `aspect-ratio: ${size.w} / ${size.h}` : ''}><span>${post.alt ?? ''}</span></div>`}
  </figure>`;
}

function clip(post: Post, urlOf: (id: string) => string | undefined, full: boolean) {
  const url = urlOf(post.attachment!);
  const audio = post.file?.type.startsWith('audio/');
  if (!full && !audio) {
    return html`<p class="clip-note">▶ ${msg('Video clip', { id: 'board.clip.video' })}${post.file ? html` · ${post.file.name}` : nothing}</p>`;
  }
  if (!url) return html`<p class="muted">${msg('Loading the clip…', { id: 'board.clip.loading' })}</p>`;
  return audio ? html`<audio controls preload="none" src=${url}></audio>` : html`<video controls preload="metadata" src=${url}></video>`;
}

function link(post: Post) {
  const url = post.url ?? '';
  if (!isSafeUrl(url)) return html`<p class="muted">${msg('This link was removed: only web and e-mail links are allowed.', { id: 'board.link.unsafe' })}</p>`;
  return html`<p class="link"><a href=${url} rel=${LINK_REL} target="_blank">${hostOf(url)}<span class="visually-hidden"> ${msg('(opens in a new tab)', { id: 'board.link.new-tab' })}</span></a></p>`;
}

/**
 * A file to download. On a card, a button that reads the file when asked (a board of many files
 * must not read them all to draw itself); in the opened post, a link.
 */
function file(post: Post, urlOf: (id: string) => string | undefined, lang: string, download: ((post: Post) => void) | undefined) {
  const name = post.file?.name ?? msg('File', { id: 'board.kind.file' });
  const size = post.file ? formatFileSize(post.file.size, lang) : '';
  const label = msg(str`Download ${name}`, { id: 'board.file.download' });
  const url = !download && post.attachment ? urlOf(post.attachment) : undefined;
  return html`<p class="file">📎 ${download && post.attachment
      ? html`<button type="button" class="link" @click=${() => download(post)}>${label}</button>`
      : url
        ? html`<a href=${url} download=${name}>${label}</a>`
        : html`<span>${name}</span>`}
    ${size ? html`<span class="muted">(${size})</span>` : nothing}</p>`;
}
