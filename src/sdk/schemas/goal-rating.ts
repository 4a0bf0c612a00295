import * as z from 'zod/mini';
import { envelopeShape, identifier } from './envelope.js';
import { LIMITS } from './limits.js';
import { wholeNumberFrom } from './refusal.js';

/** The self-rating scale: 1 (not yet) to 5 (confidently). */
export const RATING_SCALE = { min: 1, max: 5 } as const;

/** A pupil rates themself before the mobility and again after it. */
export const RATING_MOMENTS = ['before', 'after'] as const;
export type RatingMoment = (typeof RATING_MOMENTS)[number];

export const goalRatingFields = {
  /** The id of the learning goal (`goal` record) rated. */
  goal: identifier(),
  moment: z.enum(RATING_MOMENTS, `must be one of: ${RATING_MOMENTS.join(', ')}`),
  value: wholeNumberFrom(RATING_SCALE.min, RATING_SCALE.max),
};

/**
 * A pupil's self-rating on one learning goal, before or after the mobility. Its id is
 * `ratingId(goal, moment, author)`, so a pupil has one rating per goal and moment: rating again
 * updates it. Personal data: the store shows it to its author and to teachers only.
 */
export const goalRatingSchema = z
  .looseObject({ ...envelopeShape, ...goalRatingFields })
  .check(
    z.refine((rating) => rating.id === ratingId(rating.goal, rating.moment, rating.author.id), {
      message: 'does not match this pupil, goal and moment: each pupil has one self-rating per goal before and one after the mobility',
      path: ['id'],
    }),
  );
export type GoalRating = z.infer<typeof goalRatingSchema>;

/**
 * The record id of `userId`'s rating of `goalId` at `moment`: the same every time, so that rating
 * again finds the same record. Readable while it fits in an id; a longer one becomes a 128-bit
 * hash, which cannot be confused with a readable id (those have the goal id's length second).
 */
export function ratingId(goalId: string, moment: RatingMoment, userId: string): string {
  const readable = `${moment}.${goalId.length}.${goalId}.${userId}`;
  return readable.length <= LIMITS.id ? readable : `${moment}.h.${fnv1a128(readable)}`;
}

const FNV_OFFSET = 0x6c62272e07bb014262b821756295c58dn;
const FNV_PRIME = 0x0000000001000000000000000000013bn;
const MASK_128 = (1n << 128n) - 1n;

/** FNV-1a, 128 bits, of the text's UTF-8 bytes, as 32 hex digits. Synchronous, unlike Web Crypto. */
function fnv1a128(text: string): string {
  let hash = FNV_OFFSET;
  for (const byte of new TextEncoder().encode(text)) {
    hash ^= BigInt(byte);
    hash = (hash * FNV_PRIME) & MASK_128;
  }
  return hash.toString(16).padStart(32, '0');
}
