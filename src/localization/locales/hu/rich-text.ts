// Hungarian for the rich-text editor and view (<twin-rich-text-editor>, richText()). Keys are msg() ids.
import { str } from '@lit/localize';

export const richTextTemplates = {
  'rich-text.toolbar': 'Formázás',
  'rich-text.bold': 'Félkövér',
  'rich-text.italic': 'Dőlt',
  'rich-text.bulleted-list': 'Felsorolás',
  'rich-text.numbered-list': 'Számozott lista',
  'rich-text.link': 'Link',
  'rich-text.remove-link': 'Link eltávolítása',
  'rich-text.shortcuts': str`Billentyűparancsok: ${0}+B félkövér, ${1}+I dőlt, ${2}+K link.`,
  'rich-text.count': str`${0}/${1} karakter`,
  'rich-text.over-max#one': str`Túl hosszú: legfeljebb ${0} karakter lehet. Törölj a szövegből.`,
  'rich-text.over-max#other': str`Túl hosszú: legfeljebb ${0} karakter lehet. Törölj a szövegből.`,
  'rich-text.over-limit': 'Ez a szöveg túl hosszú. Törölj belőle: addig a legutóbbi módosításaidat nem lehet menteni.',
  'rich-text.pasted-plain': 'A beillesztett szöveg túl nagy volt ahhoz, hogy megtartsa a formázását, ezért egyszerű szövegként illesztettük be.',
  'rich-text.paste-too-long': 'Ez túl sok szöveg egyszerre. Illeszd be kisebb részletekben.',
  'rich-text.link-address': 'Link címe',
  'rich-text.link-help': 'Webcím (https://…) vagy e-mail-cím.',
  'rich-text.link-empty': 'Írd be a link címét.',
  'rich-text.link-refused': 'Ez a link nem használható. Csak webcímek (https:// vagy http://) és e-mail-címek (mailto:) engedélyezettek.',
  'rich-text.link-add': 'Link hozzáadása',
  'rich-text.link-change': 'Link módosítása',
  'rich-text.cancel': 'Mégse',
  'rich-text.too-long-to-show': 'Ez a szöveg túl hosszú a megjelenítéshez.',
};
