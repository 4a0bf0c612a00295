// Maltese for the rich-text editor and view (<twin-rich-text-editor>, richText()). Keys are msg() ids.
import { str } from '@lit/localize';

export const richTextTemplates = {
  'rich-text.toolbar': 'Formattjar',
  'rich-text.bold': 'Grassett',
  'rich-text.italic': 'Korsiv',
  'rich-text.bulleted-list': 'Lista bil-punti',
  'rich-text.numbered-list': 'Lista numerata',
  'rich-text.link': 'Link',
  'rich-text.remove-link': 'Neħħi l-link',
  'rich-text.shortcuts': str`Tasti mgħaġġla: ${0}+B grassett, ${1}+I korsiv, ${2}+K link.`,
  'rich-text.count': str`Karattri: ${0} minn ${1}`,
  'rich-text.over-max': str`Twil wisq: l-akbar numru ta' karattri huwa ${0}. Neħħi ftit test.`,
  'rich-text.over-limit': 'Dan it-test twil wisq. Neħħi parti minnu: sa dakinhar, l-aħħar bidliet tiegħek ma jistgħux jiġu salvati.',
  'rich-text.pasted-plain': 'It-test imwaħħal kien kbir wisq biex iżomm il-formattjar tiegħu, għalhekk twaħħal bħala test sempliċi.',
  'rich-text.paste-too-long': "Dan huwa wisq test biex twaħħlu f'daqqa. Waħħlu f'partijiet iżgħar.",
  'rich-text.link-address': 'Indirizz tal-link',
  'rich-text.link-help': 'Indirizz tal-web (https://…) jew indirizz tal-email.',
  'rich-text.link-empty': 'Ikteb l-indirizz tal-link.',
  'rich-text.link-refused': 'Dan il-link ma jistax jintuża. Huma permessi biss indirizzi tal-web (https:// jew http://) u indirizzi tal-email (mailto:).',
  'rich-text.link-add': 'Żid il-link',
  'rich-text.link-change': 'Ibdel il-link',
  'rich-text.cancel': 'Ikkanċella',
  'rich-text.too-long-to-show': 'Dan it-test twil wisq biex jintwera.',
};
