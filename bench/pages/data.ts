/**
 * Deterministic glossary-like test data for the storage benchmark: every contender gets the same
 * entries (2 to 4 languages of term + definition, a category and tags; 400 to 600 bytes of JSON).
 */

export interface GlossaryFields {
  translations: Record<string, { term: string; definition: string }>;
  category: string;
  tags: string[];
  [field: string]: unknown;
}

/** A record as the SDK stores it (envelope + fields), used by the raw idb and Dexie contenders. */
export interface StoredRecord extends GlossaryFields {
  id: string;
  space: string;
  collection: string;
  rev: string;
  schemaVersion: number;
  createdAt: string;
  updatedAt: string;
  author: { id: string; name: string };
  status: 'published';
}

/** Small, fast, seedable PRNG (mulberry32). */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const LANGUAGES = ['en', 'es', 'fr', 'de', 'it', 'pt', 'pl', 'ro', 'el', 'fi', 'nl', 'pt-BR', 'sr-Latn'];
const CATEGORIES = ['Environment', 'Water', 'Energy', 'History', 'Food', 'Citizenship', 'Science', 'Art', 'Sport', 'Cities'];
const TAGS = ['climate', 'recycling', 'river', 'solar', 'wind', 'heritage', 'diet', 'vote', 'mobility', 'ocean', 'forest', 'school'];
const WORDS = (
  'water river rain cloud energy power solar wind forest tree leaf soil farm food bread apple city street bridge ' +
  'school pupil teacher project partner country border language culture history museum castle market harbour ' +
  'ocean island mountain valley season summer winter spring autumn recycle plastic glass paper waste compost ' +
  'vote council mayor citizen right duty festival music dance painting sculpture theatre football bicycle train'
).split(' ');
const ACCENTED = ['é', 'ñ', 'ü', 'ç', 'ø', 'ł', 'ă', 'ß', 'à', 'ö'];

/** Fisher-Yates with the seeded PRNG (a random `sort` comparator is neither uniform nor deterministic in V8). */
function shuffled<T>(items: readonly T[], random: () => number): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

function word(random: () => number): string {
  const w = WORDS[Math.floor(random() * WORDS.length)];
  // A few non-ASCII letters, as in real multilingual glossaries.
  return random() < 0.15 ? w + ACCENTED[Math.floor(random() * ACCENTED.length)] : w;
}

function sentence(random: () => number, words: number): string {
  const out: string[] = [];
  for (let i = 0; i < words; i++) out.push(word(random));
  const text = out.join(' ');
  return text[0].toUpperCase() + text.slice(1) + '.';
}

/** Fields a widget passes to `store.create`: no envelope. JSON size between 400 and 600 bytes. */
export function makeFields(random: () => number): GlossaryFields {
  const count = 2 + Math.floor(random() * 3);
  const languages = shuffled(LANGUAGES, random).slice(0, count);
  const translations: GlossaryFields['translations'] = {};
  for (const language of languages) {
    translations[language] = { term: sentence(random, 1 + Math.floor(random() * 2)).slice(0, -1), definition: sentence(random, 10) };
  }
  const tags = shuffled(TAGS, random).slice(0, 1 + Math.floor(random() * 3));
  const fields: GlossaryFields = { translations, category: CATEGORIES[Math.floor(random() * CATEGORIES.length)], tags };
  // Bring the entry into the 400..600 byte range by growing or trimming the definitions.
  const first = translations[languages[0]];
  while (JSON.stringify(fields).length < 400) first.definition = first.definition.slice(0, -1) + ' ' + word(random) + '.';
  for (const language of languages) {
    const size = JSON.stringify(fields).length;
    if (size <= 600) break;
    const entry = translations[language];
    entry.definition = entry.definition.slice(0, Math.max(20, entry.definition.length - (size - 600))).trimEnd() + '.';
  }
  return fields;
}

export function makeFieldsList(count: number, seed: number): GlossaryFields[] {
  const random = prng(seed);
  return Array.from({ length: count }, () => makeFields(random));
}

const ALPHABET = '0123456789abcdefghijklmnopqrstuvwxyz';

/** Same shape of id as the SDK's `randomId` (16 random base-36 characters). */
export function makeId(random: () => number, length = 16): string {
  let out = '';
  for (let i = 0; i < length; i++) out += ALPHABET[Math.floor(random() * 36)];
  return out;
}

/** What the store would write for these fields: the raw contenders store exactly this shape. */
export function toStoredRecords(fields: GlossaryFields[], space: string, seed: number): StoredRecord[] {
  const random = prng(seed);
  const timestamp = new Date().toISOString();
  return fields.map((entry) => ({
    ...entry,
    id: makeId(random),
    space,
    collection: 'glossary',
    rev: `1-${makeId(random, 10)}`,
    schemaVersion: 1,
    createdAt: timestamp,
    updatedAt: timestamp,
    author: { id: 'teacher-1', name: 'Ana Teacher' },
    status: 'published',
  }));
}
