import * as z from 'zod/mini';
import { envelopeShape } from './envelope.js';
import { longText, shortText, typeError } from './text.js';

/**
 * The eight key competences for lifelong learning (Council Recommendation of 22 May 2018), as codes:
 * literacy; multilingual; mathematical and in science, technology and engineering (STEM); digital;
 * personal, social and learning to learn; citizenship; entrepreneurship; cultural awareness and expression.
 */
export const KEY_COMPETENCES = [
  'literacy',
  'multilingual',
  'stem',
  'digital',
  'personal-social-learning',
  'citizenship',
  'entrepreneurship',
  'cultural-awareness',
] as const;

/** Goals that are not one of the key competences: the project's own, or a vocational competence. */
export const GOAL_KINDS = ['project', 'vocational'] as const;

/** Every value `competence` accepts. */
export const COMPETENCE_CODES = [...KEY_COMPETENCES, ...GOAL_KINDS] as const;
export type CompetenceCode = (typeof COMPETENCE_CODES)[number];

export const goalFields = {
  title: shortText({ required: true }),
  description: z.optional(longText()),
  competence: z.enum(COMPETENCE_CODES, `must be one of: ${COMPETENCE_CODES.join(', ')}`),
  /** Order in the list of goals; lower comes first. */
  order: z.number(typeError('must be a number')),
};

/** A learning goal the partner schools share. */
export const goalSchema = z.looseObject({ ...envelopeShape, ...goalFields });
export type Goal = z.infer<typeof goalSchema>;
