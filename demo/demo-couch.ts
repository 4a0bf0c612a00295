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

/** The CouchDB address when the page was served by `npm run start:couch`; undefined with `npm start`. */
export function demoCouchUrl(doc: Document = document): string | undefined {
  return doc.querySelector<HTMLMetaElement>(`meta[name="${DEMO_COUCH_META}"]`)?.content || undefined;
}

/** `<twin-space adapter-options>` for a demo user: the same-origin server, signed in by session cookie; the layout as the server says. */
export function demoCouchOptions(url: string, userId: string) {
  return { url, credentials: { name: userId, password: demoPassword(userId) } };
}
