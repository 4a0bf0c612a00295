// Slovak for the rich-text editor and view (<twin-rich-text-editor>, richText()). Keys are msg() ids.
import { str } from '@lit/localize';

export const richTextTemplates = {
  'rich-text.toolbar': 'Formátovanie',
  'rich-text.bold': 'Tučné',
  'rich-text.italic': 'Kurzíva',
  'rich-text.bulleted-list': 'Zoznam s odrážkami',
  'rich-text.numbered-list': 'Číslovaný zoznam',
  'rich-text.link': 'Odkaz',
  'rich-text.remove-link': 'Odobrať odkaz',
  'rich-text.shortcuts': str`Skratky: ${0}+B tučné, ${1}+I kurzíva, ${2}+K odkaz.`,
  'rich-text.count': str`Znaky: ${0} z ${1}`,
  'rich-text.over-max#one': str`Príliš dlhé: najviac ${0} znak. Časť textu odober.`,
  'rich-text.over-max#few': str`Príliš dlhé: najviac ${0} znaky. Časť textu odober.`,
  'rich-text.over-max#many': str`Príliš dlhé: najviac ${0} znaku. Časť textu odober.`,
  'rich-text.over-max#other': str`Príliš dlhé: najviac ${0} znakov. Časť textu odober.`,
  'rich-text.over-limit': 'Tento text je príliš dlhý. Časť z neho odober: dovtedy sa tvoje posledné zmeny nedajú uložiť.',
  'rich-text.pasted-plain': 'Vložený text bol príliš veľký na zachovanie formátovania, preto sa vložil ako obyčajný text.',
  'rich-text.paste-too-long': 'Toľko textu sa nedá vložiť naraz. Vkladaj ho po menších častiach.',
  'rich-text.link-address': 'Adresa odkazu',
  'rich-text.link-help': 'Webová adresa (https://…) alebo e-mailová adresa.',
  'rich-text.link-empty': 'Napíš adresu odkazu.',
  'rich-text.link-refused': 'Tento odkaz sa nedá použiť. Povolené sú iba webové adresy (https:// alebo http://) a e-mailové adresy (mailto:).',
  'rich-text.link-add': 'Pridať odkaz',
  'rich-text.link-change': 'Zmeniť odkaz',
  'rich-text.cancel': 'Zrušiť',
  'rich-text.too-long-to-show': 'Tento text je príliš dlhý na zobrazenie.',
};
