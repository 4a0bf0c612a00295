import { sharedBuild, sharedModules } from './shared-modules.js';

/**
 * The global key of the registry: `globalThis[Symbol.for('twinkit.shared')]`. A widget file
 * (dist/twinkit-<name>.js) reads Lit, the SDK and the rest of what twinkit.js holds from there,
 * instead of importing twinkit.js: the page may load that as `twinkit.js?ver=2`, and a module
 * URL with another query string would be evaluated again, a second copy of everything.
 */
export const SHARED_REGISTRY = Symbol.for('twinkit.shared');

export interface SharedRegistry {
  /** Hash of the modules and names lent; a widget file checks it is the one it was built against. */
  readonly build: string;
  /** Module key (its path in the repository, without node_modules/) -> namespace object. */
  readonly modules: Readonly<Record<string, object>>;
}

/**
 * Puts the registry on the page, before any widget file is imported. The first copy of twinkit.js
 * on a page wins (a CMS may add it twice): its <twin-space> is the registered one, and widget files
 * must use the same Lit, context keys and localization as that.
 */
export function shareModules(): SharedRegistry {
  const global = globalThis as { [SHARED_REGISTRY]?: SharedRegistry };
  return (global[SHARED_REGISTRY] ??= Object.freeze({ build: sharedBuild, modules: sharedModules }));
}
