import type { RawRecord } from '../../adapter.js';
import type { CouchClient } from './couch-http.js';
import { documentId } from './couch-names.js';
import { historyOf, readLeaves, readRevisions } from './document-history.js';
import { toRecord } from './record-document.js';

/** A revision that lost to the winner on another branch (two servers, or a cluster's nodes, took both). */
export interface LosingBranch {
  rev: string;
  record: RawRecord | undefined;
  /** The last revision both branches share, when the server still has its body. */
  base: RawRecord | undefined;
}

/** The winner and the losing branches CouchDB keeps for a document (`_conflicts`), with their common ancestors. */
export async function readBranches(
  client: CouchClient,
  database: string,
  space: string,
  collection: string,
  id: string,
): Promise<{ winner: RawRecord | undefined; winnerRev: string | undefined; losers: LosingBranch[] }> {
  const docId = documentId(collection, id);
  const leaves = await readLeaves(client, database, docId);
  const live = leaves.filter((leaf) => !leaf._deleted);
  if (!live.length) return { winner: undefined, winnerRev: undefined, losers: [] };
  // CouchDB's winner: the live leaf with the highest generation, then the highest revision string.
  const ordered = [...live].sort((a, b) => {
    const [ga, gb] = [Number.parseInt(a._rev, 10), Number.parseInt(b._rev, 10)];
    return gb - ga || (a._rev < b._rev ? 1 : a._rev > b._rev ? -1 : 0);
  });
  const [winner, ...losers] = ordered;
  const winnerHistory = new Set(historyOf(winner));
  const ancestors = losers.map((leaf) => historyOf(leaf).find((rev) => winnerHistory.has(rev)));
  const bases = await readRevisions(
    client,
    database,
    ancestors.flatMap((rev) => (rev ? [{ docId, rev }] : [])),
  );
  let b = 0;
  return {
    winner: toRecord(winner, space),
    winnerRev: winner._rev,
    losers: losers.map((leaf, i) => ({ rev: leaf._rev, record: toRecord(leaf, space), base: ancestors[i] ? toRecord(bases[b++], space) : undefined })),
  };
}

/** Removes a losing branch once a person has decided (a tombstone on that branch ends it). */
export async function pruneBranch(client: CouchClient, database: string, collection: string, id: string, rev: string): Promise<void> {
  const { body } = await client.json<{ ok?: boolean; error?: string; reason?: string }[]>('POST', `/${encodeURIComponent(database)}/_bulk_docs`, {
    body: { docs: [{ _id: documentId(collection, id), _rev: rev, _deleted: true }] },
  });
  const row = Array.isArray(body) ? body[0] : undefined;
  // A conflict: the branch was ended already (by another device); nothing left to do.
  if (row && row.error && row.error !== 'conflict') throw new Error(`The server did not remove the losing version: ${row.reason ?? row.error}`);
}
