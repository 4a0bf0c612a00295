import { html } from '@open-wc/testing';
import type { TwinStore } from '../sdk/store/create-store.js';
import type { TwinBoard } from '../components/twin-board/twin-board.component.js';
import type { Post, Section } from '../components/twin-board/board-state.js';
import { positionBetween } from '../components/twin-board/model/fractional-position.js';
import { until } from './record-list.js';
import { spaceFixture, type SpaceFixtureOptions } from './space-fixture.js';
import '../components/twin-board/twin-board.js';

/** A board inside a `<twin-space>` on shared in-memory storage, as `user`. */
export async function boardWith(options: SpaceFixtureOptions & { layout?: string; embedHosts?: string }) {
  const world = await spaceFixture(options, html`<twin-board layout=${options.layout ?? ''} embed-hosts=${options.embedHosts ?? ''}></twin-board>`, 'board');
  const board = world.wrapper.querySelector('twin-board') as TwinBoard;
  await until(() => board.shadowRoot && !board.shadowRoot.textContent?.includes('Loading'), 'the board to load');
  return { ...world, board };
}

/** Sections by name, in order, written by a teacher's store. */
export async function addSections(store: TwinStore, names: string[]): Promise<Section[]> {
  let position: string | undefined;
  const sections: Section[] = [];
  for (const name of names) {
    position = positionBetween(position, undefined);
    sections.push(await store.create<Section>('board-section', { name, position }));
  }
  return sections;
}

/** Text posts at the end of a section, in order. */
export async function addPosts(store: TwinStore, section: Section, titles: string[], extra: Record<string, unknown> = {}): Promise<Post[]> {
  const existing = (await store.list<Post>('board')).records.filter((post) => post.section === section.id).map((post) => post.position).sort();
  let position = existing.at(-1);
  const posts: Post[] = [];
  for (const title of titles) {
    position = positionBetween(position, undefined);
    posts.push(await store.create<Post>('board', { kind: 'text', section: section.id, position, title, ...extra }));
  }
  return posts;
}

export const boardRoot = (board: Element) => board.shadowRoot!;
export const composerOf = (board: Element) => board.shadowRoot!.querySelector('twin-board-composer');
export const postViewOf = (board: Element) => board.shadowRoot!.querySelector('twin-board-post');

/**
 * The titles of the posts in a section, in the order they have, or would have once a carried post
 * is dropped where its marker is.
 */
export function titlesIn(board: Element, sectionName: string): string[] {
  const group = [...board.shadowRoot!.querySelectorAll('section.group')].find((item) => item.querySelector('h3')!.textContent!.trim() === sectionName);
  if (!group) throw new Error(`No section "${sectionName}"`);
  const carried = board.shadowRoot!.querySelector('article.post.moving .post-title')?.textContent!.trim();
  const marked = !!board.shadowRoot!.querySelector('li.drop-marker');
  const titles: string[] = [];
  for (const item of group.querySelectorAll('ul.posts > li')) {
    if (item.classList.contains('drop-marker')) titles.push(carried!);
    const title = item.querySelector('article.post .post-title')?.textContent!.trim();
    // The carried post counts where its marker is (if there is one), not where it is drawn.
    if (title && !(marked && title === carried)) titles.push(title);
  }
  return titles;
}

/** The card of a post, by its title. */
export function cardOf(board: Element, title: string): HTMLElement {
  const card = [...board.shadowRoot!.querySelectorAll<HTMLElement>('article.post')].find((item) => item.querySelector('.post-title')!.textContent!.trim() === title);
  if (!card) throw new Error(`No post "${title}"`);
  return card;
}

/** Types into a named field of a form inside `root`, as a user would. */
export function typeIn(root: ParentNode, name: string, value: string) {
  const field = root.querySelector<HTMLInputElement>(`[name="${name}"]`)!;
  field.value = value;
  field.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
  field.dispatchEvent(new Event('change', { bubbles: true, composed: true }));
}

/** Chooses a file in the first file input inside `root`. */
export function pickFile(root: ParentNode, file: File) {
  const input = root.querySelector<HTMLInputElement>('input[type=file]')!;
  const transfer = new DataTransfer();
  transfer.items.add(file);
  input.files = transfer.files;
  input.dispatchEvent(new Event('change'));
}

/** Presses a key on an element, as the keyboard would. */
export function press(target: Element, key: string) {
  target.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, composed: true, cancelable: true }));
}

/** Is there a button with this visible text inside `scope`? (For `until`: it does not throw.) */
export function hasButtonNamed(scope: ParentNode, text: string): boolean {
  return [...scope.querySelectorAll('button')].some((button) => button.textContent!.replace(/\s+/g, ' ').trim() === text);
}

/** The same element? Without chai's deep comparison, which can hang on a live DOM node. */
export function sameElement(actual: Element | null | undefined, expected: Element | null | undefined): boolean {
  return !!actual && actual === expected;
}
