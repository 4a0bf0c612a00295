/**
 * What dist/twinkit.js lends to the widget files beside it. This source is a placeholder: the
 * script-tag build (rollup.config.mjs, plugin `sharedRegistry`) replaces this module with the
 * namespaces of the modules twinkit.js holds and the widget files import, each reduced to the names
 * they import, e.g. `{ 'lit/index.js': { html, css, ... }, 'src/components/base/twin-element.ts': { TwinElement } }`,
 * and `sharedBuild` with a hash of that list. Unbundled (tests, a dev server), the widget modules
 * import their dependencies themselves and nothing is lent.
 */
export const sharedBuild: string = '';
export const sharedModules: Readonly<Record<string, object>> = {};
