import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { filterOptions, filterPosts, type FilterablePost } from './filter-posts.js';

type P = FilterablePost & { id: string };
const post = (id: string, fields: Partial<P> = {}): P => ({
  id,
  author: { id: 'kasia', name: 'Kasia', school: 'SP 5 Gdynia' },
  kind: 'text',
  updatedAt: '2027-03-08T10:00:00.000Z',
  ...fields,
});

const posts: P[] = [
  post('1', { phase: 'mobility', tags: ['Team Blue', 'waves'] }),
  post('2', { author: { id: 'marco', name: 'Marco', school: '  Liceo Bari ' }, kind: 'image', tags: ['team blue'] }),
  post('3', { author: { id: 'lucia', name: 'Lucía', school: 'liceo bari' }, kind: 'link', phase: 'preparation' }),
  post('4', { author: { id: 'ana', name: 'Ana' }, kind: 'image', phase: 'mobility', tags: ['Ola'] }),
];
const ids = (list: P[]) => list.map((item) => item.id);

describe('filterPosts', () => {
  it('lets everything through without filters, or with empty ones', () => {
    assert.deepEqual(ids(filterPosts(posts, {})), ['1', '2', '3', '4']);
    assert.deepEqual(ids(filterPosts(posts, { school: '', author: '', tag: '' })), ['1', '2', '3', '4']);
  });

  it('compares schools trimmed and case-insensitively', () => {
    assert.deepEqual(ids(filterPosts(posts, { school: 'LICEO BARI' })), ['2', '3']);
    assert.deepEqual(ids(filterPosts(posts, { school: ' sp 5 gdynia ' })), ['1']);
  });

  it('compares tags case-insensitively', () => {
    assert.deepEqual(ids(filterPosts(posts, { tag: 'team blue' })), ['1', '2']);
    assert.deepEqual(ids(filterPosts(posts, { tag: 'OLA' })), ['4']);
    assert.deepEqual(ids(filterPosts(posts, { tag: 'none' })), []);
  });

  it('filters by author, phase and kind exactly, and combines all filters', () => {
    assert.deepEqual(ids(filterPosts(posts, { author: 'marco' })), ['2']);
    assert.deepEqual(ids(filterPosts(posts, { phase: 'mobility' })), ['1', '4']);
    assert.deepEqual(ids(filterPosts(posts, { kind: 'image' })), ['2', '4']);
    assert.deepEqual(ids(filterPosts(posts, { kind: 'image', phase: 'mobility' })), ['4']);
    assert.deepEqual(ids(filterPosts(posts, { kind: 'image', school: 'liceo bari', tag: 'Team Blue' })), ['2']);
  });
});

describe('filterOptions', () => {
  it('gives distinct, sorted choices', () => {
    assert.deepEqual(filterOptions(posts), {
      schools: ['Liceo Bari', 'SP 5 Gdynia'],
      authors: [
        { id: 'ana', name: 'Ana' },
        { id: 'kasia', name: 'Kasia' },
        { id: 'lucia', name: 'Lucía' },
        { id: 'marco', name: 'Marco' },
      ],
      phases: ['mobility', 'preparation'],
      kinds: ['image', 'link', 'text'],
      tags: ['Ola', 'Team Blue', 'waves'],
    });
  });

  it('names an author as in their latest post, and skips blank schools and tags', () => {
    const options = filterOptions([
      post('a', { author: { id: 'k', name: 'Kasia N.', school: '  ' }, updatedAt: '2027-03-10T00:00:00.000Z', tags: [' '] }),
      post('b', { author: { id: 'k', name: 'Kasia', school: '' }, updatedAt: '2027-03-09T00:00:00.000Z' }),
    ]);
    assert.deepEqual(options.authors, [{ id: 'k', name: 'Kasia N.' }]);
    assert.deepEqual(options.schools, []);
    assert.deepEqual(options.tags, []);
  });

  it('is empty for no posts', () => {
    assert.deepEqual(filterOptions([]), { schools: [], authors: [], phases: [], kinds: [], tags: [] });
  });
});
