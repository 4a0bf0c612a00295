// Swedish for the rich-text editor and view (<twin-rich-text-editor>, richText()). Keys are msg() ids.
import { str } from '@lit/localize';

export const richTextTemplates = {
  'rich-text.toolbar': 'Formatering',
  'rich-text.bold': 'Fetstil',
  'rich-text.italic': 'Kursiv',
  'rich-text.bulleted-list': 'Punktlista',
  'rich-text.numbered-list': 'Numrerad lista',
  'rich-text.link': 'Länk',
  'rich-text.remove-link': 'Ta bort länk',
  'rich-text.shortcuts': str`Kortkommandon: ${0}+B fetstil, ${1}+I kursiv, ${2}+K länk.`,
  'rich-text.count': str`${0} av ${1} tecken`,
  'rich-text.over-max#one': str`För lång: högst ${0} tecken. Ta bort lite text.`,
  'rich-text.over-max#other': str`För lång: högst ${0} tecken. Ta bort lite text.`,
  'rich-text.over-limit': 'Texten är för lång. Ta bort en del av den: tills dess kan dina senaste ändringar inte sparas.',
  'rich-text.pasted-plain': 'Den inklistrade texten var för stor för att behålla formateringen, så den klistrades in som oformaterad text.',
  'rich-text.paste-too-long': 'Det är för mycket text för att klistra in på en gång. Klistra in den i mindre delar.',
  'rich-text.link-address': 'Länkadress',
  'rich-text.link-help': 'En webbadress (https://…) eller en e-postadress.',
  'rich-text.link-empty': 'Skriv länkens adress.',
  'rich-text.link-refused': 'Den här länken kan inte användas. Bara webbadresser (https:// eller http://) och e-postadresser (mailto:) är tillåtna.',
  'rich-text.link-add': 'Lägg till länk',
  'rich-text.link-change': 'Ändra länk',
  'rich-text.cancel': 'Avbryt',
  'rich-text.too-long-to-show': 'Den här texten är för lång för att visas.',
};
