// Spanish for the core (provider, roles, errors). Keys are msg() ids; a test checks none is missing.
import { str } from '@lit/localize';

export const coreTemplates = {
  'status.no-space': 'Falta el identificador del espacio: añade el atributo space.',
  'status.storage-error': str`No se puede guardar ni leer: ${0}`,
  'status.unknown-adapter': str`No hay ningún adaptador de almacenamiento llamado "${0}". Adaptadores conocidos: ${1}.`,
  'status.invalid-record': '1 registro dañado no se muestra.',
  'status.label-error': 'Error:',
  'status.label-note': 'Aviso:',
  'status.invalid-records': str`${0} registros dañados no se muestran.`,
  'role.admin': 'Administrador/a',
  'role.teacher': 'Docente',
  'role.moderator': 'Moderador/a',
  'role.pupil': 'Alumno/a',
  'role.observer': 'Invitado (solo lectura)',
  'error.validation': 'No se ha guardado: revisa los campos marcados.',
  'error.conflict': 'Otra persona ha cambiado esto mientras editabas. Se conservan ambas versiones: elige cuál guardar.',
  'error.permission': 'No tienes permiso para hacer esto en este espacio.',
  'error.not-found': 'Esto ya no existe (puede que se haya borrado).',
  'error.quota-exceeded': 'El navegador no tiene espacio para guardar esto. No se ha cambiado nada. Libera espacio e inténtalo de nuevo.',
  'error.storage-unavailable': 'Ahora no se puede guardar (el almacenamiento no está disponible). No se ha cambiado nada.',
  'error.unknown': 'Algo ha fallado. No se ha cambiado nada.',
};
