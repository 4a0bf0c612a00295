// Croatian for the rich-text editor and view (<twin-rich-text-editor>, richText()). Keys are msg() ids.
import { str } from '@lit/localize';

export const richTextTemplates = {
  'rich-text.toolbar': 'Oblikovanje',
  'rich-text.bold': 'Podebljano',
  'rich-text.italic': 'Kurziv',
  'rich-text.bulleted-list': 'Popis s oznakama',
  'rich-text.numbered-list': 'Numerirani popis',
  'rich-text.link': 'Poveznica',
  'rich-text.remove-link': 'Ukloni poveznicu',
  'rich-text.shortcuts': str`Prečaci: ${0}+B podebljano, ${1}+I kurziv, ${2}+K poveznica.`,
  'rich-text.count': str`Znakovi: ${0} od ${1}`,
  'rich-text.over-max#one': str`Predugo: najviše ${0} znak. Ukloni dio teksta.`,
  'rich-text.over-max#few': str`Predugo: najviše ${0} znaka. Ukloni dio teksta.`,
  'rich-text.over-max#other': str`Predugo: najviše ${0} znakova. Ukloni dio teksta.`,
  'rich-text.over-limit': 'Ovaj je tekst predug. Ukloni dio: dotad se tvoje posljednje promjene ne mogu spremiti.',
  'rich-text.pasted-plain': 'Zalijepljeni tekst bio je prevelik da bi zadržao oblikovanje pa je zalijepljen kao običan tekst.',
  'rich-text.paste-too-long': 'Toliko teksta ne može se zalijepiti odjednom. Zalijepi ga u manjim dijelovima.',
  'rich-text.link-address': 'Adresa poveznice',
  'rich-text.link-help': 'Web-adresa (https://…) ili adresa e-pošte.',
  'rich-text.link-empty': 'Upiši adresu poveznice.',
  'rich-text.link-refused': 'Ova se poveznica ne može upotrijebiti. Dopuštene su samo web-adrese (https:// ili http://) i adrese e-pošte (mailto:).',
  'rich-text.link-add': 'Dodaj poveznicu',
  'rich-text.link-change': 'Promijeni poveznicu',
  'rich-text.cancel': 'Odustani',
  'rich-text.too-long-to-show': 'Ovaj je tekst predug za prikaz.',
};
