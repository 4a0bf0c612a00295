import type { ValidationIssue } from '../errors.js';
import { LIMITS } from '../schemas/limits.js';

/**
 * The issue of an id argument refused for not being 1 to `LIMITS.id` characters: empty or too
 * long; one that is not text at all is a program's mistake, with no kind.
 */
export function idIssue(path: string, message: string, id: unknown): ValidationIssue {
  if (id === '') return { path, message, kind: 'empty' };
  if (typeof id === 'string') return { path, message, kind: 'too-long', numbers: [LIMITS.id] };
  return { path, message };
}
