// Italian for the rich-text editor and view (<twin-rich-text-editor>, richText()). Keys are msg() ids.
import { str } from '@lit/localize';

export const richTextTemplates = {
  'rich-text.toolbar': 'Formattazione',
  'rich-text.bold': 'Grassetto',
  'rich-text.italic': 'Corsivo',
  'rich-text.bulleted-list': 'Elenco puntato',
  'rich-text.numbered-list': 'Elenco numerato',
  'rich-text.link': 'Link',
  'rich-text.remove-link': 'Rimuovi link',
  'rich-text.shortcuts': str`Scorciatoie: ${0}+B grassetto, ${1}+I corsivo, ${2}+K link.`,
  'rich-text.count': str`${0} di ${1} caratteri`,
  'rich-text.over-max#one': str`Troppo lungo: al massimo ${0} carattere. Togli un po’ di testo.`,
  'rich-text.over-max#many': str`Troppo lungo: al massimo ${0} di caratteri. Togli un po’ di testo.`,
  'rich-text.over-max#other': str`Troppo lungo: al massimo ${0} caratteri. Togli un po’ di testo.`,
  'rich-text.over-limit': 'Questo testo è troppo lungo. Togline una parte: fino ad allora le tue ultime modifiche non possono essere salvate.',
  'rich-text.pasted-plain': 'Il testo incollato era troppo grande per mantenere la formattazione, quindi è stato incollato come testo semplice.',
  'rich-text.paste-too-long': 'È troppo testo da incollare in una volta. Incollalo in parti più piccole.',
  'rich-text.link-address': 'Indirizzo del link',
  'rich-text.link-help': 'Un indirizzo web (https://…) o un indirizzo e-mail.',
  'rich-text.link-empty': 'Scrivi l’indirizzo del link.',
  'rich-text.link-refused': 'Questo link non si può usare. Sono ammessi solo indirizzi web (https:// o http://) ed e-mail (mailto:).',
  'rich-text.link-add': 'Aggiungi link',
  'rich-text.link-change': 'Modifica link',
  'rich-text.cancel': 'Annulla',
  'rich-text.too-long-to-show': 'Questo testo è troppo lungo per essere mostrato.',
};
