import type { TwinUser } from '../../sdk/policy/roles.js';
import type { TwinRecord } from '../../sdk/store/store-types.js';
import type { TwinStore } from '../../sdk/store/create-store.js';
import type { ColorLabel, Layout, PostKind, ReactionKind } from './board-labels.js';
import type { BoardFilters } from './model/filter-posts.js';

/** A post as the board draws it (the `board` collection's record). */
export interface Post extends TwinRecord {
  kind: PostKind;
  section: string;
  position: string;
  title?: string;
  body?: string;
  url?: string;
  attachment?: string;
  thumbnail?: string;
  alt?: string;
  file?: { name: string; type: string; size: number; width?: number; height?: number };
  pinned?: boolean;
  color?: ColorLabel;
  tags?: string[];
}

export interface Section extends TwinRecord {
  name: string;
  position: string;
}

export interface BoardComment extends TwinRecord {
  target: string;
  body: string;
}

export interface BoardReaction extends TwinRecord {
  target: string;
  kind: ReactionKind;
}

export interface BoardFlag extends TwinRecord {
  target: string;
  reason?: string;
}

/** What one post's footer shows: counts, and what the reader did. */
export interface PostSocial {
  comments: number;
  reactions: Record<ReactionKind, number>;
  mine: Set<ReactionKind>;
  flags: number;
}

/** Everything the board's views draw from, derived once per change of the records. */
export interface BoardState {
  store: TwinStore | undefined;
  user: TwinUser | undefined;
  lang: string;
  layout: Layout;
  sections: Section[];
  posts: Post[];
  social: Map<string, PostSocial>;
  filters: BoardFilters;
  /** Posts that arrived or changed from elsewhere since the reader opened the board. */
  fresh: ReadonlySet<string>;
  /** May the reader move this post (in a layout that has an order)? */
  canMove: (post: Post) => boolean;
  canManageSections: boolean;
  canPost: boolean;
  canModerate: boolean;
  /** Hosts whose players the page owner allows (`embed-hosts`); none by default. */
  embedHosts: readonly string[];
  /** The post being moved by keyboard or touch, where it is now, and how many places its section has. */
  moving: { id: string; section: string; index: number } | undefined;
  /** First day and last day of the mobility, for the timeline's "Day 2". */
  mobility: { from: string; to: string } | undefined;
}

/** What the views ask the board to do. */
export interface BoardActions {
  open(post: Post, event: Event): void;
  react(post: Post, kind: ReactionKind): void;
  startMove(post: Post, event: Event): void;
  moveKey(key: 'up' | 'down' | 'left' | 'right' | 'home' | 'end'): void;
  drop(): void;
  cancelMove(): void;
  write(section: string | undefined, event: Event): void;
  editSection(section: Section | undefined, event: Event): void;
  moveSection(section: Section, by: -1 | 1): void;
  removeSection(section: Section): void;
  seen(post: Post): void;
  /** Saves a file post's file on the reader's device. */
  download(post: Post): void;
}
