import * as z from 'zod/mini';
import { boardTarget } from './board-target.js';
import { envelopeShape } from './envelope.js';

/** A small fixed set: a reaction is a signal, not a vocabulary. */
export const BOARD_REACTIONS = ['like', 'love', 'clap', 'idea'] as const;
export type BoardReactionKind = (typeof BOARD_REACTIONS)[number];

export const boardReactionFields = {
  target: boardTarget(),
  kind: z.enum(BOARD_REACTIONS, `must be one of: ${BOARD_REACTIONS.join(', ')}`),
};

/** One member's reaction to a post: a record of its own, so anyone may react to a post they may not edit. */
export const boardReactionSchema = z.looseObject({ ...envelopeShape, ...boardReactionFields });
export type BoardReaction = z.infer<typeof boardReactionSchema>;
