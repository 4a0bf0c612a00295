import type { StorageAdapter } from '../adapter.js';

export interface AdapterFactoryOptions {
  /** The space the adapter is asked for (an adapter may serve many). */
  space: string;
  /** Extra settings from the page, e.g. `<twin-space adapter-options='{"url": "..."}'>`. */
  options?: Record<string, unknown>;
}

export type AdapterFactory = (options: AdapterFactoryOptions) => StorageAdapter | Promise<StorageAdapter>;

// Kept on globalThis so that two copies of the library on one page share one registry.
const REGISTRY_KEY = Symbol.for('twinkit.adapters');
const registry: Map<string, AdapterFactory> = ((globalThis as Record<symbol, unknown>)[REGISTRY_KEY] ??= new Map()) as Map<
  string,
  AdapterFactory
>;

/** Makes `<twin-space adapter="name">` use an integrator's adapter. Registering a name again replaces it. */
export function registerAdapter(name: string, factory: AdapterFactory): void {
  if (!/^[a-z][a-z0-9-]*$/.test(name)) {
    throw new TypeError(`Adapter name "${name}" must be lowercase letters, digits and dashes, starting with a letter.`);
  }
  registry.set(name, factory);
}

export function getAdapterFactory(name: string): AdapterFactory | undefined {
  return registry.get(name);
}

export function registeredAdapterNames(): string[] {
  return [...registry.keys()];
}
