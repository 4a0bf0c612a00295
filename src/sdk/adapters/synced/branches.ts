import type { IndexedDBAdapter } from '../indexeddb/indexeddb-adapter.js';
import { branchKey, branchRev } from './kept-versions.js';
import { mergeVersions } from './merge-versions.js';
import type { SyncConflict } from './sync-status.js';
import type { SyncRemote } from './sync-remote.js';

export interface BranchContext {
  local: IndexedDBAdapter;
  remote: SyncRemote;
  space: string;
  keep(conflicts: SyncConflict[]): Promise<void>;
}

/**
 * Records whose server copy has losing branches (replication between servers, a cluster's nodes):
 * each losing revision is merged into the winner when the two changed different fields (and its
 * branch ended), otherwise kept for a person like any other conflict. Nothing stays hidden.
 */
export async function takeInBranches(context: BranchContext, refs: { collection: string; id: string }[]): Promise<void> {
  const { local, remote, space } = context;
  // Only a server that keeps branches (CouchDB replicating between servers) reports any.
  if (!remote.readBranches || !remote.pruneBranch) return;
  const db = await local.database();
  const at = new Date().toISOString();
  for (const { collection, id } of refs) {
    const { winner, winnerRev, losers } = await remote.readBranches(space, collection, id);
    const kept: SyncConflict[] = [];
    for (const loser of losers) {
      // Merged here only when this device shows the winner as it is (no change of its own
      // waiting, a merge of an earlier loser included: the next one is then kept for a person).
      const inStep = (await db.get('sync-meta', [space, collection, id]))?.remoteRev === winnerRev && !(await db.get('outbox', [space, collection, id]));
      const key = branchKey(collection, id, loser.rev);
      if ((await db.get('sync-kept', [space, key])) || (await db.get('sync-prune', [space, key]))) continue;
      const { merged, fields } = loser.record && winner ? mergeVersions(loser.base, loser.record, winner) : { merged: undefined, fields: [] };
      const current = await local.get(space, collection, id);
      if (merged && loser.base && !fields.length && current && inStep) {
        // Different fields on each branch: both kept in one version, and the losing branch ended.
        const results = await local.write(space, [{ type: 'put', record: { ...merged, space }, expectedRev: current.rev }], { origin: 'sync-merge' });
        if (results[0]?.ok) {
          await remote.pruneBranch(space, collection, id, loser.rev);
          continue;
        }
      }
      kept.push({
        space,
        collection,
        id,
        key,
        mine: loser.record,
        theirs: winner,
        ...(loser.base ? { base: loser.base } : {}),
        ...(merged ? { merged } : {}),
        fields,
        kind: 'branch',
        message: 'Two servers took different versions of this at the same time.',
        at,
      });
    }
    await context.keep(kept);
  }
}

/**
 * Kept branches that the server no longer has (a person on another device decided, and the branch
 * was ended there) are forgotten here too: nothing is left to decide. Returns how many.
 */
export async function forgetEndedBranches(context: BranchContext, changes: { collection: string; id: string; rev: string; conflicts?: string[] }[]): Promise<number> {
  const db = await context.local.database();
  const branches = (await db.getAllFromIndex('sync-kept', 'by-space', context.space)).filter((entry) => entry.kind === 'branch');
  if (!branches.length) return 0;
  const latest = new Map(changes.map((change) => [`${change.collection}:${change.id}`, change]));
  let forgotten = 0;
  for (const entry of branches) {
    const change = latest.get(`${entry.collection}:${entry.id}`);
    if (change && !change.conflicts?.includes(branchRev(entry.key))) {
      await db.delete('sync-kept', [entry.space, entry.key]);
      forgotten++;
    }
  }
  return forgotten;
}

/** Ends the losing branches a person has decided on (dismissed), on the server. */
export async function pruneResolvedBranches(context: BranchContext): Promise<void> {
  const db = await context.local.database();
  for (const branch of await db.getAllFromIndex('sync-prune', 'by-space', context.space)) {
    await context.remote.pruneBranch?.(context.space, branch.collection, branch.id, branch.rev);
    await db.delete('sync-prune', [branch.space, branch.key]);
  }
}
