import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { builtInCollections } from '../../../schemas/collections.js';
import { COLLECTION_READ_RULES } from './collection-read-rules.js';

describe('the read rules the couchdb file carries', () => {
  it('are the built-in collections\' own: every collection with a read rule, an addressee or feedback that follows its target', () => {
    const fromDefinitions = Object.fromEntries(
      Object.values(builtInCollections).flatMap((definition) => {
        const followsTarget = !!definition.feedbackOn?.visibleWithTarget;
        const rules = {
          ...(typeof definition.readableBy === 'string' ? { readableBy: definition.readableBy } : {}),
          ...(definition.addressee ? { addressee: definition.addressee } : {}),
          ...(followsTarget ? { followsTarget, target: { collection: definition.feedbackOn!.collection } } : {}),
        };
        return Object.keys(rules).length ? [[definition.name, rules]] : [];
      }),
    );
    assert.deepEqual(COLLECTION_READ_RULES, fromDefinitions);
  });
});
