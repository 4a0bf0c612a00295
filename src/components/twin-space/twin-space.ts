import { TwinSpace } from './twin-space.component.js';

export { TwinSpace };

TwinSpace.define('twin-space');

declare global {
  interface HTMLElementTagNameMap {
    'twin-space': TwinSpace;
  }
}
