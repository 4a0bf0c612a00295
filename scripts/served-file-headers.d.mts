import type { IncomingMessage, ServerResponse } from 'node:http';
export function servedFileHeaders(contentType: string | undefined): Record<string, string>;
export function withServedFileHeaders(handle: (req: IncomingMessage, res: ServerResponse) => void): (req: IncomingMessage, res: ServerResponse) => void;
