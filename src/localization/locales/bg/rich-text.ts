// Bulgarian for the rich-text editor and view (<twin-rich-text-editor>, richText()). Keys are msg() ids.
import { str } from '@lit/localize';

export const richTextTemplates = {
  'rich-text.toolbar': 'Форматиране',
  'rich-text.bold': 'Удебелен',
  'rich-text.italic': 'Курсив',
  'rich-text.bulleted-list': 'Списък с водачи',
  'rich-text.numbered-list': 'Номериран списък',
  'rich-text.link': 'Връзка',
  'rich-text.remove-link': 'Премахване на връзката',
  'rich-text.shortcuts': str`Клавишни комбинации: ${0}+B удебелен, ${1}+I курсив, ${2}+K връзка.`,
  'rich-text.count': str`${0} от ${1} знака`,
  'rich-text.over-max#one': str`Твърде дълго: най-много ${0} знак. Премахнете част от текста.`,
  'rich-text.over-max#other': str`Твърде дълго: най-много ${0} знака. Премахнете част от текста.`,
  'rich-text.over-limit': 'Този текст е твърде дълъг. Премахнете част от него: дотогава последните ви промени не могат да се запазят.',
  'rich-text.pasted-plain': 'Поставеният текст беше твърде голям, за да запази форматирането си, затова е поставен като обикновен текст.',
  'rich-text.paste-too-long': 'Това е твърде много текст за поставяне наведнъж. Поставете го на по-малки части.',
  'rich-text.link-address': 'Адрес на връзката',
  'rich-text.link-help': 'Уеб адрес (https://…) или имейл адрес.',
  'rich-text.link-empty': 'Въведете адреса на връзката.',
  'rich-text.link-refused': 'Тази връзка не може да се използва. Разрешени са само уеб адреси (https:// или http://) и имейл адреси (mailto:).',
  'rich-text.link-add': 'Добавяне на връзка',
  'rich-text.link-change': 'Промяна на връзката',
  'rich-text.cancel': 'Отказ',
  'rich-text.too-long-to-show': 'Този текст е твърде дълъг, за да се покаже.',
};
