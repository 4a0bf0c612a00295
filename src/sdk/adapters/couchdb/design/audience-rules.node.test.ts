import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { runInNewContext } from 'node:vm';
import { transformSync } from 'esbuild';
import { audienceIncludes, audienceOf, type Audience, type AudienceRules } from '../../../policy/audience.js';
import { schoolKey } from '../../../policy/read-rules.js';
import { ROLES, type TwinUser } from '../../../policy/roles.js';
import { builtInCollections } from '../../../schemas/collections.js';
import { audienceDatabase } from '../audience-databases.js';
import { AUDIENCE_RULES, AUDIENCE_SOURCE, type AudienceRulesData } from './audience-rules.js';

/**
 * The ES5 twin of policy/audience.ts, run as CouchDB runs it (evaluated in an empty context),
 * against the TypeScript it mirrors.
 */
type Doc = Record<string, unknown>;
interface Es5 {
  schoolKey(school: unknown): string;
  recordAudience(record: Doc, rules: AudienceRulesData): Audience;
  sameAudience(a: Audience, b: Audience): boolean;
  within(a: Audience, b: Audience): boolean;
  audienceText(a: Audience): string;
}
const es5 = runInNewContext(
  `(function () {\n${AUDIENCE_SOURCE}\n  return { schoolKey: schoolKey, recordAudience: recordAudience, sameAudience: sameAudience, within: within, audienceText: audienceText };\n})()`,
  Object.create(null),
) as Es5;

/** An audience as plain JSON with its keys in one order (a person key holding undefined is no person). */
const plain = (audience: Audience) => {
  const { kind, school, person } = audience as { kind: string; school?: string; person?: string };
  return JSON.stringify({ kind, school, person });
};

const GALILEI = 'Liceo Galilei, Roma';
const authors: unknown[] = [
  { id: 'pia', name: 'Pia', school: GALILEI },
  { id: 'pia-b', name: 'Pia B', school: '  liceo   GALILEI,  roma ' },
  { id: 'ola', name: 'Ola', school: 'Szkoła nr 5' },
  { id: 'kasia', name: 'Kasia' },
  { id: 'zoe', name: 'Zoe', school: '   ' },
  { id: 'max', name: 'Max', school: 7 },
  // Damaged records: the store reads them too.
  { id: '', name: 'nobody' },
  { id: 5, name: 'a number' },
  'pia',
  null,
  undefined,
];
const STATUSES = ['published', 'pending', 'hidden', undefined];
const VISIBILITIES = ['space', 'school', 'private', undefined];
const ADDRESSEES = ['pia', 'kasia', '', undefined];

function* records(collection: string): Generator<Doc> {
  let n = 0;
  for (const author of authors) {
    for (const status of STATUSES) {
      for (const visibility of VISIBILITIES) {
        for (const addressee of ADDRESSEES) {
          const record: Doc = { collection, id: `r${n++}`, status, visibility, author, pupil: addressee, for: addressee };
          for (const key of Object.keys(record)) if (record[key] === undefined) delete record[key];
          yield record;
        }
      }
    }
  }
}

const rulesOf = (collection: string): AudienceRules => {
  const definition = (builtInCollections as Record<string, (typeof builtInCollections)[keyof typeof builtInCollections] | undefined>)[collection];
  return { readableBy: definition?.readableBy, addressee: definition?.addressee };
};

describe('audience rules (ES5): the source text', () => {
  it('is ES5: nothing in it needs lowering for an old SpiderMonkey', () => {
    const source = `(function () {\n${AUDIENCE_SOURCE}\n});`;
    assert.equal(transformSync(source, { target: 'es5', loader: 'js' }).code, transformSync(source, { target: 'esnext', loader: 'js' }).code);
  });

  it('holds the built-in collections\' rules', () => {
    assert.deepEqual(AUDIENCE_RULES, {
      'board-flag': { readableBy: 'author-and-moderators' },
      journal: { readableBy: 'journal-visibility' },
      'journal-feedback': { followsTarget: true },
      'journal-note': { readableBy: 'addressee-and-staff', addressee: 'pupil' },
      'goal-rating': { readableBy: 'author-and-staff' },
    });
  });
});

describe('audience rules (ES5): schoolKey', () => {
  it('agrees with read-rules\' schoolKey', () => {
    const schools = [GALILEI, '  liceo   GALILEI,  roma ', '\tSzkoła\u00a0nr 5\n', 'Szkoła nr 5', 'Cafe\u0301', 'Café', 'İSTANBUL', 'ΣΟΦΙΑ', '', '   ', 5, null, undefined, {}, ['x']];
    for (const school of schools) assert.equal(es5.schoolKey(school), schoolKey(school), JSON.stringify(school));
  });
});

