import { expect } from '@open-wc/testing';
import { expectAccessible } from '../../test-support/axe.js';
import { failingWrites } from '../../test-support/failing-writes.js';
import { partner, pupil, teacher } from '../../test-support/glossary-fixture.js';
import { addPosts, addSections, boardRoot, boardWith, cardOf, composerOf, pickFile, postViewOf, typeIn } from '../../test-support/board-fixture.js';
import { until } from '../../test-support/record-list.js';
import { buttonIn, untilStored } from '../../test-support/tracker-fixture.js';
import { readBoardJson } from './model/board-json.js';
import type { Post } from './board-state.js';

const kasia = { ...pupil, mobile: true };

async function boardAs(user: typeof pupil, options: Parameters<typeof boardWith>[0] extends infer O ? Partial<O> : never = {}) {
  const teacherWorld = await boardWith({ user: teacher, ...options, wrap: undefined });
  const [day1] = await addSections(teacherWorld.store, ['Day 1']);
  const world = await boardWith({ ...options, user, backing: teacherWorld.backing, space: teacherWorld.spaceId });
  await until(() => boardRoot(world.board).querySelector('section.group'), 'the section');
  return { ...world, day1, teacherStore: teacherWorld.store };
}

async function startPost(board: Element) {
  buttonIn(boardRoot(board), 'Add a post').click();
  await until(() => composerOf(board)?.shadowRoot?.querySelector('form'), 'the post form');
  return composerOf(board)!;
}
const problemOf = (composer: Element) => composer.shadowRoot!.querySelector('.problem')!.textContent!.trim();

/** Captures what the board offers as a download (it makes an object URL for it). */
async function download(board: Element, button: string, type: string): Promise<Blob> {
  const saved: Blob[] = [];
  const original = URL.createObjectURL;
  URL.createObjectURL = (blob: Blob | MediaSource) => (saved.push(blob as Blob), original(blob as Blob));
  try {
    buttonIn(boardRoot(board), button).click();
    await until(() => saved.some((blob) => blob.type.startsWith(type)), `the ${type} download`, 8000);
  } finally {
    URL.createObjectURL = original;
  }
  return saved.find((blob) => blob.type.startsWith(type))!;
}

