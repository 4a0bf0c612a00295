// Norwegian (Bokmål) for the rich-text editor and view (<twin-rich-text-editor>, richText()). Keys are msg() ids.
import { str } from '@lit/localize';

export const richTextTemplates = {
  'rich-text.toolbar': 'Formatering',
  'rich-text.bold': 'Fet',
  'rich-text.italic': 'Kursiv',
  'rich-text.bulleted-list': 'Punktliste',
  'rich-text.numbered-list': 'Nummerert liste',
  'rich-text.link': 'Lenke',
  'rich-text.remove-link': 'Fjern lenken',
  'rich-text.shortcuts': str`Snarveier: ${0}+B fet, ${1}+I kursiv, ${2}+K lenke.`,
  'rich-text.count': str`${0} av ${1} tegn`,
  'rich-text.over-max#one': str`For langt: høyst ${0} tegn. Fjern litt tekst.`,
  'rich-text.over-max#other': str`For langt: høyst ${0} tegn. Fjern litt tekst.`,
  'rich-text.over-limit': 'Teksten er for lang. Fjern noe av den: til da kan de siste endringene dine ikke lagres.',
  'rich-text.pasted-plain': 'Den innlimte teksten var for stor til å beholde formateringen, så den ble limt inn som ren tekst.',
  'rich-text.paste-too-long': 'Det er for mye tekst til å lime inn på én gang. Lim den inn i mindre deler.',
  'rich-text.link-address': 'Lenkeadresse',
  'rich-text.link-help': 'En nettadresse (https://…) eller en e-postadresse.',
  'rich-text.link-empty': 'Skriv adressen til lenken.',
  'rich-text.link-refused': 'Denne lenken kan ikke brukes. Bare nettadresser (https:// eller http://) og e-postadresser (mailto:) er tillatt.',
  'rich-text.link-add': 'Legg til lenke',
  'rich-text.link-change': 'Endre lenke',
  'rich-text.cancel': 'Avbryt',
  'rich-text.too-long-to-show': 'Denne teksten er for lang til å vises.',
};
