import '../twin-sync-indicator/twin-sync-indicator.js';
import { TwinGlossaryEditor } from './editor/glossary-editor.component.js';
import { TwinGlossaryEntry } from './entry/glossary-entry.component.js';
import { TwinGlossaryExchange } from './exchange/glossary-exchange.component.js';
import { TwinGlossary } from './twin-glossary.component.js';

export { TwinGlossary };

// The parts first, so the glossary's first render finds them defined.
TwinGlossaryEntry.define('twin-glossary-entry');
TwinGlossaryEditor.define('twin-glossary-editor');
TwinGlossaryExchange.define('twin-glossary-exchange');
TwinGlossary.define('twin-glossary');

declare global {
  interface HTMLElementTagNameMap {
    'twin-glossary': TwinGlossary;
    'twin-glossary-entry': TwinGlossaryEntry;
    'twin-glossary-editor': TwinGlossaryEditor;
    'twin-glossary-exchange': TwinGlossaryExchange;
  }
}
