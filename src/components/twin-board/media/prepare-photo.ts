import { checkAttachment } from '../../../sdk/attachments/check-attachment.js';
import {
  BOARD_IMAGE_LIMITS,
  BOARD_IMAGE_MAX_EDGE,
  BOARD_IMAGE_QUALITY,
  BOARD_KEEP_ORIGINAL_BYTES,
  BOARD_PHOTO_INPUT_LIMITS,
  BOARD_THUMBNAIL_EDGE,
} from './board-media-limits.js';

export interface PreparePhotoOptions {
  /** Longest edge of the stored picture, in px. Default `BOARD_IMAGE_MAX_EDGE` (2048). */
  maxEdge?: number;
  /** Longest edge of the thumbnail, in px. Default `BOARD_THUMBNAIL_EDGE` (480). */
  thumbnailEdge?: number;
  /** JPEG / WebP quality, 0 to 1. Default `BOARD_IMAGE_QUALITY` (0.85). */
  quality?: number;
}

export interface PreparedPhoto {
  /** The picture to store: resized and re-encoded, or the original when `resized` is false. */
  image: Blob;
  /** A small copy for cards and lists (its own type: JPEG, or WebP when transparent). */
  thumbnail: Blob;
  /** Size of `image` in px, upright (as the phone's rotation tag says). */
  width: number;
  height: number;
  /** MIME type of `image`. */
  type: string;
  /** False when the original was kept as it is. */
  resized: boolean;
}

export type PhotoErrorCode = 'unreadable' | 'too-large';

const MESSAGES: Record<PhotoErrorCode, string> = {
  unreadable: 'This file is not a picture Twinkit can read. Choose a JPEG, PNG, GIF or WebP picture.',
  'too-large': 'This picture is too large. Choose a smaller one.',
};

/** Why a photo could not be prepared; `code` lets the UI say it in the pupil's language. */
export class PhotoError extends Error {
  readonly code: PhotoErrorCode;

  constructor(code: PhotoErrorCode, message = MESSAGES[code], options?: { cause?: unknown }) {
    super(message, options);
    this.code = code;
    this.name = 'PhotoError';
  }
}

type Canvas = OffscreenCanvas;

/**
 * Makes a phone photo (12 MP and more) ready to store: upright, at most `maxEdge` px, compressed,
 * with a thumbnail. Throws a `PhotoError`.
 *
 * - Decoded with `createImageBitmap(..., { imageOrientation: 'from-image' })`, so a phone's EXIF
 *   rotation is applied. Resized by drawing on an OffscreenCanvas with `imageSmoothingQuality: 'high'`:
 *   in headless Chromium 156 (2 cores; a 4.4 MB 4000x3000 JPEG -> 2048 px + 480 px thumbnail, both
 *   encoded; median of 15) that took 381 ms, against 449 ms with `createImageBitmap`'s
 *   `resizeWidth`/`resizeHeight` and `resizeQuality: 'high'` (one more bitmap, the very same bytes
 *   out). Decoding alone is 240 ms of it; decoding straight to the target size saves nothing.
 * - Encoded as JPEG when opaque. A PNG, WebP or GIF may be transparent: its thumbnail's alpha is
 *   read (small, and every transparent pixel lowers the average of the pixels drawn into one);
 *   transparent pictures become WebP, which keeps alpha (a browser without a WebP encoder writes PNG).
 * - Privacy: re-encoding drops every metadata segment, so a pupil's photo loses its GPS position.
 *   That is why a JPEG is always re-encoded, even small: a kept JPEG may hold GPS, and stripping
 *   its EXIF alone would also drop its rotation tag and show the photo sideways.
 * - A PNG, WebP or GIF within `maxEdge` and `BOARD_KEEP_ORIGINAL_BYTES` is kept as it is
 *   (`resized: false`; an animated GIF stays animated); its thumbnail is still made. Such a file
 *   keeps whatever metadata it has: rare (phone cameras write JPEG), and not read here.
 */
