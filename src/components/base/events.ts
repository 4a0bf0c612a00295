import type { SyncConflict, SyncStatus } from '../../sdk/adapters/synced/sync-status.js';
import type { TwinError } from '../../sdk/errors.js';
import type { TwinStore } from '../../sdk/store/create-store.js';
import type { InvalidRecord, RecordChange } from '../../sdk/store/store-types.js';

/** Every event a Twinkit element emits: `twin-<noun>-<verb>`, bubbling and composed. */
export interface TwinEventMap {
  /** A `<twin-space>` (or a standalone widget) has its store ready. */
  'twin-space-ready': { store: TwinStore };
  /** Records changed, here or elsewhere (another tab, user or device): learning records for an LMS. */
  'twin-record-change': { changes: RecordChange[] };
  /** A stored record failed validation: it is not shown, and the others still are. */
  'twin-record-invalid': InvalidRecord;
  /** Storage failed (unavailable, quota exceeded) or an adapter could not be found. */
  'twin-storage-error': { error: TwinError };
  /** Sync with the server changed state (online, syncing, offline, error) or the number of writes waiting. */
  'twin-sync-status': { status: SyncStatus };
  /** Sync stopped on an error someone must act on (signed out, a missing database); it keeps retrying. */
  'twin-sync-error': { status: SyncStatus };
  /** The server did not take a change made here: both versions are in `conflict`; the server's is shown. */
  'twin-sync-conflict': { conflict: SyncConflict };
  /**
   * A widget (the phase tracker) asks to show one phase in every widget, or all phases (`phase`
   * undefined). `<twin-space>` applies it unless a listener cancels the event.
   */
  'twin-phase-select': { phase: string | undefined };
  /** The reader asked for what a phase produced in a widget: the page may navigate there. */
  'twin-contributions-open': { phase: string; widget: 'glossary' | 'board' | 'journal' };
}

export type TwinEvent<K extends keyof TwinEventMap> = CustomEvent<TwinEventMap[K]>;

declare global {
  interface GlobalEventHandlersEventMap {
    'twin-space-ready': TwinEvent<'twin-space-ready'>;
    'twin-record-change': TwinEvent<'twin-record-change'>;
    'twin-record-invalid': TwinEvent<'twin-record-invalid'>;
    'twin-storage-error': TwinEvent<'twin-storage-error'>;
    'twin-sync-status': TwinEvent<'twin-sync-status'>;
    'twin-sync-error': TwinEvent<'twin-sync-error'>;
    'twin-sync-conflict': TwinEvent<'twin-sync-conflict'>;
    'twin-phase-select': TwinEvent<'twin-phase-select'>;
    'twin-contributions-open': TwinEvent<'twin-contributions-open'>;
  }
}
