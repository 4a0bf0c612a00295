export { createMemoryAdapter, MemoryBacking, type MemoryAdapterOptions } from './memory-adapter.js';
