import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import { after, before, describe, it } from 'node:test';
import { createFaultProxy } from '../../../../../scripts/couch/fault-proxy.mjs';
import { startCouchServer, type CouchServer } from '../../../../../scripts/couch/start-couch-server.mjs';
import { withServedFileHeaders } from '../../../../../scripts/served-file-headers.mjs';

/** The demo's /couch, as scripts/serve-demo-couch.mjs mounts it: files come back unable to run. */
let couch: CouchServer;
let server: Server;
let base: string;
before(async () => {
  couch = await startCouchServer();
  const proxy = createFaultProxy(couch.url, { prefix: '/couch' });
  server = createServer(withServedFileHeaders(proxy.handle));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as { port: number }).port}/couch`;
  // Written past the rules, as an admin could, or a server set up before them.
  await fetch(`${couch.url}/files`, { method: 'PUT', headers: couch.adminHeaders });
  const put = (id: string, type: string, body: string) =>
    fetch(`${couch.url}/files/${id}`, {
      method: 'PUT',
      headers: { ...couch.adminHeaders, 'content-type': 'application/json' },
      body: JSON.stringify({ _attachments: { file: { content_type: type, data: Buffer.from(body).toString('base64') } } }),
    });
  await put('attachment:page', 'text/html', '<script>alert(1)</script>');
  await put('attachment:drawing', 'image/svg+xml', '<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>');
  await put('attachment:photo', 'image/png', '\x89PNG\r\n\x1a\n');
  await put('attachment:report', 'application/pdf', '%PDF-1.4');
});
after(async () => {
  server?.closeAllConnections();
  server?.close();
  await couch?.stop();
});

const get = async (path: string) => {
  const response = await fetch(`${base}${path}`, { headers: couch.adminHeaders });
  await response.arrayBuffer();
  return response.headers;
};

describe('the demo proxy\'s headers on /couch', () => {
  it('serves HTML, SVG and other non-media as sandboxed downloads', async () => {
    for (const id of ['attachment:page', 'attachment:drawing', 'attachment:report']) {
      const headers = await get(`/files/${encodeURIComponent(id)}/file`);
      assert.equal(headers.get('content-security-policy'), 'sandbox', id);
      assert.equal(headers.get('x-content-type-options'), 'nosniff', id);
      assert.equal(headers.get('content-disposition'), 'attachment', id);
    }
  });

  it('shows pictures inline, still sandboxed, and leaves the API\'s JSON as it is', async () => {
    const photo = await get(`/files/${encodeURIComponent('attachment:photo')}/file`);
    assert.equal(photo.get('content-type'), 'image/png');
    assert.equal(photo.get('content-security-policy'), 'sandbox');
    assert.equal(photo.get('x-content-type-options'), 'nosniff');
    assert.equal(photo.get('content-disposition'), null);
    const api = await get('/files/_all_docs');
    assert.equal(api.get('content-disposition'), null);
    assert.equal(api.get('x-content-type-options'), 'nosniff');
  });
});
