import { msg } from '@lit/localize';
import type { ReactiveElement } from 'lit';
import type { TwinStore } from '../../../sdk/store/create-store.js';
import type { TwinRecord } from '../../../sdk/store/store-types.js';
import { formatDay } from '../../../localization/dates.js';
import { downloadText } from '../../base/download-text.js';
import { printInFrame } from '../../base/print-frame.js';
import type { BoardComment, BoardFlag, BoardReaction, Post, Section } from '../board-state.js';
import type { Layout } from '../board-labels.js';
import { arrangeBoard } from '../model/arrange-board.js';
import { boardJson } from '../model/board-json.js';
import { exhibitionHtml } from '../model/exhibition-html.js';
import { blobToDataUrl } from './blob-data-url.js';
import { exhibitionWords } from './exhibition-words.js';

/** Files embedded in one exhibition, at most: past this, the rest are named but not included. */
const EMBED_BUDGET_BYTES = 200 * 1024 * 1024;

export interface ExportInput {
  store: TwinStore;
  lang: string;
  title: string;
  layout: Layout;
  posts: Post[];
  sections: Section[];
  comments: BoardComment[];
  reactions: BoardReaction[];
  flags: BoardFlag[];
  settings: TwinRecord | undefined;
  mobility: { from: string; to: string } | undefined;
  announce: (text: string) => void;
}

type Host = ReactiveElement & { renderRoot: HTMLElement | DocumentFragment };

/**
 * The board's exports: an exhibition (one HTML file that opens offline, pictures and clips
 * included), its print view, and all the data as lossless JSON (teachers: it holds pending and
 * hidden posts and reports). The exhibition and print hold only what is published.
 */
export class BoardExport {
  constructor(private readonly host: Host) {}

  async exhibition(input: ExportInput) {
    input.announce(msg('Preparing the exhibition…', { id: 'board.export.preparing' }));
    const document = await this.#exhibitionHtml(input);
    downloadText(document, `${this.#fileName(input)}-exhibition.html`, 'text/html');
    input.announce(msg('Exhibition downloaded.', { id: 'board.export.done' }));
  }

  async print(input: ExportInput) {
    const document = await this.#exhibitionHtml(input);
    printInFrame(this.host.renderRoot as ShadowRoot, document, { title: input.title, className: 'print' });
  }

  async json(input: ExportInput) {
    const attachments: Record<string, { type: string; dataUrl: string }> = {};
    for (const id of this.#attachmentIds(input.posts)) {
      try {
        const blob = await input.store.getAttachment(id);
        attachments[id] = { type: blob.type, dataUrl: await blobToDataUrl(blob) };
      } catch {
        // A file no longer stored: its post still names it.
      }
    }
    const text = boardJson({
      space: input.store.space,
      exportedAt: new Date().toISOString(),
      settings: input.settings,
      sections: input.sections,
      posts: input.posts,
      comments: input.comments,
      reactions: input.reactions,
      flags: input.flags,
      attachments,
    });
    downloadText(text, `${this.#fileName(input)}-board.json`, 'application/json');
    input.announce(msg('Downloaded.', { id: 'board.export.json-done' }));
  }

  async #exhibitionHtml(input: ExportInput): Promise<string> {
    const posts = input.posts.filter((post) => post.status === 'published');
    const groups = arrangeBoard({ posts, sections: input.sections, layout: input.layout, mobility: input.mobility }).groups;
    const reactionCounts = new Map<string, Record<string, number>>();
    for (const reaction of input.reactions) {
      const counts = reactionCounts.get(reaction.target) ?? {};
      counts[reaction.kind] = (counts[reaction.kind] ?? 0) + 1;
      reactionCounts.set(reaction.target, counts);
    }
    return exhibitionHtml({
      title: input.title,
      lang: input.lang,
      exportedAt: new Date().toISOString(),
      labels: exhibitionWords(),
      sections: input.sections,
      groups,
      comments: input.comments.filter((comment) => comment.status === 'published'),
      reactionCounts,
      media: await this.#media(input.store, posts),
      formatDate: (value) => formatDay(value.slice(0, 10), input.lang),
    });
  }

  /** The posts' pictures, clips and files as data URLs, up to the budget. */
  async #media(store: TwinStore, posts: Post[]) {
    const media = new Map<string, { dataUrl: string; type: string }>();
    let used = 0;
    for (const id of this.#attachmentIds(posts, false)) {
      try {
        const blob = await store.getAttachment(id);
        if (used + blob.size > EMBED_BUDGET_BYTES) continue;
        used += blob.size;
        media.set(id, { dataUrl: await blobToDataUrl(blob), type: blob.type });
      } catch {
        // A missing file leaves its name and description in the exhibition.
      }
    }
    return media;
  }

  /** Every file the posts name; the exhibition shows full pictures, so it skips thumbnails. */
  #attachmentIds(posts: Post[], thumbnails = true): string[] {
    const ids = new Set<string>();
    for (const post of posts) {
      if (post.attachment) ids.add(post.attachment);
      if (thumbnails && post.thumbnail) ids.add(post.thumbnail);
    }
    return [...ids];
  }

  #fileName(input: ExportInput) {
    return input.store.space.replace(/[^\w-]+/g, '-');
  }
}
