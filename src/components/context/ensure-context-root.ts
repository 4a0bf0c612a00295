import { ContextRoot } from '@lit/context';

const ATTACHED = Symbol.for('twinkit.context-root');

/**
 * Lets a widget find a `<twin-space>` that is upgraded after it (script order, lazy loading):
 * the root replays the widget's context request when the provider appears.
 */
export function ensureContextRoot(): void {
  const root = document.documentElement as unknown as Record<symbol, boolean>;
  if (root[ATTACHED]) return;
  root[ATTACHED] = true;
  new ContextRoot().attach(document.documentElement);
}