describe('<twin-board>: bad input, failures and exports', () => {
  it('hostile markup in titles, link titles and post text shows as text or is cut down to the safe subset', async () => {
    const world = await boardAs(kasia);
    await world.store.create('board', {
      kind: 'text',
      section: world.day1.id,
      position: 'V',
      title: '<script>window.__board_hacked = 1</script>Title',
      body: '<p>Hi <u>there</u><img src="https://tracker.example/p.gif"><iframe src="https://evil.example"></iframe><a href="data:text/html;base64,PHNjcmlwdD4=">data</a> <a href="https://ok.example/">ok</a></p>',
    });
    await world.store.create('board', { kind: 'link', section: world.day1.id, position: 'W', title: '<img src=x onerror=alert(1)>Link', url: 'https://ok.example/' });
    await until(() => boardRoot(world.board).querySelectorAll('article.post').length === 2, 'the posts');
    const card = cardOf(world.board, '<script>window.__board_hacked = 1</script>Title');
    const body = card.querySelector('.rich')!;
    expect(body.querySelector('img, iframe, script, u')).to.equal(null);
    expect([...body.querySelectorAll('a')].map((a) => a.getAttribute('href'))).to.deep.equal(['https://ok.example/']);
    expect(body.textContent).to.include('data').and.include('there');
    expect(cardOf(world.board, '<img src=x onerror=alert(1)>Link').querySelector('.post-title img')).to.equal(null);
    expect((window as { __board_hacked?: number }).__board_hacked).to.equal(undefined);
    // The store refuses script and javascript: links outright.
    for (const fields of [
      { kind: 'text', body: '<p>x</p><script>alert(1)</script>' },
      { kind: 'link', url: 'javascript:alert(1)' },
      { kind: 'link', url: 'data:text/html,<script>alert(1)</script>' },
    ]) {
      let refused: unknown;
      await world.store.create('board', { section: world.day1.id, position: 'X', title: 't', ...fields }).catch((error) => (refused = error));
      expect(refused, JSON.stringify(fields)).to.have.property('code', 'validation');
    }
  });

  it('the form refuses javascript: and data: links with a clear message, and stores nothing', async () => {
    const world = await boardAs(kasia);
    const composer = await startPost(world.board);
    composer.shadowRoot!.querySelector<HTMLInputElement>('input[name=kind][value=link]')!.click();
    await composer.updateComplete;
    for (const url of ['javascript:alert(document.cookie)', 'data:text/html,<b>x</b>', 'ftp://files.example/x']) {
      typeIn(composer.shadowRoot!, 'url', url);
      buttonIn(composer.shadowRoot!, 'Post').click();
      await until(() => problemOf(composer).startsWith('Only web links'), `the refusal of ${url}`);
      expect(composer.shadowRoot!.querySelector('[name=url]')!.getAttribute('aria-invalid')).to.equal('true');
    }
    expect((await world.store.list('board')).records).to.have.length(0);
  });

  it('a 50 MB file and a file whose content does not match its type are refused, before anything is stored', async () => {
    const world = await boardAs(kasia);
    const stored: string[] = [];
    const put = world.store.putAttachment.bind(world.store);
    world.store.putAttachment = (blob, limits) => (stored.push(blob.type), put(blob, limits));
    const composer = await startPost(world.board);
    composer.shadowRoot!.querySelector<HTMLInputElement>('input[name=kind][value=image]')!.click();
    await composer.updateComplete;
    pickFile(composer.shadowRoot!, new File([new Uint8Array(50 * 1024 * 1024)], 'huge.jpg', { type: 'image/jpeg' }));
    await until(() => problemOf(composer).includes('too large'), 'the size refusal');
    expect(problemOf(composer)).to.match(/^huge\.jpg is too large \(50 MB\)\. The limit is 25 MB\.$/);
    pickFile(composer.shadowRoot!, new File(['<html><script>alert(1)</script></html>'], 'holiday.jpg', { type: 'image/jpeg' }));
    await until(() => problemOf(composer).includes('does not match'), 'the type refusal');
    expect(problemOf(composer)).to.equal('holiday.jpg is not a photo (JPEG, PNG, GIF or WebP): its content does not match. Nothing was saved.');
    composer.shadowRoot!.querySelector<HTMLInputElement>('input[name=kind][value=file]')!.click();
    await composer.updateComplete;
    pickFile(composer.shadowRoot!, new File([new Uint8Array([0x4d, 0x5a, 0x90, 0x00, 1, 2, 3])], 'setup.pdf', { type: 'application/pdf' }));
    await until(() => problemOf(composer).startsWith('setup.pdf is not'), 'the executable refused');
    expect(stored).to.deep.equal([]);
    await expectAccessible(world.board);
  });

  it('a full disk keeps the draft and says so; the same post is saved on the next try', async () => {
    let faults!: ReturnType<typeof failingWrites>;
    const world = await boardAs(kasia, { wrap: (adapter) => (faults = failingWrites(adapter)).adapter });
    const composer = await startPost(world.board);
    typeIn(composer.shadowRoot!, 'title', 'Market day');
    const rich = composer.shadowRoot!.querySelector('twin-rich-text-editor') as HTMLElement & { value: string };
    rich.value = '<p>We bought <strong>smoked fish</strong>.</p>';
    rich.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
    faults.failNext();
    buttonIn(composer.shadowRoot!, 'Post').click();
    await until(() => problemOf(composer).includes('no room left'), 'the quota message');
    expect(composer.shadowRoot!.querySelector<HTMLInputElement>('[name=title]')!.value).to.equal('Market day');
    expect(rich.value).to.include('smoked fish');
    expect(boardRoot(world.board).querySelector('dialog[open]')).to.not.equal(null);
    // The draft is also on the device: a closed dialog or a reload brings it back.
    const kept = Object.keys(localStorage).find((key) => key.includes(world.spaceId) && key.endsWith('board:new'));
    expect(JSON.parse(localStorage.getItem(kept!)!).fields.title).to.equal('Market day');
    buttonIn(composer.shadowRoot!, 'Post').click();
    await until(() => postViewOf(world.board), 'saved on the second try');
    expect((await world.store.list<Post>('board')).records.map((post) => post.title)).to.deep.equal(['Market day']);
    expect(localStorage.getItem(kept!)).to.equal(null);
  });

  it('an edit that meets a change made elsewhere keeps both: the author chooses', async () => {
    const world = await boardAs(kasia);
    const [post] = await addPosts(world.store, world.day1, ['First title']);
    await until(() => cardOf(world.board, 'First title'), 'the post');
    buttonIn(cardOf(world.board, 'First title'), 'First title').click();
    await until(() => postViewOf(world.board)?.shadowRoot?.querySelector('article'), 'the post');
    buttonIn(postViewOf(world.board)!.shadowRoot!, 'Edit').click();
    await until(() => composerOf(world.board)?.shadowRoot?.querySelector('form'), 'the edit form');
    const composer = composerOf(world.board)!;
    typeIn(composer.shadowRoot!, 'title', 'My title');
    // Meanwhile, in another tab.
    await world.storeFor(teacher).update('board', post, { title: 'Teacher title' });
    buttonIn(composer.shadowRoot!, 'Save').click();
    await until(() => composer.shadowRoot!.querySelector('.conflict'), 'the conflict');
    expect(composer.shadowRoot!.querySelector('.conflict')!.textContent).to.include('Teacher title');
    expect(composer.shadowRoot!.querySelector<HTMLInputElement>('[name=title]')!.value).to.equal('My title');
    buttonIn(composer.shadowRoot!, 'Keep my version').click();
    await untilStored(async () => (await world.store.get<Post>('board', post.id)).title === 'My title', 'mine kept');
  });

  it('a move the storage refuses puts the post back and says why', async () => {
    let faults!: ReturnType<typeof failingWrites>;
    const world = await boardAs(teacher, { wrap: (adapter) => (faults = failingWrites(adapter)).adapter });
    await addPosts(world.store, world.day1, ['A', 'B']);
    await until(() => boardRoot(world.board).querySelectorAll('article.post').length === 2, 'posts');
    const move = () => cardOf(world.board, 'A').querySelector<HTMLButtonElement>('button.move')!;
    move().click();
    await world.board.updateComplete;
    move().dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowDown', bubbles: true, composed: true }));
    await world.board.updateComplete;
    faults.failNext();
    move().click();
    await until(() => boardRoot(world.board).querySelector('.problem[role=alert]'), 'the problem shown');
    const titles = () => [...boardRoot(world.board).querySelectorAll('.post-title')].map((title) => title.textContent!.trim());
    await until(() => titles().join() === 'A,B', 'back in place');
    expect(boardRoot(world.board).querySelector('.problem')!.textContent).to.include('no room left');
  });

  it('a wrong layout attribute falls back to the board default with a console warning', async () => {
    const warnings: string[] = [];
    const warn = console.warn;
    console.warn = (text: string) => warnings.push(text);
    try {
      const world = await boardAs(partner, { layout: 'diagonal' });
      expect(boardRoot(world.board).querySelector('.groups')!.className).to.include('layout-wall');
    } finally {
      console.warn = warn;
    }
    expect(warnings.join()).to.include('layout="diagonal" is not one of wall, columns, timeline, stream');
  });

  it('exports the board as a self-contained exhibition (published posts, pictures inside) and as lossless JSON', async () => {
    const world = await boardAs(teacher);
    const canvas = new OffscreenCanvas(40, 30);
    canvas.getContext('2d')!.fillRect(0, 0, 40, 30);
    const picture = await world.store.putAttachment(await canvas.convertToBlob({ type: 'image/png' }), { maxBytes: 1e6, types: ['image/png'] });
    await world.store.create('board', { kind: 'image', section: world.day1.id, position: 'V', title: 'Harbour <b>photo</b>', attachment: picture.id, alt: 'Boats', unknownFutureField: { kept: true } });
    const pending = await world.storeFor(kasia).create('board', { kind: 'text', section: world.day1.id, position: 'W', title: 'Draft thought' });
    await world.store.setStatus('board', pending, 'hidden');
    await until(() => boardRoot(world.board).querySelectorAll('article.post').length === 2, 'posts');
    const page = await (await download(world.board, 'Exhibition (HTML file)', 'text/html')).text();
    expect(page).to.match(/^<!doctype html>/);
    expect(page).to.include('Content-Security-Policy');
    expect(page).to.not.include('<script');
    expect(page).to.include('Harbour &lt;b&gt;photo&lt;/b&gt;');
    expect(page).to.include('src="data:image/png;base64,');
    expect(page).to.not.include('Draft thought');
    const json = readBoardJson(await (await download(world.board, 'All data (JSON)', 'application/json')).text());
    expect(json.posts.map((post) => post.title)).to.have.members(['Harbour <b>photo</b>', 'Draft thought']);
    const stored = (await world.store.list<Post>('board')).records.find((post) => post.title === 'Harbour <b>photo</b>')!;
    expect(json.posts.find((post) => post.id === stored.id)).to.deep.equal(stored);
    expect(Object.keys(json.attachments)).to.deep.equal([picture.id]);
  });
});
