/**
 * What the reference server is told about its spaces: each space's moderation and its members, with
 * their passwords (HTTP Basic). A real school server has its own sign-in; only this part changes.
 */
import { MODERATION_MODES, ROLES, type ModerationMode, type Role } from '../sdk/policy/roles.js';

export interface MemberConfig {
  /** The user id, as records carry it in `author.id`; also the sign-in name. */
  id: string;
  name: string;
  password: string;
  role: Role;
  school?: string;
}

export interface SpaceConfig {
  /** Default `off`. */
  moderation?: ModerationMode;
  members: MemberConfig[];
}

export type SpacesConfig = Record<string, SpaceConfig>;

/** Space ids and file ids become folder and file names: nothing that could leave the data folder. */
export const SAFE_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$/;

/** Throws a sentence naming the first mistake in `spaces` (a config file is written by hand). */
export function checkSpacesConfig(spaces: SpacesConfig): void {
  if (typeof spaces !== 'object' || spaces === null) throw new Error('The spaces config must be an object: { "<space id>": { "members": [...] } }.');
  for (const [space, config] of Object.entries(spaces)) {
    if (!SAFE_NAME.test(space)) throw new Error(`The space id "${space}" must be 1 to 128 letters, digits, dots, dashes or underscores.`);
    const moderation = config.moderation ?? 'off';
    if (!MODERATION_MODES.includes(moderation)) throw new Error(`Space "${space}": moderation must be one of ${MODERATION_MODES.join(', ')}.`);
    if (!Array.isArray(config.members)) throw new Error(`Space "${space}" needs a members list.`);
    const seen = new Set<string>();
    for (const member of config.members) {
      const where = `Space "${space}", member "${member?.id}"`;
      if (typeof member?.id !== 'string' || !member.id || member.id.includes(':')) throw new Error(`${where}: the id must be a non-empty string without a colon (HTTP Basic).`);
      if (seen.has(member.id)) throw new Error(`${where}: listed twice.`);
      seen.add(member.id);
      if (typeof member.name !== 'string' || !member.name) throw new Error(`${where}: needs a name.`);
      if (typeof member.password !== 'string' || !member.password) throw new Error(`${where}: needs a password.`);
      if (!ROLES.includes(member.role)) throw new Error(`${where}: role must be one of ${ROLES.join(', ')}.`);
      if (member.school !== undefined && typeof member.school !== 'string') throw new Error(`${where}: school must be text.`);
    }
  }
}
