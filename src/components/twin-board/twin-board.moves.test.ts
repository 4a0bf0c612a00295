import { expect } from '@open-wc/testing';
import { expectAccessible } from '../../test-support/axe.js';
import { partner, pupil, teacher } from '../../test-support/glossary-fixture.js';
import { addPosts, addSections, boardRoot, boardWith, cardOf, sameElement, press, titlesIn } from '../../test-support/board-fixture.js';
import { until } from '../../test-support/record-list.js';
import { buttonIn, untilStored } from '../../test-support/tracker-fixture.js';
import type { TwinStore } from '../../sdk/store/create-store.js';
import type { Post, Section } from './board-state.js';

const announced = (board: Element) => boardRoot(board).querySelector('[role=status]')!.textContent!.trim();
const moveButton = (board: Element, title: string) => cardOf(board, title).querySelector<HTMLButtonElement>('button.move')!;

async function storedOrder(store: TwinStore, section: string): Promise<string[]> {
  const posts = (await store.list<Post>('board')).records.filter((post) => post.section === section);
  return posts.sort((a, b) => (a.position < b.position ? -1 : a.position > b.position ? 1 : a.id < b.id ? -1 : 1)).map((post) => post.title!);
}

async function teacherBoard() {
  const world = await boardWith({ user: teacher });
  const [day1, day2] = await addSections(world.store, ['Day 1', 'Day 2']);
  await addPosts(world.store, day1, ['A', 'B', 'C']);
  await addPosts(world.store, day2, ['X']);
  await until(() => boardRoot(world.board).querySelectorAll('article.post').length === 4, 'posts');
  return { ...world, day1, day2 };
}

