// Browser-side helpers for tests against the real CouchDB-protocol server that the test runner
// starts (scripts/couch/wtr-couch-plugin.mjs), reached same-origin at /couch through a fault proxy.
import { executeServerCommand } from '@web/test-runner-commands';
import type { FaultMode } from '../../scripts/couch/fault-proxy.mjs';
import type { SpaceMember } from '../sdk/adapters/couchdb/setup/members.js';
import type { ModerationMode } from '../sdk/policy/roles.js';

export interface CouchInfo {
  path: string;
  adminAuthorization: string;
}

let info: CouchInfo | undefined;

export async function couchInfo(): Promise<CouchInfo> {
  info ??= (await executeServerCommand('couch-info')) as CouchInfo;
  return info;
}

/** Makes the server fail on purpose (see fault-proxy.mjs), or `pass` to heal it. */
export const setFault = (mode: FaultMode) => executeServerCommand('couch-fault', { mode });

/** A space with the server's rules, its users and their passwords (`audiences`: one database per audience). */
export const setupSpace = (space: string, members: SpaceMember[], moderation: ModerationMode = 'off', layout: 'space' | 'audiences' = 'space') =>
  executeServerCommand('couch-setup-space', { space, members, moderation, layout });

/** A request to the server as its admin (to look behind the client's back). */
export async function asAdmin<T = Record<string, unknown>>(method: string, path: string, body?: unknown): Promise<T> {
  const { path: base, adminAuthorization } = await couchInfo();
  const response = await fetch(`${base}${path}`, {
    method,
    headers: { authorization: adminAuthorization, 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  // A missing database answers 404 with JSON; anything else unreadable counts as empty.
  return (await response.json().catch(() => ({}))) as T;
}

/** Polls `probe` until it returns something other than undefined (it must not throw). */
export async function until<T>(probe: () => T | undefined | Promise<T | undefined>, what: string, timeout = 10_000): Promise<T> {
  const deadline = Date.now() + timeout;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

/** A request to the server as its admin, past the fault proxy: another device, while this browser is cut off. */
export const directAsAdmin = (method: string, path: string, body?: unknown) =>
  executeServerCommand('couch-direct', { method, path, body }) as Promise<{ status: number; body: Record<string, unknown> | null }>;

/**
 * Signs this browser out of the server. A session cookie left by an earlier test would go with
 * every later request, and pouchdb-server crashes when a signed-in member (not an admin) asks to
 * create a database (Apache CouchDB answers 401).
 */
export async function signOut(): Promise<void> {
  const { path } = await couchInfo();
  await fetch(`${path}/_session`, { method: 'DELETE' });
}
