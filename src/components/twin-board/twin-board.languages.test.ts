import { expect } from '@open-wc/testing';
import type { BoardComment, Post } from './board-state.js';
import { expectAccessible } from '../../test-support/axe.js';
import { pupil, teacher } from '../../test-support/glossary-fixture.js';
import { addPosts, addSections, boardRoot, boardWith, cardOf, composerOf, postViewOf, typeIn } from '../../test-support/board-fixture.js';
import { until } from '../../test-support/record-list.js';
import { buttonIn } from '../../test-support/tracker-fixture.js';

const kasia = { ...pupil, mobile: true };

/** A board with one section, and Kasia's view of it in `lang`. */
async function kasiasBoard(lang: string) {
  const teacherWorld = await boardWith({ user: teacher });
  const [section] = await addSections(teacherWorld.store, ['Día 1']);
  const world = await boardWith({ user: kasia, backing: teacherWorld.backing, space: teacherWorld.spaceId, lang });
  await until(() => boardRoot(world.board).querySelector('section.group'), 'the section');
  if (lang === 'es') await until(() => boardRoot(world.board).textContent!.includes('Añadir una publicación'), 'the Spanish UI');
  return { ...world, section, teacherStore: teacherWorld.store };
}

const choose = (select: HTMLSelectElement, value: string) => {
  select.value = value;
  select.dispatchEvent(new Event('change'));
};

/** Writes a text post in the Spanish composer; `language` changes the language it is written in. */
async function writePost(board: Element, title: string, language?: string) {
  buttonIn(boardRoot(board), 'Añadir una publicación').click();
  await until(() => composerOf(board)?.shadowRoot?.querySelector('select[name=language]'), 'the post form');
  const composer = composerOf(board)!;
  const select = composer.shadowRoot!.querySelector<HTMLSelectElement>('select[name=language]')!;
  const chosenByDefault = select.value;
  if (language) choose(select, language);
  await composer.updateComplete;
  typeIn(composer.shadowRoot!, 'title', title);
  buttonIn(composer.shadowRoot!, 'Publicar').click();
  await until(() => postViewOf(board)?.shadowRoot?.querySelector('.comment-form'), 'the saved post opened');
  return chosenByDefault;
}

/** Comments on the opened post; `language` changes the language it is written in. */
async function writeComment(board: Element, body: string, language?: string) {
  const view = postViewOf(board)!.shadowRoot!;
  const select = view.querySelector<HTMLSelectElement>('.comment-form select[name=language]')!;
  const chosenByDefault = select.value;
  if (language) choose(select, language);
  typeIn(view, 'comment', body);
  buttonIn(view, 'Comentar').click();
  await until(() => [...view.querySelectorAll('.comment-body')].some((p) => p.textContent === body), `the comment "${body}"`);
  return chosenByDefault;
}

const commentBody = (board: Element, body: string) => [...postViewOf(board)!.shadowRoot!.querySelectorAll('.comment-body')].find((p) => p.textContent === body)!;

