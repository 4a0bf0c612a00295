/**
 * Fields that hold the id of a stored file, at any depth of a record: a board post's and a journal
 * file's `attachment` (`media[].attachment`), a board image's small `thumbnail`, a glossary
 * picture's `image.attachment`, a glossary translation's recorded `audio`.
 */
const ATTACHMENT_KEYS = new Set(['attachment', 'audio', 'thumbnail']);
/** Records are shallow; a deeper structure is not walked (and cannot make this loop forever). */
const MAX_DEPTH = 8;

/** The attachment ids a record (raw or validated) refers to, each once. */
export function attachmentIdsOf(record: unknown): string[] {
  const found = new Set<string>();
  const walk = (value: unknown, depth: number) => {
    if (depth > MAX_DEPTH || value === null || typeof value !== 'object') return;
    if (Array.isArray(value)) {
      for (const item of value) walk(item, depth + 1);
      return;
    }
    for (const [key, inner] of Object.entries(value)) {
      if (ATTACHMENT_KEYS.has(key) && typeof inner === 'string' && inner !== '') found.add(inner);
      else walk(inner, depth + 1);
    }
  };
  walk(record, 0);
  return [...found];
}
