import { comparePositioned } from './fractional-position.js';

export type BoardLayout = 'wall' | 'columns' | 'timeline' | 'stream';

/** The fields of a post the arrangement reads. */
export interface ArrangeablePost {
  id: string;
  section: string;
  position: string;
  pinned?: boolean;
  createdAt: string;
}

export interface ArrangeableSection {
  id: string;
  position: string;
}

/** One heading of the board and its posts, in display order. */
export interface BoardGroup<P extends ArrangeablePost = ArrangeablePost, S extends ArrangeableSection = ArrangeableSection> {
  /** Stable and unique: `section:<id>`, `day:<YYYY-MM-DD>`, or `unsorted`. */
  key: string;
  kind: 'section' | 'day' | 'unsorted';
  section?: S;
  /** `YYYY-MM-DD`, for a day. */
  day?: string;
  /** 1 on the first day of the mobility, for a day inside it. */
  mobilityDay?: number;
  posts: P[];
}

export interface ArrangeInput<P extends ArrangeablePost, S extends ArrangeableSection> {
  posts: readonly P[];
  sections: readonly S[];
  layout: BoardLayout;
  /** First and last day of the mobility (`YYYY-MM-DD`), to number its days in the timeline. */
  mobility?: { from: string; to: string };
  /** The day of an ISO time; by default its date in the local time zone. */
  dayOf?: (iso: string) => string;
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const DAY_MS = 86_400_000;

const pad = (n: number) => String(n).padStart(2, '0');

/** The local calendar date of an ISO time (where the reader is), or '' when it is not a time. */
export function localDay(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return '';
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

const utcDay = (day: string) => Date.parse(`${day}T00:00:00Z`) / DAY_MS;

/** Pinned posts first, then by position (and id, for ties). */
export function compareInSection(a: ArrangeablePost, b: ArrangeablePost): number {
  if (Boolean(a.pinned) !== Boolean(b.pinned)) return a.pinned ? -1 : 1;
  return comparePositioned(a, b);
}

/**
 * The board's groups for a layout. Which posts are passed (published only, filtered…) is the
 * caller's choice; nothing is dropped here.
 *
 * - wall, columns, stream: one group per section, in section order; empty sections are kept, so a
 *   post can be dropped into them. Posts whose section is gone go to a last `unsorted` group,
 *   present only when it has posts.
 * - timeline: one group per day of creation, oldest first; posts oldest first. Posts whose time
 *   cannot be read go to a last `unsorted` group.
 *
 * One sort of all posts, then one pass that appends each post to its group (a Map): 1,000 posts
 * and 20 sections take well under a millisecond.
 */
export function arrangeBoard<P extends ArrangeablePost, S extends ArrangeableSection>(input: ArrangeInput<P, S>): { groups: BoardGroup<P, S>[] } {
  return { groups: input.layout === 'timeline' ? byDay(input) : bySection(input) };
}

function bySection<P extends ArrangeablePost, S extends ArrangeableSection>({ posts, sections }: ArrangeInput<P, S>): BoardGroup<P, S>[] {
  const groups = [...sections].sort(comparePositioned).map((section): BoardGroup<P, S> => ({ key: `section:${section.id}`, kind: 'section', section, posts: [] }));
  const byId = new Map<string, BoardGroup<P, S>>();
  // The first of two sections with one id wins: each post is shown once.
  for (const group of groups) if (!byId.has(group.section!.id)) byId.set(group.section!.id, group);
  const unsorted: BoardGroup<P, S> = { key: 'unsorted', kind: 'unsorted', posts: [] };
  for (const post of [...posts].sort(compareInSection)) (byId.get(post.section) ?? unsorted).posts.push(post);
  if (unsorted.posts.length) groups.push(unsorted);
  return groups;
}

function byDay<P extends ArrangeablePost, S extends ArrangeableSection>({ posts, mobility, dayOf = localDay }: ArrangeInput<P, S>): BoardGroup<P, S>[] {
  // Times are compared as instants (offsets differ between partner schools), each parsed once.
  // An unreadable time sorts last (as +Infinity), keeping the comparison consistent.
  const timed = posts.map((post) => ({ post, time: Date.parse(post.createdAt) }));
  const sortTime = (time: number) => (Number.isNaN(time) ? Infinity : time);
  timed.sort((a, b) => sortTime(a.time) - sortTime(b.time) || (a.post.id < b.post.id ? -1 : a.post.id > b.post.id ? 1 : 0));
  const days = new Map<string, BoardGroup<P, S>>();
  const unsorted: BoardGroup<P, S> = { key: 'unsorted', kind: 'unsorted', posts: [] };
  for (const { post, time } of timed) {
    const day = Number.isNaN(time) ? '' : dayOf(post.createdAt);
    if (!DAY.test(day)) {
      unsorted.posts.push(post);
      continue;
    }
    let group = days.get(day);
    if (!group) {
      group = { key: `day:${day}`, kind: 'day', day, posts: [] };
      if (mobility && day >= mobility.from && day <= mobility.to) group.mobilityDay = Math.round(utcDay(day) - utcDay(mobility.from)) + 1;
      days.set(day, group);
    }
    group.posts.push(post);
  }
  const groups = [...days.values()].sort((a, b) => (a.day! < b.day! ? -1 : 1));
  if (unsorted.posts.length) groups.push(unsorted);
  return groups;
}
