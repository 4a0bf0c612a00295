import { msg, str } from '@lit/localize';
import { checkAttachment } from '../../../sdk/attachments/check-attachment.js';
import type { TwinStore } from '../../../sdk/store/create-store.js';
import type { AttachmentLimits } from '../../../sdk/store/store-types.js';
import { BOARD_CLIP_LIMITS, BOARD_FILE_LIMITS, BOARD_IMAGE_LIMITS, BOARD_PHOTO_INPUT_LIMITS } from '../media/board-media-limits.js';
import { preparePhoto } from '../media/prepare-photo.js';
import { formatFileSize } from '../../../localization/file-size.js';
import type { Post } from '../board-state.js';

/** A stored upload, as a post names it. */
export interface Upload {
  attachment: string;
  thumbnail?: string;
  file: NonNullable<Post['file']>;
}

/** A file refused before anything was stored, with the sentence to show. */
export class UploadRefused extends Error {}

const limitsFor = (kind: 'image' | 'video' | 'file'): AttachmentLimits => (kind === 'image' ? BOARD_PHOTO_INPUT_LIMITS : kind === 'video' ? BOARD_CLIP_LIMITS : BOARD_FILE_LIMITS);

/**
 * Checks a chosen file (size first, so a 50 MB file is not even read; then its first bytes, never
 * its name), then stores it: a photo resized and compressed in the browser with a thumbnail, a clip
 * or a file as it is. Nothing is stored when the file is refused.
 */
export async function uploadFile(store: TwinStore, file: File, kind: 'image' | 'video' | 'file', lang: string): Promise<Upload> {
  const limits = limitsFor(kind);
  const checked = await checkAttachment(file, limits);
  if (!checked.ok && checked.reason === 'too-large') {
    throw new UploadRefused(msg(str`${file.name} is too large (${formatFileSize(file.size, lang)}). The limit is ${formatFileSize(limits.maxBytes, lang)}.`, { id: 'board.upload.too-large' }));
  }
  if (!checked.ok) {
    // One whole sentence per kind: "is not a photo" puts the noun in a case of its own in many languages.
    const name = file.name;
    throw new UploadRefused(
      kind === 'image'
        ? msg(str`${name} is not a photo (JPEG, PNG, GIF or WebP): its content does not match. Nothing was saved.`, { id: 'board.upload.not-photo' })
        : kind === 'video'
          ? msg(str`${name} is not a video or sound clip (MP4, WebM, MP3, WAV or Ogg): its content does not match. Nothing was saved.`, { id: 'board.upload.not-clip' })
          : msg(str`${name} is not a PDF, an office document or a picture: its content does not match. Nothing was saved.`, { id: 'board.upload.not-file' }),
    );
  }
  if (kind !== 'image') {
    const saved = await store.putAttachment(file, limits);
    return { attachment: saved.id, file: { name: file.name, type: saved.type, size: saved.size } };
  }
  let photo;
  try {
    photo = await preparePhoto(file);
  } catch {
    throw new UploadRefused(msg(str`${file.name} could not be read as a picture. Nothing was saved.`, { id: 'board.upload.unreadable' }));
  }
  const image = await store.putAttachment(photo.image, BOARD_IMAGE_LIMITS);
  const thumbnail = await store.putAttachment(photo.thumbnail, BOARD_IMAGE_LIMITS);
  return { attachment: image.id, thumbnail: thumbnail.id, file: { name: file.name, type: image.type, size: image.size, width: photo.width, height: photo.height } };
}
