import { expect } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { BoardComment, Post } from '../board-state.js';
import { pupil, teacher } from '../../../test-support/glossary-fixture.js';
import { addSections, boardRoot, boardWith, cardOf, composerOf, postViewOf } from '../../../test-support/board-fixture.js';
import { until } from '../../../test-support/record-list.js';
import { buttonIn } from '../../../test-support/tracker-fixture.js';

const kasia = { ...pupil, mobile: true };

/** The element that has the focus, through every shadow root on the way. */
function focused(): Element | null {
  let active = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active;
}

/** Presses Tab until `matches` holds for the focused element; fails after `max` presses. */
async function tabTo(matches: (element: Element) => boolean, what: string, max = 30) {
  for (let i = 0; i < max; i++) {
    await sendKeys({ press: 'Tab' });
    const element = focused();
    if (element && matches(element)) return element;
  }
  throw new Error(`Tab never reached ${what}`);
}

const named = (name: string) => (element: Element) => element.getAttribute('name') === name;
const buttonNamed = (text: string) => (element: Element) => element.tagName === 'BUTTON' && element.textContent!.trim() === text;

describe('<twin-board>: the "Written in" select, keyboard only', () => {
  it('a pupil tabs to it, picks Polish by typing, posts with Enter; then comments in Italian chosen with the arrow keys', async () => {
    const teacherWorld = await boardWith({ user: teacher });
    await addSections(teacherWorld.store, ['Day 1']);
    const world = await boardWith({ user: kasia, backing: teacherWorld.backing, space: teacherWorld.spaceId, lang: 'en' });
    await until(() => boardRoot(world.board).querySelector('section.group'), 'the section');

    buttonIn(boardRoot(world.board), 'Add a post').focus();
    await sendKeys({ press: 'Enter' });
    await until(() => composerOf(world.board)?.shadowRoot?.querySelector('select[name=language]'), 'the post form');

    await tabTo(named('title'), 'the title');
    await sendKeys({ type: 'Przyjazd do portu' });
    const select = (await tabTo(named('language'), 'the language select')) as HTMLSelectElement;
    expect(select.value, 'the UI language by default').to.equal('en');
    await sendKeys({ type: 'Polish' });
    await until(() => select.value === 'pl', 'Polish chosen by typing its name');
    const title = composerOf(world.board)!.shadowRoot!.querySelector('input[name=title]')!;
    await until(() => title.getAttribute('lang') === 'pl', 'the title field speaks Polish');

    await tabTo(buttonNamed('Post'), 'the Post button');
    await sendKeys({ press: 'Enter' });
    await until(() => postViewOf(world.board)?.shadowRoot?.querySelector('.comment-form'), 'the saved post opened');
    const [post] = (await world.store.list<Post>('board')).records;
    expect([post.title, post.language]).to.deep.equal(['Przyjazd do portu', 'pl']);
    expect(cardOf(world.board, 'Przyjazd do portu').querySelector('.post-title [lang]')!.getAttribute('lang')).to.equal('pl');

    // The comment form: its own select, reached by Tab from the comment box, moved by the arrow keys.
    const view = postViewOf(world.board)!.shadowRoot!;
    view.querySelector<HTMLTextAreaElement>('textarea[name=comment]')!.focus();
    await sendKeys({ type: 'Che bella foto!' });
    const commentSelect = (await tabTo(named('language'), 'the comment language select')) as HTMLSelectElement;
    expect(commentSelect.closest('form')!.classList.contains('comment-form')).to.equal(true);
    expect(commentSelect.value).to.equal('en');
    // Options run by name in the reader's language: Italian comes after English, a few steps down.
    for (let i = 0; i < 15 && commentSelect.value !== 'it'; i++) await sendKeys({ press: 'ArrowDown' });
    expect(commentSelect.value, 'Italian reached with the arrow keys').to.equal('it');
    await until(() => view.querySelector('textarea[name=comment]')!.getAttribute('lang') === 'it', 'the comment box speaks Italian');
    await tabTo(buttonNamed('Comment'), 'the Comment button');
    await sendKeys({ press: 'Enter' });
    await until(() => [...view.querySelectorAll('.comment-body')].some((p) => p.textContent === 'Che bella foto!'), 'the comment');
    const shown = [...view.querySelectorAll('.comment-body')].find((p) => p.textContent === 'Che bella foto!')!;
    expect(shown.getAttribute('lang')).to.equal('it');
    const [comment] = (await world.store.list<BoardComment>('board-comment')).records;
    expect(comment.language).to.equal('it');
    expect(commentSelect.value, 'the next comment keeps the language chosen').to.equal('it');
  });
});