export async function preparePhoto(file: Blob, options: PreparePhotoOptions = {}): Promise<PreparedPhoto> {
  const { maxEdge = BOARD_IMAGE_MAX_EDGE, thumbnailEdge = BOARD_THUMBNAIL_EDGE, quality = BOARD_IMAGE_QUALITY } = options;
  const checked = await checkAttachment(file, BOARD_PHOTO_INPUT_LIMITS);
  if (!checked.ok) throw new PhotoError(checked.reason === 'too-large' ? 'too-large' : 'unreadable');
  const source = await decode(file);
  try {
    const keep = checked.type !== 'image/jpeg' && Math.max(source.width, source.height) <= maxEdge && file.size <= BOARD_KEEP_ORIGINAL_BYTES;
    const resized = keep ? undefined : drawn(source, fit(source, maxEdge));
    const picture = resized ?? source;
    const small = drawn(picture, fit(picture, thumbnailEdge));
    const type = checked.type === 'image/jpeg' || isOpaque(small) ? 'image/jpeg' : 'image/webp';
    const [image, thumbnail] = await Promise.all([
      resized ? encodeWithin(resized, type, quality, BOARD_IMAGE_LIMITS.maxBytes) : file,
      encodeWithin(small, type, quality, BOARD_IMAGE_LIMITS.maxBytes),
    ]);
    return { image, thumbnail, width: picture.width, height: picture.height, type: resized ? image.type : checked.type, resized: !keep };
  } finally {
    source.close();
  }
}

async function decode(file: Blob): Promise<ImageBitmap> {
  try {
    return await createImageBitmap(file, { imageOrientation: 'from-image' });
  } catch (error) {
    throw new PhotoError('unreadable', undefined, { cause: error });
  }
}

/** The size within `edge` px on the longest side, aspect kept; never enlarged. */
function fit({ width, height }: { width: number; height: number }, edge: number) {
  const scale = Math.min(1, edge / Math.max(width, height));
  return { width: Math.max(1, Math.round(width * scale)), height: Math.max(1, Math.round(height * scale)) };
}

function drawn(picture: ImageBitmap | Canvas, size: { width: number; height: number }): Canvas {
  const canvas = new OffscreenCanvas(size.width, size.height);
  const context = canvas.getContext('2d') ?? fail();
  context.imageSmoothingQuality = 'high';
  context.drawImage(picture, 0, 0, size.width, size.height);
  return canvas;
}

function isOpaque(canvas: Canvas): boolean {
  const { data } = (canvas.getContext('2d') ?? fail()).getImageData(0, 0, canvas.width, canvas.height);
  for (let i = 3; i < data.length; i += 4) if (data[i] !== 255) return false;
  return true;
}

/** Encodes at `quality`, lower if needed to fit `maxBytes`; a transparent picture too large even so is flattened on white as JPEG. */
async function encodeWithin(canvas: Canvas, type: string, quality: number, maxBytes: number): Promise<Blob> {
  for (const q of new Set([quality, Math.min(quality, 0.7), Math.min(quality, 0.5)])) {
    const blob = await canvas.convertToBlob({ type, quality: q });
    if (blob.size <= maxBytes) return blob;
    if (blob.type !== type) break; // no encoder for `type` (WebP in Safari): PNG came out, quality does not apply
  }
  if (type === 'image/jpeg') throw new PhotoError('too-large');
  const white = new OffscreenCanvas(canvas.width, canvas.height);
  const context = white.getContext('2d') ?? fail();
  context.fillStyle = '#fff';
  context.fillRect(0, 0, white.width, white.height);
  context.drawImage(canvas, 0, 0);
  return encodeWithin(white, 'image/jpeg', quality, maxBytes);
}

function fail(): never {
  throw new PhotoError('unreadable', 'This browser cannot draw pictures (no 2D canvas).');
}
