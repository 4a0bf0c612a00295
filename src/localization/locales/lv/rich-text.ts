// Latvian for the rich-text editor and view (<twin-rich-text-editor>, richText()). Keys are msg() ids.
import { str } from '@lit/localize';

export const richTextTemplates = {
  'rich-text.toolbar': 'Formatējums',
  'rich-text.bold': 'Treknraksts',
  'rich-text.italic': 'Slīpraksts',
  'rich-text.bulleted-list': 'Aizzīmju saraksts',
  'rich-text.numbered-list': 'Numurēts saraksts',
  'rich-text.link': 'Saite',
  'rich-text.remove-link': 'Noņemt saiti',
  'rich-text.shortcuts': str`Īsinājumtaustiņi: ${0}+B treknraksts, ${1}+I slīpraksts, ${2}+K saite.`,
  'rich-text.count': str`Rakstzīmes: ${0} no ${1}`,
  'rich-text.over-max#zero': str`Pārāk garš: ne vairāk kā ${0} rakstzīmes. Izdzēs daļu teksta.`,
  'rich-text.over-max#one': str`Pārāk garš: ne vairāk kā ${0} rakstzīme. Izdzēs daļu teksta.`,
  'rich-text.over-max#other': str`Pārāk garš: ne vairāk kā ${0} rakstzīmes. Izdzēs daļu teksta.`,
  'rich-text.over-limit': 'Šis teksts ir pārāk garš. Izdzēs daļu no tā: līdz tam tavas pēdējās izmaiņas nevar saglabāt.',
  'rich-text.pasted-plain': 'Ielīmētais teksts bija pārāk liels, lai saglabātu tā formatējumu, tāpēc tas tika ielīmēts kā vienkāršs teksts.',
  'rich-text.paste-too-long': 'Tas ir pārāk daudz teksta, lai ielīmētu uzreiz. Ielīmē to mazākās daļās.',
  'rich-text.link-address': 'Saites adrese',
  'rich-text.link-help': 'Tīmekļa adrese (https://…) vai e-pasta adrese.',
  'rich-text.link-empty': 'Ieraksti saites adresi.',
  'rich-text.link-refused': 'Šo saiti nevar izmantot. Atļautas tikai tīmekļa adreses (https:// vai http://) un e-pasta adreses (mailto:).',
  'rich-text.link-add': 'Pievienot saiti',
  'rich-text.link-change': 'Mainīt saiti',
  'rich-text.cancel': 'Atcelt',
  'rich-text.too-long-to-show': 'Šis teksts ir pārāk garš, lai to parādītu.',
};
