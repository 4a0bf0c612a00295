import { TwinSyncIndicator } from './twin-sync-indicator.component.js';

export { TwinSyncIndicator };

TwinSyncIndicator.define('twin-sync-indicator');

declare global {
  interface HTMLElementTagNameMap {
    'twin-sync-indicator': TwinSyncIndicator;
  }
}
