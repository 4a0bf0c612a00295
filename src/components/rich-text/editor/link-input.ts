import { safeLink } from '../rich-text-limits.js';

/** Something with a scheme (`https:`, `javascript:`, `data:`), as opposed to `www.example.org`. */
const HAS_SCHEME = /^[a-z][a-z\d+.-]*:/i;
const EMAIL = /^[^\s@/:]+@[^\s@/:]+\.[^\s@/:]+$/;
const DOMAIN = /^[^\s@/:]+\.[a-z]{2,}([/?#:]\S*)?$/i;

export type LinkInput = { href: string } | { problem: 'empty' | 'refused' };

/**
 * What a pupil typed in the link form, as a link: `https://`, `http://` and `mailto:` are kept;
 * `www.example.org` gets `https://` and `name@example.org` gets `mailto:`, as pupils often type
 * them; any other scheme (`javascript:`, `data:`, `file:`) is refused.
 */
export function linkFromInput(typed: string): LinkInput {
  const value = typed.trim();
  if (!value) return { problem: 'empty' };
  const candidate = HAS_SCHEME.test(value) && !DOMAIN.test(value) ? value : EMAIL.test(value) ? `mailto:${value}` : DOMAIN.test(value) ? `https://${value}` : value;
  const href = safeLink(candidate);
  return href ? { href } : { problem: 'refused' };
}
