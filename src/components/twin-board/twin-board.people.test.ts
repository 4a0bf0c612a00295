import { expect } from '@open-wc/testing';
import { expectAccessible } from '../../test-support/axe.js';
import { moderator, observer, partner, pupil, teacher } from '../../test-support/glossary-fixture.js';
import { addPosts, addSections, boardRoot, boardWith, cardOf, hasButtonNamed, sameElement, postViewOf, titlesIn, typeIn } from '../../test-support/board-fixture.js';
import { until } from '../../test-support/record-list.js';
import { buttonIn, untilStored } from '../../test-support/tracker-fixture.js';
import type { BoardComment, BoardFlag, BoardReaction, Post, Section } from './board-state.js';

const kasia = { ...pupil, mobile: true };

async function sharedBoard(options: { moderation?: 'off' | 'pupils' } = {}) {
  const world = await boardWith({ user: teacher, moderation: options.moderation });
  const [day1] = await addSections(world.store, ['Day 1']);
  await addPosts(world.storeFor(kasia), day1, ['The pier']);
  await until(() => boardRoot(world.board).querySelectorAll('article.post').length === 1, 'the post');
  const as = (user: typeof pupil, extra: { layout?: string; embedHosts?: string } = {}) => boardWith({ user, backing: world.backing, space: world.spaceId, moderation: options.moderation, ...extra });
  return { world, day1, as };
}

async function open(board: Element, title: string) {
  buttonIn(cardOf(board, title), title).click();
  await until(() => postViewOf(board)?.shadowRoot?.querySelector('article'), 'the opened post');
  return postViewOf(board)!.shadowRoot!;
}

