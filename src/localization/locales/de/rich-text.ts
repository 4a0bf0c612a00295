// German for the rich-text editor and view (<twin-rich-text-editor>, richText()). Keys are msg() ids.
import { str } from '@lit/localize';

export const richTextTemplates = {
  'rich-text.toolbar': 'Formatierung',
  'rich-text.bold': 'Fett',
  'rich-text.italic': 'Kursiv',
  'rich-text.bulleted-list': 'Aufzählung',
  'rich-text.numbered-list': 'Nummerierte Liste',
  'rich-text.link': 'Link',
  'rich-text.remove-link': 'Link entfernen',
  'rich-text.shortcuts': str`Tastenkürzel: ${0}+B fett, ${1}+I kursiv, ${2}+K Link.`,
  'rich-text.count': str`${0} von ${1} Zeichen`,
  'rich-text.over-max#one': str`Zu lang: höchstens ${0} Zeichen. Kürze den Text.`,
  'rich-text.over-max#other': str`Zu lang: höchstens ${0} Zeichen. Kürze den Text.`,
  'rich-text.over-limit': 'Dieser Text ist zu lang. Kürze ihn: Bis dahin können deine letzten Änderungen nicht gespeichert werden.',
  'rich-text.pasted-plain': 'Der eingefügte Text war zu groß, um seine Formatierung zu behalten. Er wurde deshalb als reiner Text eingefügt.',
  'rich-text.paste-too-long': 'Das ist zu viel Text, um ihn auf einmal einzufügen. Füge ihn in kleineren Teilen ein.',
  'rich-text.link-address': 'Linkadresse',
  'rich-text.link-help': 'Eine Webadresse (https://…) oder eine E-Mail-Adresse.',
  'rich-text.link-empty': 'Gib die Adresse des Links ein.',
  'rich-text.link-refused': 'Dieser Link kann nicht verwendet werden. Erlaubt sind nur Webadressen (https:// oder http://) und E-Mail-Adressen (mailto:).',
  'rich-text.link-add': 'Link einfügen',
  'rich-text.link-change': 'Link ändern',
  'rich-text.cancel': 'Abbrechen',
  'rich-text.too-long-to-show': 'Dieser Text ist zu lang, um ihn anzuzeigen.',
};
