export { runAdapterConformance, type ConformanceOptions, type ConformanceSite } from './adapter-conformance.js';
export { ConformanceFailure } from './check.js';
export { runRemoteConformance, type RemoteConformanceOptions, type RemotePeople, type RemotePerson } from './remote-conformance.js';