describe('<twin-board>: reactions, comments, reports and moderation', () => {
  it('a pupil at home reacts and comments; the author sees both, marked new, without a reload', async () => {
    const { world, as } = await sharedBoard();
    const author = await as(kasia);
    await until(() => boardRoot(author.board).querySelectorAll('article.post').length === 1, 'the author board');
    const marco = await as(partner);
    await until(() => boardRoot(marco.board).querySelectorAll('article.post').length === 1, 'the partner board');
    const like = cardOf(marco.board, 'The pier').querySelector<HTMLButtonElement>('button.reaction[title=Like]')!;
    like.click();
    await until(() => cardOf(marco.board, 'The pier').querySelector('button.reaction[title=Like]')!.getAttribute('aria-pressed') === 'true', 'the like on');
    expect(cardOf(marco.board, 'The pier').querySelector('button.reaction[title=Like]')!.getAttribute('aria-label')).to.equal('Like: 1');
    const view = await open(marco.board, 'The pier');
    expect(view.querySelector('label')!.textContent).to.include('Your comment from home');
    typeIn(view, 'comment', 'In Bari our pier is made of <b>stone</b>!');
    buttonIn(view, 'Comment').click();
    await until(() => view.querySelectorAll('.comments li').length === 1, 'the comment');
    expect(view.querySelector('.comments .comment-body')!.textContent).to.equal('In Bari our pier is made of <b>stone</b>!');
    expect(view.querySelector('.comments b')).to.equal(null);
    expect(view.querySelector('.comments .byline')!.textContent).to.include('at home');
    await expectAccessible(marco.board);
    boardRoot(marco.board).querySelector<HTMLButtonElement>('dialog .close')!.click();
    await until(() => !boardRoot(marco.board).querySelector('dialog[open]'), 'the dialog closed');

    // The author's tab: the post is marked new, its counts updated.
    const authorCard = () => cardOf(author.board, 'The pier');
    await until(() => authorCard().classList.contains('fresh'), 'the post marked new');
    expect(authorCard().querySelector('.badge.fresh')!.textContent).to.equal('New');
    expect(authorCard().querySelector('button.comments')!.textContent).to.include('1 comment');
    expect(authorCard().querySelector('button.reaction[title=Like]')!.getAttribute('aria-label')).to.equal('Like: 1');
    expect(boardRoot(author.board).textContent).to.include('1 new or changed post');
    buttonIn(boardRoot(author.board), 'Mark all as seen').click();
    await until(() => !authorCard().classList.contains('fresh'), 'seen');
    // Another comment while she reads: marked again, and her focus stays where it was.
    authorCard().querySelector<HTMLButtonElement>('button.move')!.focus();
    await marco.store.create('board-comment', { target: authorCard().getAttribute('data-id'), body: 'And the lighthouse?' });
    await until(() => authorCard().classList.contains('fresh'), 'marked new again');
    expect(authorCard().querySelector('button.comments')!.textContent).to.include('2 comments');
    expect(sameElement(boardRoot(author.board).activeElement, authorCard().querySelector('button.move')), 'focus kept').to.equal(true);

    // Reacting twice takes the reaction back; the store kept one record per member and kind.
    const marcoLike = () => cardOf(marco.board, 'The pier').querySelector<HTMLButtonElement>('button.reaction[title=Like]')!;
    marcoLike().click();
    await untilStored(async () => (await world.store.list<BoardReaction>('board-reaction')).records.length === 0, 'the like removed');
    await until(() => marcoLike().getAttribute('aria-pressed') === 'false', 'the like off');
    // And given again: the same record id comes back.
    marcoLike().click();
    await untilStored(async () => (await world.store.list<BoardReaction>('board-reaction')).records.length === 1, 'the like again');
    await until(() => marcoLike().getAttribute('aria-label') === 'Like: 1', 'counted once');
  });

  it('a post from another tab appears marked new, at its place, without moving the others', async () => {
    const { world, day1 } = await sharedBoard();
    const other = world.storeFor(teacher);
    const before = cardOf(world.board, 'The pier');
    before.querySelector<HTMLButtonElement>('button.move')!.focus();
    await addPosts(other, day1, ['Lunch at the market']);
    // A post written in another tab of the same browser arrives through the shared storage.
    await until(() => titlesIn(world.board, 'Day 1').join() === 'The pier,Lunch at the market', 'the new post');
    expect(cardOf(world.board, 'Lunch at the market').classList.contains('fresh')).to.equal(true);
    expect(sameElement(cardOf(world.board, 'The pier'), before), 'the existing card is the same element').to.equal(true);
    expect(sameElement(boardRoot(world.board).activeElement, before.querySelector('button.move')), 'focus kept').to.equal(true);
    await until(() => boardRoot(world.board).querySelector('[role=status]')!.textContent!.includes('arrived'), 'announced');
  });

  it('a member reports a post; moderators see it in the queue, the teacher dismisses or hides', async () => {
    const { world, as } = await sharedBoard();
    const marco = await as(partner);
    await until(() => boardRoot(marco.board).querySelectorAll('article.post').length === 1, 'the board');
    const view = await open(marco.board, 'The pier');
    buttonIn(view, '⚑ Report this post').click();
    await postViewOf(marco.board)!.updateComplete;
    typeIn(view, 'reason', 'It shows a pupil who did not agree to be photographed');
    buttonIn(view, 'Send the report').click();
    await until(() => view.textContent!.includes('You reported this post.'), 'reported');
    // Another pupil cannot read the report.
    const third = await as({ ...pupil, id: 'pupil-third', name: 'Third' });
    await until(() => boardRoot(third.board).querySelectorAll('article.post').length === 1, 'the board');
    expect((await third.store.list<BoardFlag>('board-flag')).records).to.have.length(0);

    const mod = await as(moderator);
    await until(() => hasButtonNamed(boardRoot(mod.board), 'To review (1)'), 'the queue count');
    buttonIn(boardRoot(mod.board), 'To review (1)').click();
    await until(() => boardRoot(mod.board).querySelector('div.queue'), 'the queue');
    expect(boardRoot(mod.board).querySelector('div.queue')!.textContent).to.include('It shows a pupil who did not agree');
    await expectAccessible(mod.board);
    buttonIn(boardRoot(mod.board), 'Hide the post').click();
    await untilStored(async () => (await world.store.get<Post>('board', (await world.store.list<Post>('board')).records[0].id)).status === 'hidden', 'hidden');
    // Hidden: gone for other pupils, kept for its author (marked) and the teachers.
    await until(() => boardRoot(marco.board).querySelectorAll('article.post').length === 0, 'gone for others');
    const author = await as(kasia);
    await until(() => boardRoot(author.board).querySelectorAll('article.post').length === 1, 'the author');
    expect(cardOf(author.board, 'The pier').textContent).to.include('Hidden');
    // The teacher brings it back and dismisses the report.
    await until(() => hasButtonNamed(boardRoot(world.board), 'To review (1)'), 'the teacher queue');
    buttonIn(boardRoot(world.board), 'To review (1)').click();
    await until(() => boardRoot(world.board).querySelector('div.queue'), 'the queue');
    buttonIn(boardRoot(world.board), 'Keep it, dismiss the reports').click();
    await until(() => boardRoot(world.board).textContent!.includes('Nothing to review'), 'the queue empty');
  });

  it("with the board's approval on, a pupil's post waits: its author and teachers see it, others do not, until approved", async () => {
    const { world, as } = await sharedBoard();
    buttonIn(boardRoot(world.board), 'Board settings').click();
    await until(() => boardRoot(world.board).querySelector('dialog[open] input[name=approval]'), 'the settings');
    boardRoot(world.board).querySelector<HTMLInputElement>('dialog input[name=approval]')!.click();
    boardRoot(world.board).querySelector<HTMLInputElement>('dialog input[name=layout][value=columns]')!.click();
    buttonIn(boardRoot(world.board).querySelector('dialog')!, 'Save').click();
    await until(() => boardRoot(world.board).querySelector('.groups.layout-columns'), 'the columns layout for everyone');
    const author = await as(kasia);
    await until(() => boardRoot(author.board).querySelector('.groups.layout-columns'), 'columns for the pupil too');
    const [day1] = (await author.store.list<Section>('board-section')).records;
    const [pending] = await addPosts(author.store, day1, ['Waiting one']);
    expect(pending.status).to.equal('pending');
    await until(() => titlesIn(author.board, 'Day 1').includes('Waiting one'), 'the author sees it');
    expect(cardOf(author.board, 'Waiting one').textContent).to.include('Waiting for approval');
    const marco = await as(partner);
    await until(() => boardRoot(marco.board).querySelectorAll('article.post').length === 1, 'the partner board');
    expect(titlesIn(marco.board, 'Day 1')).to.deep.equal(['The pier']);
    // A pupil's comment waits too.
    const comment = await marco.store.create<BoardComment>('board-comment', { target: (await marco.store.list<Post>('board')).records[0].id, body: 'Nice!' });
    expect(comment.status).to.equal('pending');
    await until(() => hasButtonNamed(boardRoot(world.board), 'To review (2)'), 'two waiting');
    buttonIn(boardRoot(world.board), 'To review (2)').click();
    await until(() => boardRoot(world.board).querySelector('div.queue'), 'the queue');
    for (const button of [...boardRoot(world.board).querySelectorAll<HTMLButtonElement>('div.queue button.primary')]) button.click();
    await until(() => titlesIn(marco.board, 'Day 1').includes('Waiting one'), 'published for the others');
    // Moving an approved post does not send it back for approval.
    const approved = (await author.store.list<Post>('board')).records.find((post) => post.title === 'Waiting one')!;
    const moved = await author.store.update<Post>('board', approved, { position: '0V' });
    expect(moved.status).to.equal('published');
  });

  it('a moderator pins a pupil\'s post to the top of its section; a pupil cannot pin', async () => {
    const { world, day1, as } = await sharedBoard();
    await addPosts(world.storeFor(partner), day1, ['Later post']);
    const mod = await as(moderator);
    await until(() => boardRoot(mod.board).querySelectorAll('article.post').length === 2, 'posts');
    const view = await open(mod.board, 'Later post');
    buttonIn(view, '📌 Pin').click();
    await until(() => titlesIn(mod.board, 'Day 1').join() === 'Later post,The pier', 'pinned first');
    expect(cardOf(mod.board, 'Later post').textContent).to.include('Pinned');
    const author = await as(kasia);
    await until(() => boardRoot(author.board).querySelectorAll('article.post').length === 2, 'posts');
    const mine = (await author.store.list<Post>('board')).records.find((post) => post.title === 'The pier')!;
    let refused: unknown;
    await author.store.update('board', mine, { pinned: true }).catch((error) => (refused = error));
    expect(refused).to.have.property('code', 'permission');
    await open(author.board, 'The pier');
    expect(() => buttonIn(postViewOf(author.board)!.shadowRoot!, '📌 Pin')).to.throw();
  });

  it('an observer reads the board, filters it, and exports the exhibition, but cannot post, react, comment or report', async () => {
    const { world, day1, as } = await sharedBoard();
    await addPosts(world.storeFor(partner), day1, ['From Bari'], { tags: ['harbour-team'] });
    const guest = await as(observer);
    await until(() => boardRoot(guest.board).querySelectorAll('article.post').length === 2, 'posts');
    const root = boardRoot(guest.board);
    expect(() => buttonIn(root, 'Add a post')).to.throw();
    expect(root.querySelector<HTMLButtonElement>('button.reaction')!.disabled).to.equal(true);
    expect(root.querySelector('button.move')).to.equal(null);
    const filter = root.querySelector<HTMLSelectElement>('select[name=tag]')!;
    filter.value = 'harbour-team';
    filter.dispatchEvent(new Event('change'));
    await until(() => root.querySelectorAll('article.post').length === 1, 'filtered by team');
    expect(titlesIn(guest.board, 'Day 1')).to.deep.equal(['From Bari']);
    const school = root.querySelector<HTMLSelectElement>('select[name=school]')!;
    expect([...school.options].map((option) => option.value)).to.deep.equal(['', 'Liceo Bari', 'Szkoła Gdynia']);
    buttonIn(root, 'Show everything').click();
    await until(() => root.querySelectorAll('article.post').length === 2, 'unfiltered');
    const view = await open(guest.board, 'The pier');
    expect(view.querySelector('textarea')).to.equal(null);
    expect(() => buttonIn(view, '⚑ Report this post')).to.throw();
    expect(() => buttonIn(root, 'All data (JSON)')).to.throw();
    buttonIn(root, 'Exhibition (HTML file)');
    await expectAccessible(guest.board);
  });

  it('video players are embedded only from hosts the page owner allows', async () => {
    const { world, day1, as } = await sharedBoard();
    await world.storeFor(kasia).create('board', { kind: 'video', section: day1.id, position: 'x', title: 'Tour', url: 'https://www.youtube.com/watch?v=abc123' });
    const plain = await as(partner);
    await until(() => boardRoot(plain.board).querySelectorAll('article.post').length === 2, 'posts');
    expect((await open(plain.board, 'Tour')).querySelector('iframe')).to.equal(null);
    const allowed = await as(partner, { embedHosts: 'www.youtube-nocookie.com' });
    await until(() => boardRoot(allowed.board).querySelectorAll('article.post').length === 2, 'posts');
    const frame = (await open(allowed.board, 'Tour')).querySelector('iframe')!;
    expect(frame.getAttribute('src')).to.equal('https://www.youtube-nocookie.com/embed/abc123');
    expect(frame.getAttribute('sandbox')).to.include('allow-scripts');
  });
});
