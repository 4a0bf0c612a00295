/**
 * The audience computation of policy/audience.ts as ES5 source text, for the `validate_doc_update`
 * of an audience's database (see validate-doc-update.ts for why ES5 text): the server recomputes who
 * may read a record and refuses it in any other group's database.
 *
 * The source declares, inside the validate function:
 * - `schoolKey(school)`: read-rules' `schoolKey` (trimmed, spaces collapsed, lower case; NFC where
 *   the engine has `normalize`, which an old SpiderMonkey lacks);
 * - `recordAudience(record, rules)`: `audienceOf(record, rules)` from its read rule and status only
 *   (`byRule`, `awaitingDecision`), without the feedback target, which the server cannot see;
 * - `sameAudience(a, b)`: the same group (kind, `schoolKey` of the school, person), so the same database;
 * - `within(a, b)`: every reader of `a` reads `b` (by `audienceIncludes`);
 * - `audienceText(a)`: a group in words, for refusals;
 * - `AUDIENCE_RULES`: each built-in collection's rules (below); a collection not in it is read by the space.
 */
import type { Audience, AudienceRules } from '../../../policy/audience.js';
import { DEFAULT_ADDRESSEE_FIELD } from '../../../policy/read-rules.js';
import { builtInCollections } from '../../../schemas/collections.js';

/** A collection's `AudienceRules` as data: a read rule given as a function becomes `'function'` (staff only, as audienceOf). */
export type AudienceRulesData = Omit<AudienceRules, 'readableBy'> & { readableBy?: string };

/** The built-in collections' audience rules, by name (only collections with some). */
export const AUDIENCE_RULES: Record<string, AudienceRulesData> = Object.fromEntries(
  Object.values(builtInCollections).flatMap((definition) => {
    const rules: AudienceRulesData = {
      ...(definition.readableBy ? { readableBy: typeof definition.readableBy === 'string' ? definition.readableBy : 'function' } : {}),
      ...(definition.addressee ? { addressee: definition.addressee } : {}),
      ...(definition.feedbackOn?.visibleWithTarget ? { followsTarget: true } : {}),
    };
    return Object.keys(rules).length ? [[definition.name, rules]] : [];
  }),
);

/** `audience`, if a database can hold it: a group named after a blank school or person is a setup mistake. */
export function checkedAudience(audience: Audience | undefined): Audience | undefined {
  if (audience === undefined) return undefined;
  const named = (value: unknown) => typeof value === 'string' && value.trim() !== '';
  const { kind, school, person } = audience as { kind: string; school?: unknown; person?: unknown };
  const fine =
    kind === 'space' ||
    kind === 'staff' ||
    (kind === 'person' && named(person)) ||
    (kind === 'moderators' && (person === undefined || named(person))) ||
    (kind === 'school' && named(school)) ||
    (kind === 'school-moderators' && named(school) && (person === undefined || named(person)));
  if (!fine) throw new Error(`${JSON.stringify(audience)} is not an audience a database can hold: see policy/audience.ts.`);
  return audience;
}

/** A JavaScript literal safe in ES5 source (JSON allows U+2028 and U+2029 in strings; ES5 does not). */
export const literal = (value: unknown) => JSON.stringify(value).replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');

