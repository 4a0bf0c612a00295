/**
 * The server's configuration: CouchDB 3 answers `/_node/_local/_config`; pouchdb-server (and
 * CouchDB 1) answer `/_config`. Which one answers also tells the setup which server it talks to.
 */
import type { CouchRequest } from './couch-request.js';

export async function findConfigPath(request: CouchRequest): Promise<string> {
  const node = await request('GET', '/_node/_local/_config/httpd', { accept: [400, 404] });
  if (node.status < 400) return '/_node/_local/_config';
  await request('GET', '/_config/httpd');
  return '/_config';
}

/** Sets `section/key` to `value`; true when it changed. */
export async function setConfig(request: CouchRequest, configPath: string, key: string, value: string): Promise<boolean> {
  const current = await request<unknown>('GET', `${configPath}/${key}`, { accept: [404] });
  if (current.status !== 404 && current.body === value) return false;
  await request('PUT', `${configPath}/${key}`, { body: value });
  return true;
}
