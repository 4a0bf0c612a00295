import * as z from 'zod/mini';
import { envelopeShape } from './envelope.js';
import { LIMITS } from './limits.js';
import { namedId } from './refusal.js';
import { languageTag, text } from './text.js';

/** Comments are shorter than entries: a thread, not an essay. */
export const COMMENT_MAX = 2_000;

/** The record a comment or reaction belongs to (same space; the collection is in the name, e.g. `glossary-comment`). */
const target = () => z.string().check(namedId('must name a record'), z.maxLength(LIMITS.id));

export const commentFields = {
  target: target(),
  body: text(COMMENT_MAX, { required: true }),
  /** The language the comment is written in (BCP 47); comments written before it existed have none. */
  language: z.optional(languageTag()),
};
export const commentSchema = z.looseObject({ ...envelopeShape, ...commentFields });
export type TwinComment = z.infer<typeof commentSchema>;

/** A small fixed set: reactions are a signal, not a vocabulary. */
export const REACTION_KINDS = ['helpful'] as const;
export type ReactionKind = (typeof REACTION_KINDS)[number];

/** One member's reaction: a record of its own, so that a pupil can react to an entry they may not edit. */
export const reactionFields = {
  target: target(),
  kind: z.enum(REACTION_KINDS),
};
export const reactionSchema = z.looseObject({ ...envelopeShape, ...reactionFields });
export type TwinReaction = z.infer<typeof reactionSchema>;
