import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { arrangeBoard } from './arrange-board.js';
import type { BoardComment, BoardPost, BoardSection } from './board-types.js';
import { EXHIBITION_CSP, exhibitionHtml, type ExhibitionInput } from './exhibition-html.js';

const PNG = 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==';
const MP4 = 'data:video/mp4;base64,AAAAIGZ0eXBpc29t';
const MP3 = 'data:audio/mpeg;base64,SUQzBAAAAAAA';
const PDF = 'data:application/pdf;base64,JVBERi0xLjQK';

const EVIL = `<script>alert(1)</script><img src=x onerror=alert(2)>"'</style>`;

let n = 0;
function post(fields: Partial<BoardPost>): BoardPost {
  n++;
  return {
    id: `p${n}`,
    collection: 'board',
    createdAt: `2027-03-0${(n % 9) + 1}T10:00:00.000Z`,
    updatedAt: '2027-03-09T10:00:00.000Z',
    author: { id: 'kasia', name: 'Kasia', school: 'SP 5 Gdynia', mobile: true },
    status: 'published',
    kind: 'text',
    section: 'harbour',
    position: `V${n}`,
    ...fields,
  };
}

const sections: BoardSection[] = [
  { id: 'harbour', name: 'The harbour', position: 'B' },
  { id: 'food', name: 'Food', position: 'V' },
];

function input(posts: BoardPost[], extra: Partial<ExhibitionInput<BoardPost>> = {}): ExhibitionInput<BoardPost> {
  return {
    title: 'Gdynia 2027',
    lang: 'en',
    exportedAt: '2027-03-15T09:00:00.000Z',
    sections,
    groups: arrangeBoard({ posts, sections, layout: 'wall' }).groups,
    comments: [],
    reactionCounts: new Map(),
    media: new Map(),
    ...extra,
  };
}

/** Every tag of the document, to check none came from user text. */
const tags = (html: string) => new Set((html.match(/<[a-z0-9]+/gi) ?? []).map((tag) => tag.slice(1).toLowerCase()));
const ALLOWED_TAGS = new Set(
  'html head meta title style body header h1 h2 h3 h4 p main section ul ol li article figure figcaption img video audio a span time div br b strong i em'.split(' '),
);

