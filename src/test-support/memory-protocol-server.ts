import type { RawRecord } from '../sdk/adapter.js';
import { TwinRemoteError } from '../sdk/adapters/couchdb/remote-error.js';
import type { Checkpoint, PullOptions, PullPage, PushResult, PushWrite, ReplicationRemote } from '../sdk/replication/protocol.js';

interface Stored {
  rev: string;
  record?: RawRecord;
  seq: number;
  origin: string;
  writeId: string;
}

/**
 * A replication-protocol server in memory, for unit tests of the engine: the duties of
 * docs/replication-protocol.md (revision check, generations, write ids applied once, a feed of
 * latest revisions after a checkpoint) and no access rules. `remote()` is one device's client.
 */
export class MemoryProtocolServer {
  source = 'copy-1';
  readonly records = new Map<string, Stored>();
  readonly applied = new Map<string, string>();
  #seq = 0;
  #next = 0;
  #waiting = new Set<() => void>();

  key = (collection: string, id: string) => `${collection}\u0000${id}`;

  push(space: string, writes: PushWrite[], origin: string): PushResult[] {
    return writes.map((write) => {
      const done = this.applied.get(write.writeId);
      if (done) return { status: 'ok', rev: done };
      const key = this.key(write.collection, write.id);
      const stored = this.records.get(key);
      const currentRev = stored?.record ? stored.rev : null;
      if (write.baseRev !== currentRev && !(write.baseRev === null && !stored?.record)) {
        return { status: 'conflict', current: stored ? { rev: stored.rev, ...(stored.record ? { record: stored.record } : { deleted: true }) } : null };
      }
      const rev = `${(stored ? Number.parseInt(stored.rev, 10) : 0) + 1}-m${this.#next++}`;
      const record = write.record ? { ...write.record, space, rev } : undefined;
      this.records.set(key, { rev, ...(record ? { record } : {}), seq: ++this.#seq, origin, writeId: write.writeId });
      this.applied.set(write.writeId, rev);
      return { status: 'ok', rev };
    });
  }

  async pull(checkpoint: Checkpoint | null, { limit, wait, signal }: PullOptions): Promise<PullPage> {
    const since = Number(checkpoint ?? 0);
    if (wait && ![...this.records.values()].some((stored) => stored.seq > since)) {
      await new Promise<void>((resolve) => {
        const done = () => (this.#waiting.delete(done), clearTimeout(timer), resolve());
        const timer = setTimeout(done, wait * 1000);
        this.#waiting.add(done);
        signal?.addEventListener('abort', done, { once: true });
      });
    }
    const after = [...this.records.entries()].filter(([, stored]) => stored.seq > since).sort((a, b) => a[1].seq - b[1].seq);
    const page = after.slice(0, limit);
    const changes = page.map(([key, stored]) => {
      const [collection, id] = key.split('\u0000');
      return { collection, id, rev: stored.rev, origin: stored.origin, writeId: stored.writeId, ...(stored.record ? { record: stored.record } : { deleted: true }) };
    });
    return { source: this.source, checkpoint: String(page.length ? page[page.length - 1][1].seq : since), changes, more: after.length > limit };
  }

  /** Wakes long polls: something changed. */
  changed(): void {
    for (const wake of [...this.#waiting]) wake();
  }

  /** One device's client. `faults.loseAnswer` returns true to apply a push and then lose its answer. */
  remote(faults: { loseAnswer?: (writes: PushWrite[]) => boolean } = {}): ReplicationRemote {
    return {
      name: 'memory',
      pull: (_space, checkpoint, options) => this.pull(checkpoint, options),
      push: async (space, writes, { origin }) => {
        const results = this.push(space, writes, origin);
        this.changed();
        if (faults.loseAnswer?.(writes)) throw new TwinRemoteError('offline', 'The answer was lost.');
        return results;
      },
    };
  }
}
