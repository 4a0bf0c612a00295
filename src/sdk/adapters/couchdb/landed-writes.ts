import type { CouchClient } from './couch-http.js';
import { documentId } from './couch-names.js';
import { generation, historyOf, inParallel, readLeaves, readRevisions } from './document-history.js';
import { writeIdOf } from './record-document.js';

/** A write whose answer never came: which record, the id it carried, the revision it was based on. */
export interface UnansweredWrite {
  collection: string;
  id: string;
  writeId: string;
  baseRev: string | null;
}

/** How many revisions after the base are looked at: a write lands right after it, unless re-created. */
const HISTORY_DEPTH = 20;

/**
 * Asks the server, for each write whose answer was lost, whether it landed: the revision that
 * carries its write id (on any branch, possibly already followed by others' revisions), or
 * undefined when it never landed. Nothing is guessed from contents.
 */
export async function findLandedWrites(client: CouchClient, database: string, writes: UnansweredWrite[]): Promise<(string | undefined)[]> {
  return inParallel(writes, 6, async (write) => {
    const docId = documentId(write.collection, write.id);
    const leaves = await readLeaves(client, database, docId);
    const leaf = leaves.find((candidate) => writeIdOf(candidate) === write.writeId);
    if (leaf) return leaf._rev;
    // Not a leaf: maybe an ancestor of one (someone wrote on top of it since). Look at the
    // revisions each branch has after the base.
    const after = new Set<string>();
    for (const candidate of leaves) {
      for (const rev of historyOf(candidate).slice(1, HISTORY_DEPTH)) if (generation(rev) > generation(write.baseRev)) after.add(rev);
    }
    const bodies = await readRevisions(client, database, [...after].map((rev) => ({ docId, rev })));
    return bodies.find((body) => writeIdOf(body) === write.writeId)?._rev;
  });
}
