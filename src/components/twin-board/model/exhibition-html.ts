import { escapeHtml as e } from '../../twin-glossary/print/booklet-html.js';
import type { BoardReactionKind } from './board-types.js';
import { applyLabel, exhibitionLabels, type ExhibitionLabels } from './exhibition-labels.js';
import { type CardContext, type ExhibitionComment, type ExhibitionMedia, type ExhibitionPost, postCardHtml } from './exhibition-post.js';
import { EXHIBITION_CSS } from './exhibition-styles.js';

export type { ExhibitionLabels } from './exhibition-labels.js';
export type { ExhibitionComment, ExhibitionMedia, ExhibitionPost } from './exhibition-post.js';

/** A group of posts as `arrangeBoard` gives it. */
export interface ExhibitionGroup<P extends ExhibitionPost = ExhibitionPost> {
  key: string;
  kind: 'section' | 'day' | 'unsorted';
  section?: { id: string; name: string };
  day?: string;
  mobilityDay?: number;
  posts: readonly P[];
}

export interface ExhibitionInput<P extends ExhibitionPost = ExhibitionPost> {
  title: string;
  /** The language of the document and of its `labels`. */
  lang: string;
  /** When it was made (ISO time). */
  exportedAt: string;
  /** The document's words; missing ones are the English defaults. */
  labels?: Partial<ExhibitionLabels>;
  /** The board's sections: their names are shown on the cards of a timeline. */
  sections: readonly { id: string; name: string }[];
  /** The posts to show, grouped and ordered by the caller (`arrangeBoard`); empty groups are left out. */
  groups: readonly ExhibitionGroup<P>[];
  /** Comments to show: only published ones are. */
  comments: readonly ExhibitionComment[];
  reactionCounts: ReadonlyMap<string, Partial<Record<BoardReactionKind, number>>>;
  /** Attachments embedded in the document, by attachment id: `data:…;base64,…` URLs and their types. */
  media: ReadonlyMap<string, ExhibitionMedia>;
  /** How an ISO time or a `YYYY-MM-DD` day is written; by default its `YYYY-MM-DD` date. */
  formatDate?: (isoOrDay: string) => string;
}

/** Allows only what the document holds: its inline style, and pictures and clips in `data:` URLs. */
export const EXHIBITION_CSP = "default-src 'none'; img-src data:; media-src data:; style-src 'unsafe-inline'";

const byTime = (a: ExhibitionComment, b: ExhibitionComment) => Date.parse(a.createdAt) - Date.parse(b.createdAt) || 0;

function groupHeading(group: ExhibitionGroup, labels: ExhibitionLabels, formatDate: (iso: string) => string): string {
  if (group.kind === 'section' && group.section) return e(group.section.name);
  if (group.kind === 'day' && group.day) {
    const mobility = group.mobilityDay ? ` <span class="mobility">${e(applyLabel(labels.mobilityDay, group.mobilityDay))}</span>` : '';
    return `<time datetime="${e(group.day)}">${e(formatDate(group.day))}</time>${mobility}`;
  }
  return e(labels.unsorted);
}

/**
 * The board as a "digital exhibition": one self-contained HTML document that opens offline, from
 * a file, in any browser, and prints well. A section (or a day) per heading, a card per post with
 * its picture, clip or file embedded as a `data:` URL, its text, author, reactions and published
 * comments. No script, no request: a Content-Security-Policy allows only the inline style and
 * `data:` media. Everything people wrote is escaped; post bodies are re-sanitised to the rich-text
 * subset (`allowListRichText`), and links are kept only to http(s) and mailto addresses.
 */
export function exhibitionHtml<P extends ExhibitionPost>(input: ExhibitionInput<P>): string {
  const labels = exhibitionLabels(input.labels);
  const formatDate = input.formatDate ?? ((text: string) => text.slice(0, 10));
  const comments = new Map<string, ExhibitionComment[]>();
  for (const comment of [...input.comments].sort(byTime)) {
    if (comment.status !== 'published') continue;
    const list = comments.get(comment.target) ?? [];
    list.push(comment);
    comments.set(comment.target, list);
  }
  const sectionNames = new Map(input.sections.map((section) => [section.id, section.name]));
  const groups = input.groups.filter((group) => group.posts.length > 0);
  const context: CardContext = {
    labels,
    lang: input.lang,
    media: input.media,
    comments,
    reactionCounts: input.reactionCounts,
    formatDate,
    // Cards in sections need no section name; in a timeline they do.
    sectionName: groups.some((group) => group.kind !== 'section') ? (id) => sectionNames.get(id) : undefined,
  };
  const body = groups.length
    ? groups
        .map(
          (group, i) => `<section class="group" aria-labelledby="group-${i}"><h2 id="group-${i}">${groupHeading(group, labels, formatDate)}</h2>
<ul class="cards">
${group.posts.map((post) => postCardHtml(post, context)).join('\n')}
</ul></section>`,
        )
        .join('\n')
    : `<p class="empty">${e(labels.empty)}</p>`;
  return `<!doctype html>
<html lang="${e(input.lang)}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="${EXHIBITION_CSP}">
<meta name="referrer" content="no-referrer">
<title>${e(input.title)}</title>
<style>${EXHIBITION_CSS}</style>
</head>
<body>
<header><h1>${e(input.title)}</h1><p class="exported">${e(applyLabel(labels.exportedOn, formatDate(input.exportedAt)))}</p></header>
<main>
${body}
</main>
</body>
</html>
`;
}