describe('<twin-board>: the language of what pupils write', () => {
  it('in a Spanish UI a post and a comment are Spanish unless the writer says otherwise, and are shown inside their language', async () => {
    const world = await kasiasBoard('es');
    expect(await writePost(world.board, 'La llegada al puerto'), 'the composer starts in the UI language').to.equal('es');
    const commentLabels = [...postViewOf(world.board)!.shadowRoot!.querySelectorAll('.comment-form label')].map((label) => label.textContent!);
    expect(commentLabels.join(' ')).to.include('Idioma del texto');
    expect(await writeComment(world.board, '¡Qué foto tan bonita!'), 'the comment form starts in the UI language').to.equal('es');
    expect(await writeComment(world.board, 'Che bella foto!', 'it')).to.equal('es');
    await expectAccessible(world.board);
    boardRoot(world.board).querySelector<HTMLButtonElement>('dialog .close')!.click();
    await writePost(world.board, 'Przyjazd do portu', 'pl');

    const posts = (await world.store.list<Post>('board')).records;
    expect(posts.map((post) => [post.title, post.language])).to.have.deep.members([
      ['La llegada al puerto', 'es'],
      ['Przyjazd do portu', 'pl'],
    ]);
    const comments = (await world.store.list<BoardComment>('board-comment')).records;
    expect(comments.map((comment) => [comment.body, comment.language])).to.have.deep.members([
      ['¡Qué foto tan bonita!', 'es'],
      ['Che bella foto!', 'it'],
    ]);

    // The cards: each title in its own language.
    expect(cardOf(world.board, 'La llegada al puerto').querySelector('.post-title [lang]')!.getAttribute('lang')).to.equal('es');
    expect(cardOf(world.board, 'Przyjazd do portu').querySelector('.post-title [lang]')!.getAttribute('lang')).to.equal('pl');
    // The opened post: its comments, each in its own.
    buttonIn(boardRoot(world.board), 'La llegada al puerto').click();
    await until(() => postViewOf(world.board)?.shadowRoot?.querySelector('.comment-body'), 'the comments');
    expect(commentBody(world.board, '¡Qué foto tan bonita!').getAttribute('lang')).to.equal('es');
    expect(commentBody(world.board, 'Che bella foto!').getAttribute('lang')).to.equal('it');
    expect(commentBody(world.board, 'Che bella foto!').getAttribute('dir')).to.equal('ltr');
    await expectAccessible(world.board);
  });

  it('a post and a comment written before languages were asked still show, as the page; one in Arabic runs right to left', async () => {
    const world = await kasiasBoard('es');
    const [old] = await addPosts(world.store, world.section, ['Antes'], { body: '<p>Sin idioma.</p>' });
    const [arabic] = await addPosts(world.teacherStore, world.section, ['مرحبا'], { body: '<p>من المدرسة</p>', language: 'ar' });
    await world.teacherStore.create('board-comment', { target: old.id, body: 'Comentario antiguo' });
    await world.teacherStore.create('board-comment', { target: old.id, body: 'تعليق', language: 'ar' });
    await until(() => boardRoot(world.board).querySelectorAll('article.post').length === 2, 'both posts');

    const oldBody = cardOf(world.board, 'Antes').querySelector('.rich')!;
    expect(oldBody.textContent).to.include('Sin idioma.');
    expect(oldBody.hasAttribute('lang'), 'no language of its own').to.equal(false);
    expect(oldBody.closest('[lang]'), 'nothing inside the board claims a language for it').to.equal(null);
    expect(world.board.closest('[lang]')!.getAttribute('lang'), 'it reads as the page').to.equal('es');
    const arabicBody = cardOf(world.board, 'مرحبا').querySelector('.rich')!;
    expect([arabicBody.getAttribute('lang'), arabicBody.getAttribute('dir')]).to.deep.equal(['ar', 'rtl']);
    expect(arabic.language).to.equal('ar');

    buttonIn(boardRoot(world.board), 'Antes').click();
    await until(() => postViewOf(world.board)?.shadowRoot?.querySelectorAll('.comment-body').length === 2, 'the comments');
    expect(commentBody(world.board, 'Comentario antiguo').hasAttribute('lang')).to.equal(false);
    expect([commentBody(world.board, 'تعليق').getAttribute('lang'), commentBody(world.board, 'تعليق').getAttribute('dir')]).to.deep.equal(['ar', 'rtl']);
    // Editing the old post does not put a language on it unasked.
    buttonIn(postViewOf(world.board)!.shadowRoot!, 'Editar').click();
    await until(() => composerOf(world.board)?.shadowRoot?.querySelector('select[name=language]'), 'the edit form');
    expect(composerOf(world.board)!.shadowRoot!.querySelector<HTMLSelectElement>('select[name=language]')!.value).to.equal('');
    await expectAccessible(world.board);
  });

  it('filters by phase names, never ids: the plan’s, a removed phase’s, a default phase’s', async () => {
    const world = await kasiasBoard('en');
    await world.teacherStore.createAll([
      { collection: 'phase', id: 'ph-harbour', fields: { name: 'Harbour week', order: 1 } },
      { collection: 'phase', id: 'ph-old', fields: { name: 'Old plan', order: 2, archived: true } },
    ]);
    for (const phase of ['ph-old', 'ph-harbour', 'preparation', 'zz-gone']) await addPosts(world.teacherStore, world.section, [`Post in ${phase}`], { phase });
    await until(() => boardRoot(world.board).querySelectorAll('article.post').length === 4, 'the posts');
    const select = boardRoot(world.board).querySelector<HTMLSelectElement>('select[name=phase]')!;
    await until(() => [...select.options].some((option) => option.textContent === 'Harbour week'), 'the phase names');
    expect([...select.options].map((option) => option.textContent!.trim())).to.deep.equal(['All', 'Harbour week', 'Old plan', 'Preparation', 'A phase no longer in the plan']);
    choose(select, 'ph-old');
    await until(() => boardRoot(world.board).querySelectorAll('article.post').length === 1, 'filtered');
    expect(cardOf(world.board, 'Post in ph-old')).to.exist;
    await expectAccessible(world.board);
  });
});
