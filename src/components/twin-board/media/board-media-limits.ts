import type { AttachmentLimits } from '../../../sdk/store/store-types.js';

/**
 * Documented limits for a board post's files. Each is checked by the file's first bytes, not by its
 * name (`checkAttachment`, which the store also applies when it saves).
 */

const IMAGE_TYPES = ['image/png', 'image/jpeg', 'image/gif', 'image/webp'] as const;

/** What a pupil may pick as a photo: 25 MB takes any phone's full-size photo (12 to 50 MP). It is resized before it is stored. */
export const BOARD_PHOTO_INPUT_LIMITS: AttachmentLimits = {
  maxBytes: 25 * 1024 * 1024,
  types: IMAGE_TYPES,
};

/** A picture as stored, after resizing: at most 2048 px it is usually 0.5 to 1 MB; 5 MB leaves room for a kept original or a noisy WebP. */
export const BOARD_IMAGE_LIMITS: AttachmentLimits = {
  maxBytes: 5 * 1024 * 1024,
  types: IMAGE_TYPES,
};

/** A short video or audio clip: 20 MB is about a minute and a half of phone video. Stored as picked. */
export const BOARD_CLIP_LIMITS: AttachmentLimits = {
  maxBytes: 20 * 1024 * 1024,
  types: ['audio/mpeg', 'audio/wav', 'audio/ogg', 'video/webm', 'video/mp4'],
};

/** A file: PDF, zip (Office and OpenDocument files are zip archives too) or a picture kept as it is. */
export const BOARD_FILE_LIMITS: AttachmentLimits = {
  maxBytes: 20 * 1024 * 1024,
  types: ['application/pdf', 'application/zip', ...IMAGE_TYPES],
};

/**
 * Longest edge of a stored picture, in px. 2048 px is sharp on any school screen and projector
 * (full HD is 1920 px wide) and weighs about 0.5 to 1 MB as a JPEG, against 3 to 6 MB for a
 * 12-megapixel phone photo: the board loads fast and a class's posts fit the browser's storage.
 */
export const BOARD_IMAGE_MAX_EDGE = 2048;
/** Longest edge of a thumbnail (the board's cards), in px: sharp on a 2x screen at a card's width. */
export const BOARD_THUMBNAIL_EDGE = 480;
/** JPEG and WebP quality: 0.85 shows no visible loss on a photo and is about half the bytes of 0.95. */
export const BOARD_IMAGE_QUALITY = 0.85;
/** A picture within the longest edge and this size is kept as it is (an animated GIF stays animated); JPEGs are always re-encoded (see prepare-photo.ts). */
export const BOARD_KEEP_ORIGINAL_BYTES = 1.5 * 1024 * 1024;
