// Lithuanian for the rich-text editor and view (<twin-rich-text-editor>, richText()). Keys are msg() ids.
import { str } from '@lit/localize';

export const richTextTemplates = {
  'rich-text.toolbar': 'Formatavimas',
  'rich-text.bold': 'Paryškintas',
  'rich-text.italic': 'Kursyvas',
  'rich-text.bulleted-list': 'Sąrašas su ženkleliais',
  'rich-text.numbered-list': 'Numeruotas sąrašas',
  'rich-text.link': 'Nuoroda',
  'rich-text.remove-link': 'Pašalinti nuorodą',
  'rich-text.shortcuts': str`Spartieji klavišai: ${0}+B paryškinti, ${1}+I kursyvas, ${2}+K nuoroda.`,
  'rich-text.count': str`${0} iš ${1} simb.`,
  'rich-text.over-max#one': str`Per ilgas: leidžiama ne daugiau kaip ${0} simbolis. Pašalink dalį teksto.`,
  'rich-text.over-max#few': str`Per ilgas: leidžiama ne daugiau kaip ${0} simboliai. Pašalink dalį teksto.`,
  'rich-text.over-max#many': str`Per ilgas: leidžiama ne daugiau kaip ${0} simbolio. Pašalink dalį teksto.`,
  'rich-text.over-max#other': str`Per ilgas: leidžiama ne daugiau kaip ${0} simbolių. Pašalink dalį teksto.`,
  'rich-text.over-limit': 'Šis tekstas per ilgas. Pašalink dalį: kol to nepadarysi, naujausių pakeitimų išsaugoti nepavyks.',
  'rich-text.pasted-plain': 'Įklijuotas tekstas buvo per didelis, kad išliktų jo formatavimas, todėl jis įklijuotas kaip paprastas tekstas.',
  'rich-text.paste-too-long': 'Per daug teksto įklijuoti vienu kartu. Įklijuok mažesnėmis dalimis.',
  'rich-text.link-address': 'Nuorodos adresas',
  'rich-text.link-help': 'Interneto adresas (https://…) arba el. pašto adresas.',
  'rich-text.link-empty': 'Įvesk nuorodos adresą.',
  'rich-text.link-refused': 'Šios nuorodos naudoti negalima. Leidžiami tik interneto (https:// arba http://) ir el. pašto (mailto:) adresai.',
  'rich-text.link-add': 'Pridėti nuorodą',
  'rich-text.link-change': 'Keisti nuorodą',
  'rich-text.cancel': 'Atšaukti',
  'rich-text.too-long-to-show': 'Šis tekstas per ilgas, kad būtų parodytas.',
};
