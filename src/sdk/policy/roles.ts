/** The five roles of a space, after TwinSpace's own. */
export const ROLES = ['admin', 'teacher', 'moderator', 'pupil', 'observer'] as const;
export type Role = (typeof ROLES)[number];

export interface TwinUser {
  id: string;
  name: string;
  role: Role;
  school?: string;
  /** True for a member who travels on the mobility; pupils who stay home comment and peer-review. */
  mobile?: boolean;
}

export const MODERATION_MODES = ['off', 'pupils', 'all'] as const;
export type ModerationMode = (typeof MODERATION_MODES)[number];

export interface SpaceSettings {
  /** `off`: everything is published at once; `pupils`: pupils' records wait for approval; `all`: every non-teacher's record waits. */
  moderation: ModerationMode;
}

export const DEFAULT_SETTINGS: SpaceSettings = { moderation: 'off' };

/** Teachers and admins run the space; moderators are pupils trusted to co-moderate. */
export const isStaff = (role: Role) => role === 'admin' || role === 'teacher';
export const canModerate = (role: Role) => isStaff(role) || role === 'moderator';
export const isMember = (role: Role) => role !== 'observer';
