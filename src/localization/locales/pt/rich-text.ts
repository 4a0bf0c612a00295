// Portuguese for the rich-text editor and view (<twin-rich-text-editor>, richText()). Keys are msg() ids.
import { str } from '@lit/localize';

export const richTextTemplates = {
  'rich-text.toolbar': 'Formatação',
  'rich-text.bold': 'Negrito',
  'rich-text.italic': 'Itálico',
  'rich-text.bulleted-list': 'Lista com marcas',
  'rich-text.numbered-list': 'Lista numerada',
  'rich-text.link': 'Link',
  'rich-text.remove-link': 'Remover link',
  'rich-text.shortcuts': str`Atalhos: ${0}+B negrito, ${1}+I itálico, ${2}+K link.`,
  'rich-text.count': str`${0} de ${1} carateres`,
  'rich-text.over-max#one': str`Demasiado longo: no máximo ${0} caráter. Retira algum texto.`,
  'rich-text.over-max#many': str`Demasiado longo: no máximo ${0} de carateres. Retira algum texto.`,
  'rich-text.over-max#other': str`Demasiado longo: no máximo ${0} carateres. Retira algum texto.`,
  'rich-text.over-limit': 'Este texto é demasiado longo. Retira uma parte: até lá, as tuas últimas alterações não podem ser guardadas.',
  'rich-text.pasted-plain': 'O texto colado era demasiado grande para manter a formatação, por isso foi colado como texto simples.',
  'rich-text.paste-too-long': 'É demasiado texto para colar de uma vez. Cola-o em partes mais pequenas.',
  'rich-text.link-address': 'Endereço do link',
  'rich-text.link-help': 'Um endereço web (https://…) ou um endereço de e-mail.',
  'rich-text.link-empty': 'Escreve o endereço do link.',
  'rich-text.link-refused': 'Este link não pode ser usado. Só são permitidos endereços web (https:// ou http://) e de e-mail (mailto:).',
  'rich-text.link-add': 'Adicionar link',
  'rich-text.link-change': 'Alterar link',
  'rich-text.cancel': 'Cancelar',
  'rich-text.too-long-to-show': 'Este texto é demasiado longo para ser mostrado.',
};
