import * as z from 'zod/mini';
import { LIMITS } from './limits.js';
import { namedId } from './refusal.js';

/** The id of the board post a reaction or flag is about (the store checks it can be read). */
export const boardTarget = () => z.string().check(namedId('must name a board post'), z.maxLength(LIMITS.id, `is too long: at most ${LIMITS.id} characters`));
