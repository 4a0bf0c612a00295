import type { Role, TwinUser } from '../../policy/roles.js';

/** One person of the space as the server under test knows them, and how they sign in. */
export interface RemotePerson {
  /** Their user id: the one records carry in `author.id`. */
  id: string;
  name: string;
  school?: string;
  /** Sent with each of their requests: `Authorization`, `Cookie`, a CSRF header... */
  headers: Record<string, string>;
}

/** The members the suite acts as, by the part they play in the tests. */
export const MEMBER_ROLES = ['admin', 'teacher', 'moderator', 'pupil', 'otherPupil', 'otherSchoolPupil', 'observer'] as const;
export type MemberRole = (typeof MEMBER_ROLES)[number];
export type PersonRole = MemberRole | 'nonMember' | 'anonymous';

/**
 * The people of the suite. A missing one skips the tests that need them, saying so. `anonymous`
 * is nobody signed in: requests without credentials unless you give headers (a CSRF token...).
 */
export type RemotePeople = Partial<Record<MemberRole | 'nonMember', RemotePerson>> & {
  anonymous?: Partial<RemotePerson>;
};

export const ROLE_DESCRIPTIONS: Record<PersonRole, string> = {
  admin: 'an admin of the space',
  teacher: 'a teacher of the space',
  moderator: 'a moderator (a pupil trusted to co-moderate)',
  pupil: 'a pupil of the space',
  otherPupil: 'another pupil of the same school as people.pupil',
  otherSchoolPupil: 'a pupil of another school than people.pupil',
  observer: 'an observer of the space',
  nonMember: 'someone who signs in but is not a member of the space',
  anonymous: 'nobody signed in',
};

/** The policy role each member plays (src/sdk/policy/roles.ts). */
const POLICY_ROLES: Record<MemberRole, Role> = {
  admin: 'admin',
  teacher: 'teacher',
  moderator: 'moderator',
  pupil: 'pupil',
  otherPupil: 'pupil',
  otherSchoolPupil: 'pupil',
  observer: 'observer',
};

export const isMemberRole = (role: PersonRole): role is MemberRole => (MEMBER_ROLES as readonly string[]).includes(role);

/** The person as the policy sees them; undefined for someone who is not a member. */
export function policyUser(role: PersonRole, person: RemotePerson): TwinUser | undefined {
  if (!isMemberRole(role)) return undefined;
  return { id: person.id, name: person.name, role: POLICY_ROLES[role], ...(person.school === undefined ? {} : { school: person.school }) };
}
