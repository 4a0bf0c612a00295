import type { TwinUser } from '../../sdk/policy/roles.js';
import type { TwinStore } from '../../sdk/store/create-store.js';
import type { BoardPost as Post } from '../../sdk/schemas/board.js';
import type { BoardSection as Section } from '../../sdk/schemas/board-section.js';
import type { Layout, ReactionKind } from './board-labels.js';
import type { BoardFilters } from './model/filter-posts.js';

/** The board's records, as the SDK's schemas define them. */
export type { BoardPost as Post } from '../../sdk/schemas/board.js';
export type { BoardSection as Section } from '../../sdk/schemas/board-section.js';
export type { BoardReaction } from '../../sdk/schemas/board-reaction.js';
export type { BoardFlag } from '../../sdk/schemas/board-flag.js';
export type { TwinComment as BoardComment } from '../../sdk/schemas/feedback.js';

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