describe('exhibitionHtml: the document', () => {
  it('is one self-contained document with no script, a CSP and print rules', () => {
    const html = exhibitionHtml(input([post({ title: 'Hello' })]));
    assert.match(html, /^<!doctype html>\n<html lang="en">/);
    assert.match(html, /<meta charset="utf-8">/);
    assert.match(html, /<meta name="viewport" content="width=device-width, initial-scale=1">/);
    assert.ok(html.includes(`<meta http-equiv="Content-Security-Policy" content="${EXHIBITION_CSP}">`));
    assert.equal(EXHIBITION_CSP, "default-src 'none'; img-src data:; media-src data:; style-src 'unsafe-inline'");
    assert.match(html, /<style>[\s\S]*@media print\{[\s\S]*break-inside:avoid[\s\S]*<\/style>/);
    assert.doesNotMatch(html, /<script/i);
    assert.doesNotMatch(html, /\s(src|href)="(?!data:)/, 'nothing to fetch');
    assert.match(html, /<h1>Gdynia 2027<\/h1>/);
    assert.match(html, /Exported on 2027-03-15/);
  });

  it('shows sections in the given order, leaves out empty ones, and says when there is nothing', () => {
    const html = exhibitionHtml(input([post({ title: 'Pier', section: 'food' }), post({ title: 'Lost', section: 'gone' })]));
    assert.ok(html.indexOf('<h2 id="group-0">Food</h2>') < html.indexOf('<h2 id="group-1">Without a section</h2>'));
    assert.doesNotMatch(html, /The harbour/);
    assert.match(exhibitionHtml(input([])), /<p class="empty">No posts yet.<\/p>/);
  });

  it('uses the given words and date format', () => {
    const posts = [post({ title: 'Día 1', createdAt: '2027-03-08T10:00:00.000Z' })];
    const html = exhibitionHtml(
      input(posts, {
        lang: 'es',
        labels: { exportedOn: (date) => `Exportado el ${date}`, by: 'de', reactions: { like: 'Me gusta' } as never, mobilityDay: 'Día' },
        formatDate: (text) => `«${text.slice(0, 10)}»`,
        groups: arrangeBoard({ posts, sections, layout: 'timeline', dayOf: (iso) => iso.slice(0, 10), mobility: { from: '2027-03-08', to: '2027-03-14' } }).groups,
        reactionCounts: new Map([[posts[0].id, { like: 2, clap: 1 }]]),
      }),
    );
    assert.match(html, /<html lang="es">/);
    assert.match(html, /Exportado el «2027-03-15»/);
    assert.match(html, /<h2 id="group-0"><time datetime="2027-03-08">«2027-03-08»<\/time> <span class="mobility">Día 1<\/span><\/h2>/);
    assert.match(html, /de Kasia · SP 5 Gdynia · travelling · <time datetime="2027-03-08T10:00:00.000Z">«2027-03-08»<\/time> · Section: The harbour/);
    assert.match(html, /Me gusta: 2<\/li>/);
    assert.match(html, /Well done: 1<\/li>/, 'a missing word is the English default');
    assert.doesNotMatch(html, /Good idea/, 'no count, no line');
  });
});

describe('exhibitionHtml: posts', () => {
  it('embeds pictures, clips and files as data URLs', () => {
    const picture = post({ kind: 'image', attachment: 'a-png', alt: 'The pier at dawn' });
    const clip = post({ kind: 'video', attachment: 'a-mp4', file: { name: 'waves.mp4', type: 'video/mp4', size: 2_400_000 } });
    const sound = post({ kind: 'video', attachment: 'a-mp3', alt: 'Seagulls' });
    const file = post({ kind: 'file', attachment: 'a-pdf', file: { name: 'tides.pdf', type: 'application/pdf', size: 830_000 } });
    const media = new Map([
      ['a-png', { dataUrl: PNG, type: 'image/png' }],
      ['a-mp4', { dataUrl: MP4, type: 'video/mp4' }],
      ['a-mp3', { dataUrl: MP3, type: 'audio/mpeg' }],
      ['a-pdf', { dataUrl: PDF, type: 'application/pdf' }],
    ]);
    const html = exhibitionHtml(input([picture, clip, sound, file], { media }));
    assert.ok(html.includes(`<figure><img src="${PNG}" alt="The pier at dawn"><figcaption>The pier at dawn</figcaption></figure>`));
    assert.ok(html.includes(`<video controls preload="metadata" src="${MP4}"></video><figcaption>Video: waves.mp4</figcaption>`));
    assert.ok(html.includes(`<audio controls preload="none" src="${MP3}"></audio><figcaption>Sound: Seagulls</figcaption>`));
    assert.ok(html.includes(`<a download="tides.pdf" href="${PDF}">tides.pdf (811 kB)</a>`));
  });

  it('says what is missing when media is not included', () => {
    const html = exhibitionHtml(
      input([
        post({ kind: 'image', attachment: 'gone', alt: 'Our class' }),
        post({ kind: 'image', attachment: 'svg' }),
        post({ kind: 'video', attachment: 'gone', file: { name: 'clip.mp4', type: 'video/mp4', size: 10 } }),
        post({ kind: 'file', attachment: 'gone', file: { name: 'plan.pdf', type: 'application/pdf', size: 2_500_000 } }),
      ], { media: new Map([['svg', { dataUrl: 'data:image/svg+xml;base64,PHN2Zz4=', type: 'image/svg+xml' }]]) }),
    );
    assert.match(html, /<figcaption>Our class <span class="missing">\(picture not included\)<\/span><\/figcaption>/);
    assert.match(html, /<figcaption>Picture <span class="missing">\(picture not included\)<\/span><\/figcaption>/, 'SVG is not embedded');
    assert.match(html, /<p class="missing">Video: clip.mp4 \(file not included\)<\/p>/);
    assert.match(html, /<p class="file">plan.pdf \(2.4 MB\) <span class="missing">\(file not included\)<\/span><\/p>/);
    assert.doesNotMatch(html, /<img|<video|download=/);
  });

  it('links only to http(s) and mailto addresses, showing the address', () => {
    const html = exhibitionHtml(
      input([
        post({ kind: 'link', url: 'https://example.org/tides?a=1&b=2' }),
        post({ kind: 'link', url: 'javascript:alert(1)' }),
        post({ kind: 'video', url: 'https://video.example/watch?v=1' }),
      ]),
    );
    assert.match(html, /<a class="open" href="https:\/\/example.org\/tides\?a=1&amp;b=2" rel="noopener noreferrer" target="_blank">Open the link<\/a> <span class="url">https:\/\/example.org\/tides\?a=1&amp;b=2<\/span>/);
    assert.match(html, /<p class="link"><span class="url">javascript:alert\(1\)<\/span><\/p>/);
    assert.doesNotMatch(html, /href="javascript/i);
    assert.match(html, /href="https:\/\/video.example\/watch\?v=1"/, 'a video link is a link');
  });

  it('shows pinned posts, colour labels, tags, authors at home, and published comments only, oldest first', () => {
    const pinned = post({ pinned: true, color: 'blue', tags: ['Team Blue', ' '], author: { id: 'ana', name: 'Ana', mobile: false } });
    const comments: BoardComment[] = [
      { id: 'c2', target: pinned.id, body: 'Second\nline', author: { id: 'm', name: 'Marco', school: 'Liceo Bari' }, createdAt: '2027-03-10T10:00:00Z', status: 'published' },
      { id: 'c1', target: pinned.id, body: 'First', author: { id: 'k', name: 'Kasia' }, createdAt: '2027-03-09T10:00:00Z', status: 'published' },
      { id: 'c3', target: pinned.id, body: 'Waiting', author: { id: 'k', name: 'Kasia' }, createdAt: '2027-03-09T11:00:00Z', status: 'pending' },
    ];
    const html = exhibitionHtml(input([pinned, post({ color: 'not a colour" onclick="x' })], { comments }));
    assert.match(html, /<li class="card color-blue pinned"><article><p class="pin">📌 Pinned<\/p>/);
    assert.match(html, /<ul class="tags"><li>#Team Blue<\/li><\/ul>/);
    assert.match(html, /by Ana · at home · <time/);
    assert.match(html, /<h4>Comments \(2\)<\/h4><ul><li><p>First<\/p>.*<li><p>Second<br>line<\/p><p class="by">by Marco · Liceo Bari · /);
    assert.doesNotMatch(html, /Waiting/);
    assert.match(html, /<li class="card"><article>/, 'an unknown colour is no colour');
  });

  it('puts what pupils wrote inside its own language, and leaves a text of no stated language to the document', () => {
    const spanish = post({ title: 'La llegada', body: '<p>Cogimos el ferri.</p>', language: 'es' });
    const photo = post({ kind: 'image', attachment: 'gone', alt: 'Il molo', language: 'it' });
    const old = post({ title: 'Before languages', body: '<p>Plain.</p>' });
    const forged = post({ title: 'Forged', language: 'es" onclick="x' });
    const comments: BoardComment[] = [
      { id: 'c1', target: spanish.id, body: 'مرحبا', language: 'ar', author: { id: 'k', name: 'Kasia' }, createdAt: '2027-03-09T10:00:00Z', status: 'published' },
      { id: 'c2', target: spanish.id, body: 'No language', author: { id: 'k', name: 'Kasia' }, createdAt: '2027-03-09T11:00:00Z', status: 'published' },
    ];
    const html = exhibitionHtml(input([spanish, photo, old, forged], { comments }));
    assert.match(html, /<h3 lang="es" dir="ltr">La llegada<\/h3>/);
    assert.match(html, /<div class="body" lang="es" dir="ltr"><p>Cogimos el ferri.<\/p><\/div>/);
    assert.match(html, /<p lang="ar" dir="rtl">مرحبا<\/p>/);
    assert.match(html, /<li><p>No language<\/p>/);
    assert.match(html, /<figcaption><span lang="it" dir="ltr">Il molo<\/span> <span class="missing">/);
    assert.match(html, /<h3>Before languages<\/h3>/);
    assert.match(html, /<div class="body"><p>Plain.<\/p><\/div>/);
    assert.match(html, /<h3>Forged<\/h3>/, 'not a language code: no attribute at all');
  });
});

describe('exhibitionHtml: hostile input never becomes markup', () => {
  it('escapes every user-written text and re-sanitises bodies', () => {
    const hostile = post({
      kind: 'image',
      title: EVIL,
      body: `<p onclick="x">ok</p>${EVIL}<a href="javascript:alert(3)">x</a><a href="https://ok.example/">fine</a>`,
      alt: EVIL,
      tags: [EVIL],
      attachment: 'gone',
      section: 'evil',
      author: { id: 'x', name: EVIL, school: EVIL, mobile: true },
    });
    const file = post({ kind: 'file', section: 'evil', attachment: 'f', file: { name: `"><script>alert(4)</script>.pdf`, type: 'application/pdf', size: 1 } });
    const link = post({ kind: 'link', section: 'evil', url: `https://x.example/"onmouseover="alert(5)` });
    const evilSections: BoardSection[] = [{ id: 'evil', name: EVIL, position: 'V' }];
    const evilComment: BoardComment = { id: 'c', target: hostile.id, body: EVIL, author: { id: 'y', name: EVIL, school: EVIL }, createdAt: '2027-03-09T10:00:00Z', status: 'published' };
    const html = exhibitionHtml({
      ...input([]),
      title: `</title></style>${EVIL}`,
      lang: `en"><script>alert(6)</script>`,
      sections: evilSections,
      groups: arrangeBoard({ posts: [hostile, file, link], sections: evilSections, layout: 'wall' }).groups,
      comments: [evilComment],
      media: new Map([
        ['f', { dataUrl: PDF, type: 'application/pdf' }],
        ['gone', { dataUrl: `data:image/png;base64,AAAA"><script>alert(7)</script>`, type: 'image/png' }],
      ]),
      labels: { pinned: EVIL },
    });
    assert.doesNotMatch(html, /<script/i);
    assert.doesNotMatch(html, /<img src=x/i);
    for (const tag of html.match(/<[^>]*>/g) ?? []) assert.doesNotMatch(tag, /\son[a-z]+=/i, `an event handler in ${tag}`);
    assert.doesNotMatch(html, /javascript:alert\(3\)"/);
    assert.equal((html.match(/<\/style>/g) ?? []).length, 1, 'only the style element itself is closed');
    assert.equal((html.match(/<\/title>/g) ?? []).length, 1);
    assert.match(html, /<html lang="en&quot;&gt;&lt;script&gt;alert\(6\)&lt;\/script&gt;">/);
    assert.match(html, /<a href="https:\/\/ok.example\/" rel="noopener noreferrer">fine<\/a>/, 'safe links in the body stay');
    assert.match(html, /<p class="link"><span class="url">https:\/\/x.example\/&quot;onmouseover=&quot;alert\(5\)<\/span><\/p>/);
    assert.match(html, /download="&quot;&gt;&lt;script&gt;alert\(4\)&lt;\/script&gt;.pdf"/);
    assert.match(html, /picture not included/, 'a malformed data URL is not embedded');
    for (const tag of tags(html)) assert.ok(ALLOWED_TAGS.has(tag), `unexpected <${tag}>`);
  });
});
