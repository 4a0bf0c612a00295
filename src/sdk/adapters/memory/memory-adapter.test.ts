import { runAdapterConformance } from '../../conformance/index.js';
import { createMemoryAdapter, MemoryBacking } from './memory-adapter.js';

// The same suite integrators run, here in real Chromium under mocha.
runAdapterConformance({
  name: 'memory (Chromium)',
  describe,
  it,
  createSite() {
    const backing = new MemoryBacking();
    return { open: () => createMemoryAdapter({ backing }) };
  },
});
