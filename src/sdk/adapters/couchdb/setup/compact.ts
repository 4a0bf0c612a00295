/**
 * Compacts a database and waits for it: CouchDB keeps the bodies of earlier revisions until then,
 * and any reader of the database may ask for one by its id (`?rev=`). After records moved out to
 * fewer readers, their earlier versions leave the old database only with a compaction.
 */
import type { CouchRequest } from './couch-request.js';

export async function compactDatabase(request: CouchRequest, db: string, { timeoutMs = 60_000, pollMs = 200 } = {}): Promise<'done' | 'running'> {
  await request('POST', `${db}/_compact`, { body: {} });
  for (const deadline = Date.now() + timeoutMs; Date.now() < deadline; ) {
    const { body } = await request<{ compact_running?: boolean }>('GET', db);
    if (!body?.compact_running) return 'done';
    await new Promise((resolve) => setTimeout(resolve, pollMs));
  }
  return 'running';
}
