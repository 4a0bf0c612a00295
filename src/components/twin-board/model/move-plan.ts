import { positionBetween } from './fractional-position.js';

/**
 * Where a post is, or goes: its section, and its index in that section's list as displayed
 * (pinned first) without the post itself. Within its own section that is also its index after the
 * move; in another section, `index` equal to the list's length means "at the end".
 */
export type Place = { section: string; index: number };

export type MoveKey = 'up' | 'down' | 'left' | 'right' | 'home' | 'end';

const clamp = (value: number, low: number, high: number) => Math.min(Math.max(value, low), high);

/**
 * The place a key moves a post to. `groups` are the sections in display order with their posts'
 * ids as displayed, the moving post included in its own. Up and down move within the section and
 * stop at its ends; home and end go to its first and last place; left and right go to the previous
 * or next section, at the same index when it has that many posts, else at its end (0 when it is
 * empty), and stay put at the first or last section. An unknown section is left as it is.
 */
export function planMove(groups: readonly { section: string; postIds: readonly string[] }[], from: Place, key: MoveKey): Place {
  const at = groups.findIndex((group) => group.section === from.section);
  if (at < 0) return from;
  // The section without the moving post: its places are 0 … length.
  const last = Math.max(0, groups[at].postIds.length - 1);
  const index = clamp(from.index, 0, last);
  switch (key) {
    case 'up':
      return { section: from.section, index: Math.max(0, index - 1) };
    case 'down':
      return { section: from.section, index: Math.min(last, index + 1) };
    case 'home':
      return { section: from.section, index: 0 };
    case 'end':
      return { section: from.section, index: last };
    case 'left':
    case 'right': {
      const target = groups[at + (key === 'left' ? -1 : 1)];
      if (!target) return { section: from.section, index };
      return { section: target.section, index: Math.min(index, target.postIds.length) };
    }
    default:
      return from;
  }
}

export interface PositionedPost {
  id: string;
  position: string;
  pinned?: boolean;
}

/**
 * The position that puts the moving post at `index` of the target section, `posts` being that
 * section as displayed (pinned first, then by position); the moving post, if it is there, is taken
 * out first, so its own slot never counts as a neighbour.
 *
 * Positions are computed among the list as displayed, within the moving post's own part of it:
 * pinned posts are shown first whatever their position, so an unpinned post asked to go among the
 * pinned ones goes to the top of the unpinned ones (and a pinned post below the unpinned ones, to
 * the bottom of the pinned ones). `pinned` says whether the moving post is pinned when it is not in
 * `posts` (a move from another section); otherwise its own flag counts.
 *
 * Neighbours with the same position (two people moved into the same gap at once) cannot have a key
 * between them: the post then goes right after all posts that share the earlier neighbour's
 * position. A resulting key longer than 64 characters calls for `rebalance` (see
 * `fractional-position.ts`).
 */
export function positionAt(posts: readonly PositionedPost[], index: number, movingId: string, pinned?: boolean): string {
  const own = posts.find((post) => post.id === movingId);
  const isPinned = Boolean(own ? own.pinned : pinned);
  const list = posts.filter((post) => post.id !== movingId);
  let pinnedCount = 0;
  while (pinnedCount < list.length && list[pinnedCount].pinned) pinnedCount++;
  const [start, end] = isPinned ? [0, pinnedCount] : [pinnedCount, list.length];
  const at = clamp(Math.trunc(index) || 0, start, end);
  const before = at > start ? list[at - 1].position : undefined;
  let next = at;
  while (next < end && before !== undefined && list[next].position <= before) next++;
  const after = next < end ? list[next].position : undefined;
  return positionBetween(before, after);
}