const FUNCTIONS = String.raw`
  function schoolKey(school) {
    if (typeof school !== 'string') return '';
    var text = typeof school.normalize === 'function' ? school.normalize('NFC') : school;
    return text.trim().replace(/\s+/g, ' ').toLowerCase();
  }
  function audiencePerson(audience) {
    return typeof audience.person === 'string' && audience.person !== '' ? audience.person : undefined;
  }
  function hasSchool(audience) {
    return audience.kind === 'school' || audience.kind === 'school-moderators';
  }
  function personGroup(id) {
    return typeof id === 'string' && id ? { kind: 'person', person: id } : { kind: 'staff' };
  }
  // With the author's id when there is one, as audienceOf spreads it in.
  function withPerson(audience, person) {
    if (person) audience.person = person;
    return audience;
  }
  function byReadRule(record, rules, author) {
    var rule = rules.readableBy;
    if (rule === undefined) return { kind: 'space' };
    if (rule === 'author-and-staff') return personGroup(author);
    if (rule === 'addressee-and-staff') return personGroup(record[typeof rules.addressee === 'string' ? rules.addressee : DEFAULT_ADDRESSEE]);
    if (rule === 'author-and-moderators') return withPerson({ kind: 'moderators' }, author);
    if (rule === 'journal-visibility') {
      if (record.visibility === 'space') return { kind: 'space' };
      var authorSchool = record.author !== null && record.author !== undefined ? record.author.school : undefined;
      // A school that matches nobody (blank) leaves the entry to its author.
      if (record.visibility === 'school' && typeof authorSchool === 'string' && schoolKey(authorSchool) !== '') return { kind: 'school', school: authorSchool };
      return personGroup(author);
    }
    // A rule given as a function, or one this version does not know: staff only.
    return { kind: 'staff' };
  }
  // Pending and hidden: the author and whoever moderates, within the rule's group.
  function awaitingDecision(audience, author) {
    switch (audience.kind) {
      case 'space':
        return withPerson({ kind: 'moderators' }, author);
      case 'school':
        return withPerson({ kind: 'school-moderators', school: audience.school }, author);
      case 'moderators':
      case 'school-moderators':
        if (audience.person === author) return audience;
        return audience.kind === 'moderators' ? { kind: 'moderators' } : { kind: 'school-moderators', school: audience.school };
      case 'person':
        return audience.person === author ? audience : { kind: 'staff' };
      default:
        return { kind: 'staff' };
    }
  }
  function recordAudience(record, rules) {
    var author = record.author;
    var authorId = typeof author === 'object' && author !== null && typeof author.id === 'string' ? author.id : undefined;
    var audience = byReadRule(record, rules, authorId);
    return record.status === 'published' ? audience : awaitingDecision(audience, authorId);
  }
  function sameAudience(a, b) {
    if (a.kind !== b.kind) return false;
    if (hasSchool(a) && schoolKey(a.school) !== schoolKey(b.school)) return false;
    return a.kind === 'space' || a.kind === 'school' || a.kind === 'staff' || audiencePerson(a) === audiencePerson(b);
  }
  // Who a group really holds: one named after a school that matches nobody, or a person with no
  // id, holds staff only.
  function effective(audience) {
    if (hasSchool(audience) && schoolKey(audience.school) === '') return { kind: 'staff' };
    if (audience.kind === 'person' && audiencePerson(audience) === undefined) return { kind: 'staff' };
    return audience;
  }
  // Every reader of a reads b. Staff read every group, everyone reads the space's; the person a
  // group names may have any role and school, so b must name them too.
  function within(a, b) {
    a = effective(a);
    b = effective(b);
    if (a.kind === 'staff' || b.kind === 'space') return true;
    var person = audiencePerson(a);
    var named = person === undefined || person === audiencePerson(b);
    var sameSchool = hasSchool(b) && schoolKey(a.school) === schoolKey(b.school);
    switch (a.kind) {
      case 'school':
        return b.kind === 'school' && sameSchool;
      case 'moderators':
        return b.kind === 'moderators' && named;
      case 'school-moderators':
        return (b.kind === 'school' && sameSchool) || (b.kind === 'moderators' && named) || (b.kind === 'school-moderators' && sameSchool && named);
      case 'person':
        return (b.kind === 'person' || b.kind === 'moderators') && named;
      default:
        return false;
    }
  }
  function audienceText(audience) {
    var person = audiencePerson(audience);
    var also = person === undefined ? '' : ' and "' + person + '"';
    switch (audience.kind) {
      case 'space':
        return 'everyone in the space';
      case 'school':
        return 'the school "' + audience.school + '"';
      case 'moderators':
        return 'the moderators' + also;
      case 'school-moderators':
        return 'the moderators of "' + audience.school + '"' + also;
      case 'person':
        return '"' + person + '" only';
      default:
        return 'the teachers only';
    }
  }`;

/** ES5 declarations (the tables, then the functions) to place inside the validate function. */
export const AUDIENCE_SOURCE = [
  `  var AUDIENCE_RULES = ${literal(AUDIENCE_RULES)};`,
  `  var DEFAULT_ADDRESSEE = ${literal(DEFAULT_ADDRESSEE_FIELD)};`,
  FUNCTIONS,
].join('\n');
