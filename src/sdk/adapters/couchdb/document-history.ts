import type { CouchClient } from './couch-http.js';
import type { CouchDocument } from './record-document.js';

/** A revision's generation: the number before the dash (`3-abc` is 3). */
export const generation = (rev: string | null | undefined) => (rev ? Number.parseInt(rev, 10) || 0 : 0);

export interface Leaf extends CouchDocument {
  _rev: string;
  _revisions?: { start: number; ids: string[] };
}

/** A leaf's revisions, newest first (`_revisions` lists the hashes; generations count down). */
export function historyOf(leaf: Leaf): string[] {
  const revisions = leaf._revisions;
  if (!revisions) return [leaf._rev];
  return revisions.ids.map((hash, i) => `${revisions.start - i}-${hash}`);
}

const docPath = (database: string, docId: string) => `/${encodeURIComponent(database)}/${encodeURIComponent(docId)}`;

/**
 * Every leaf of a document (the winner, conflict branches and deleted branches), each with its
 * history: `open_revs=all` is what replication reads too. Empty when the server never had it.
 */
export async function readLeaves(client: CouchClient, database: string, docId: string): Promise<Leaf[]> {
  const { status, body } = await client.json<{ ok?: Leaf }[]>('GET', docPath(database, docId), {
    query: { open_revs: 'all', revs: true },
    accept: [404],
  });
  if (status === 404 || !Array.isArray(body)) return [];
  return body.flatMap((row) => (row.ok ? [row.ok] : []));
}

/**
 * The bodies of given revisions, in one request (`_bulk_get`); undefined where the server no longer
 * has a body (compacted away) or never had the revision.
 */
export async function readRevisions(client: CouchClient, database: string, wanted: { docId: string; rev: string }[]): Promise<(CouchDocument | undefined)[]> {
  if (!wanted.length) return [];
  const { body } = await client.json<{ results?: { id: string; docs: { ok?: CouchDocument }[] }[] }>('POST', `/${encodeURIComponent(database)}/_bulk_get`, {
    query: { revs: false },
    body: { docs: wanted.map(({ docId, rev }) => ({ id: docId, rev })) },
  });
  const found = new Map<string, CouchDocument>();
  for (const result of body.results ?? []) for (const doc of result.docs) if (doc.ok?._rev) found.set(`${result.id}@${doc.ok._rev}`, doc.ok);
  return wanted.map(({ docId, rev }) => found.get(`${docId}@${rev}`));
}

/** Runs `task` over `items` with at most `limit` at once, results in order. */
export async function inParallel<T, R>(items: T[], limit: number, task: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await task(items[index]);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}
