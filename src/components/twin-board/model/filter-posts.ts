/** What a reader narrows the board to; an empty or missing filter lets everything through. */
export interface BoardFilters {
  /** A school name: compared trimmed and case-insensitively. */
  school?: string;
  /** An author id. */
  author?: string;
  /** A phase id. */
  phase?: string;
  /** A post kind. */
  kind?: string;
  /** A team tag: compared case-insensitively. */
  tag?: string;
}

/** The fields of a post the filters read. */
export interface FilterablePost {
  author: { id: string; name: string; school?: string };
  phase?: string;
  kind: string;
  tags?: readonly string[];
  updatedAt?: string;
}

/** The choices the filter menus offer: distinct values of the posts, sorted for reading. */
export interface FilterOptions {
  schools: string[];
  authors: { id: string; name: string }[];
  phases: string[];
  kinds: string[];
  tags: string[];
}

/** Schools and tags are typed by hand in several places: "IES Cartagena " and "ies cartagena" are one. */
const fold = (text: string) => text.trim().toLowerCase();

/** The posts that match every filter given, in their order. */
export function filterPosts<P extends FilterablePost>(posts: readonly P[], filters: BoardFilters): P[] {
  const school = filters.school ? fold(filters.school) : undefined;
  const tag = filters.tag ? fold(filters.tag) : undefined;
  const { author, phase, kind } = filters;
  return posts.filter(
    (post) =>
      (!school || fold(post.author.school ?? '') === school) &&
      (!author || post.author.id === author) &&
      (!phase || post.phase === phase) &&
      (!kind || post.kind === kind) &&
      (!tag || (post.tags ?? []).some((own) => fold(own) === tag)),
  );
}

const byText = (a: string, b: string) => a.localeCompare(b);

/**
 * The distinct schools, authors, phases, kinds and tags of the posts. Schools and tags that differ
 * only in case or surrounding spaces are one choice (shown as first met, trimmed); an author is
 * named as in their latest post, so a renamed pupil appears once, under their new name.
 */
export function filterOptions(posts: readonly FilterablePost[]): FilterOptions {
  const schools = new Map<string, string>();
  const tags = new Map<string, string>();
  const authors = new Map<string, { id: string; name: string; at: string }>();
  const phases = new Set<string>();
  const kinds = new Set<string>();
  for (const post of posts) {
    const school = post.author.school?.trim();
    if (school && !schools.has(fold(school))) schools.set(fold(school), school);
    for (const tag of post.tags ?? []) {
      const shown = tag.trim();
      if (shown && !tags.has(fold(shown))) tags.set(fold(shown), shown);
    }
    const at = post.updatedAt ?? '';
    const known = authors.get(post.author.id);
    if (!known || at > known.at) authors.set(post.author.id, { id: post.author.id, name: post.author.name, at });
    if (post.phase) phases.add(post.phase);
    kinds.add(post.kind);
  }
  return {
    schools: [...schools.values()].sort(byText),
    authors: [...authors.values()].map(({ id, name }) => ({ id, name })).sort((a, b) => a.name.localeCompare(b.name) || byText(a.id, b.id)),
    phases: [...phases].sort(byText),
    kinds: [...kinds].sort(byText),
    tags: [...tags.values()].sort(byText),
  };
}
