// Polish for the rich-text editor and view (<twin-rich-text-editor>, richText()). Keys are msg() ids.
import { str } from '@lit/localize';

export const richTextTemplates = {
  'rich-text.toolbar': 'Formatowanie',
  'rich-text.bold': 'Pogrubienie',
  'rich-text.italic': 'Kursywa',
  'rich-text.bulleted-list': 'Lista punktowana',
  'rich-text.numbered-list': 'Lista numerowana',
  'rich-text.link': 'Link',
  'rich-text.remove-link': 'Usuń link',
  'rich-text.shortcuts': str`Skróty: ${0}+B pogrubienie, ${1}+I kursywa, ${2}+K link.`,
  'rich-text.count': str`Znaki: ${0} z ${1}`,
  'rich-text.over-max#one': str`Za długi tekst: najwyżej ${0} znak. Usuń część tekstu.`,
  'rich-text.over-max#few': str`Za długi tekst: najwyżej ${0} znaki. Usuń część tekstu.`,
  'rich-text.over-max#many': str`Za długi tekst: najwyżej ${0} znaków. Usuń część tekstu.`,
  'rich-text.over-max#other': str`Za długi tekst: najwyżej ${0} znaku. Usuń część tekstu.`,
  'rich-text.over-limit': 'Ten tekst jest za długi. Usuń jego część: do tego czasu nie da się zapisać ostatnich zmian.',
  'rich-text.pasted-plain': 'Wklejony tekst był zbyt duży, aby zachować formatowanie, więc wklejono go jako zwykły tekst.',
  'rich-text.paste-too-long': 'To za dużo tekstu, by wkleić go naraz. Wklejaj go w mniejszych częściach.',
  'rich-text.link-address': 'Adres linku',
  'rich-text.link-help': 'Adres strony (https://…) lub adres e-mail.',
  'rich-text.link-empty': 'Wpisz adres linku.',
  'rich-text.link-refused': 'Tego linku nie można użyć. Dozwolone są tylko adresy stron (https:// lub http://) i adresy e-mail (mailto:).',
  'rich-text.link-add': 'Dodaj link',
  'rich-text.link-change': 'Zmień link',
  'rich-text.cancel': 'Anuluj',
  'rich-text.too-long-to-show': 'Ten tekst jest za długi, aby go wyświetlić.',
};
