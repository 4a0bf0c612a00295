// French for the rich-text editor and view (<twin-rich-text-editor>, richText()). Keys are msg() ids.
import { str } from '@lit/localize';

export const richTextTemplates = {
  'rich-text.toolbar': 'Mise en forme',
  'rich-text.bold': 'Gras',
  'rich-text.italic': 'Italique',
  'rich-text.bulleted-list': 'Liste à puces',
  'rich-text.numbered-list': 'Liste numérotée',
  'rich-text.link': 'Lien',
  'rich-text.remove-link': 'Supprimer le lien',
  'rich-text.shortcuts': str`Raccourcis : ${0}+B gras, ${1}+I italique, ${2}+K lien.`,
  'rich-text.count': str`${0} caractères sur ${1}`,
  'rich-text.over-max#one': str`Trop long : ${0} caractère au maximum. Supprimez du texte.`,
  'rich-text.over-max#many': str`Trop long : ${0} de caractères au maximum. Supprimez du texte.`,
  'rich-text.over-max#other': str`Trop long : ${0} caractères au maximum. Supprimez du texte.`,
  'rich-text.over-limit': 'Ce texte est trop long. Supprimez-en une partie : d’ici là, vos dernières modifications ne peuvent pas être enregistrées.',
  'rich-text.pasted-plain': 'Le texte collé était trop volumineux pour garder sa mise en forme : il a donc été collé en texte brut.',
  'rich-text.paste-too-long': 'Il y a trop de texte à coller d’un coup. Collez-le en plusieurs morceaux.',
  'rich-text.link-address': 'Adresse du lien',
  'rich-text.link-help': 'Une adresse web (https://…) ou une adresse e-mail.',
  'rich-text.link-empty': 'Saisissez l’adresse du lien.',
  'rich-text.link-refused': 'Ce lien ne peut pas être utilisé. Seules les adresses web (https:// ou http://) et e-mail (mailto:) sont autorisées.',
  'rich-text.link-add': 'Ajouter le lien',
  'rich-text.link-change': 'Modifier le lien',
  'rich-text.cancel': 'Annuler',
  'rich-text.too-long-to-show': 'Ce texte est trop long pour être affiché.',
};
