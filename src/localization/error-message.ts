import { msg } from '@lit/localize';
import { isTwinError } from '../sdk/errors.js';

/** A short message for the user, in the UI language, for any error an operation throws. */
export function errorMessage(error: unknown): string {
  if (!isTwinError(error)) return msg('Something went wrong. Nothing was changed.', { id: 'error.unknown' });
  switch (error.code) {
    case 'validation':
      return msg('Not saved: please check the marked fields.', { id: 'error.validation' });
    case 'conflict':
      return msg('Someone else changed this while you were editing. Both versions are kept: choose which to keep.', {
        id: 'error.conflict',
      });
    case 'permission':
      return msg('You are not allowed to do this in this space.', { id: 'error.permission' });
    case 'not-found':
      return msg('This no longer exists (it may have been deleted).', { id: 'error.not-found' });
    case 'quota-exceeded':
      return msg('The browser has no room left to save this. Nothing was changed. Free some space and try again.', {
        id: 'error.quota-exceeded',
      });
    case 'storage-unavailable':
      return msg('Saving is not possible right now (storage is unavailable). Nothing was changed.', {
        id: 'error.storage-unavailable',
      });
  }
}
