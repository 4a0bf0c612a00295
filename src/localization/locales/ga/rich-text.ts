// Irish for the rich-text editor and view (<twin-rich-text-editor>, richText()). Keys are msg() ids.
import { str } from '@lit/localize';

export const richTextTemplates = {
  'rich-text.toolbar': 'Formáidiú',
  'rich-text.bold': 'Trom',
  'rich-text.italic': 'Iodálach',
  'rich-text.bulleted-list': 'Liosta le hurchair',
  'rich-text.numbered-list': 'Liosta uimhrithe',
  'rich-text.link': 'Nasc',
  'rich-text.remove-link': 'Bain an nasc',
  'rich-text.shortcuts': str`Aicearraí: ${0}+B trom, ${1}+I iodálach, ${2}+K nasc.`,
  'rich-text.count': str`Carachtair: ${0} / ${1}`,
  'rich-text.over-max': str`Rófhada: uasmhéid ${0} carachtar. Bain roinnt téacs.`,
  'rich-text.over-limit': 'Tá an téacs seo rófhada. Bain cuid de: go dtí sin, ní féidir na hathruithe is déanaí a rinne tú a shábháil.',
  'rich-text.pasted-plain': 'Bhí an téacs a greamaíodh rómhór lena fhormáidiú a choinneáil, mar sin greamaíodh é mar ghnáth-théacs.',
  'rich-text.paste-too-long': 'Tá sé seo rómhór le greamú d’aon iarraidh. Greamaigh é ina phíosaí níos lú.',
  'rich-text.link-address': 'Seoladh an naisc',
  'rich-text.link-help': 'Seoladh gréasáin (https://…) nó seoladh ríomhphoist.',
  'rich-text.link-empty': 'Clóscríobh seoladh an naisc.',
  'rich-text.link-refused': 'Ní féidir an nasc seo a úsáid. Ní cheadaítear ach seoltaí gréasáin (https:// nó http://) agus seoltaí ríomhphoist (mailto:).',
  'rich-text.link-add': 'Cuir nasc leis',
  'rich-text.link-change': 'Athraigh an nasc',
  'rich-text.cancel': 'Cealaigh',
  'rich-text.too-long-to-show': 'Tá an téacs seo rófhada le taispeáint.',
};
