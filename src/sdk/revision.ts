/** Helpers for adapter authors: revisions look like CouchDB's, `<generation>-<random>`. */

export function revisionGeneration(rev: string | null | undefined): number {
  if (!rev) return 0;
  const n = Number.parseInt(rev, 10);
  return Number.isFinite(n) ? n : 0;
}

export function nextRevision(previous: string | null | undefined): string {
  return `${revisionGeneration(previous) + 1}-${randomId(10)}`;
}

/** URL-safe random id. */
export function randomId(length = 16): string {
  const bytes = crypto.getRandomValues(new Uint8Array(length));
  const alphabet = '0123456789abcdefghijklmnopqrstuvwxyz';
  let out = '';
  for (const byte of bytes) out += alphabet[byte % 36];
  return out;
}
