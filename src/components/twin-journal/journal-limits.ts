import type { AttachmentLimits } from '../../sdk/store/store-types.js';

/** Documented limits for a journal entry's files, checked by their first bytes, not by their name. */
export const JOURNAL_IMAGE_LIMITS: AttachmentLimits = {
  maxBytes: 5 * 1024 * 1024,
  types: ['image/png', 'image/jpeg', 'image/gif', 'image/webp'],
};

/** A short clip or a voice note: 15 MB is about a minute of phone video. */
export const JOURNAL_CLIP_LIMITS: AttachmentLimits = {
  maxBytes: 15 * 1024 * 1024,
  types: ['audio/mpeg', 'audio/wav', 'audio/ogg', 'video/webm', 'video/mp4'],
};

/** At most this many files per entry. */
export const MAX_MEDIA = 6;
/** Longest entry text, in characters (as the schema's long text). */
export const MAX_BODY = 20_000;
