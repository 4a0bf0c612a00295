/**
 * The views the adapter lists records with. Map functions run inside CouchDB (SpiderMonkey or
 * QuickJS) as source text, so they are written as ES5 strings; `emit` is CouchDB's.
 * Keys sort as CouchDB collates arrays: element by element, and `{}` after every string.
 */
export const VIEWS = {
  'by-updated': {
    map: "function (doc) { if (doc.collection && doc.id && typeof doc.updatedAt === 'string') emit([doc.collection, doc.updatedAt, doc.id], null); }",
  },
  'by-phase': {
    map: "function (doc) { if (doc.collection && doc.id && typeof doc.updatedAt === 'string' && typeof doc.phase === 'string') emit([doc.collection, doc.phase, doc.updatedAt, doc.id], null); }",
  },
} as const;
