import { describe, it } from 'node:test';
import { runAdapterConformance } from '../../conformance/index.js';
import { createMemoryAdapter, MemoryBacking } from './memory-adapter.js';

runAdapterConformance({
  name: 'memory (node)',
  describe,
  it,
  createSite() {
    const backing = new MemoryBacking();
    return { open: () => createMemoryAdapter({ backing }) };
  },
});
