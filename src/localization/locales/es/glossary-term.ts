// Spanish for glossary-term. Keys are msg() ids.
import { str } from '@lit/localize';

export const glossaryTermTemplates = {
  'glossary-term.definition-in': str`Definición en ${0}:`,
};
