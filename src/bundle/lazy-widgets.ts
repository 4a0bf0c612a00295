/**
 * The widgets of the script-tag build (dist/twinkit.js) that load on demand: tag -> its registration
 * module. Each becomes its own file beside twinkit.js, named after the tag: `<twin-glossary>` is
 * dist/twinkit-glossary.js. twinkit.js imports one only when the page uses its tag (./autoload.ts).
 *
 * Adding a widget is one line here: `'twin-x': () => import('../components/twin-x/twin-x.js')`.
 * The build (rollup.config.mjs) reads this file, checks that each path is the tag's own
 * registration module, and gives each a gzip budget (a default unless listed in WIDGET_BUDGETS).
 */
export const lazyWidgets: Readonly<Record<string, () => Promise<unknown>>> = {
  'twin-glossary': () => import('../components/twin-glossary/twin-glossary.js'),
  // Also registers <twin-glossary-term>, which the wrapper creates; a file of its own, not the
  // glossary's: a blog post that marks terms does not need the glossary's editor and exchange.
  'twin-glossary-links': () => import('../components/twin-glossary-links/twin-glossary-links.js'),
  'twin-phase-tracker': () => import('../components/twin-phase-tracker/twin-phase-tracker.js'),
  'twin-journal': () => import('../components/twin-journal/twin-journal.js'),
  'twin-board': () => import('../components/twin-board/twin-board.js'),
  // Drawn by the widgets in their shadow roots, where the autoloader does not look: <twin-space>
  // also loads it, once its storage syncs. Listed here for a page that places it itself.
  'twin-sync-conflicts': () => import('../components/twin-sync-conflicts/twin-sync-conflicts.js'),
};
