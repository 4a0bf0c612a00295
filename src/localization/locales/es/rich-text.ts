// Spanish for the rich-text editor and view (<twin-rich-text-editor>, richText()). Keys are msg() ids.
import { str } from '@lit/localize';

export const richTextTemplates = {
  'rich-text.toolbar': 'Formato',
  'rich-text.bold': 'Negrita',
  'rich-text.italic': 'Cursiva',
  'rich-text.bulleted-list': 'Lista con viñetas',
  'rich-text.numbered-list': 'Lista numerada',
  'rich-text.link': 'Enlace',
  'rich-text.remove-link': 'Quitar el enlace',
  'rich-text.shortcuts': str`Atajos: ${0}+B negrita, ${1}+I cursiva, ${2}+K enlace.`,
  'rich-text.count': str`${0} de ${1} caracteres`,
  'rich-text.over-max#one': str`Demasiado largo: como máximo ${0} carácter. Quita algo de texto.`,
  'rich-text.over-max#many': str`Demasiado largo: como máximo ${0} de caracteres. Quita algo de texto.`,
  'rich-text.over-max#other': str`Demasiado largo: como máximo ${0} caracteres. Quita algo de texto.`,
  'rich-text.over-limit': 'Este texto es demasiado largo. Quita una parte: hasta entonces, tus últimos cambios no se pueden guardar.',
  'rich-text.pasted-plain': 'El texto pegado era demasiado grande para conservar su formato, así que se ha pegado como texto sin formato.',
  'rich-text.paste-too-long': 'Es demasiado texto para pegarlo de una vez. Pégalo en partes más pequeñas.',
  'rich-text.link-address': 'Dirección del enlace',
  'rich-text.link-help': 'Una dirección web (https://…) o una dirección de correo electrónico.',
  'rich-text.link-empty': 'Escribe la dirección del enlace.',
  'rich-text.link-refused': 'Este enlace no se puede usar. Solo se permiten direcciones web (https:// o http://) y de correo electrónico (mailto:).',
  'rich-text.link-add': 'Añadir el enlace',
  'rich-text.link-change': 'Cambiar el enlace',
  'rich-text.cancel': 'Cancelar',
  'rich-text.too-long-to-show': 'Este texto es demasiado largo para mostrarlo.',
};
