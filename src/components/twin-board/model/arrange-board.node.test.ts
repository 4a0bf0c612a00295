import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { arrangeBoard, localDay, type ArrangeablePost } from './arrange-board.js';
import { positionsBetween } from './fractional-position.js';

type Post = ArrangeablePost & { title?: string };
const post = (id: string, section: string, position: string, fields: Partial<Post> = {}): Post => ({ id, section, position, createdAt: '2027-03-08T10:00:00.000Z', ...fields });

const sections = [
  { id: 'later', name: 'Later', position: 'k' },
  { id: 'first', name: 'First', position: 'B' },
  { id: 'empty', name: 'Empty', position: 'V' },
];
const summary = (groups: { key: string; posts: { id: string }[] }[]) => groups.map((group) => `${group.key}: ${group.posts.map((p) => p.id).join(' ')}`);

describe('arrangeBoard: wall, columns, stream', () => {
  const posts = [
    post('b', 'first', 'W'),
    post('a', 'first', 'V'),
    post('pin', 'first', 'z', { pinned: true }),
    post('x', 'later', 'V'),
    post('lost', 'gone', 'V'),
    post('tie2', 'later', 'A'),
    post('tie1', 'later', 'A'),
  ];

  for (const layout of ['wall', 'columns', 'stream'] as const) {
    it(`${layout}: one group per section in section order, pinned first, then by position and id`, () => {
      const { groups } = arrangeBoard({ posts, sections, layout });
      assert.deepEqual(summary(groups), ['section:first: pin a b', 'section:empty: ', 'section:later: tie1 tie2 x', 'unsorted: lost']);
      assert.equal(groups[0].kind, 'section');
      assert.equal(groups[0].section?.name, 'First', 'the section record itself');
      assert.equal(groups[3].kind, 'unsorted');
    });
  }

  it('keeps empty sections and leaves out an empty unsorted group', () => {
    const { groups } = arrangeBoard({ posts: [post('a', 'first', 'V')], sections, layout: 'wall' });
    assert.deepEqual(summary(groups), ['section:first: a', 'section:empty: ', 'section:later: ']);
    assert.deepEqual(arrangeBoard({ posts: [], sections: [], layout: 'wall' }).groups, []);
  });

  it('does not change the arrays it is given', () => {
    const given = [...posts];
    const givenSections = [...sections];
    arrangeBoard({ posts: given, sections: givenSections, layout: 'wall' });
    assert.deepEqual(given, posts);
    assert.deepEqual(givenSections, sections);
  });

  it('arranges 1,000 posts in 20 sections', () => {
    const many = Array.from({ length: 20 }, (_, i) => ({ id: `s${i}`, name: `S${i}`, position: positionsBetween(undefined, undefined, 20)[i] }));
    const keys = positionsBetween(undefined, undefined, 50);
    // Shuffled deterministically: post n is in section n % 20 at slot n / 20 (reversed).
    const all = Array.from({ length: 1_000 }, (_, n) => post(`p${n}`, `s${n % 20}`, keys[49 - Math.floor(n / 20)], { pinned: n === 999 }));
    const { groups } = arrangeBoard({ posts: all, sections: [...many].reverse(), layout: 'columns' });
    assert.equal(groups.length, 20);
    assert.deepEqual(groups.map((group) => group.section?.id), many.map((section) => section.id));
    assert.equal(groups.reduce((sum, group) => sum + group.posts.length, 0), 1_000);
    for (const group of groups) {
      assert.equal(group.posts.length, 50);
      assert.ok(group.posts.every((p) => p.section === group.section?.id));
      const unpinned = group.posts.filter((p) => !p.pinned);
      for (let i = 1; i < unpinned.length; i++) assert.ok(unpinned[i - 1].position < unpinned[i].position);
    }
    assert.equal(groups[19].posts[0].id, 'p999', 'the pinned post leads its section');
  });
});

describe('arrangeBoard: timeline', () => {
  const dayOf = (iso: string) => iso.slice(0, 10);

  it('groups by day, oldest first, and posts oldest first within a day', () => {
    const posts = [
      post('late', 's', 'V', { createdAt: '2027-03-09T18:00:00.000Z' }),
      post('early', 's', 'V', { createdAt: '2027-03-09T08:00:00.000Z' }),
      post('first', 's', 'V', { createdAt: '2027-03-07T08:00:00.000Z' }),
      post('same2', 's', 'V', { createdAt: '2027-03-10T08:00:00.000Z' }),
      post('same1', 's', 'V', { createdAt: '2027-03-10T08:00:00.000Z' }),
    ];
    const { groups } = arrangeBoard({ posts, sections, layout: 'timeline', dayOf });
    assert.deepEqual(summary(groups), ['day:2027-03-07: first', 'day:2027-03-09: early late', 'day:2027-03-10: same1 same2']);
    assert.ok(groups.every((group) => group.kind === 'day' && group.mobilityDay === undefined && group.section === undefined));
    assert.equal(groups[1].day, '2027-03-09');
  });

  it('compares times as instants, whatever their offsets', () => {
    const posts = [post('b', 's', 'V', { createdAt: '2027-03-09T10:30:00+01:00' }), post('a', 's', 'V', { createdAt: '2027-03-09T10:00:00Z' })];
    assert.deepEqual(summary(arrangeBoard({ posts, sections, layout: 'timeline', dayOf: () => '2027-03-09' }).groups), ['day:2027-03-09: b a']);
  });

  it('numbers the days of the mobility from 1', () => {
    const posts = ['2027-03-07', '2027-03-08', '2027-03-10', '2027-03-14', '2027-03-15'].map((day) => post(day, 's', 'V', { createdAt: `${day}T12:00:00.000Z` }));
    const { groups } = arrangeBoard({ posts, sections, layout: 'timeline', dayOf, mobility: { from: '2027-03-08', to: '2027-03-14' } });
    assert.deepEqual(
      groups.map((group) => [group.day, group.mobilityDay]),
      [
        ['2027-03-07', undefined],
        ['2027-03-08', 1],
        ['2027-03-10', 3],
        ['2027-03-14', 7],
        ['2027-03-15', undefined],
      ],
    );
  });

  it('uses the local date by default, and puts unreadable times last', () => {
    const when = '2027-03-09T23:30:00.000Z';
    const posts = [post('bad', 's', 'V', { createdAt: 'yesterday' }), post('ok', 's', 'V', { createdAt: when })];
    const { groups } = arrangeBoard({ posts, sections, layout: 'timeline' });
    const local = new Date(when);
    assert.equal(groups[0].day, `${local.getFullYear()}-${String(local.getMonth() + 1).padStart(2, '0')}-${String(local.getDate()).padStart(2, '0')}`);
    assert.deepEqual(summary(groups).slice(1), ['unsorted: bad']);
    assert.equal(localDay('not a time'), '');
  });
});