describe('audience rules (ES5): a record\'s own audience', () => {
  it('is audienceOf without a target, for every built-in collection, status, visibility, author and addressee', () => {
    let count = 0;
    const disagreements: string[] = [];
    for (const collection of [...Object.keys(builtInCollections), 'not-built-in']) {
      for (const record of records(collection)) {
        const expected = plain(audienceOf(record, rulesOf(collection)));
        const actual = plain(es5.recordAudience(record, AUDIENCE_RULES[collection] ?? {}));
        count++;
        if (actual !== expected) disagreements.push(`${collection} ${JSON.stringify(record)}: ${actual}, not ${expected}`);
      }
    }
    assert.deepEqual(disagreements.slice(0, 5), []);
    assert.ok(count > 10_000, `${count} records`);
  });

  it('is audienceOf under every read rule, a custom addressee field and a rule it does not know', () => {
    const variants: AudienceRules[] = [
      {},
      { readableBy: 'author-and-staff' },
      { readableBy: 'addressee-and-staff' },
      { readableBy: 'addressee-and-staff', addressee: 'for' },
      { readableBy: 'author-and-moderators' },
      { readableBy: 'journal-visibility' },
      { readableBy: 'from-a-newer-version' as never },
      { readableBy: () => true },
    ];
    for (const rules of variants) {
      const data: AudienceRulesData = { ...rules, readableBy: typeof rules.readableBy === 'function' ? 'function' : rules.readableBy };
      for (const record of records('any')) assert.equal(plain(es5.recordAudience(record, data)), plain(audienceOf(record, rules)), JSON.stringify([data, record]));
    }
  });
});

const SPACE = 'coasts';
const S2 = 'Szkoła nr 5';
const GALILEI_TYPED = ' liceo galilei,  ROMA';
const audiences: Audience[] = [
  { kind: 'space' },
  { kind: 'staff' },
  { kind: 'school', school: GALILEI },
  { kind: 'school', school: GALILEI_TYPED },
  { kind: 'school', school: S2 },
  { kind: 'school', school: '  ' },
  { kind: 'moderators' },
  { kind: 'moderators', person: 'pia' },
  { kind: 'moderators', person: 'kasia' },
  { kind: 'school-moderators', school: GALILEI },
  { kind: 'school-moderators', school: GALILEI, person: 'pia' },
  { kind: 'school-moderators', school: GALILEI_TYPED, person: 'pia' },
  { kind: 'school-moderators', school: S2, person: 'pia' },
  { kind: 'school-moderators', school: GALILEI, person: 'kasia' },
  { kind: 'school-moderators', school: ' ', person: 'pia' },
  { kind: 'person', person: 'pia' },
  { kind: 'person', person: 'kasia' },
];
// Everyone who could tell two groups apart: each id with each role, in each school or none.
const users: TwinUser[] = ['pia', 'kasia', 'zoe'].flatMap((id) =>
  ROLES.flatMap((role) => [GALILEI, GALILEI_TYPED, S2, undefined, '  '].map((school) => ({ id, name: id, role, ...(school === undefined ? {} : { school }) }))),
);
const bruteWithin = (a: Audience, b: Audience) => users.every((user) => !audienceIncludes(a, user) || audienceIncludes(b, user));

describe('audience rules (ES5): comparing groups', () => {
  it('within(a, b) is "every reader of a reads b", on every pair', () => {
    let pairs = 0;
    for (const a of audiences) {
      for (const b of audiences) {
        pairs++;
        assert.equal(es5.within(a, b), bruteWithin(a, b), `${plain(a)} within ${plain(b)}`);
      }
    }
    assert.equal(pairs, audiences.length ** 2);
  });

  it('sameAudience is "the same database"', () => {
    for (const a of audiences) {
      for (const b of audiences) assert.equal(es5.sameAudience(a, b), audienceDatabase(SPACE, a) === audienceDatabase(SPACE, b), `${plain(a)} = ${plain(b)}`);
    }
  });

  it('accepts in its own audience every database the client puts feedback that follows its target in', () => {
    const rules = AUDIENCE_RULES['journal-feedback'];
    for (const record of records('journal-feedback')) {
      const own = es5.recordAudience(record, rules);
      for (const target of audiences) {
        const client = audienceOf(record, { followsTarget: true }, target);
        assert.ok(es5.within(client, own), `${plain(client)} within ${plain(own)}`);
      }
    }
  });

  it('says a group in words', () => {
    assert.equal(es5.audienceText({ kind: 'school-moderators', school: GALILEI, person: 'pia' }), 'the moderators of "Liceo Galilei, Roma" and "pia"');
    assert.equal(es5.audienceText({ kind: 'person', person: 'pia' }), '"pia" only');
    assert.equal(es5.audienceText({ kind: 'staff' }), 'the teachers only');
  });
});
