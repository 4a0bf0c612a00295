// Dutch for the rich-text editor and view (<twin-rich-text-editor>, richText()). Keys are msg() ids.
import { str } from '@lit/localize';

export const richTextTemplates = {
  'rich-text.toolbar': 'Opmaak',
  'rich-text.bold': 'Vet',
  'rich-text.italic': 'Cursief',
  'rich-text.bulleted-list': 'Opsomming',
  'rich-text.numbered-list': 'Genummerde lijst',
  'rich-text.link': 'Link',
  'rich-text.remove-link': 'Link verwijderen',
  'rich-text.shortcuts': str`Sneltoetsen: ${0}+B vet, ${1}+I cursief, ${2}+K link.`,
  'rich-text.count': str`${0} van ${1} tekens`,
  'rich-text.over-max#one': str`Te lang: maximaal ${0} teken. Haal wat tekst weg.`,
  'rich-text.over-max#other': str`Te lang: maximaal ${0} tekens. Haal wat tekst weg.`,
  'rich-text.over-limit': 'Deze tekst is te lang. Haal er een deel uit: tot dan kunnen je laatste wijzigingen niet worden opgeslagen.',
  'rich-text.pasted-plain': 'De geplakte tekst was te groot om de opmaak te behouden, dus is hij als platte tekst geplakt.',
  'rich-text.paste-too-long': 'Dit is te veel tekst om in één keer te plakken. Plak hem in kleinere delen.',
  'rich-text.link-address': 'Linkadres',
  'rich-text.link-help': 'Een webadres (https://…) of een e-mailadres.',
  'rich-text.link-empty': 'Typ het adres van de link.',
  'rich-text.link-refused': 'Deze link kan niet worden gebruikt. Alleen webadressen (https:// of http://) en e-mailadressen (mailto:) zijn toegestaan.',
  'rich-text.link-add': 'Link toevoegen',
  'rich-text.link-change': 'Link wijzigen',
  'rich-text.cancel': 'Annuleren',
  'rich-text.too-long-to-show': 'Deze tekst is te lang om te tonen.',
};
