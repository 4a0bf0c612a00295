// Classes and types, no side effects: importing this registers no tag.
// Register tags with `twinkit/define` (all) or `twinkit/twin-space` (one).
export * from './sdk/index.js';
export { TwinElement } from './components/base/twin-element.js';
export { defineElement } from './components/base/define-element.js';
export type { TwinEvent, TwinEventMap } from './components/base/events.js';
export { localeContext, phaseContext, storeContext, userContext } from './components/context/contexts.js';
export { StoreController, type LoadStatus, type StoreControllerOptions } from './components/controllers/store-controller.js';
export { LiveAnnouncer } from './components/controllers/live-announcer.js';
export { TwinSpace } from './components/twin-space/twin-space.component.js';
export { TwinSyncIndicator } from './components/twin-sync-indicator/twin-sync-indicator.component.js';
export { syncContext, syncControllerContext } from './components/context/contexts.js';
export type { ConflictChoice, SyncConflict, SyncController, SyncState, SyncStatus } from './sdk/adapters/synced/sync-status.js';
export { TwinSyncConflicts } from './components/twin-sync-conflicts/twin-sync-conflicts.component.js';
export { TwinGlossary, type GlossaryView } from './components/twin-glossary/twin-glossary.component.js';
export { TwinGlossaryLinks } from './components/twin-glossary-links/twin-glossary-links.component.js';
export { TwinGlossaryTerm } from './components/twin-glossary-links/twin-glossary-term.component.js';
export { linkGlossaryTerms, type GlossaryLinks, type LinkGlossaryOptions } from './components/twin-glossary-links/link-glossary-terms.js';
export { TwinPhaseTracker, type TrackerView } from './components/twin-phase-tracker/twin-phase-tracker.component.js';
export { TwinJournal, type JournalView } from './components/twin-journal/twin-journal.component.js';
export { TwinBoard } from './components/twin-board/twin-board.component.js';
export { TwinRichTextEditor } from './components/rich-text/twin-rich-text-editor.component.js';
export { sanitizeRichText } from './components/rich-text/sanitize-rich-text.js';
export { VirtualWindow, type VirtualWindowOptions } from './components/controllers/virtual-window.js';
export { matchLocale, setUiLocale, SUPPORTED_LOCALES } from './localization/localization.js';
export { errorMessage } from './localization/error-message.js';
export { tokens } from './theme/tokens.styles.js';
