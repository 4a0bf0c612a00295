import { allowListRichText } from '../../rich-text/allow-list-rich-text.js';
import { escapeHtml as e } from '../../twin-glossary/print/booklet-html.js';
import { formatFileSize } from '../../../localization/file-size.js';
import { writtenIn } from '../../../localization/written-language.js';
import { BOARD_COLORS, BOARD_REACTION_KINDS, type BoardReactionKind } from './board-types.js';
import type { ExhibitionLabels } from './exhibition-labels.js';

/** The fields of a post the exhibition shows. */
export interface ExhibitionPost {
  id: string;
  kind: string;
  section: string;
  createdAt: string;
  author: { name: string; school?: string; mobile?: unknown };
  title?: string;
  body?: string;
  url?: string;
  attachment?: string;
  thumbnail?: string;
  alt?: string;
  file?: { name: string; type: string; size: number };
  pinned?: boolean;
  color?: string;
  tags?: readonly string[];
  /** The language the author wrote in (BCP 47). */
  language?: unknown;
}

export interface ExhibitionComment {
  target: string;
  body: string;
  author: { name: string; school?: string };
  createdAt: string;
  status: string;
  language?: unknown;
}

/** An attachment embedded in the document. */
export interface ExhibitionMedia {
  dataUrl: string;
  type: string;
}

/** What every card needs besides its post. */
export interface CardContext {
  labels: ExhibitionLabels;
  lang: string;
  media: ReadonlyMap<string, ExhibitionMedia>;
  /** Published comments of each post, oldest first. */
  comments: ReadonlyMap<string, readonly ExhibitionComment[]>;
  reactionCounts: ReadonlyMap<string, Partial<Record<BoardReactionKind, number>>>;
  formatDate: (iso: string) => string;
  /** Section names, shown on cards when the groups are not sections (a timeline). */
  sectionName?: (id: string) => string | undefined;
}

