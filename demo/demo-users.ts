import type { TwinUser } from '../src/sdk/policy/roles.js';

/** The people a visitor can act as, from the partner schools. */
export const DEMO_USERS: TwinUser[] = [
  { id: 'teacher-lucia', name: 'Lucía Martínez', role: 'teacher', school: 'IES Mar Menor', mobile: true },
  { id: 'pupil-kasia', name: 'Kasia Nowak', role: 'pupil', school: 'Szkoła Podstawowa nr 12', mobile: true },
  { id: 'pupil-marco', name: 'Marco Rossi', role: 'pupil', school: 'Liceo Galilei', mobile: false },
  { id: 'observer-city', name: 'Town library', role: 'observer' },
];