describe('<twin-board>: moving posts', () => {
  it('by keyboard alone: pick up, arrows between places and sections, Enter drops; each step is announced and stored once', async () => {
    const world = await teacherBoard();
    const writes: string[] = [];
    world.store.subscribe((changes) => changes.forEach((change) => change.collection === 'board' && writes.push(change.id)));
    moveButton(world.board, 'A').focus();
    moveButton(world.board, 'A').click();
    await until(() => announced(world.board).startsWith('Picked up "A"'), 'the pick-up announced');
    expect(announced(world.board)).to.include('Day 1: place 1 of 3');
    await expectAccessible(world.board);
    press(moveButton(world.board, 'A'), 'ArrowDown');
    await until(() => titlesIn(world.board, 'Day 1').join() === 'B,A,C', 'A below B');
    await until(() => announced(world.board) === 'Day 1: place 2 of 3.', 'the step announced');
    expect(sameElement(boardRoot(world.board).activeElement, moveButton(world.board, 'A')), 'focus kept').to.equal(true);
    press(moveButton(world.board, 'A'), 'ArrowRight');
    await until(() => titlesIn(world.board, 'Day 2').join() === 'X,A', 'A in Day 2, after X');
    expect(titlesIn(world.board, 'Day 1')).to.deep.equal(['B', 'C']);
    await until(() => announced(world.board) === 'Day 2: place 2 of 2.', 'the section step announced');
    press(moveButton(world.board, 'A'), 'Home');
    await until(() => titlesIn(world.board, 'Day 2').join() === 'A,X', 'A first in Day 2');
    expect(writes).to.deep.equal([], 'nothing is written while carrying');
    // Enter or Space on the focused button: the browser's click, which drops.
    moveButton(world.board, 'A').click();
    await until(() => announced(world.board).startsWith('Dropped.'), 'the drop announced');
    expect(announced(world.board)).to.include('Day 2: place 1 of 2');
    await untilStored(async () => (await storedOrder(world.store, world.day2.id)).join() === 'A,X', 'the stored order');
    expect(writes.length).to.equal(1);
    expect(await storedOrder(world.store, world.day1.id)).to.deep.equal(['B', 'C']);
    expect(sameElement(boardRoot(world.board).activeElement, moveButton(world.board, 'A')), 'focus kept').to.equal(true);
  });

  it('Escape puts the post back, and the move buttons work without a keyboard (touch)', async () => {
    const world = await teacherBoard();
    moveButton(world.board, 'C').click();
    await world.board.updateComplete;
    buttonIn(cardOf(world.board, 'C'), '↑ Earlier').click();
    await until(() => titlesIn(world.board, 'Day 1').join() === 'A,C,B', 'C moved up');
    press(moveButton(world.board, 'C'), 'Escape');
    await until(() => titlesIn(world.board, 'Day 1').join() === 'A,B,C', 'C back');
    await until(() => announced(world.board) === 'Move cancelled: the post is back where it was.', 'the cancel announced');
    // Touch: the buttons, then "Drop here".
    moveButton(world.board, 'C').click();
    await world.board.updateComplete;
    buttonIn(cardOf(world.board, 'C'), '↑ Earlier').click();
    await world.board.updateComplete;
    buttonIn(cardOf(world.board, 'C'), '↑ Earlier').click();
    await until(() => titlesIn(world.board, 'Day 1').join() === 'C,A,B', 'C first');
    buttonIn(cardOf(world.board, 'C'), 'Drop here').click();
    await untilStored(async () => (await storedOrder(world.store, world.day1.id)).join() === 'C,A,B', 'the stored order');
  });

  it('by drag and drop, between two posts and into another section', async () => {
    const world = await teacherBoard();
    const drag = async (title: string, target: Element, where: 'before' | 'end') => {
      const transfer = new DataTransfer();
      const card = cardOf(world.board, title);
      card.dispatchEvent(new DragEvent('dragstart', { bubbles: true, composed: true, dataTransfer: transfer }));
      const box = target.getBoundingClientRect();
      const point = where === 'before' ? { clientX: box.left + 2, clientY: box.top + 2 } : { clientX: box.right - 2, clientY: box.bottom + 40 };
      target.dispatchEvent(new DragEvent('dragover', { bubbles: true, composed: true, cancelable: true, dataTransfer: transfer, ...point }));
      target.dispatchEvent(new DragEvent('drop', { bubbles: true, composed: true, cancelable: true, dataTransfer: transfer, ...point }));
      card.dispatchEvent(new DragEvent('dragend', { bubbles: true, composed: true, dataTransfer: transfer }));
    };
    // C before A: dropped on A's slot, on its first half.
    await drag('C', cardOf(world.board, 'A').closest('li')!, 'before');
    await until(() => titlesIn(world.board, 'Day 1').join() === 'C,A,B', 'C first');
    await untilStored(async () => (await storedOrder(world.store, world.day1.id)).join() === 'C,A,B', 'the stored order');
    // B to the end of Day 2.
    const day2List = [...boardRoot(world.board).querySelectorAll('ul.posts')].find((list) => list.getAttribute('data-section') === world.day2.id)!;
    await drag('B', day2List, 'end');
    await until(() => titlesIn(world.board, 'Day 2').join() === 'X,B', 'B at the end of Day 2');
    await untilStored(async () => (await storedOrder(world.store, world.day2.id)).join() === 'X,B', 'stored in Day 2');
  });

  it('two tabs moving posts in the same section at once: both moves are kept and both tabs agree', async () => {
    const world = await teacherBoard();
    const other = await boardWith({ user: teacher, backing: world.backing, space: world.spaceId });
    await until(() => boardRoot(other.board).querySelectorAll('article.post').length === 4, 'the other tab');
    // Tab 1 moves A to the end; tab 2, at the same time, moves C to the top.
    moveButton(world.board, 'A').click();
    moveButton(other.board, 'C').click();
    await Promise.all([world.board.updateComplete, other.board.updateComplete]);
    press(moveButton(world.board, 'A'), 'End');
    press(moveButton(other.board, 'C'), 'Home');
    await Promise.all([world.board.updateComplete, other.board.updateComplete]);
    moveButton(world.board, 'A').click();
    moveButton(other.board, 'C').click();
    await untilStored(async () => (await storedOrder(world.store, world.day1.id)).join() === 'C,B,A', 'both moves stored');
    await until(() => titlesIn(world.board, 'Day 1').join() === 'C,B,A' && titlesIn(other.board, 'Day 1').join() === 'C,B,A', 'both tabs showing both moves');
  });

  it('pupils move only their own posts; nobody moves posts in the timeline', async () => {
    const world = await teacherBoard();
    const [day1] = (await world.store.list<Section>('board-section')).records.filter((s) => s.name === 'Day 1');
    await addPosts(world.storeFor(pupil), day1, ['Mine']);
    const pupilWorld = await boardWith({ user: pupil, backing: world.backing, space: world.spaceId });
    await until(() => boardRoot(pupilWorld.board).querySelectorAll('article.post').length === 5, 'posts');
    expect(cardOf(pupilWorld.board, 'Mine').querySelector('button.move')).to.not.equal(null);
    expect(cardOf(pupilWorld.board, 'A').querySelector('button.move')).to.equal(null);
    expect(cardOf(pupilWorld.board, 'A').getAttribute('draggable')).to.equal('false');
    const partnerWorld = await boardWith({ user: partner, backing: world.backing, space: world.spaceId, layout: 'timeline' });
    await until(() => boardRoot(partnerWorld.board).querySelectorAll('article.post').length === 5, 'posts');
    expect(boardRoot(partnerWorld.board).querySelector('button.move')).to.equal(null);
  });
});
