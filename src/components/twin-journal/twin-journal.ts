import '../twin-sync-indicator/twin-sync-indicator.js';
import '../rich-text/twin-rich-text-editor.js';
import { TwinJournalEditor } from './editor/journal-editor.component.js';
import { TwinJournalEntry } from './entry/journal-entry.component.js';
import { TwinJournal } from './twin-journal.component.js';

export { TwinJournal };

// The parts first, so the journal's first render finds them defined.
TwinJournalEditor.define('twin-journal-editor');
TwinJournalEntry.define('twin-journal-entry');
TwinJournal.define('twin-journal');

declare global {
  interface HTMLElementTagNameMap {
    'twin-journal-editor': TwinJournalEditor;
    'twin-journal-entry': TwinJournalEntry;
  }
}
