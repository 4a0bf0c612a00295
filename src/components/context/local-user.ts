import type { TwinUser } from '../../sdk/policy/roles.js';
import { randomId } from '../../sdk/revision.js';

const KEY = 'twinkit:local-user-id';

/**
 * The user of a widget with no `<twin-space>` around it, or a space with no `user-id`: the person
 * at this browser, who owns its local storage, so they may do everything. The id is kept so that
 * their records stay theirs after a reload.
 */
/** Stored as the author's name: neutral, not translated ("You" is for display only). */
export const LOCAL_USER_NAME = 'Local user';

export function localUser(name = LOCAL_USER_NAME): TwinUser {
  let id: string | null = null;
  try {
    id = localStorage.getItem(KEY);
    if (!id) {
      id = `local-${randomId(12)}`;
      localStorage.setItem(KEY, id);
    }
  } catch {
    id ??= `local-${randomId(12)}`; // Storage blocked: a user for this page view only.
  }
  return { id, name: name || LOCAL_USER_NAME, role: 'admin' };
}
