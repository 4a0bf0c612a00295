export { runAdapterConformance, type ConformanceOptions, type ConformanceSite } from './adapter-conformance.js';
export { ConformanceFailure } from './check.js';
