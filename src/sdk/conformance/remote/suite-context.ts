import type { RawRecord } from '../../adapter.js';
import type { PushWrite } from '../../replication/protocol.js';
import type { ModerationMode } from '../../policy/roles.js';
import { Actor, type FeedEnds } from './actor.js';
import type { ProtocolHttp } from './http.js';
import { MEMBER_ROLES, ROLE_DESCRIPTIONS, type PersonRole, type RemotePeople, type RemotePerson } from './people.js';
import { recordFactory, type RecordFactory } from './records.js';
import { skipThrough } from '../runner-skip.js';

/**
 * Who a test needs: a role, or `staff` (a teacher, else the admin), `writer` (any member who
 * writes: a teacher first) or `otherMember` (a member other than the writer, who reads).
 */
export type Need = PersonRole | 'staff' | 'writer' | 'otherMember';

export interface SuiteSettings {
  space: string;
  moderation: ModerationMode;
  people: RemotePeople;
  files: boolean;
  http: ProtocolHttp;
  /** Milliseconds a request may take (a long poll: plus its wait). */
  timeout: number;
}

export interface RemoteTestContext {
  space: string;
  moderation: ModerationMode;
  /** The person a need resolved to; only needs the test declared. */
  as(need: Need): Actor;
  /** A person the test uses when given, and does without otherwise. */
  maybe(role: PersonRole): Actor | undefined;
  /** An id no earlier run or test used: `<run>-<test>-<name>`. */
  id(name: string): string;
  records: RecordFactory;
  create(record: RawRecord): PushWrite;
  update(record: RawRecord, baseRev: string | null): PushWrite;
  remove(record: RawRecord, baseRev: string | null): PushWrite;
  /** Reports the test as skipped, with its reason; return right after calling it. */
  skip(reason: string): void;
}

export interface TestDefinition {
  name: string;
  needs: Need[];
  /** A reason the test does not apply to this server (files off, moderation off), or undefined. */
  appliesNot?: (settings: SuiteSettings) => string | undefined;
  body: (ctx: RemoteTestContext) => Promise<void>;
}

const WRITERS: PersonRole[] = ['teacher', 'admin', 'moderator', 'pupil', 'otherPupil', 'otherSchoolPupil'];
const READERS: PersonRole[] = ['pupil', 'otherPupil', 'admin', 'moderator', 'otherSchoolPupil', 'teacher', 'observer'];

/** Runs one test body with the people it needs, or skips it naming who is missing. */
export function testRunner(settings: SuiteSettings, ends: FeedEnds) {
  const run = `rc${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
  let tests = 0;
  const personOf = (role: PersonRole): RemotePerson | undefined =>
    role === 'anonymous' ? { id: 'anonymous', name: 'anonymous', headers: {}, ...settings.people.anonymous } : settings.people[role];
  const firstOf = (roles: PersonRole[], except?: PersonRole) => roles.find((r) => r !== except && personOf(r));

  function resolve(needs: Need[]): { roles: Map<Need, PersonRole>; missing: string[] } {
    const roles = new Map<Need, PersonRole>();
    const missing: string[] = [];
    for (const need of needs) {
      let role: PersonRole | undefined;
      if (need === 'staff') role = firstOf(['teacher', 'admin']);
      else if (need === 'writer') role = firstOf(WRITERS);
      else if (need === 'otherMember') role = firstOf(READERS, roles.get('writer'));
      else role = personOf(need) ? need : undefined;
      if (role) roles.set(need, role);
      else missing.push(describeNeed(need));
    }
    return { roles, missing };
  }

  return (definition: TestDefinition) =>
    // A plain function with no declared parameter: mocha passes its context as `this`, and would
    // wait for a `done` callback from a function that declared one.
    async function (this: unknown, ...args: unknown[]) {
      const skip = (reason: string) => skipThrough(this, args[0], reason);
      const { roles, missing } = resolve(definition.needs);
      if (missing.length) return skip(`needs ${missing.join(', and ')}`);
      const notApplying = definition.appliesNot?.(settings);
      if (notApplying) return skip(notApplying);
      const test = `t${(tests++).toString(36)}`;
      const actors = new Map<PersonRole, Actor>();
      const actorOf = (role: PersonRole) => {
        if (!actors.has(role)) actors.set(role, new Actor(role, personOf(role)!, settings.http, settings.space, ends, settings.timeout));
        return actors.get(role)!;
      };
      let writes = 0;
      const writeId = () => `${run}-${test}-w${writes++}`;
      const ctx: RemoteTestContext = {
        space: settings.space,
        moderation: settings.moderation,
        as: (need) => {
          const role = roles.get(need);
          if (!role) throw new Error(`the test did not declare that it needs ${need}`);
          return actorOf(role);
        },
        maybe: (role) => (personOf(role) ? actorOf(role) : undefined),
        id: (name) => `${run}-${test}-${name}`,
        records: recordFactory(settings.space, settings.moderation),
        create: (record) => ({ writeId: writeId(), collection: record.collection, id: record.id, baseRev: null, record }),
        update: (record, baseRev) => ({ writeId: writeId(), collection: record.collection, id: record.id, baseRev, record }),
        remove: (record, baseRev) => ({ writeId: writeId(), collection: record.collection, id: record.id, baseRev, deleted: true }),
        skip,
      };
      await definition.body(ctx);
    };
}

function describeNeed(need: Need): string {
  if (need === 'staff') return `people.teacher or people.admin (${ROLE_DESCRIPTIONS.teacher})`;
  if (need === 'writer') return 'a member who writes (people.teacher, admin, moderator or pupil)';
  if (need === 'otherMember') return `a second member (one of people.${MEMBER_ROLES.join(', ')})`;
  return `people.${need} (${ROLE_DESCRIPTIONS[need]})`;
}
