/**
 * Text limits, documented for embedders: a paste longer than these is refused with a clear
 * message instead of filling a pupil's screen (or the disk).
 */
export const LIMITS = {
  id: 128,
  name: 120,
  shortText: 300,
  longText: 20_000,
  tags: 30,
  url: 2_048,
} as const;
