// Adapters for the stories, registered by name so that a story can write <twin-space adapter="story-...">,
// exactly as an integrator registers an LMS adapter. Each is a memory adapter pre-filled for its space.
import { registerAdapter, type RawRecord } from '../../src/index.js';
import { createMemoryAdapter } from '../../src/sdk/adapters/memory/index.js';

const author = { id: 'ana', name: 'Ana García', school: 'IES Example' };

/** A stored glossary entry as an adapter holds it (the adapter sets `space` and `rev`). */
function entry(id: string, updatedAt: string, translations: Record<string, { term: string }>): RawRecord {
  return {
    id,
    space: '',
    collection: 'glossary',
    rev: '',
    schemaVersion: 1,
    createdAt: updatedAt,
    updatedAt,
    author,
    status: 'published',
    translations,
  };
}

function seeded(records: RawRecord[]) {
  return async ({ space }: { space: string }) => {
    const adapter = createMemoryAdapter();
    await adapter.write(
      space,
      records.map((record) => ({ type: 'put' as const, record, expectedRev: null })),
      { origin: 'story-seed' },
    );
    return adapter;
  };
}

const hostFamily = { en: { term: 'Host family' }, es: { term: 'Familia de acogida' } };

/**
 * Registers the story adapters. Called by the stories, not on import: package.json's `sideEffects`
 * would let the bundler drop a bare import.
 */
export function registerStoryAdapters(): void {
  // Three valid entries, one of them a long word (for narrow screens).
  registerAdapter(
    'story-glossary',
    seeded([
      entry('host-family', '2026-03-02T09:00:00.000Z', hostFamily),
      entry('mobility', '2026-03-02T09:05:00.000Z', { en: { term: 'Mobility' }, es: { term: 'Movilidad' } }),
      entry('exchange', '2026-03-02T09:10:00.000Z', { de: { term: 'Schüleraustauschprogrammvorbereitungstreffen' } }),
    ]),
  );
  // One valid entry and one damaged one: a blank term fails validation.
  registerAdapter(
    'story-damaged',
    seeded([
      entry('host-family', '2026-03-02T09:00:00.000Z', hostFamily),
      entry('damaged', '2026-03-02T09:05:00.000Z', { en: { term: '   ' } }),
    ]),
  );
}
