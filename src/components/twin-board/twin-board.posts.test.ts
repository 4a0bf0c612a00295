import { expect } from '@open-wc/testing';
import { expectAccessible } from '../../test-support/axe.js';
import { partner, pupil, teacher } from '../../test-support/glossary-fixture.js';
import { addPosts, addSections, boardRoot, boardWith, cardOf, composerOf, pickFile, postViewOf, titlesIn, typeIn } from '../../test-support/board-fixture.js';
import { until } from '../../test-support/record-list.js';
import { buttonIn } from '../../test-support/tracker-fixture.js';
import type { Post } from './board-state.js';

const kasia = { ...pupil, mobile: true };

/** A 640×480 JPEG made in the page: a real picture to resize. */
async function photo(name = 'pier.jpg', width = 640, height = 480): Promise<File> {
  const canvas = new OffscreenCanvas(width, height);
  const context = canvas.getContext('2d')!;
  context.fillStyle = '#3a7bd5';
  context.fillRect(0, 0, width, height);
  context.fillStyle = '#ffd166';
  context.fillRect(width / 4, height / 4, width / 2, height / 2);
  return new File([await canvas.convertToBlob({ type: 'image/jpeg', quality: 0.9 })], name, { type: 'image/jpeg' });
}

async function startPost(board: Element) {
  buttonIn(boardRoot(board), 'Add a post').click();
  await until(() => composerOf(board)?.shadowRoot?.querySelector('form'), 'the post form');
  return composerOf(board)!;
}

const chooseKind = (composer: Element, kind: string) => composer.shadowRoot!.querySelector<HTMLInputElement>(`input[name=kind][value=${kind}]`)!.click();
const publish = (composer: Element) => buttonIn(composer.shadowRoot!, 'Post').click();
const setBody = (composer: Element, value: string) => {
  const rich = composer.shadowRoot!.querySelector('twin-rich-text-editor') as HTMLElement & { value: string };
  rich.value = value;
  rich.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
};

