// Estonian for the rich-text editor and view (<twin-rich-text-editor>, richText()). Keys are msg() ids.
import { str } from '@lit/localize';

export const richTextTemplates = {
  'rich-text.toolbar': 'Vormindus',
  'rich-text.bold': 'Paks kiri',
  'rich-text.italic': 'Kaldkiri',
  'rich-text.bulleted-list': 'Täpploend',
  'rich-text.numbered-list': 'Nummerdatud loend',
  'rich-text.link': 'Link',
  'rich-text.remove-link': 'Eemalda link',
  'rich-text.shortcuts': str`Kiirklahvid: ${0}+B paks kiri, ${1}+I kaldkiri, ${2}+K link.`,
  'rich-text.count': str`${0}/${1} märki`,
  'rich-text.over-max#one': str`Liiga pikk: kõige rohkem ${0} märk. Eemalda osa tekstist.`,
  'rich-text.over-max#other': str`Liiga pikk: kõige rohkem ${0} märki. Eemalda osa tekstist.`,
  'rich-text.over-limit': 'See tekst on liiga pikk. Eemalda osa sellest: seni ei saa sinu viimaseid muudatusi salvestada.',
  'rich-text.pasted-plain': 'Kleebitud tekst oli vorminduse säilitamiseks liiga suur, nii et see kleebiti vormindamata tekstina.',
  'rich-text.paste-too-long': 'Korraga kleepimiseks on teksti liiga palju. Kleebi see väiksemate osadena.',
  'rich-text.link-address': 'Lingi aadress',
  'rich-text.link-help': 'Veebiaadress (https://…) või e-posti aadress.',
  'rich-text.link-empty': 'Kirjuta lingi aadress.',
  'rich-text.link-refused': 'Seda linki ei saa kasutada. Lubatud on ainult veebiaadressid (https:// või http://) ja e-posti aadressid (mailto:).',
  'rich-text.link-add': 'Lisa link',
  'rich-text.link-change': 'Muuda linki',
  'rich-text.cancel': 'Tühista',
  'rich-text.too-long-to-show': 'See tekst on näitamiseks liiga pikk.',
};
