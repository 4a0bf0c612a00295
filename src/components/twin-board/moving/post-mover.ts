import { msg, str } from '@lit/localize';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { Post, Section } from '../board-state.js';
import type { BoardGroup } from '../model/arrange-board.js';
import { planMove, positionAt, type Place } from '../model/move-plan.js';
import { titleOf } from '../views/post-content.js';

type Key = 'up' | 'down' | 'left' | 'right' | 'home' | 'end';

/** Where a moved post goes: the section, and its new position there. */
export interface MoveTarget {
  post: Post;
  section: string;
  position: string;
}

/**
 * Moving posts, by keyboard (pick up, arrows, drop; Escape puts it back), by taps on the move
 * buttons, or by dragging. While a post is carried a marker shows where it would land (the post
 * stays put, so a step moves one small element and the focus never leaves the post's button), and
 * each step is announced ("Day 1: place 2 of 5"). Only the drop writes, once: a fractional position between
 * its new neighbours, so two people moving posts at once never renumber each other's.
 */
export class PostMover implements ReactiveController {
  /** The post being carried and where it is now; undefined when none is. */
  carried: { post: Post; place: Place; from: Place } | undefined;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly options: {
      groups: () => BoardGroup<Post, Section>[];
      announce: (text: string) => void;
      commit: (target: MoveTarget) => void;
      focusCarried: () => void;
    },
  ) {
    host.addController(this);
  }

  hostConnected(): void {}

  /** The groups as they would be with the carried post at the place it would land (the board draws a marker there). */
  preview(groups: BoardGroup<Post, Section>[]): BoardGroup<Post, Section>[] {
    const carried = this.carried;
    if (!carried) return groups;
    return groups.map((group) => {
      const without = group.posts.filter((post) => post.id !== carried.post.id);
      if (group.section?.id !== carried.place.section) return without.length === group.posts.length ? group : { ...group, posts: without };
      const posts = [...without];
      posts.splice(Math.min(carried.place.index, posts.length), 0, carried.post);
      return { ...group, posts };
    });
  }

  pickUp(post: Post): void {
    const groups = this.options.groups();
    const group = groups.find((item) => item.section?.id === post.section);
    const index = Math.max(0, group?.posts.findIndex((item) => item.id === post.id) ?? 0);
    const place = { section: post.section, index };
    this.carried = { post, place, from: place };
    this.host.requestUpdate();
    this.options.announce(
      msg(str`Picked up "${titleOf(post)}". ${this.#where(place)} Arrow keys move it, Enter drops it, Escape puts it back.`, { id: 'board.move.picked' }),
    );
    this.options.focusCarried();
  }

  step(key: Key): void {
    const carried = this.carried;
    if (!carried) return;
    const groups = this.#sectionLists();
    const place = planMove(groups, carried.place, key);
    if (place.section === carried.place.section && place.index === carried.place.index) {
      this.options.announce(this.#where(place));
      return;
    }
    carried.place = place;
    this.host.requestUpdate();
    this.options.announce(this.#where(place));
    this.options.focusCarried();
  }

  drop(): void {
    const carried = this.carried;
    if (!carried) return;
    this.carried = undefined;
    this.host.requestUpdate();
    const { place, from, post } = carried;
    if (place.section === from.section && place.index === from.index) {
      this.options.announce(msg('Dropped where it was.', { id: 'board.move.same' }));
      this.options.focusCarried();
      return;
    }
    this.dropAt(post, place);
  }

  /** Puts `post` at `place` (a drag ends here too), announcing where it landed. */
  dropAt(post: Post, place: Place): void {
    const group = this.options.groups().find((item) => item.section?.id === place.section);
    if (!group?.section) return;
    const others = group.posts.filter((item) => item.id !== post.id);
    const position = positionAt(group.posts, Math.min(place.index, others.length), post.id, post.pinned);
    this.options.commit({ post, section: place.section, position });
    this.options.announce(msg(str`Dropped. ${this.#where({ section: place.section, index: Math.min(place.index, others.length) }, others.length + 1)}`, { id: 'board.move.dropped' }));
    this.options.focusCarried();
  }

  cancel(): void {
    if (!this.carried) return;
    this.carried = undefined;
    this.host.requestUpdate();
    this.options.announce(msg('Move cancelled: the post is back where it was.', { id: 'board.move.cancelled' }));
    this.options.focusCarried();
  }

  /** Each section's posts in display order, with the carried post where it is now. */
  #sectionLists() {
    return this.preview(this.options.groups())
      .filter((group) => group.section)
      .map((group) => ({ section: group.section!.id, postIds: group.posts.map((post) => post.id) }));
  }

  #where(place: Place, count?: number): string {
    const group = this.preview(this.options.groups()).find((item) => item.section?.id === place.section);
    const name = group?.section?.name ?? '';
    const total = count ?? group?.posts.length ?? 1;
    return msg(str`${name}: place ${place.index + 1} of ${total}.`, { id: 'board.move.where' });
  }
}
