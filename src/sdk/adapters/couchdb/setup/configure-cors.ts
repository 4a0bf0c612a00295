/**
 * Lets a school's pages call CouchDB from the browser with the user's session (CORS with
 * credentials). Not needed when a reverse proxy serves CouchDB under the site's own origin.
 */
import { couchRequest, CouchSetupError, type CouchConnection } from './couch-request.js';
import { findConfigPath } from './server-config.js';

/** Headers the browser may send: the adapter's, plus what other CouchDB clients commonly send. */
const CORS_HEADERS = 'accept, authorization, content-type, origin, referer, if-match, x-csrf-token';
const CORS_METHODS = 'GET, PUT, POST, HEAD, DELETE';

export interface CorsReport {
  origins: string[];
  /** Where the configuration was written: CouchDB 3's node configuration or the older /_config. */
  configPath: string;
  summary: string;
}

/** An origin is scheme, host and port, nothing more: `https://school.example`. */
export function checkOrigin(origin: string): string {
  let parsed: URL | undefined;
  try {
    parsed = new URL(origin);
  } catch {
    parsed = undefined;
  }
  if (!parsed || parsed.origin === 'null' || parsed.origin !== origin.replace(/\/$/, '')) {
    throw new CouchSetupError(`"${origin}" is not an origin. Give the school site's scheme, host and port only, like https://school.example (with sign-in, "*" is not allowed).`);
  }
  return parsed.origin;
}

export async function configureCors(options: CouchConnection & { origin: string }): Promise<CorsReport> {
  const origin = checkOrigin(options.origin);
  const request = couchRequest(options);
  const configPath = await findConfigPath(request);
  const current = await request<string>('GET', `${configPath}/cors/origins`, { accept: [404] });
  // Origins set before (another school's portal) are kept; "*" cannot be combined with credentials.
  const kept = current.status === 404 || typeof current.body !== 'string' ? [] : current.body.split(',').map((each) => each.trim());
  const origins = [...new Set([...kept.filter((each) => each && each !== '*'), origin])];
  const settings: [string, string][] = [
    // CouchDB 3.0 and 3.1 read [httpd] enable_cors; later versions read [chttpd]: both are set.
    ['httpd/enable_cors', 'true'],
    ['chttpd/enable_cors', 'true'],
    ['cors/origins', origins.join(', ')],
    ['cors/credentials', 'true'],
    ['cors/methods', CORS_METHODS],
    ['cors/headers', CORS_HEADERS],
  ];
  for (const [key, value] of settings) await request('PUT', `${configPath}/${key}`, { body: value });
  return { origins, configPath, summary: `CORS: pages on ${origins.join(', ')} may call the server with the user's session (${configPath}).` };
}
