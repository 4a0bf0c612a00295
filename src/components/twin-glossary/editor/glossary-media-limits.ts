import type { AttachmentLimits } from '../../../sdk/store/store-types.js';

/** Documented limits for a glossary entry's files, checked by content (first bytes), not by name. */
export const GLOSSARY_IMAGE_LIMITS: AttachmentLimits = {
  maxBytes: 5 * 1024 * 1024,
  types: ['image/png', 'image/jpeg', 'image/gif', 'image/webp'],
};

/** A pronunciation is a few seconds: 2 MB is ample for a minute of compressed audio. */
export const GLOSSARY_AUDIO_LIMITS: AttachmentLimits = {
  maxBytes: 2 * 1024 * 1024,
  // Browsers record WebM (Chromium, Firefox) or MP4 (Safari); uploads are often MP3, M4A, WAV or Ogg.
  types: ['audio/mpeg', 'audio/wav', 'audio/ogg', 'video/webm', 'video/mp4'],
};

/** Longest recording, so a forgotten microphone does not fill the disk. */
export const MAX_RECORDING_MS = 30_000;
