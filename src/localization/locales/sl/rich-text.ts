// Slovenian for the rich-text editor and view (<twin-rich-text-editor>, richText()). Keys are msg() ids.
import { str } from '@lit/localize';

export const richTextTemplates = {
  'rich-text.toolbar': 'Oblikovanje',
  'rich-text.bold': 'Krepko',
  'rich-text.italic': 'Ležeče',
  'rich-text.bulleted-list': 'Seznam z oznakami',
  'rich-text.numbered-list': 'Oštevilčen seznam',
  'rich-text.link': 'Povezava',
  'rich-text.remove-link': 'Odstrani povezavo',
  'rich-text.shortcuts': str`Bližnjice: ${0}+B krepko, ${1}+I ležeče, ${2}+K povezava.`,
  'rich-text.count': str`Znaki: ${0} od ${1}`,
  'rich-text.over-max#one': str`Predolgo: največ ${0} znak. Odstrani nekaj besedila.`,
  'rich-text.over-max#two': str`Predolgo: največ ${0} znaka. Odstrani nekaj besedila.`,
  'rich-text.over-max#few': str`Predolgo: največ ${0} znaki. Odstrani nekaj besedila.`,
  'rich-text.over-max#other': str`Predolgo: največ ${0} znakov. Odstrani nekaj besedila.`,
  'rich-text.over-limit': 'To besedilo je predolgo. Odstrani del: dokler tega ne narediš, tvojih zadnjih sprememb ni mogoče shraniti.',
  'rich-text.pasted-plain': 'Prilepljeno besedilo je bilo preveliko, da bi ohranilo oblikovanje, zato je bilo prilepljeno kot navadno besedilo.',
  'rich-text.paste-too-long': 'Toliko besedila ni mogoče prilepiti naenkrat. Prilepi ga v manjših delih.',
  'rich-text.link-address': 'Naslov povezave',
  'rich-text.link-help': 'Spletni naslov (https://…) ali e-poštni naslov.',
  'rich-text.link-empty': 'Vpiši naslov povezave.',
  'rich-text.link-refused': 'Te povezave ni mogoče uporabiti. Dovoljeni so samo spletni naslovi (https:// ali http://) in e-poštni naslovi (mailto:).',
  'rich-text.link-add': 'Dodaj povezavo',
  'rich-text.link-change': 'Spremeni povezavo',
  'rich-text.cancel': 'Prekliči',
  'rich-text.too-long-to-show': 'To besedilo je predolgo za prikaz.',
};
