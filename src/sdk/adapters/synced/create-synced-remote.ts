import { TwinValidationError } from '../../errors.js';
import { createHttpRemote, type HttpRemoteOptions } from '../../replication/http-remote.js';
import { createSyncedAdapter, type SyncedAdapter, type SyncedAdapterOptions } from './synced-adapter.js';

const isRecordOfStrings = (value: unknown): value is Record<string, string> =>
  typeof value === 'object' && value !== null && !Array.isArray(value) && Object.values(value).every((v) => typeof v === 'string');

/** The remote adapter's settings from a page, checked so that a typo says what is wrong instead of failing later as "offline". */
export function parseRemoteOptions(value: unknown): HttpRemoteOptions & { localName?: string } {
  const problems: string[] = [];
  const { url, headers, credentials, localName } = (typeof value === 'object' && value !== null ? value : {}) as Record<string, unknown>;
  if (typeof url !== 'string' || !url.trim()) problems.push('url is required: the protocol\'s base address, or a same-origin path such as "/twinkit"');
  else if (!/^(https?:\/\/|\/)/i.test(url.trim())) problems.push(`url "${url}" must start with http://, https:// or /`);
  if (headers !== undefined && !isRecordOfStrings(headers)) problems.push('headers must be an object of strings');
  const signIn = credentials as { name?: unknown; password?: unknown } | undefined;
  if (credentials !== undefined && (typeof signIn?.name !== 'string' || typeof signIn.password !== 'string')) problems.push('credentials must be { "name": "...", "password": "..." }');
  if (localName !== undefined && (typeof localName !== 'string' || !localName)) problems.push('localName must be a non-empty string');
  if (problems.length) {
    throw new TwinValidationError(`The remote adapter's options are wrong: ${problems.join('; ')}.`, problems.map((message) => ({ path: 'adapter-options', message })));
  }
  return {
    url: (url as string).trim(),
    ...(headers ? { headers: headers as Record<string, string> } : {}),
    ...(signIn ? { credentials: signIn as { name: string; password: string } } : {}),
    ...(typeof localName === 'string' ? { localName } : {}),
  };
}

/**
 * `<twin-space adapter="remote">`: the offline-first adapter over any server speaking Twinkit's
 * replication protocol (docs/replication-protocol.md), from the page's `adapter-options`.
 */
export function createSyncedRemote(options: unknown, timing: Pick<SyncedAdapterOptions, 'minDelay' | 'maxDelay' | 'pollWait'> = {}): SyncedAdapter {
  const parsed = parseRemoteOptions(options);
  // One local copy per server and person: two people on one browser never share an outbox.
  const person = parsed.credentials?.name ?? parsed.localName ?? 'guest';
  const key = `${parsed.url}-${person}`.replace(/[^a-z0-9]+/gi, '-').toLowerCase();
  return createSyncedAdapter({ remote: createHttpRemote(parsed), databaseName: `twinkit-remote-${key}`, ...timing });
}
