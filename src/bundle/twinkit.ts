// The entry of dist/twinkit.js, the single file for <script type="module"> (rollup.config.mjs).
// It registers <twin-space> and <twin-sync-indicator> at once; every other widget is a file of its
// own beside it (dist/twinkit-<name>.js, listed in ./lazy-widgets.ts), imported the first time the
// page uses its tag. The npm package's `twinkit/define` (src/define.ts) still registers every tag.
//
// The API is src/define.ts's (the same as src/index.ts) except the lazy widgets' classes, which
// are in their own files: `await customElements.whenDefined('twin-glossary')`, then
// `customElements.get('twin-glossary')`, gives the class. The build fails if define.ts exports
// anything that twinkit.js holds but this file does not export.
import '../components/twin-space/twin-space.js';
import '../components/twin-sync-indicator/twin-sync-indicator.js';
import { startAutoload } from './autoload.js';
import { shareModules } from './shared-registry.js';

// The registry first: a widget file reads its imports from it when it runs.
shareModules();
startAutoload();

export * from '../sdk/index.js';
export { TwinElement } from '../components/base/twin-element.js';
export { defineElement } from '../components/base/define-element.js';
export type { TwinEvent, TwinEventMap } from '../components/base/events.js';
export { localeContext, phaseContext, storeContext, syncContext, syncControllerContext, userContext } from '../components/context/contexts.js';
export { StoreController, type LoadStatus, type StoreControllerOptions } from '../components/controllers/store-controller.js';
export { LiveAnnouncer } from '../components/controllers/live-announcer.js';
export { VirtualWindow, type VirtualWindowOptions } from '../components/controllers/virtual-window.js';
export { TwinSpace } from '../components/twin-space/twin-space.component.js';
export { TwinSyncIndicator } from '../components/twin-sync-indicator/twin-sync-indicator.component.js';
export type { ConflictChoice, SyncConflict, SyncController, SyncState, SyncStatus } from '../sdk/adapters/synced/sync-status.js';
// A function, not a widget: marks glossary terms in any text (what <twin-glossary-links> uses).
export { linkGlossaryTerms, type GlossaryLinks, type LinkGlossaryOptions } from '../components/twin-glossary-links/link-glossary-terms.js';
export type { GlossaryView } from '../components/twin-glossary/twin-glossary.component.js';
export { matchLocale, setUiLocale, SUPPORTED_LOCALES } from '../localization/localization.js';
export { errorMessage } from '../localization/error-message.js';
export { tokens } from '../theme/tokens.styles.js';
