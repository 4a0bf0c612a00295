/**
 * The HTTP plumbing every endpoint shares: reading a body within a limit, answering JSON, and the
 * protocol's error shape `{ error, reason }`.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';

/** An answer that is not 2xx: thrown anywhere in a request, written by the server. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    reason: string,
  ) {
    super(reason);
  }
}

export const badRequest = (reason: string) => new HttpError(400, 'bad-request', reason);

export function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(text), 'cache-control': 'no-store' });
  res.end(text);
}

/** `{ error, reason }`. A 401 carries no `WWW-Authenticate`: browsers would open their own sign-in dialog. */
export function sendError(res: ServerResponse, error: HttpError): void {
  if (res.headersSent) return void res.destroy();
  // The rest of a body too large was not read: the connection cannot carry another request.
  if (error.status === 413) res.setHeader('connection', 'close');
  sendJson(res, error.status, { error: error.code, reason: error.message });
}

/** The request's bytes; 413 as soon as they pass `limit`. */
export async function readBytes(req: IncomingMessage, limit: number, tooLarge: string): Promise<Buffer> {
  const declared = Number(req.headers['content-length']);
  if (declared > limit) throw new HttpError(413, 'too-large', tooLarge);
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > limit) throw new HttpError(413, 'too-large', tooLarge);
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}

/** The request's JSON body, which must be an object. */
export async function readJsonObject(req: IncomingMessage, limit: number): Promise<Record<string, unknown>> {
  const bytes = await readBytes(req, limit, `The request is too large: at most ${Math.round(limit / 1048576)} MiB.`);
  let body: unknown;
  try {
    body = JSON.parse(bytes.toString('utf8'));
  } catch {
    throw badRequest('The body must be JSON.');
  }
  if (typeof body !== 'object' || body === null || Array.isArray(body)) throw badRequest('The body must be a JSON object.');
  return body as Record<string, unknown>;
}
