/**
 * What the server accepts as a file and how large a document may be. The types are every type a
 * widget accepts (the board's, glossary's and journal's media limits, as `sniffType` names them);
 * the store stores a file under the type read from its first bytes, so its declared type is one of
 * these. Anything else (HTML, SVG, JavaScript, XML) is refused: served from the school's origin it
 * could run as a page.
 */
export const FILE_TYPES = [
  'image/png',
  'image/jpeg',
  'image/gif',
  'image/webp',
  'audio/mpeg',
  'audio/wav',
  'audio/ogg',
  'video/webm',
  'video/mp4',
  'application/pdf',
  'application/zip',
] as const;

/** The largest widget limit (the board's clips and files). */
export const MAX_FILE_BYTES = 20 * 1024 * 1024;

/**
 * The largest record, in characters of JSON. A journal entry's text is at most 20,000 characters;
 * 1 MiB leaves room for every language of a glossary entry and a long project plan.
 */
export const MAX_RECORD_CHARS = 1024 * 1024;
