import type { GlossaryEntry } from '../../../sdk/schemas/glossary.js';
import { matchesQuery } from '../search/glossary-search.js';

/** What a reader narrows the glossary to. Empty strings mean "any". */
export interface GlossaryFilters {
  category: string;
  school: string;
  author: string;
  phase: string;
  /** A language code: only entries without a translation in it ("help wanted"). */
  missing: string;
  /** `pending` or `hidden`: the moderation queue. */
  status: string;
}

export const NO_FILTERS: GlossaryFilters = { category: '', school: '', author: '', phase: '', missing: '', status: '' };

export function activeFilterCount(filters: GlossaryFilters): number {
  return Object.values(filters).filter(Boolean).length;
}

/** Entries that pass every filter and contain every query word; keeps the order of `sorted`. */
export function filterEntries(sorted: readonly GlossaryEntry[], filters: GlossaryFilters, words: readonly string[]): GlossaryEntry[] {
  const { category, school, author, phase, missing, status } = filters;
  return sorted.filter(
    (entry) =>
      (!category || entry.category === category) &&
      (!school || entry.author.school === school) &&
      (!author || entry.author.id === author) &&
      (!phase || entry.phase === phase) &&
      (!missing || !entry.translations[missing]) &&
      (!status || entry.status === status) &&
      matchesQuery(entry, words),
  );
}

/** The choices each filter offers, from the entries themselves, sorted for the reader. */
export function filterChoices(entries: readonly GlossaryEntry[], collator: Intl.Collator) {
  const categories = new Set<string>();
  const schools = new Set<string>();
  const phases = new Set<string>();
  const authors = new Map<string, string>();
  for (const entry of entries) {
    if (entry.category) categories.add(entry.category);
    if (entry.author.school) schools.add(entry.author.school);
    if (entry.phase) phases.add(entry.phase);
    authors.set(entry.author.id, entry.author.name);
  }
  const sorted = (values: Iterable<string>) => [...values].sort(collator.compare);
  return {
    categories: sorted(categories),
    schools: sorted(schools),
    phases: sorted(phases),
    authors: [...authors].sort((a, b) => collator.compare(a[1], b[1])),
  };
}
