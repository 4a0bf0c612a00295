export interface CouchServer {
  url: string;
  port: number;
  admin: { name: string; password: string };
  adminHeaders: Record<string, string>;
  stop(): Promise<void>;
}
export function freePort(): Promise<number>;
export function startCouchServer(options?: { port?: number; admin?: { name: string; password: string } }): Promise<CouchServer>;
