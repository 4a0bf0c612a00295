/**
 * Who asks: HTTP Basic against the members of the config. The protocol leaves sign-in to the server
 * (a cookie, a bearer token); a port replaces this file and keeps the rest.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import type { TwinUser } from '../sdk/policy/roles.js';
import type { SpacesConfig } from './server-config.js';

/** The user id of a valid `Authorization: Basic ...` header, or undefined (missing, malformed, wrong password). */
export function signedInId(authorization: string | undefined, spaces: SpacesConfig): string | undefined {
  const match = /^Basic\s+([A-Za-z0-9+/=]+)\s*$/i.exec(authorization ?? '');
  if (!match) return undefined;
  const decoded = Buffer.from(match[1], 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon <= 0) return undefined;
  const [id, password] = [decoded.slice(0, colon), decoded.slice(colon + 1)];
  // A person may be a member of several spaces: any of their entries with this password signs them in.
  for (const config of Object.values(spaces)) {
    const member = config.members.find((candidate) => candidate.id === id);
    if (member && samePassword(member.password, password)) return id;
  }
  return undefined;
}

/** The person as the policy sees them in `space`, or undefined when they are not a member of it. */
export function memberOf(spaces: SpacesConfig, space: string, id: string): TwinUser | undefined {
  const member = spaces[space]?.members.find((candidate) => candidate.id === id);
  if (!member) return undefined;
  return { id: member.id, name: member.name, role: member.role, ...(member.school ? { school: member.school } : {}) };
}

/** Compared in constant time, so the answer's timing does not tell how much of a guess was right. */
function samePassword(expected: string, given: string): boolean {
  const digest = (text: string) => createHash('sha256').update(text).digest();
  return timingSafeEqual(digest(expected), digest(given));
}
