// Romanian for the rich-text editor and view (<twin-rich-text-editor>, richText()). Keys are msg() ids.
import { str } from '@lit/localize';

export const richTextTemplates = {
  'rich-text.toolbar': 'Formatare',
  'rich-text.bold': 'Aldin',
  'rich-text.italic': 'Cursiv',
  'rich-text.bulleted-list': 'Listă cu marcatori',
  'rich-text.numbered-list': 'Listă numerotată',
  'rich-text.link': 'Link',
  'rich-text.remove-link': 'Eliminați linkul',
  'rich-text.shortcuts': str`Comenzi rapide: ${0}+B aldin, ${1}+I cursiv, ${2}+K link.`,
  'rich-text.count': str`Caractere: ${0} din ${1}`,
  'rich-text.over-max#one': str`Prea lung: cel mult ${0} caracter. Eliminați o parte din text.`,
  'rich-text.over-max#few': str`Prea lung: cel mult ${0} caractere. Eliminați o parte din text.`,
  'rich-text.over-max#other': str`Prea lung: cel mult ${0} de caractere. Eliminați o parte din text.`,
  'rich-text.over-limit': 'Acest text este prea lung. Eliminați o parte din el: până atunci, ultimele modificări nu pot fi salvate.',
  'rich-text.pasted-plain': 'Textul lipit era prea mare pentru a-și păstra formatarea, așa că a fost lipit ca text simplu.',
  'rich-text.paste-too-long': 'Este prea mult text pentru a fi lipit deodată. Lipiți-l în bucăți mai mici.',
  'rich-text.link-address': 'Adresa linkului',
  'rich-text.link-help': 'O adresă web (https://…) sau o adresă de e-mail.',
  'rich-text.link-empty': 'Scrieți adresa linkului.',
  'rich-text.link-refused': 'Acest link nu poate fi folosit. Sunt permise doar adrese web (https:// sau http://) și adrese de e-mail (mailto:).',
  'rich-text.link-add': 'Adăugați linkul',
  'rich-text.link-change': 'Modificați linkul',
  'rich-text.cancel': 'Anulați',
  'rich-text.too-long-to-show': 'Acest text este prea lung pentru a fi afișat.',
};
