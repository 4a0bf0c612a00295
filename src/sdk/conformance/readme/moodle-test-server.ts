import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createMemoryAdapter } from '../../adapters/memory/memory-adapter.js';
import { isTwinError } from '../../errors.js';

/**
 * The server side of the README's Moodle adapter, as small as a test allows: the endpoints the
 * example calls (`/local/twinkit/get|list|write|file`), its revision checks done by a memory adapter
 * (what a PHP plugin would do in its database). It answers JSON as a PHP server would: a missing
 * record, or no current version in a conflict, is `null`, which the example turns into `undefined`.
 */
export async function startMoodleTestServer(token: string): Promise<{ url: string; stop: () => Promise<void> }> {
  const storage = createMemoryAdapter();
  const server = createServer((request, response) => {
    answer(request, response).catch((error) => send(response, isTwinError(error) && error.code === 'validation' ? 400 : 500, { error: String(error) }));
  });

  async function answer(request: IncomingMessage, response: ServerResponse) {
    if (request.headers.authorization !== `Bearer ${token}`) return send(response, 401, { error: 'not signed in' });
    const url = new URL(request.url ?? '/', 'http://server');
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    const body = Buffer.concat(chunks);
    if (url.pathname === '/local/twinkit/file') return answerFile(request.method, url.searchParams, body, request.headers['content-type'], response);
    const input = JSON.parse(body.toString('utf8') || '{}');
    switch (url.pathname) {
      case '/local/twinkit/get':
        return send(response, 200, { record: (await storage.get(input.space, input.collection, input.id)) ?? null });
      case '/local/twinkit/list':
        return send(response, 200, { records: await storage.list(input.space, input.collection, input.query) });
      case '/local/twinkit/write': {
        const results = await storage.write(input.space, input.operations, { origin: 'server' });
        return send(response, 200, { results: results.map((result) => (result.ok ? result : { ...result, current: result.current ?? null })) });
      }
      default:
        return send(response, 404, { error: 'no such endpoint' });
    }
  }

  async function answerFile(method: string | undefined, params: URLSearchParams, body: Buffer, type: string | undefined, response: ServerResponse) {
    const space = params.get('space') ?? '';
    const id = params.get('id') ?? '';
    if (method === 'PUT') {
      await storage.putAttachment(space, new Blob([new Uint8Array(body)], { type: type ?? '' }), { id });
      return send(response, 204);
    }
    if (method === 'DELETE') {
      await storage.deleteAttachment(space, id);
      return send(response, 204);
    }
    const blob = await storage.getAttachment(space, id);
    if (!blob) return send(response, 404, { error: 'no such file' });
    response.writeHead(200, { 'content-type': blob.type || 'application/octet-stream' });
    response.end(Buffer.from(await blob.arrayBuffer()));
  }

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    stop: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        // fetch keeps connections open for reuse; close would wait for them.
        server.closeAllConnections();
      }),
  };
}

function send(response: ServerResponse, status: number, json?: unknown) {
  response.writeHead(status, json === undefined ? {} : { 'content-type': 'application/json' });
  response.end(json === undefined ? undefined : JSON.stringify(json));
}
