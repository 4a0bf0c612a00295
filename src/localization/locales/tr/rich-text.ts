// Turkish for the rich-text editor and view (<twin-rich-text-editor>, richText()). Keys are msg() ids.
import { str } from '@lit/localize';

export const richTextTemplates = {
  'rich-text.toolbar': 'Biçimlendirme',
  'rich-text.bold': 'Kalın',
  'rich-text.italic': 'İtalik',
  'rich-text.bulleted-list': 'Madde işaretli liste',
  'rich-text.numbered-list': 'Numaralı liste',
  'rich-text.link': 'Bağlantı',
  'rich-text.remove-link': 'Bağlantıyı kaldır',
  'rich-text.shortcuts': str`Kısayollar: ${0}+B kalın, ${1}+I italik, ${2}+K bağlantı.`,
  'rich-text.count': str`${0} / ${1} karakter`,
  'rich-text.over-max#one': str`Çok uzun: en fazla ${0} karakter. Metnin bir kısmını sil.`,
  'rich-text.over-max#other': str`Çok uzun: en fazla ${0} karakter. Metnin bir kısmını sil.`,
  'rich-text.over-limit': 'Bu metin çok uzun. Bir kısmını sil: o zamana kadar son değişikliklerin kaydedilemez.',
  'rich-text.pasted-plain': 'Yapıştırılan metin, biçimlendirmesini korumak için çok büyüktü; bu yüzden düz metin olarak yapıştırıldı.',
  'rich-text.paste-too-long': 'Bir kerede yapıştırmak için çok fazla metin. Daha küçük parçalar hâlinde yapıştır.',
  'rich-text.link-address': 'Bağlantı adresi',
  'rich-text.link-help': 'Bir web adresi (https://…) veya bir e-posta adresi.',
  'rich-text.link-empty': 'Bağlantının adresini yaz.',
  'rich-text.link-refused': 'Bu bağlantı kullanılamaz. Yalnızca web adreslerine (https:// veya http://) ve e-posta adreslerine (mailto:) izin verilir.',
  'rich-text.link-add': 'Bağlantı ekle',
  'rich-text.link-change': 'Bağlantıyı değiştir',
  'rich-text.cancel': 'İptal',
  'rich-text.too-long-to-show': 'Bu metin gösterilemeyecek kadar uzun.',
};
