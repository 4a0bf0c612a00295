import { canModerate, isMember, isStaff, type TwinUser } from './roles.js';
import { authorIdOf, DEFAULT_ADDRESSEE_FIELD, sameSchool, schoolKey, type ReadRule } from './read-rules.js';

/**
 * Who may read a record, as one of a few groups a server can hold it for (each a database with
 * its own members on CouchDB). Staff (teachers, admins) read every group.
 *
 * - `space`: everyone in the space, observers included.
 * - `school`: the members (not observers) of one school.
 * - `moderators`: whoever moderates (moderators, from any school); `person`, when set, as well.
 * - `school-moderators`: the moderators of one school; `person` as well while a member of it.
 * - `person`: one person.
 * - `staff`: nobody else.
 */
export type Audience =
  | { kind: 'space' }
  | { kind: 'school'; school: string }
  | { kind: 'moderators'; person?: string }
  | { kind: 'school-moderators'; school: string; person?: string }
  | { kind: 'person'; person: string }
  | { kind: 'staff' };

/** What `audienceOf` needs of a record's collection (a `CollectionDefinition` has all of it). */
export interface AudienceRules {
  readableBy?: ReadRule;
  addressee?: string;
  /** Feedback delivered only to readers of its target (`feedbackOn.visibleWithTarget`). */
  followsTarget?: boolean;
}

const SPACE: Audience = { kind: 'space' };
const STAFF: Audience = { kind: 'staff' };

/** Does `audience` include `user`? The meaning of each group, for servers and tests alike. */
export function audienceIncludes(audience: Audience, user: TwinUser): boolean {
  if (isStaff(user.role)) return true;
  switch (audience.kind) {
    case 'space':
      return true;
    case 'school':
      return isMember(user.role) && sameSchool(user.school, audience.school);
    case 'moderators':
      return canModerate(user.role) || user.id === audience.person;
    case 'school-moderators':
      return isMember(user.role) && sameSchool(user.school, audience.school) && (canModerate(user.role) || user.id === audience.person);
    case 'person':
      return user.id === audience.person;
    case 'staff':
      return false;
  }
}

/**
 * The group that may read `record`: its collection's read rule, its status (pending and hidden
 * records are for their author and those who moderate), and, for feedback that follows its target,
 * the target's group (`target`: the audience of the record it is on). Never wider than the store's
 * delivery; narrower only where no group fits (see `audience.node.test.ts`): then staff hold it.
 */
export function audienceOf(record: Record<string, unknown>, rules: AudienceRules, target?: Audience): Audience {
  const author = authorIdOf(record);
  let audience = byRule(record, rules, author);
  if (record.status !== 'published') audience = awaitingDecision(audience, author);
  if (rules.followsTarget) audience = both(audience, target ?? STAFF);
  return audience;
}

/** The group of a collection's read rule, before status. */
function byRule(record: Record<string, unknown>, rules: AudienceRules, author: string | undefined): Audience {
  const person = (id: unknown): Audience => (typeof id === 'string' && id ? { kind: 'person', person: id } : STAFF);
  switch (rules.readableBy) {
    case undefined:
      return SPACE;
    case 'author-and-staff':
      return person(author);
    case 'addressee-and-staff':
      return person(record[rules.addressee ?? DEFAULT_ADDRESSEE_FIELD]);
    case 'author-and-moderators':
      return author ? { kind: 'moderators', person: author } : { kind: 'moderators' };
    case 'journal-visibility': {
      if (record.visibility === 'space') return SPACE;
      const school = (record.author as { school?: unknown } | null | undefined)?.school;
      // A school that matches nobody (blank) leaves the entry to its author.
      if (record.visibility === 'school' && typeof school === 'string' && schoolKey(school) !== '') return { kind: 'school', school };
      return person(author);
    }
    default:
      // A rule given as a function, or one this version does not know: no group can stand for it,
      // and the author may not be among its readers either.
      return STAFF;
  }
}

/** Pending and hidden: the author and whoever moderates, within the rule's group. */
function awaitingDecision(audience: Audience, author: string | undefined): Audience {
  const mine = author ? { person: author } : {};
  switch (audience.kind) {
    case 'space':
      return { kind: 'moderators', ...mine };
    case 'school':
      return { kind: 'school-moderators', school: audience.school, ...mine };
    case 'moderators':
    case 'school-moderators':
      return audience.person === author ? audience : { ...audience, person: undefined };
    case 'person':
      // Moderators are not in a person's group: only the person, when they are the author.
      return audience.person === author ? audience : STAFF;
    case 'staff':
      return STAFF;
  }
}

/** Readers of both groups (feedback and the record it is on); staff where no group fits. */
function both(a: Audience, b: Audience): Audience {
  if (a.kind === 'space') return b;
  if (b.kind === 'space') return a;
  if (a.kind === 'staff' || b.kind === 'staff') return STAFF;
  const personOf = (x: Audience) => ('person' in x ? x.person : undefined);
  if (a.kind === 'person' || b.kind === 'person') {
    const [one, other] = a.kind === 'person' ? [a, b] : [b, a];
    // The person reads both only when the other group names them.
    return personOf(one) === personOf(other) ? one : STAFF;
  }
  // What is left: school, moderators and school-moderators, in any pair.
  const schoolOf = (x: Audience) => (x.kind === 'school' || x.kind === 'school-moderators' ? x.school : undefined);
  const [schoolA, schoolB] = [schoolOf(a), schoolOf(b)];
  if (schoolA !== undefined && schoolB !== undefined && !sameSchool(schoolA, schoolB)) return STAFF;
  const school = schoolA ?? schoolB;
  if (a.kind === 'school' && b.kind === 'school') return a;
  // A whole school and a moderators' group: that group, within the school.
  const whole = a.kind === 'school' ? b : b.kind === 'school' ? a : undefined;
  const person = whole ? personOf(whole) : personOf(a) === personOf(b) ? personOf(a) : undefined;
  const named = person === undefined ? {} : { person };
  return school === undefined ? { kind: 'moderators', ...named } : { kind: 'school-moderators', school, ...named };
}
