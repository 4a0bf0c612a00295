// Registers every Twinkit tag, at once (the library's `twinkit/define`). The <script type="module">
// bundle, dist/twinkit.js, is built from src/bundle/twinkit.ts instead: it loads each widget on demand.
// <twin-space> comes first so that widgets find their provider at once.
import './components/twin-space/twin-space.js';
import './components/twin-sync-indicator/twin-sync-indicator.js';
import './components/twin-glossary/twin-glossary.js';
import './components/twin-glossary-links/twin-glossary-links.js';
import './components/twin-phase-tracker/twin-phase-tracker.js';
import './components/twin-journal/twin-journal.js';
import './components/twin-board/twin-board.js';
import './components/twin-sync-conflicts/twin-sync-conflicts.js';

export * from './index.js';
