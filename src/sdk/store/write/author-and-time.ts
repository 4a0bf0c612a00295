import type { TwinUser } from '../../policy/roles.js';

/** Who wrote a record, as it is stored with it: whether they travel too (the journal invites pupils at home to travellers' entries). */
export function authorOf(user: TwinUser) {
  const { id, name, school, mobile } = user;
  return { id, name, ...(school ? { school } : {}), ...(mobile ? { mobile: true } : {}) };
}

/** `updatedAt` never goes backwards, even when this device's clock is behind the last writer's. */
export function laterThan(previous: string, now: () => Date): string {
  // Compared as instants, not as text: a stored time may carry an offset (`09:00-05:00` is after `12:00Z`).
  const current = now();
  const last = Date.parse(previous);
  return current.getTime() > last ? current.toISOString() : new Date(last + 1).toISOString();
}
