// Greek for the rich-text editor and view (<twin-rich-text-editor>, richText()). Keys are msg() ids.
import { str } from '@lit/localize';

export const richTextTemplates = {
  'rich-text.toolbar': 'Μορφοποίηση',
  'rich-text.bold': 'Έντονα',
  'rich-text.italic': 'Πλάγια',
  'rich-text.bulleted-list': 'Λίστα με κουκκίδες',
  'rich-text.numbered-list': 'Αριθμημένη λίστα',
  'rich-text.link': 'Σύνδεσμος',
  'rich-text.remove-link': 'Αφαίρεση συνδέσμου',
  'rich-text.shortcuts': str`Συντομεύσεις: ${0}+B έντονα, ${1}+I πλάγια, ${2}+K σύνδεσμος.`,
  'rich-text.count': str`${0} από ${1} χαρακτήρες`,
  'rich-text.over-max#one': str`Πολύ μεγάλο: έως ${0} χαρακτήρας. Αφαιρέστε λίγο κείμενο.`,
  'rich-text.over-max#other': str`Πολύ μεγάλο: έως ${0} χαρακτήρες. Αφαιρέστε λίγο κείμενο.`,
  'rich-text.over-limit': 'Το κείμενο είναι πολύ μεγάλο. Αφαιρέστε ένα μέρος του: μέχρι τότε, οι τελευταίες αλλαγές σας δεν μπορούν να αποθηκευτούν.',
  'rich-text.pasted-plain': 'Το κείμενο που επικολλήσατε ήταν πολύ μεγάλο για να κρατήσει τη μορφοποίησή του, γι’ αυτό επικολλήθηκε ως απλό κείμενο.',
  'rich-text.paste-too-long': 'Είναι πολύ κείμενο για να επικολληθεί μονομιάς. Επικολλήστε το σε μικρότερα κομμάτια.',
  'rich-text.link-address': 'Διεύθυνση συνδέσμου',
  'rich-text.link-help': 'Μια διεύθυνση ιστού (https://…) ή μια διεύθυνση email.',
  'rich-text.link-empty': 'Πληκτρολογήστε τη διεύθυνση του συνδέσμου.',
  'rich-text.link-refused': 'Αυτός ο σύνδεσμος δεν μπορεί να χρησιμοποιηθεί. Επιτρέπονται μόνο διευθύνσεις ιστού (https:// ή http://) και email (mailto:).',
  'rich-text.link-add': 'Προσθήκη συνδέσμου',
  'rich-text.link-change': 'Αλλαγή συνδέσμου',
  'rich-text.cancel': 'Ακύρωση',
  'rich-text.too-long-to-show': 'Το κείμενο είναι πολύ μεγάλο για να εμφανιστεί.',
};
