/** Helpers for adapter authors: revisions look like CouchDB's, `<generation>-<random>`. */

export function revisionGeneration(rev: string | null | undefined): number {
  if (!rev) return 0;
  const n = Number.parseInt(rev, 10);
  return Number.isFinite(n) ? n : 0;
}

export function nextRevision(previous: string | null | undefined): string {
  return `${revisionGeneration(previous) + 1}-${randomId(10)}`;
}

const ALPHABET = '0123456789abcdefghijklmnopqrstuvwxyz';
// One getRandomValues call per 4 kB of ids: a 10,000-record import makes 20,000 ids.
const pool = new Uint8Array(4096);
let used = pool.length;

/** URL-safe random id (lowercase letters and digits). */
export function randomId(length = 16): string {
  let out = '';
  for (let i = 0; i < length; i++) {
    if (used === pool.length) {
      crypto.getRandomValues(pool);
      used = 0;
    }
    // 252 = 7 x 36: dropping higher bytes keeps every character equally likely.
    const byte = pool[used++];
    if (byte >= 252) i--;
    else out += ALPHABET[byte % 36];
  }
  return out;
}
