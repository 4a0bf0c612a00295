import * as z from 'zod/mini';
import { boardPosition } from './board-position.js';
import { envelopeShape, identifier } from './envelope.js';
import { hasVisibleText, richTextBody, withPlainBodyAsRichText } from './rich-text-body.js';
import type { IssueName } from '../issue-kinds.js';
import { refusal } from './refusal.js';
import { attachmentId, languageTag, safeUrl, shortText, text, typeError } from './text.js';

export const BOARD_POST_KINDS = ['text', 'link', 'image', 'video', 'file'] as const;
export type BoardPostKind = (typeof BOARD_POST_KINDS)[number];

/** The colour labels a post may carry: names, never CSS, so a view maps each to its own palette. */
export const BOARD_COLORS = ['yellow', 'green', 'blue', 'pink', 'purple', 'orange'] as const;
export type BoardColor = (typeof BOARD_COLORS)[number];

/** A post carries at most this many team tags, each at most this long. */
export const BOARD_TAGS_MAX = 8;
export const BOARD_TAG_MAX_LENGTH = 40;

/** Longest MIME type kept with a file (`application/vnd.openxmlformats-officedocument...` fits). */
const FILE_TYPE_MAX = 100;

const count = () => z.int('must be a whole number').check(z.minimum(0, 'must not be negative'));

/** What is known of the uploaded file, so a post can describe it without fetching it. */
export const boardFileSchema = z.looseObject({
  name: shortText({ required: true }),
  /** Its MIME type; empty when the browser did not know it. */
  type: text(FILE_TYPE_MAX),
  /** In bytes. */
  size: count(),
  /** In pixels, for pictures and clips. */
  width: z.optional(count()),
  height: z.optional(count()),
});
export type BoardFile = z.infer<typeof boardFileSchema>;

export const boardFields = {
  kind: z.enum(BOARD_POST_KINDS, `must be one of: ${BOARD_POST_KINDS.join(', ')}`),
  /** The id of its `board-section` record (the store checks it exists). */
  section: identifier(),
  /** Its place in the section (see `boardPosition`). */
  position: boardPosition(),
  /** Plain text, never markup: `<b>` in a title is shown as typed. */
  title: z.optional(shortText()),
  /** Rich text of the journal's subset (see rich-text-body.ts). */
  body: z.optional(richTextBody()),
  url: z.optional(safeUrl()),
  /** The uploaded file: the picture, clip or document. */
  attachment: z.optional(attachmentId()),
  /** A small picture of an image post, for the wall (the full picture opens on demand). */
  thumbnail: z.optional(attachmentId()),
  alt: z.optional(shortText()),
  file: z.optional(boardFileSchema),
  /**
   * The language the author wrote the title, text and description in (BCP 47, as a journal
   * entry's), so they are read aloud in it. Posts written before it existed have none.
   */
  language: z.optional(languageTag()),
  /** Shown first in its section. Only those who moderate set it (`moderatorFields`). */
  pinned: z.optional(z.boolean(typeError('must be true or false'))),
  color: z.optional(z.enum(BOARD_COLORS, `must be a colour label: ${BOARD_COLORS.join(', ')}`)),
  tags: z.optional(
    z
      .array(text(BOARD_TAG_MAX_LENGTH, { required: true }), typeError('must be a list of tags'))
      .check(z.maxLength(BOARD_TAGS_MAX, `has too many tags: at most ${BOARD_TAGS_MAX}`)),
  ),
};

const given = (value: unknown) => typeof value === 'string' && value !== '';
const notBlank = (value: unknown) => typeof value === 'string' && /\S/.test(value);

/** What each kind needs. Given fields already passed their own checks, or were reported there. */
const KIND_NEEDS: { kind: BoardPostKind; holds: (post: Record<string, unknown>) => boolean; path: string; issue: IssueName; message: string }[] = [
  { kind: 'image', holds: (post) => given(post.attachment), path: 'attachment', issue: 'attachment-needed', message: 'an image needs a picture (attachment)' },
  { kind: 'image', holds: (post) => notBlank(post.alt), path: 'alt', issue: 'alt-text', message: 'an image needs a description (alt text)' },
  { kind: 'link', holds: (post) => given(post.url), path: 'url', issue: 'link-needed', message: 'a link needs a web address (url)' },
  { kind: 'video', holds: (post) => given(post.attachment) || given(post.url), path: 'attachment', issue: 'attachment-needed', message: 'a video needs a clip (attachment) or a link (url)' },
  { kind: 'file', holds: (post) => given(post.attachment), path: 'attachment', issue: 'attachment-needed', message: 'a file post needs a file (attachment)' },
  {
    kind: 'text',
    holds: (post) => notBlank(post.title) || (typeof post.body === 'string' && hasVisibleText(post.body)),
    path: 'title',
    issue: 'empty',
    message: 'a text post needs a title or some text',
  },
];

export const boardPostSchema = z
  .looseObject({ ...envelopeShape, ...boardFields })
  .check(...KIND_NEEDS.map(({ kind, holds, path, issue, message }) => refusal<Record<string, unknown>>((post) => post.kind !== kind || holds(post), issue, message, path)));
export type BoardPost = z.infer<typeof boardPostSchema>;

/**
 * Version 1 to 2: `body`, plain text in version 1, is now rich text (its plain text becomes
 * paragraphs, as the journal's did), and `color`, any label name in version 1, is now one of
 * BOARD_COLORS: another name is dropped (the post loses its colour, not its content). Every other
 * field is kept as it was.
 */
export function migrateBoardV1(record: Record<string, unknown>): Record<string, unknown> {
  const next = withPlainBodyAsRichText(record);
  if (next.color === undefined || (BOARD_COLORS as readonly unknown[]).includes(next.color)) return next;
  const { color: _unknown, ...rest } = next;
  return rest;
}
