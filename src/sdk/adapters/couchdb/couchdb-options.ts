import { TwinValidationError } from '../../errors.js';
import type { CouchDBAdapterOptions } from './couchdb-adapter.js';

const isRecordOfStrings = (value: unknown): value is Record<string, string> =>
  typeof value === 'object' && value !== null && !Array.isArray(value) && Object.values(value).every((v) => typeof v === 'string');

/**
 * The couchdb adapter's settings from a page (`<twin-space adapter-options='{...}'>`): checked, so
 * that a typo says what is wrong instead of failing later as "offline".
 */
export interface PageCouchDBOptions extends CouchDBAdapterOptions {
  /** Names this device's local copy when sign-in is by `headers` (a proxy): the signed-in person's id. */
  localName?: string;
  /**
   * How the space is kept on the server. Leave out: as the server says (the setup writes it in the
   * space's design document), also when it changes. `audiences`: one database per audience (the
   * setup's default), each person's device and HTTP reads hold only what they may read. `space`:
   * one database for the whole space (`couchdb-setup --layout space`, or a `database` of one's own).
   */
  layout?: 'space' | 'audiences';
}

export function parseCouchDBOptions(value: unknown): PageCouchDBOptions {
  const problems: string[] = [];
  const options = (typeof value === 'object' && value !== null ? value : {}) as Record<string, unknown>;
  const { url, headers, credentials, feed, database, localName, layout } = options;
  if (typeof url !== 'string' || !url.trim()) problems.push('url is required: the server\'s address, or a same-origin path such as "/couch"');
  else if (!/^(https?:\/\/|\/)/i.test(url.trim())) problems.push(`url "${url}" must start with http://, https:// or /`);
  if (headers !== undefined && !isRecordOfStrings(headers)) problems.push('headers must be an object of strings');
  const signIn = credentials as { name?: unknown; password?: unknown } | undefined;
  if (credentials !== undefined && (typeof signIn?.name !== 'string' || typeof signIn.password !== 'string')) {
    problems.push('credentials must be { "name": "...", "password": "..." }');
  }
  if (feed !== undefined && feed !== 'longpoll' && feed !== 'continuous') problems.push('feed must be "longpoll" or "continuous"');
  if (database !== undefined && (typeof database !== 'string' || !database)) problems.push('database must be a database name');
  if (localName !== undefined && (typeof localName !== 'string' || !localName)) problems.push('localName must be a non-empty string');
  if (layout !== undefined && layout !== 'space' && layout !== 'audiences') problems.push('layout must be "space" or "audiences"');
  if (problems.length) {
    throw new TwinValidationError(
      `The couchdb adapter's options are wrong: ${problems.join('; ')}.`,
      problems.map((message) => ({ path: 'adapter-options', message })),
    );
  }
  return {
    url: (url as string).trim(),
    ...(headers ? { headers: headers as Record<string, string> } : {}),
    ...(signIn ? { credentials: signIn as { name: string; password: string } } : {}),
    ...(feed ? { feed: feed as 'longpoll' | 'continuous' } : {}),
    ...(typeof database === 'string' ? { database: () => database } : {}),
    ...(typeof localName === 'string' ? { localName } : {}),
    ...(layout === 'audiences' || layout === 'space' ? { layout } : {}),
  };
}
