// The storage SDK: no side effects, no Lit. Integrators import from `twinkit/sdk`.
export type {
  AdapterCapabilities,
  AttachmentInfo,
  Change,
  ChangeListener,
  ListQuery,
  RawRecord,
  StorageAdapter,
  WriteOperation,
  WriteOptions,
  WriteResult,
} from './adapter.js';
export { decideOperation, compareByUpdate, type Decision } from './adapters/decide-operation.js';
export { registerAdapter, getAdapterFactory, registeredAdapterNames } from './adapters/registry.js';
export type { AdapterFactory, AdapterFactoryOptions } from './adapters/registry.js';
export { knownAdapterNames, resolveAdapter, TwinUnknownAdapterError } from './adapters/resolve-adapter.js';
export { sniffType } from './attachments/sniff-type.js';
export * from './errors.js';
export type { IssueName } from './issue-kinds.js';
export { ACTIONS, can, canContribute, initialStatus, type Action, type PolicyRecord } from './policy/can.js';
export {
  DEFAULT_ADDRESSEE_FIELD,
  journalVisibilityAllows,
  READ_RULES,
  readRuleAllows,
  sameSchool,
  type NamedReadRule,
  type ReadRule,
  type ReadRuleFunction,
} from './policy/read-rules.js';
export * from './policy/roles.js';
export { nextRevision, randomId, revisionGeneration } from './revision.js';
export * from './schemas/activity.js';
export * from './schemas/board.js';
export * from './schemas/board-flag.js';
export * from './schemas/board-position.js';
export * from './schemas/board-reaction.js';
export * from './schemas/board-section.js';
export * from './schemas/board-settings.js';
export * from './schemas/collections.js';
export * from './schemas/envelope.js';
export * from './schemas/feedback.js';
export * from './schemas/glossary.js';
export * from './schemas/goal.js';
export * from './schemas/goal-rating.js';
export * from './schemas/journal.js';
export * from './schemas/journal-feedback.js';
export * from './schemas/journal-note.js';
export * from './schemas/journal-prompt.js';
export * from './schemas/journal-settings.js';
export { LIMITS } from './schemas/limits.js';
export * from './schemas/phase.js';
export * from './schemas/project.js';
export { isSafeUrl } from './schemas/text.js';
export { createStore, type TwinStore } from './store/create-store.js';
export type * from './store/store-types.js';
export { canMergeSafely } from './store/three-way-merge.js';
export { checkRecord } from './store/validate-record.js';
export { assertWritable } from './adapters/assert-writable.js';
