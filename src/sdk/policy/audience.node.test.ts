import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { builtInCollections, type CollectionDefinition } from '../schemas/collections.js';
import { audienceIncludes, audienceOf, type Audience, type AudienceRules } from './audience.js';
import { can } from './can.js';
import { readRuleAllows } from './read-rules.js';
import { isStaff, ROLES, type TwinUser } from './roles.js';

/**
 * The audience of a record must hold exactly the people the store delivers it to: never one more
 * (a server holding it for that group would over-read), and fewer only in the cases listed here.
 * Every built-in collection, status, journal visibility, author, addressee and feedback target,
 * against every role in two schools, one member without a school, and one outside the space.
 */
const SCHOOLS = ['Liceo Galilei, Roma', 'Szkoła nr 5, Kraków'];
const users: TwinUser[] = [
  ...SCHOOLS.flatMap((school, s) => ROLES.map((role) => ({ id: `${role}-${s}`, name: `${role} ${s}`, role, school }))),
  { id: 'pupil-none', name: 'no school', role: 'pupil' },
  // The same school as typed by someone else: compared as the store compares it.
  { id: 'pupil-0b', name: 'pupil 0b', role: 'pupil', school: '  liceo galilei,   ROMA ' },
];
const authors = ['pupil-0', 'moderator-1', 'teacher-0', 'pupil-none', 'pupil-0b'].map((id) => users.find((user) => user.id === id)!);
const STATUSES = ['published', 'pending', 'hidden'] as const;
const VISIBILITIES = ['space', 'school', 'private', undefined] as const;
const settings = { moderation: 'off' as const };

const rulesOf = (definition: CollectionDefinition): AudienceRules => ({
  readableBy: definition.readableBy,
  addressee: definition.addressee,
  followsTarget: !!definition.feedbackOn?.visibleWithTarget,
});

type Raw = Record<string, unknown> & { author: { id: string }; status: (typeof STATUSES)[number] };

/** The store's delivery (read rule, status, and the target for feedback that follows it). */
function storeReads(user: TwinUser, record: Raw, definition: CollectionDefinition, target?: Raw): boolean {
  if (!readRuleAllows(definition.readableBy, record, user, definition.addressee)) return false;
  if (!can(user, 'read', record, settings)) return false;
  if (!definition.feedbackOn?.visibleWithTarget || isStaff(user.role)) return true;
  return !!target && storeReads(user, target, builtInCollections[definition.feedbackOn.collection]);
}

function recordsOf(collection: string): Raw[] {
  const out: Raw[] = [];
  for (const author of authors) {
    for (const status of STATUSES) {
      const base = { collection, id: `${collection}-${out.length}`, author: { id: author.id, name: author.name, school: author.school }, status };
      if (collection === 'journal') for (const visibility of VISIBILITIES) out.push({ ...base, id: `${base.id}-${visibility}`, ...(visibility ? { visibility } : {}) });
      else if (collection === 'journal-note') for (const pupil of ['pupil-0', 'moderator-1', undefined]) out.push({ ...base, id: `${base.id}-${pupil}`, ...(pupil ? { pupil } : {}) });
      else out.push(base);
    }
  }
  return out;
}

interface Case {
  what: string;
  record: Raw;
  definition: CollectionDefinition;
  audience: Audience;
  target?: Raw;
}

function cases(): Case[] {
  const all: Case[] = [];
  for (const [name, definition] of Object.entries(builtInCollections)) {
    if (definition.feedbackOn?.visibleWithTarget) continue; // below, on each target
    for (const record of recordsOf(name)) all.push({ what: `${record.id} by ${record.author.id}, ${record.status}`, record, definition, audience: audienceOf(record, rulesOf(definition)) });
  }
  for (const [name, definition] of Object.entries(builtInCollections)) {
    if (!definition.feedbackOn?.visibleWithTarget) continue;
    const targetDefinition = builtInCollections[definition.feedbackOn.collection];
    for (const target of recordsOf(definition.feedbackOn.collection)) {
      const targetAudience = audienceOf(target, rulesOf(targetDefinition));
      for (const record of recordsOf(name)) {
        all.push({
          what: `${name} by ${record.author.id}, ${record.status}, on ${target.id} by ${target.author.id}, ${target.status}`,
          record: { ...record, target: target.id },
          definition,
          target,
          audience: audienceOf(record, rulesOf(definition), targetAudience),
        });
      }
    }
  }
  return all;
}

describe('audienceOf: the group a server holds a record for', () => {
  const all = cases();
  const over: string[] = [];
  const under: (Case & { user: TwinUser })[] = [];
  for (const { what, record, definition, audience, target } of all) {
    for (const user of users) {
      const store = storeReads(user, record, definition, target);
      const server = audienceIncludes(audience, user);
      if (server && !store) over.push(`${user.id} would read ${what} (${JSON.stringify(audience)})`);
      if (store && !server) under.push({ what, record, definition, audience, target, user });
    }
  }

  it(`covers every built-in collection (${all.length} records, ${users.length} people)`, () => {
    const covered = new Set(all.map((each) => each.record.collection));
    assert.deepEqual([...covered].sort(), Object.keys(builtInCollections).sort());
  });

  it('never lets anyone read what the store would not deliver to them', () => {
    assert.deepEqual(over, []);
  });

  it('delivers to everyone the store delivers to, but a moderator named by something awaiting a decision', () => {
    // "This person, while they moderate" is no group: staff alone get these from the server. A
    // note addressed to a moderating pupil that waits or was hidden (notes are staff's, published
    // at once), and feedback someone else wrote, waiting or hidden, on a moderating pupil's entry
    // that is now private. Anything else the store delivers, the audience delivers too.
    const named = ({ record, target, user, audience }: Case & { user: TwinUser }) =>
      user.role === 'moderator' &&
      audience.kind === 'staff' &&
      record.status !== 'published' &&
      ((record.collection === 'journal-note' && record.pupil === user.id) || (!!target && target.author.id === user.id && record.author.id !== user.id));
    assert.ok(under.some(named), 'the cases named here do occur');
    assert.deepEqual(under.filter((each) => !named(each)).map(({ what, user, audience }) => `${user.id}: ${what} (${JSON.stringify(audience)})`), []);
  });

  it('gives staff every record, and observers only what the whole space reads', () => {
    for (const { audience } of all) {
      assert.equal(audienceIncludes(audience, users.find((user) => user.id === 'teacher-1')!), true);
      assert.equal(audienceIncludes(audience, users.find((user) => user.id === 'observer-0')!), audience.kind === 'space');
    }
  });

  it('keeps a record of a custom read rule (a function) for staff only: no group can stand for it', () => {
    const record = { author: { id: 'pupil-0' }, status: 'published' };
    assert.deepEqual(audienceOf(record, { readableBy: () => true }), { kind: 'staff' });
  });
});
