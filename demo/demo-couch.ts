/**
 * The demo on a CouchDB server (`npm run start:couch`): how the page learns it is in that mode, and
 * the demo users' passwords. Shared by the page, the server script and the end-to-end test.
 */

/** `npm run start:couch` serves the page with `<meta name="twinkit-demo-couch" content="/couch">`. */
export const DEMO_COUCH_META = 'twinkit-demo-couch';

/** Where the server is mounted on the demo's own origin (as a school site's reverse proxy would). */
export const DEMO_COUCH_PATH = '/couch';

/**
 * DEMO ONLY: every demo user's CouchDB password is derived from their id, so the page can sign in as
 * whoever the visitor picks. Real members get passwords nobody can guess, or sign in through the
 * school portal (docs/couchdb.md).
 */
export function demoPassword(userId: string): string {
  return `${userId}-demo-password`;
}

/** `npm run start:remote` serves the page with `<meta name="twinkit-demo-remote" content="/remote">`: Twinkit's reference server. */
export const DEMO_REMOTE_META = 'twinkit-demo-remote';

/** The shared server the page was served with, and its adapter; undefined with `npm start` (the embedded IndexedDB). */
export function demoServer(doc: Document = document): { adapter: 'couchdb' | 'remote'; url: string } | undefined {
  const content = (name: string) => doc.querySelector<HTMLMetaElement>(`meta[name="${name}"]`)?.content || undefined;
  const remote = content(DEMO_REMOTE_META);
  if (remote) return { adapter: 'remote', url: remote };
  const couch = content(DEMO_COUCH_META);
  return couch ? { adapter: 'couchdb', url: couch } : undefined;
}


/** `<twin-space adapter-options>` for a demo user: the same-origin server, signed in by session cookie; the layout as the server says. */
export function demoCouchOptions(url: string, userId: string) {
  return { url, credentials: { name: userId, password: demoPassword(userId) } };
}
