import { ConformanceFailure } from '../check.js';

/** What the server answered to one request, read whatever it was (JSON or not). */
export interface Answer {
  status: number;
  contentType: string;
  /** The parsed JSON body; undefined when the body was not JSON. */
  json: unknown;
  text: string;
  bytes: Uint8Array;
}

export interface HttpRequest {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  /** After `{url}/spaces/{space}/`: `pull`, `push`, `files/{id}`. */
  path: string;
  headers: Record<string, string>;
  /** A value sent as JSON, or bytes sent as they are (with `contentType`). */
  json?: unknown;
  bytes?: Uint8Array;
  contentType?: string;
  /** Another space than the suite's (the unknown-space test). */
  space?: string;
  /** Milliseconds before the request is given up. */
  timeout: number;
}

/** Plain HTTP to the protocol's endpoints: no SDK client in between, so the suite sees what an integrator's server sends. */
export class ProtocolHttp {
  private readonly base: string;

  constructor(
    url: string,
    private readonly space: string,
    private readonly fetchImpl: typeof fetch,
  ) {
    this.base = url.replace(/\/+$/, '');
  }

  endpoint(path: string, space = this.space): string {
    return `${this.base}/spaces/${encodeURIComponent(space)}/${path}`;
  }

  async send(request: HttpRequest): Promise<Answer> {
    const url = this.endpoint(request.path, request.space);
    const headers: Record<string, string> = { ...request.headers };
    let body: BodyInit | undefined;
    if (request.json !== undefined) {
      headers['Content-Type'] = 'application/json';
      body = JSON.stringify(request.json);
    } else if (request.bytes) {
      if (request.contentType) headers['Content-Type'] = request.contentType;
      body = request.bytes as unknown as BodyInit;
    }
    let response: Response;
    try {
      response = await this.fetchImpl(url, { method: request.method, headers, body, signal: AbortSignal.timeout(request.timeout) });
    } catch (error) {
      const cause = error instanceof Error && error.name === 'TimeoutError' ? `no answer within ${request.timeout} ms` : String(error);
      throw new ConformanceFailure(`${request.method} ${url} failed: ${cause}`);
    }
    const bytes = new Uint8Array(await response.arrayBuffer());
    const text = new TextDecoder().decode(bytes);
    let json: unknown;
    try {
      json = text ? JSON.parse(text) : undefined;
    } catch {
      json = undefined;
    }
    return { status: response.status, contentType: response.headers.get('content-type') ?? '', json, text, bytes };
  }
}

/** An answer in a few words, for failure messages: `403 {"error":"forbidden",...}`. */
export function describeAnswer(answer: Answer): string {
  const body = answer.text.length > 300 ? `${answer.text.slice(0, 300)}…` : answer.text;
  return `${answer.status}${body ? ` ${body}` : ' with an empty body'}`;
}
