/** The envelope of a stored glossary entry, for tests that build records by hand. */
export const storedEnvelope = {
  space: 's',
  collection: 'glossary',
  rev: '1-a',
  schemaVersion: 1,
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
  author: { id: 't1', name: 'Ms Rossi' },
  status: 'published' as const,
};
