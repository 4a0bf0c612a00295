import { isSafeUrl } from '../../../sdk/schemas/text.js';
import type { Post } from '../board-state.js';
import type { ColorLabel, PostKind } from '../board-labels.js';

/** What the post form holds, as the author typed it. */
export interface PostDraft {
  kind: PostKind;
  section: string;
  title: string;
  body: string;
  url: string;
  attachment?: string;
  thumbnail?: string;
  alt: string;
  file?: Post['file'];
  color?: ColorLabel;
  tags: string;
  phase?: string;
  /** The language the author writes in (a new post starts in the UI's language). */
  language?: string;
}

export function draftOf(post: Post | undefined, section: string): PostDraft {
  return {
    kind: post?.kind ?? 'text',
    section: post?.section ?? section,
    title: post?.title ?? '',
    body: post?.body ?? '',
    url: post?.url ?? '',
    attachment: post?.attachment,
    thumbnail: post?.thumbnail,
    alt: post?.alt ?? '',
    file: post?.file,
    color: post?.color,
    tags: (post?.tags ?? []).join(', '),
    phase: post?.phase,
    language: post?.language,
  };
}

/** Team tags as typed ("#team-a, Harbour team"): trimmed, without "#", each once. */
export function tagsOf(text: string): string[] {
  const seen = new Set<string>();
  const tags: string[] = [];
  for (const part of text.split(/[,;\n]/)) {
    const tag = part.trim().replace(/^#+/, '').trim();
    if (tag && !seen.has(tag.toLowerCase())) {
      seen.add(tag.toLowerCase());
      tags.push(tag);
    }
  }
  return tags;
}

/** What is wrong before anything is sent: the field and a problem code the form words. */
export type DraftProblem = { field: 'title' | 'url' | 'attachment' | 'alt' | 'section'; code: 'empty' | 'unsafe-url' | 'no-file' | 'no-alt' | 'no-section' };

export function checkDraft(draft: PostDraft): DraftProblem | undefined {
  if (!draft.section) return { field: 'section', code: 'no-section' };
  const url = draft.url.trim();
  if (url && !isSafeUrl(url)) return { field: 'url', code: 'unsafe-url' };
  switch (draft.kind) {
    case 'text':
      return draft.title.trim() || draft.body.replace(/<[^>]*>/g, '').trim() ? undefined : { field: 'title', code: 'empty' };
    case 'link':
      return url ? undefined : { field: 'url', code: 'empty' };
    case 'image':
      if (!draft.attachment) return { field: 'attachment', code: 'no-file' };
      return draft.alt.trim() ? undefined : { field: 'alt', code: 'no-alt' };
    case 'video':
      return draft.attachment || url ? undefined : { field: 'attachment', code: 'no-file' };
    case 'file':
      return draft.attachment ? undefined : { field: 'attachment', code: 'no-file' };
  }
}

/** The post's fields as the store takes them: empty text is "not set", and only what the kind uses. */
export function fieldsOf(draft: PostDraft): Record<string, unknown> {
  const uses = {
    url: draft.kind === 'link' || (draft.kind === 'video' && !draft.attachment),
    attachment: draft.kind === 'image' || draft.kind === 'video' || draft.kind === 'file',
  };
  const tags = tagsOf(draft.tags);
  return {
    kind: draft.kind,
    section: draft.section,
    title: draft.title.trim() || undefined,
    body: draft.body.replace(/<[^>]*>/g, '').trim() ? draft.body : undefined,
    url: uses.url ? draft.url.trim() || undefined : undefined,
    attachment: uses.attachment ? draft.attachment : undefined,
    thumbnail: draft.kind === 'image' ? draft.thumbnail : undefined,
    alt: draft.kind === 'image' ? draft.alt.trim() || undefined : undefined,
    file: uses.attachment && draft.attachment ? draft.file : undefined,
    color: draft.color,
    tags: tags.length ? tags : undefined,
    phase: draft.phase || undefined,
    language: draft.language || undefined,
  };
}
