// Registers every Twinkit tag. The <script type="module"> bundle is built from this file.
// <twin-space> comes first so that widgets find their provider at once.
import './components/twin-space/twin-space.js';
import './components/twin-sync-indicator/twin-sync-indicator.js';
import './components/twin-glossary/twin-glossary.js';
import './components/twin-glossary-links/twin-glossary-links.js';
import './components/twin-phase-tracker/twin-phase-tracker.js';

export * from './index.js';
