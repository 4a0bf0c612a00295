// Finnish for the rich-text editor and view (<twin-rich-text-editor>, richText()). Keys are msg() ids.
import { str } from '@lit/localize';

export const richTextTemplates = {
  'rich-text.toolbar': 'Muotoilu',
  'rich-text.bold': 'Lihavointi',
  'rich-text.italic': 'Kursivointi',
  'rich-text.bulleted-list': 'Luettelo',
  'rich-text.numbered-list': 'Numeroitu luettelo',
  'rich-text.link': 'Linkki',
  'rich-text.remove-link': 'Poista linkki',
  'rich-text.shortcuts': str`Pikanäppäimet: ${0}+B lihavointi, ${1}+I kursivointi, ${2}+K linkki.`,
  'rich-text.count': str`${0}/${1} merkkiä`,
  'rich-text.over-max#one': str`Liian pitkä: enintään ${0} merkki. Poista tekstiä.`,
  'rich-text.over-max#other': str`Liian pitkä: enintään ${0} merkkiä. Poista tekstiä.`,
  'rich-text.over-limit': 'Teksti on liian pitkä. Poista osa siitä: siihen asti viimeisimpiä muutoksiasi ei voi tallentaa.',
  'rich-text.pasted-plain': 'Liitetty teksti oli liian suuri muotoilun säilyttämiseen, joten se liitettiin pelkkänä tekstinä.',
  'rich-text.paste-too-long': 'Tekstiä on liikaa liitettäväksi kerralla. Liitä se pienemmissä osissa.',
  'rich-text.link-address': 'Linkin osoite',
  'rich-text.link-help': 'Verkko-osoite (https://…) tai sähköpostiosoite.',
  'rich-text.link-empty': 'Kirjoita linkin osoite.',
  'rich-text.link-refused': 'Tätä linkkiä ei voi käyttää. Vain verkko-osoitteet (https:// tai http://) ja sähköpostiosoitteet (mailto:) ovat sallittuja.',
  'rich-text.link-add': 'Lisää linkki',
  'rich-text.link-change': 'Muuta linkkiä',
  'rich-text.cancel': 'Peruuta',
  'rich-text.too-long-to-show': 'Tämä teksti on liian pitkä näytettäväksi.',
};
