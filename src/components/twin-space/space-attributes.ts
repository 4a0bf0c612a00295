import { MODERATION_MODES, ROLES, type ModerationMode, type Role, type TwinUser } from '../../sdk/policy/roles.js';

/**
 * Wrong attribute values must not break a page, nor grant more than meant: they are reported on
 * the console and replaced by the safest value.
 */
export function parseRole(value: string | undefined | null): Role {
  if (!value) return 'pupil';
  if ((ROLES as readonly string[]).includes(value)) return value as Role;
  console.warn(`<twin-space>: user-role="${value}" is not one of ${ROLES.join(', ')}; using "observer" (read only).`);
  return 'observer';
}

export function parseModeration(value: string | undefined | null): ModerationMode {
  if (!value) return 'off';
  if ((MODERATION_MODES as readonly string[]).includes(value)) return value as ModerationMode;
  // A typo most likely meant some moderation: keep pupils' posts waiting rather than publish them.
  console.warn(`<twin-space>: moderation="${value}" is not one of ${MODERATION_MODES.join(', ')}; using "pupils".`);
  return 'pupils';
}

/** A user passed as a property is checked like attributes are. */
export function sanitizeUser(user: TwinUser): TwinUser {
  if (!user.id) {
    console.warn('<twin-space>: the user object has no id; acting as a read-only observer.');
    return { id: 'anonymous', name: String(user.name || 'Guest'), role: 'observer' };
  }
  return { ...user, id: String(user.id), name: String(user.name || user.id), role: parseRole(user.role) };
}
