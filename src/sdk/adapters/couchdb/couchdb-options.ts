import { TwinValidationError } from '../../errors.js';
import { connectionOf, connectionProblems } from '../server-connection.js';
import type { CouchDBAdapterOptions } from './couchdb-adapter.js';

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
  const options = (typeof value === 'object' && value !== null ? value : {}) as Record<string, unknown>;
  const { feed, database, layout } = options;
  const problems = connectionProblems(options, '/couch');
  if (feed !== undefined && feed !== 'longpoll' && feed !== 'continuous') problems.push('feed must be "longpoll" or "continuous"');
  if (database !== undefined && (typeof database !== 'string' || !database)) problems.push('database must be a database name');
  if (layout !== undefined && layout !== 'space' && layout !== 'audiences') problems.push('layout must be "space" or "audiences"');
  if (problems.length) {
    throw new TwinValidationError(
      `The couchdb adapter's options are wrong: ${problems.join('; ')}.`,
      problems.map((message) => ({ path: 'adapter-options', message })),
    );
  }
  return {
    ...connectionOf(options),
    ...(feed ? { feed: feed as 'longpoll' | 'continuous' } : {}),
    ...(typeof database === 'string' ? { database: () => database } : {}),
    ...(layout === 'audiences' || layout === 'space' ? { layout } : {}),
  };
}
