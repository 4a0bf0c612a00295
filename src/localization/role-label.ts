import { msg } from '@lit/localize';
import type { Role } from '../sdk/policy/roles.js';

export function roleLabel(role: Role): string {
  switch (role) {
    case 'admin':
      return msg('Admin', { id: 'role.admin' });
    case 'teacher':
      return msg('Teacher', { id: 'role.teacher' });
    case 'moderator':
      return msg('Moderator', { id: 'role.moderator' });
    case 'pupil':
      return msg('Pupil', { id: 'role.pupil' });
    case 'observer':
      return msg('Guest (read only)', { id: 'role.observer' });
  }
}
