import * as z from 'zod/mini';
import { boardTarget } from './board-target.js';
import { envelopeShape } from './envelope.js';
import { shortText } from './text.js';

export const boardFlagFields = {
  target: boardTarget(),
  /** Why the post should be looked at, in the reporter's words. Plain text. */
  reason: z.optional(shortText()),
};

/**
 * A member's report of a post for the moderators to look at. Read only by its author and by
 * those who moderate (`readableBy: 'author-and-moderators'`): a pupil does not see who reported whom.
 */
export const boardFlagSchema = z.looseObject({ ...envelopeShape, ...boardFlagFields });
export type BoardFlag = z.infer<typeof boardFlagSchema>;
