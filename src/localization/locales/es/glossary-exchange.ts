// Spanish for glossary-exchange. Keys are msg() ids.
import { str } from '@lit/localize';

export const glossaryExchangeTemplates = {
  'glossary-exchange.not-utf8': 'Este archivo no está en UTF-8. En Excel elige «CSV UTF-8» al guardar. No se ha importado nada.',
  'glossary-exchange.missing-columns': str`Falta la columna: ${0}. Encontradas: ${1}. Se esperan: id, category, tags, phase, term:<lang>, definition:<lang>, example:<lang>, aliases:<lang> (term:en, term:es…). No se ha importado nada.`,
  'glossary-exchange.bad-xml': str`Este archivo no es XML válido (error en la línea ${0}). No se ha importado nada.`,
  'glossary-exchange.not-moodle': 'No es una exportación de glosario de Moodle (falta <GLOSSARY> con <ENTRIES>). No se ha importado nada.',
  'glossary-exchange.not-json': 'No es un archivo de glosario de Twinkit. No se ha importado nada.',
  'glossary-exchange.too-large': str`Este archivo es demasiado grande (${0} MB); el límite es 20 MB. No se ha importado nada.`,
  'glossary-exchange.summary': str`Listas para importar: ${0}. Ya están en el glosario (se omiten): ${1}. Filas con problemas: ${2}.`,
  'glossary-exchange.imported': str`Entradas importadas: ${0}. No importadas: ${1}.`,
  'glossary-exchange.row': str`Fila ${0}: ${1}`,
  'glossary-exchange.progress': 'Procesando…',
  'glossary-exchange.ignored': str`Columnas ignoradas: ${0}.`,
  'glossary-exchange.confirm-one': 'Importar 1 entrada',
  'glossary-exchange.confirm': str`Importar ${0} entradas`,
  'glossary-exchange.cancel': 'Cancelar',
  'glossary-exchange.export': 'Exportar',
  'glossary-exchange.format': 'Formato',
  'glossary-exchange.format-csv': 'CSV (hoja de cálculo)',
  'glossary-exchange.format-json': 'JSON (copia de seguridad de Twinkit)',
  'glossary-exchange.format-xml': 'XML de glosario de Moodle',
  'glossary-exchange.download': 'Descargar',
  'glossary-exchange.import': 'Importar',
  'glossary-exchange.file': 'Archivo de glosario (CSV, JSON o XML de Moodle)',
  'glossary-exchange.language': 'Idioma de estas entradas',
};
