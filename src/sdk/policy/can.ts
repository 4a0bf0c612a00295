import type { RecordStatus } from '../schemas/envelope.js';
import { canModerate, isMember, isStaff, type SpaceSettings, type TwinUser } from './roles.js';

export const ACTIONS = [
  'read',
  'create',
  'edit',
  'delete',
  'approve',
  'hide',
  'comment',
  'react',
  'manage-settings',
  'export',
] as const;
export type Action = (typeof ACTIONS)[number];

/** What the policy needs to know of a record: its author and its status. */
export interface PolicyRecord {
  author: { id: string };
  status: RecordStatus;
}

/**
 * The one policy of Twinkit. Pure: the UI calls it to hide what is refused, the store calls it
 * again before every write, and a server adapter can run the same rules.
 *
 * `edit` and `delete` are "own" when the record's author is the user, "any" otherwise;
 * `create` and `manage-settings` need no record.
 */
export function can(user: TwinUser, action: Action, record: PolicyRecord | undefined, settings: SpaceSettings): boolean {
  const role = user.role;
  const own = record !== undefined && record.author.id === user.id;
  switch (action) {
    case 'read':
      if (!record || record.status === 'published') return true;
      // Pending and hidden records: their author sees them (with a marker), and so do moderators.
      return own || canModerate(role);
    case 'create':
      return isMember(role);
    case 'edit':
    case 'delete':
      if (!record || !isMember(role)) return false;
      // A hidden record is locked for its author: it may be evidence (bullying) a teacher must keep.
      return isStaff(role) || (own && record.status !== 'hidden');
    case 'approve':
      // Nobody but staff approves their own record, so a pending entry cannot be published by its
      // author; and only staff bring back what was hidden.
      if (!record || !canModerate(role)) return false;
      return isStaff(role) || (!own && record.status !== 'hidden');
    case 'hide':
      return record !== undefined && canModerate(role);
    case 'comment':
    case 'react':
      return isMember(role) && (record === undefined || can(user, 'read', record, settings));
    case 'manage-settings':
      return isStaff(role);
    case 'export':
      // Exports hold every pupil's names and schools, pending and hidden content: staff only.
      return isStaff(role);
  }
}

/** The status a new (or edited) record gets from the space's moderation mode. */
export function initialStatus(user: TwinUser, settings: SpaceSettings): RecordStatus {
  if (isStaff(user.role)) return 'published';
  if (settings.moderation === 'all') return 'pending';
  if (settings.moderation === 'pupils' && user.role === 'pupil') return 'pending';
  return 'published';
}

/**
 * May a member make a collection's contribution (adding a missing language) to a record they may
 * not edit? Only to a published record they could comment on, and only when their own content
 * needs no approval, so moderation is not bypassed. The store also checks the change itself.
 */
export function canContribute(user: TwinUser, record: PolicyRecord, settings: SpaceSettings): boolean {
  return record.status === 'published' && can(user, 'comment', record, settings) && initialStatus(user, settings) === 'published';
}
