/**
 * The read rules of the built-in collections, as the audience of a record needs them: a table of
 * its own, so the couchdb file a page loads does not carry every collection's schema. A test
 * (`collection-read-rules.node.test.ts`) keeps it equal to `builtInCollections`.
 */
import type { AudienceRules } from '../../../policy/audience.js';

export type CollectionReadRules = AudienceRules & { target?: { collection: string } };

export const COLLECTION_READ_RULES: Readonly<Record<string, CollectionReadRules>> = {
  'board-flag': { readableBy: 'author-and-moderators' },
  journal: { readableBy: 'journal-visibility' },
  'journal-feedback': { followsTarget: true, target: { collection: 'journal' } },
  'journal-note': { readableBy: 'addressee-and-staff', addressee: 'pupil' },
  'goal-rating': { readableBy: 'author-and-staff' },
};
