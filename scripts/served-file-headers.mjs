// Headers for what the demo serves from CouchDB at /couch, on the page's own origin: a stored file
// must never run as a page there. `sandbox` gives any document an opaque origin with no scripts,
// `nosniff` stops the browser guessing HTML in a picture, and anything but a picture, sound, video
// or the API's JSON (text/plain when the client asks for no type) is a download. docs/couchdb.md
// shows the same for nginx and Apache.

const INLINE = /^(image\/(png|jpeg|gif|webp)|audio\/[\w.+-]+|video\/[\w.+-]+|application\/json|text\/plain)$/;

/** The headers to add to a response of `contentType`. */
export function servedFileHeaders(contentType) {
  const type = String(contentType ?? '').split(';')[0].trim().toLowerCase();
  return {
    'content-security-policy': 'sandbox',
    'x-content-type-options': 'nosniff',
    ...(INLINE.test(type) ? {} : { 'content-disposition': 'attachment' }),
  };
}

/** `handle` (a proxy's), with those headers on every response it writes. */
export function withServedFileHeaders(handle) {
  return (req, res) => {
    const writeHead = res.writeHead;
    res.writeHead = function (status, ...rest) {
      const headers = rest.find((arg) => arg && typeof arg === 'object') ?? {};
      const type = headers['content-type'] ?? headers['Content-Type'] ?? res.getHeader('content-type');
      for (const [name, value] of Object.entries(servedFileHeaders(type))) res.setHeader(name, value);
      return writeHead.call(this, status, ...rest);
    };
    return handle(req, res);
  };
}
