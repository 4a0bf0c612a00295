import type { CouchServer } from './start-couch-server.mjs';
export interface ReplicatedPair {
  a: CouchServer;
  b: CouchServer;
  databases: string[];
  start(): Promise<void>;
  replicateOnce(): Promise<void>;
  stop(): Promise<void>;
}
export function startReplicatedPair(options: { databases: string[]; replicate?: boolean }): Promise<ReplicatedPair>;
