import type { IncomingMessage, ServerResponse } from 'node:http';
export type FaultMode = 'pass' | 'down' | 'not-json' | 'lose-answers' | `status:${number}` | 'cut';
export interface FaultProxy {
  handle(req: IncomingMessage, res: ServerResponse): void;
  readonly mode: string;
  readonly requests: number;
  setMode(mode: FaultMode): void;
  cutAll(): void;
}
export function createFaultProxy(target: string, options?: { prefix?: string }): FaultProxy;
export function startFaultProxy(target: string, port?: number): Promise<{ proxy: FaultProxy; url: string; stop(): Promise<void> }>;