const REACTION_EMOJI: Record<BoardReactionKind, string> = { like: '👍', love: '❤️', clap: '👏', idea: '💡' };
/** A link pupils may have: absolute http(s) or mailto, without spaces (as in rich text). */
const SAFE_URL = /^(?:https?:\/\/|mailto:)[^\s"'<>`]+$/i;
/** Only base64 data URLs of a plain media type are embedded: nothing remote, nothing to parse. */
const DATA_URL = /^data:([a-z]+\/[a-z0-9.+-]+)(?:;[a-z0-9-]+=[a-z0-9.+-]+)*;base64,[A-Za-z0-9+/]*={0,2}$/i;
/** Raster pictures only: no SVG (a document of its own), as in the portfolio. */
const PICTURE = /^image\/(?:png|jpeg|gif|webp|avif|bmp)$/i;

/** ` lang="…" dir="…"` for what someone wrote in a known language, so it is read aloud in it; else nothing. */
function writtenAttributes(record: { language?: unknown }): string {
  const written = writtenIn(record);
  return written ? ` lang="${e(written.lang)}" dir="${written.dir}"` : '';
}

/** Plain text, escaped, its line breaks kept. */
const plain = (text: string) => e(text).replace(/\r\n?|\n/g, '<br>');

/** The embedded file of an attachment id, when it is a well-formed data URL whose type passes `accept`. */
function embedded(context: CardContext, id: string | undefined, accept: (type: string) => boolean): { url: string; type: string } | undefined {
  const item = id ? context.media.get(id) : undefined;
  const type = item ? DATA_URL.exec(item.dataUrl)?.[1] : undefined;
  return item && type && accept(type) ? { url: item.dataUrl, type: type.toLowerCase() } : undefined;
}

function pictureHtml(post: ExhibitionPost, context: CardContext): string {
  const alt = post.alt?.trim() ?? '';
  const picture = embedded(context, post.attachment, (type) => PICTURE.test(type)) ?? embedded(context, post.thumbnail, (type) => PICTURE.test(type));
  const written = alt ? writtenAttributes(post) : '';
  if (picture) return `<figure${written}><img src="${e(picture.url)}" alt="${e(alt)}">${alt ? `<figcaption>${e(alt)}</figcaption>` : ''}</figure>`;
  const { labels } = context;
  return `<figure class="missing-picture"><figcaption>${written ? `<span${written}>${e(alt)}</span>` : e(alt || labels.picture)} <span class="missing">${e(labels.pictureNotIncluded)}</span></figcaption></figure>`;
}

function linkHtml(url: string, context: CardContext): string {
  if (!SAFE_URL.test(url)) return `<p class="link"><span class="url">${e(url)}</span></p>`;
  return `<p class="link"><a class="open" href="${e(url)}" rel="noopener noreferrer" target="_blank">${e(context.labels.openLink)}</a> <span class="url">${e(url)}</span></p>`;
}

function fileName(post: ExhibitionPost, context: CardContext): string {
  const name = post.file?.name ?? context.labels.file;
  return post.file && Number.isFinite(post.file.size) ? `${name} (${formatFileSize(post.file.size, context.lang)})` : name;
}

function clipHtml(post: ExhibitionPost, context: CardContext): string {
  const { labels } = context;
  const clip = embedded(context, post.attachment, (type) => /^(?:video|audio)\//i.test(type));
  const caption = post.alt?.trim() || post.file?.name;
  if (clip) {
    const audio = clip.type.startsWith('audio/');
    const player = audio ? `<audio controls preload="none" src="${e(clip.url)}"></audio>` : `<video controls preload="metadata" src="${e(clip.url)}"></video>`;
    return `<figure>${player}<figcaption>${e(audio ? labels.audio : labels.video)}${caption ? `: ${e(caption)}` : ''}</figcaption></figure>`;
  }
  if (post.url) return linkHtml(post.url, context);
  return `<p class="missing">${e(labels.video)}${caption ? `: ${e(caption)}` : ''} ${e(labels.fileNotIncluded)}</p>`;
}

function fileHtml(post: ExhibitionPost, context: CardContext): string {
  const file = embedded(context, post.attachment, () => true);
  const text = e(fileName(post, context));
  if (file) return `<p class="file"><a download="${e(post.file?.name ?? 'file')}" href="${e(file.url)}">${text}</a></p>`;
  return `<p class="file">${text} <span class="missing">${e(context.labels.fileNotIncluded)}</span></p>`;
}

function contentHtml(post: ExhibitionPost, context: CardContext): string {
  switch (post.kind) {
    case 'image':
      return pictureHtml(post, context);
    case 'video':
      return clipHtml(post, context);
    case 'file':
      return fileHtml(post, context);
    case 'link':
      return post.url ? linkHtml(post.url, context) : '';
    default:
      return '';
  }
}

function metaHtml(post: ExhibitionPost, context: CardContext): string {
  const { labels, formatDate } = context;
  const { author } = post;
  const parts = [`${e(labels.by)} ${e(author.name)}`];
  if (author.school?.trim()) parts.push(e(author.school.trim()));
  if (author.mobile === true) parts.push(e(labels.travelling));
  if (author.mobile === false) parts.push(e(labels.atHome));
  parts.push(`<time datetime="${e(post.createdAt)}">${e(formatDate(post.createdAt))}</time>`);
  const section = context.sectionName?.(post.section);
  if (section) parts.push(`${e(labels.section)}: ${e(section)}`);
  return `<p class="meta">${parts.join(' · ')}</p>`;
}

function reactionsHtml(post: ExhibitionPost, context: CardContext): string {
  const counts = context.reactionCounts.get(post.id);
  const shown = BOARD_REACTION_KINDS.filter((kind) => (counts?.[kind] ?? 0) > 0);
  if (!shown.length) return '';
  const items = shown.map((kind) => `<li><span aria-hidden="true">${REACTION_EMOJI[kind]}</span> ${e(context.labels.reactions[kind])}: ${Math.floor(counts![kind]!)}</li>`);
  return `<ul class="reactions" aria-label="${e(context.labels.reactionsHeading)}">${items.join('')}</ul>`;
}

function commentsHtml(post: ExhibitionPost, context: CardContext): string {
  const comments = context.comments.get(post.id) ?? [];
  if (!comments.length) return '';
  const items = comments.map((comment) => {
    const school = comment.author.school?.trim();
    return `<li><p${writtenAttributes(comment)}>${plain(comment.body)}</p><p class="by">${e(context.labels.by)} ${e(comment.author.name)}${school ? ` · ${e(school)}` : ''} · <time datetime="${e(comment.createdAt)}">${e(context.formatDate(comment.createdAt))}</time></p></li>`;
  });
  return `<section class="comments"><h4>${e(context.labels.comments)} (${comments.length})</h4><ul>${items.join('')}</ul></section>`;
}

/** One post as a card: everything the pupils wrote is escaped, the body re-sanitised. */
export function postCardHtml(post: ExhibitionPost, context: CardContext): string {
  const color = (BOARD_COLORS as readonly string[]).includes(post.color ?? '') ? ` color-${post.color}` : '';
  const tags = (post.tags ?? []).filter((tag) => tag.trim());
  const parts = [
    post.pinned ? `<p class="pin">📌 ${e(context.labels.pinned)}</p>` : '',
    post.title?.trim() ? `<h3${writtenAttributes(post)}>${e(post.title.trim())}</h3>` : '',
    contentHtml(post, context),
    post.body ? `<div class="body"${writtenAttributes(post)}>${allowListRichText(post.body)}</div>` : '',
    tags.length ? `<ul class="tags">${tags.map((tag) => `<li>#${e(tag.trim())}</li>`).join('')}</ul>` : '',
    metaHtml(post, context),
    reactionsHtml(post, context),
    commentsHtml(post, context),
  ];
  return `<li class="card${color}${post.pinned ? ' pinned' : ''}"><article>${parts.join('')}</article></li>`;
}
