/**
 * The board's records as the model functions read them. Local, structural types (the SDK's schemas
 * are written in parallel): a stored record, with its envelope and any unknown fields, fits them.
 * Field types are kept as wide as the model can take (a colour is any string, shown only when
 * known), so records typed by the SDK or by the component are accepted as they are.
 */

export const BOARD_POST_KINDS = ['text', 'link', 'image', 'video', 'file'] as const;
export type BoardPostKind = (typeof BOARD_POST_KINDS)[number];

export const BOARD_REACTION_KINDS = ['like', 'love', 'clap', 'idea'] as const;
export type BoardReactionKind = (typeof BOARD_REACTION_KINDS)[number];

/** Colour labels a post may carry; anything else is shown without a colour. */
export const BOARD_COLORS = ['yellow', 'green', 'blue', 'pink', 'purple', 'orange'] as const;
export type BoardColor = (typeof BOARD_COLORS)[number];

export type BoardStatus = 'published' | 'pending' | 'hidden';

export interface BoardAuthor {
  id: string;
  name: string;
  school?: string;
  /** True: travelling on the mobility; false: taking part from home. */
  mobile?: boolean;
  [key: string]: unknown;
}

/** An uploaded file's facts, kept with the post so it can be described without the file. */
export interface BoardFile {
  name: string;
  type: string;
  size: number;
  width?: number;
  height?: number;
  [key: string]: unknown;
}

export interface BoardPost {
  id: string;
  collection: string;
  createdAt: string;
  updatedAt: string;
  author: BoardAuthor;
  status: BoardStatus;
  phase?: string;
  kind: BoardPostKind;
  /** The id of its section. */
  section: string;
  /** Fractional key (see `fractional-position.ts`). */
  position: string;
  title?: string;
  /** Rich text in the safe subset (sanitised again wherever it is written out). */
  body?: string;
  url?: string;
  /** Attachment id of the uploaded file (picture, clip, document). */
  attachment?: string;
  /** Attachment id of a small preview picture. */
  thumbnail?: string;
  alt?: string;
  file?: BoardFile;
  pinned?: boolean;
  color?: string;
  tags?: string[];
  [key: string]: unknown;
}

export interface BoardSection {
  id: string;
  name: string;
  position: string;
  [key: string]: unknown;
}

export interface BoardComment {
  id: string;
  /** The post commented on. */
  target: string;
  /** Plain text, never markup. */
  body: string;
  author: BoardAuthor;
  createdAt: string;
  status: BoardStatus;
  [key: string]: unknown;
}

export interface BoardReaction {
  id: string;
  target: string;
  kind: BoardReactionKind;
  author: BoardAuthor;
  [key: string]: unknown;
}

export interface BoardFlag {
  id: string;
  target: string;
  reason?: string;
  author: BoardAuthor;
  [key: string]: unknown;
}
