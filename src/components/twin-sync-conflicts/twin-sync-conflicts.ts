import { TwinSyncConflicts } from './twin-sync-conflicts.component.js';

export { TwinSyncConflicts };

TwinSyncConflicts.define('twin-sync-conflicts');

declare global {
  interface HTMLElementTagNameMap {
    'twin-sync-conflicts': TwinSyncConflicts;
  }
}
