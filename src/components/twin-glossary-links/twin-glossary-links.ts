import { TwinGlossaryLinks } from './twin-glossary-links.component.js';
import { TwinGlossaryTerm } from './twin-glossary-term.component.js';

export { TwinGlossaryLinks, TwinGlossaryTerm };

// The term first: the wrapper creates terms as soon as its entries load.
TwinGlossaryTerm.define('twin-glossary-term');
TwinGlossaryLinks.define('twin-glossary-links');

declare global {
  interface HTMLElementTagNameMap {
    'twin-glossary-term': TwinGlossaryTerm;
    'twin-glossary-links': TwinGlossaryLinks;
  }
}
