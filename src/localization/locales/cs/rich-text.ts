// Czech for the rich-text editor and view (<twin-rich-text-editor>, richText()). Keys are msg() ids.
import { str } from '@lit/localize';

export const richTextTemplates = {
  'rich-text.toolbar': 'Formátování',
  'rich-text.bold': 'Tučné',
  'rich-text.italic': 'Kurzíva',
  'rich-text.bulleted-list': 'Odrážkový seznam',
  'rich-text.numbered-list': 'Číslovaný seznam',
  'rich-text.link': 'Odkaz',
  'rich-text.remove-link': 'Odstranit odkaz',
  'rich-text.shortcuts': str`Zkratky: ${0}+B tučné, ${1}+I kurzíva, ${2}+K odkaz.`,
  'rich-text.count': str`Znaky: ${0} z ${1}`,
  'rich-text.over-max#one': str`Příliš dlouhé: nejvýše ${0} znak. Část textu odstraň.`,
  'rich-text.over-max#few': str`Příliš dlouhé: nejvýše ${0} znaky. Část textu odstraň.`,
  'rich-text.over-max#many': str`Příliš dlouhé: nejvýše ${0} znaku. Část textu odstraň.`,
  'rich-text.over-max#other': str`Příliš dlouhé: nejvýše ${0} znaků. Část textu odstraň.`,
  'rich-text.over-limit': 'Tento text je příliš dlouhý. Část ho odstraň: do té doby nejde uložit tvoje poslední změny.',
  'rich-text.pasted-plain': 'Vložený text byl příliš velký na zachování formátování, a proto se vložil jako prostý text.',
  'rich-text.paste-too-long': 'Tolik textu nejde vložit najednou. Vkládej ho po menších částech.',
  'rich-text.link-address': 'Adresa odkazu',
  'rich-text.link-help': 'Webová adresa (https://…) nebo e-mailová adresa.',
  'rich-text.link-empty': 'Napiš adresu odkazu.',
  'rich-text.link-refused': 'Tento odkaz nelze použít. Povolené jsou jen webové adresy (https:// nebo http://) a e-mailové adresy (mailto:).',
  'rich-text.link-add': 'Přidat odkaz',
  'rich-text.link-change': 'Změnit odkaz',
  'rich-text.cancel': 'Zrušit',
  'rich-text.too-long-to-show': 'Tento text je příliš dlouhý na zobrazení.',
};