describe('<twin-board>: sections and posts', () => {
  it('a teacher starts an empty board with the usual sections; pupils without sections are told why they cannot post', async () => {
    const world = await boardWith({ user: teacher });
    expect(boardRoot(world.board).textContent).to.include('This board has no sections yet');
    await expectAccessible(world.board);
    buttonIn(boardRoot(world.board), 'Add the usual sections').click();
    await until(() => boardRoot(world.board).querySelectorAll('section.group').length === 4, 'four sections');
    const names = [...boardRoot(world.board).querySelectorAll('section.group h3')].map((h) => h.textContent!.trim());
    expect(names).to.deep.equal(['Our schools', 'Before the trip', 'During the mobility', 'Final products']);

    const other = await boardWith({ user: kasia });
    expect(boardRoot(other.board).textContent).to.include('A teacher adds the sections');
    expect(() => buttonIn(boardRoot(other.board), 'Add a post')).to.throw();
  });

  it('a teacher adds, renames and reorders sections; a pupil cannot', async () => {
    const world = await boardWith({ user: teacher });
    await addSections(world.store, ['Day 1', 'Day 2']);
    await until(() => boardRoot(world.board).querySelectorAll('section.group').length === 2, 'sections');
    buttonIn(boardRoot(world.board), 'Add a section').click();
    await until(() => boardRoot(world.board).querySelector('dialog[open] input[name=name]'), 'the section form');
    const dialog = boardRoot(world.board).querySelector('dialog')!;
    typeIn(dialog, 'name', '<img src=x onerror=alert(1)>Fieldwork');
    buttonIn(dialog, 'Save').click();
    await until(() => boardRoot(world.board).querySelectorAll('section.group').length === 3, 'the new section');
    const heading = boardRoot(world.board).querySelectorAll('section.group h3')[2];
    expect(heading.textContent!.trim()).to.equal('<img src=x onerror=alert(1)>Fieldwork');
    expect(heading.querySelector('img')).to.equal(null);
    // The dialog gave the focus back to the button that opened it.
    await until(() => boardRoot(world.board).activeElement?.textContent?.trim() === 'Add a section', 'the focus back on "Add a section"');
    // Move "Day 2" earlier, with its button.
    boardRoot(world.board).querySelector<HTMLButtonElement>('button[aria-label="Move Day 2 earlier"]')!.click();
    await until(() => boardRoot(world.board).querySelector('section.group h3')!.textContent!.trim() === 'Day 2', 'the new order');
    await until(() => boardRoot(world.board).activeElement?.getAttribute('aria-label') === 'Move Day 2 earlier', 'the focus on the moved button');

    const pupilWorld = await boardWith({ user: kasia, backing: world.backing, space: world.spaceId });
    expect(boardRoot(pupilWorld.board).querySelector('.section-tools')).to.equal(null);
    let refused: unknown;
    await pupilWorld.store.create('board-section', { name: 'Mine', position: 'z' }).catch((error) => (refused = error));
    expect(refused).to.have.property('code', 'permission');
  });

  it('a travelling pupil posts text, a link, a photo with its description, a clip and a file', async () => {
    const teacherWorld = await boardWith({ user: teacher });
    const [day1] = await addSections(teacherWorld.store, ['Day 1', 'Fieldwork']);
    const world = await boardWith({ user: kasia, backing: teacherWorld.backing, space: teacherWorld.spaceId });
    await until(() => boardRoot(world.board).querySelectorAll('section.group').length === 2, 'sections');

    let composer = await startPost(world.board);
    await expectAccessible(world.board);
    typeIn(composer.shadowRoot!, 'title', 'Arrival');
    setBody(composer, '<p>We took the <strong>ferry</strong>.</p>');
    typeIn(composer.shadowRoot!, 'tags', '#harbour-team, Waves,harbour-team');
    publish(composer);
    await until(() => postViewOf(world.board), 'the saved post opened');
    boardRoot(world.board).querySelector<HTMLButtonElement>('dialog .close')!.click();

    composer = await startPost(world.board);
    chooseKind(composer, 'link');
    await composer.updateComplete;
    typeIn(composer.shadowRoot!, 'title', 'Port of Gdynia');
    typeIn(composer.shadowRoot!, 'url', 'https://www.port.gdynia.pl/en/');
    publish(composer);
    await until(() => postViewOf(world.board), 'the link post');
    boardRoot(world.board).querySelector<HTMLButtonElement>('dialog .close')!.click();

    composer = await startPost(world.board);
    chooseKind(composer, 'image');
    await composer.updateComplete;
    pickFile(composer.shadowRoot!, await photo());
    await until(() => composer.shadowRoot!.querySelector('.chosen'), 'the photo stored');
    typeIn(composer.shadowRoot!, 'title', 'The pier');
    publish(composer);
    await until(() => composer.shadowRoot!.querySelector('[name=alt][aria-invalid=true]'), 'the missing description marked');
    expect(composer.shadowRoot!.textContent).to.include('Describe the photo for those who cannot see it');
    typeIn(composer.shadowRoot!, 'alt', 'A long wooden pier in the sun');
    publish(composer);
    await until(() => postViewOf(world.board), 'the photo post');
    boardRoot(world.board).querySelector<HTMLButtonElement>('dialog .close')!.click();

    composer = await startPost(world.board);
    chooseKind(composer, 'file');
    await composer.updateComplete;
    const pdf = new File([new TextEncoder().encode('%PDF-1.4\n% a tiny pdf\n')], 'map.pdf', { type: 'application/pdf' });
    pickFile(composer.shadowRoot!, pdf);
    await until(() => composer.shadowRoot!.querySelector('.chosen'), 'the file stored');
    publish(composer);
    await until(() => postViewOf(world.board), 'the file post');
    boardRoot(world.board).querySelector<HTMLButtonElement>('dialog .close')!.click();

    composer = await startPost(world.board);
    chooseKind(composer, 'video');
    await composer.updateComplete;
    typeIn(composer.shadowRoot!, 'url', 'https://www.youtube.com/watch?v=abc123');
    typeIn(composer.shadowRoot!, 'title', 'Our video tour');
    publish(composer);
    await until(() => postViewOf(world.board), 'the video post');
    // No player: the page owner allowed no other site.
    expect(postViewOf(world.board)!.shadowRoot!.querySelector('iframe')).to.equal(null);
    boardRoot(world.board).querySelector<HTMLButtonElement>('dialog .close')!.click();

    await until(() => titlesIn(world.board, 'Day 1').length === 5, 'five posts');
    expect(titlesIn(world.board, 'Day 1')).to.deep.equal(['Arrival', 'Port of Gdynia', 'The pier', 'map.pdf', 'Our video tour']);
    const posts = (await world.store.list<Post>('board')).records;
    const byTitle = (title: string) => posts.find((post) => post.title === title)!;
    expect(byTitle('Arrival')).to.include({ kind: 'text', section: day1.id });
    expect(byTitle('Arrival').tags).to.deep.equal(['harbour-team', 'Waves']);
    expect(byTitle('The pier')).to.include({ kind: 'image', alt: 'A long wooden pier in the sun' });
    expect(byTitle('The pier').thumbnail).to.be.a('string');
    expect(byTitle('The pier').file).to.include({ width: 640, height: 480 });
    expect(byTitle('map.pdf').file).to.include({ name: 'map.pdf', type: 'application/pdf' });
    const positions = ['Arrival', 'Port of Gdynia', 'The pier', 'map.pdf', 'Our video tour'].map((title) => byTitle(title).position);
    expect([...positions].sort()).to.deep.equal(positions);

    // The cards: author, school, travelling; the picture's description; the link's host without a visit.
    const arrival = cardOf(world.board, 'Arrival');
    expect(arrival.querySelector('.byline')!.textContent).to.include('Kasia Nowak').and.include('Szkoła Gdynia').and.include('travelling');
    expect(arrival.querySelector('.rich strong')!.textContent).to.equal('ferry');
    await until(() => cardOf(world.board, 'The pier').querySelector('img'), 'the thumbnail');
    expect(cardOf(world.board, 'The pier').querySelector('img')!.getAttribute('alt')).to.equal('A long wooden pier in the sun');
    expect(cardOf(world.board, 'Port of Gdynia').querySelector('a')!.getAttribute('rel')).to.include('noopener');
    // The file is read only when asked for, then offered as a download.
    const saved: Blob[] = [];
    const original = URL.createObjectURL;
    URL.createObjectURL = (blob: Blob | MediaSource) => (saved.push(blob as Blob), original(blob as Blob));
    try {
      buttonIn(cardOf(world.board, 'map.pdf'), 'Download map.pdf').click();
      // Typed as bytes, so the browser saves it and never renders it.
      await until(() => saved.some((blob) => blob.type === 'application/octet-stream'), 'the file downloaded');
    } finally {
      URL.createObjectURL = original;
    }
    expect(await saved.find((blob) => blob.type === 'application/octet-stream')!.text()).to.include('%PDF-1.4');
    await expectAccessible(world.board);
  });

  it('a pupil at home is shown as such, and the layouts draw the same posts as wall, columns, stream and timeline', async () => {
    const teacherWorld = await boardWith({ user: teacher });
    const [day1, day2] = await addSections(teacherWorld.store, ['Day 1', 'Day 2']);
    await addPosts(teacherWorld.storeFor(partner), day1, ['From Bari']);
    await addPosts(teacherWorld.store, day2, ['Programme']);
    const world = await boardWith({ user: partner, backing: teacherWorld.backing, space: teacherWorld.spaceId });
    await until(() => boardRoot(world.board).querySelectorAll('article.post').length === 2, 'posts');
    expect(cardOf(world.board, 'From Bari').querySelector('.byline')!.textContent).to.include('at home');
    for (const layout of ['Columns', 'Stream', 'Timeline', 'Wall']) {
      buttonIn(boardRoot(world.board), layout).click();
      await world.board.updateComplete;
      expect(boardRoot(world.board).querySelector('.groups')!.className).to.include(`layout-${layout.toLowerCase()}`);
      expect(boardRoot(world.board).querySelectorAll('article.post').length).to.equal(2);
      await expectAccessible(world.board);
    }
    buttonIn(boardRoot(world.board), 'Timeline').click();
    await world.board.updateComplete;
    expect(boardRoot(world.board).querySelector('button.move')).to.equal(null);
  });
});
