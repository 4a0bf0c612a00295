// Ukrainian for the rich-text editor and view (<twin-rich-text-editor>, richText()). Keys are msg() ids.
import { str } from '@lit/localize';

export const richTextTemplates = {
  'rich-text.toolbar': 'Форматування',
  'rich-text.bold': 'Жирний',
  'rich-text.italic': 'Курсив',
  'rich-text.bulleted-list': 'Маркований список',
  'rich-text.numbered-list': 'Нумерований список',
  'rich-text.link': 'Посилання',
  'rich-text.remove-link': 'Прибрати посилання',
  'rich-text.shortcuts': str`Скорочення: ${0}+B жирний, ${1}+I курсив, ${2}+K посилання.`,
  'rich-text.count': str`Символів: ${0} з ${1}`,
  'rich-text.over-max#one': str`Текст задовгий: щонайбільше ${0} символ. Видаліть частину тексту.`,
  'rich-text.over-max#few': str`Текст задовгий: щонайбільше ${0} символи. Видаліть частину тексту.`,
  'rich-text.over-max#many': str`Текст задовгий: щонайбільше ${0} символів. Видаліть частину тексту.`,
  'rich-text.over-max#other': str`Текст задовгий: щонайбільше ${0} символу. Видаліть частину тексту.`,
  'rich-text.over-limit': 'Цей текст задовгий. Видаліть його частину: доти ваші останні зміни не можна зберегти.',
  'rich-text.pasted-plain': 'Вставлений текст був завеликий, щоб зберегти форматування, тому його вставлено як звичайний текст.',
  'rich-text.paste-too-long': 'Це забагато тексту, щоб вставити за раз. Вставляйте меншими частинами.',
  'rich-text.link-address': 'Адреса посилання',
  'rich-text.link-help': 'Вебадреса (https://…) або адреса електронної пошти.',
  'rich-text.link-empty': 'Введіть адресу посилання.',
  'rich-text.link-refused': 'Це посилання не можна використати. Дозволено лише вебадреси (https:// або http://) та адреси електронної пошти (mailto:).',
  'rich-text.link-add': 'Додати посилання',
  'rich-text.link-change': 'Змінити посилання',
  'rich-text.cancel': 'Скасувати',
  'rich-text.too-long-to-show': 'Цей текст задовгий, щоб його показати.',
};
