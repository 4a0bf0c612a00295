import type { TwinUser } from '../src/sdk/policy/roles.js';

/** The people a visitor can act as, from the partner schools. */
export const DEMO_USERS: (TwinUser & { label: string })[] = [
  { id: 'teacher-lucia', name: 'Lucía Martínez', role: 'teacher', school: 'IES Mar Menor', mobile: true, label: 'Lucía Martínez — teacher' },
  { id: 'pupil-kasia', name: 'Kasia Nowak', role: 'pupil', school: 'Szkoła Podstawowa nr 12', mobile: true, label: 'Kasia Nowak — pupil who travels' },
  { id: 'pupil-marco', name: 'Marco Rossi', role: 'pupil', school: 'Liceo Galilei', mobile: false, label: 'Marco Rossi — pupil who stays home' },
  { id: 'observer-city', name: 'Town library', role: 'observer', label: 'Town library — guest (read only)' },
];
