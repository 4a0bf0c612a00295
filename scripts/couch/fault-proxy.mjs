// An HTTP proxy in front of the CouchDB-protocol server that can fail on purpose, so that tests
// show what clients do when the server is down, restarts, answers 5xx or something that is not
// JSON, or cuts a changes feed mid-stream. Used standalone (its own port) or as a request handler
// mounted in another server (the test runner's, for same-origin requests from the browser).
import { request as httpRequest, createServer } from 'node:http';

/**
 * Modes:
 *  - `pass`: forward everything;
 *  - `down`: drop every connection at once (the server is gone);
 *  - `status:<code>`: answer every request with that status and a CouchDB-style error body;
 *  - `not-json`: answer 200 with an HTML page (a captive portal, a misconfigured proxy);
 *  - `lose-answers`: forward the request, let the server apply it, then drop the connection before
 *    the answer reaches the client (the write landed, the client cannot know).
 */
export function createFaultProxy(target, { prefix = '' } = {}) {
  let mode = 'pass';

  let requests = 0;
  const open = new Set();
  const targetUrl = new URL(target);

  /** (req, res) handler; `req.url` must start with `prefix`, which is removed before forwarding. */
  function handle(req, res) {
    const path = req.url.startsWith(prefix) ? req.url.slice(prefix.length) || '/' : req.url;
    forward(req, res, path);
  }

  function forward(req, res, path) {
    requests++;
    if (process.env.TWINKIT_COUCH_LOG) console.error(`[couch] ${req.method} ${path}`);
    if (mode === 'down') {
      req.socket.destroy();
      return;
    }
    if (mode.startsWith('status:')) {
      const status = Number(mode.slice(7));
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ error: 'injected', reason: `Injected ${status} from the test proxy` }));
      return;
    }
    if (mode === 'not-json') {
      res.writeHead(200, { 'content-type': 'text/html' });
      res.end('<!doctype html><title>Sign in to the school Wi-Fi</title><p>Please sign in.</p>');
      return;
    }
    const headers = { ...req.headers, host: targetUrl.host };
    const lose = mode === 'lose-answers';
    const upstream = httpRequest({ host: targetUrl.hostname, port: targetUrl.port, method: req.method, path, headers }, (answer) => {
      if (lose) {
        answer.resume();
        answer.on('end', () => req.socket.destroy());
        return;
      }
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(res);
    });
    const pair = { req, res, upstream };
    open.add(pair);
    const done = () => open.delete(pair);
    res.on('close', done);
    upstream.on('error', () => {
      done();
      if (!res.headersSent) {
        res.writeHead(502, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ error: 'bad_gateway', reason: 'The server behind the proxy did not answer.' }));
      } else res.destroy();
    });
    req.pipe(upstream);
  }

  return {
    handle,
    get mode() {
      return mode;
    },
    get requests() {
      return requests;
    },
    /** Sets the mode; `down` and `cut` also drop what is in flight (long polls, streamed feeds). */
    setMode(next) {
      if (next === 'cut') {
        this.cutAll();
        return;
      }
      mode = next;
      if (next === 'down') this.cutAll();
    },
    /** Drops every request in flight mid-stream, as a restarting server does. */
    cutAll() {
      for (const { req, res, upstream } of open) {
        upstream.destroy();
        res.destroy();
        req.socket.destroy();
      }
      open.clear();
    },
  };
}

/** The proxy on its own port on 127.0.0.1. */
export async function startFaultProxy(target, port = 0) {
  const proxy = createFaultProxy(target);
  const server = createServer(proxy.handle);
  await new Promise((resolve) => server.listen(port, '127.0.0.1', resolve));
  return {
    proxy,
    url: `http://127.0.0.1:${server.address().port}`,
    async stop() {
      proxy.cutAll();
      server.closeAllConnections?.();
      await new Promise((resolve) => server.close(() => resolve()));
    },
  };
}
