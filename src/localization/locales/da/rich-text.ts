// Danish for the rich-text editor and view (<twin-rich-text-editor>, richText()). Keys are msg() ids.
import { str } from '@lit/localize';

export const richTextTemplates = {
  'rich-text.toolbar': 'Formatering',
  'rich-text.bold': 'Fed',
  'rich-text.italic': 'Kursiv',
  'rich-text.bulleted-list': 'Punktopstilling',
  'rich-text.numbered-list': 'Nummereret liste',
  'rich-text.link': 'Link',
  'rich-text.remove-link': 'Fjern link',
  'rich-text.shortcuts': str`Genveje: ${0}+B fed, ${1}+I kursiv, ${2}+K link.`,
  'rich-text.count': str`${0} af ${1} tegn`,
  'rich-text.over-max#one': str`For langt: højst ${0} tegn. Fjern noget tekst.`,
  'rich-text.over-max#other': str`For langt: højst ${0} tegn. Fjern noget tekst.`,
  'rich-text.over-limit': 'Teksten er for lang. Fjern noget af den: indtil da kan dine seneste ændringer ikke gemmes.',
  'rich-text.pasted-plain': 'Den indsatte tekst var for stor til at beholde sin formatering, så den blev indsat som ren tekst.',
  'rich-text.paste-too-long': 'Det er for meget tekst at indsætte på én gang. Indsæt den i mindre dele.',
  'rich-text.link-address': 'Linkadresse',
  'rich-text.link-help': 'En webadresse (https://…) eller en e-mailadresse.',
  'rich-text.link-empty': 'Skriv linkets adresse.',
  'rich-text.link-refused': 'Dette link kan ikke bruges. Kun webadresser (https:// eller http://) og e-mailadresser (mailto:) er tilladt.',
  'rich-text.link-add': 'Tilføj link',
  'rich-text.link-change': 'Skift link',
  'rich-text.cancel': 'Annuller',
  'rich-text.too-long-to-show': 'Denne tekst er for lang til at blive vist.',
};
