import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { audienceIncludes } from '../../../policy/audience.js';
import { ROLES, type Role } from '../../../policy/roles.js';
import { audienceDatabase, memberRoles } from '../audience-databases.js';
import { layoutOf } from '../setup/audience-layout.js';
import type { SpaceMember } from '../setup/members.js';
import { readerOf } from './reader.js';
import { roomDatabase } from './reading-rooms.js';

/**
 * What a device follows (the feeds `readerOf` gives for the roles the setup grants) gathers exactly
 * the audiences `audienceIncludes` lets its person read, no more and no fewer: the space's database
 * and a moderator's own directly, the rest through the rooms the setup's layout fills.
 */
const SPACE = 'Coasts';
const member = (id: string, role: Role, school?: string): SpaceMember => ({ id, name: `Name of ${id}`, role, ...(school === undefined ? {} : { school }) });

/** For each member: what their feeds gather that they may not read, and what they may read that no feed gathers. */
function wrongReads(members: SpaceMember[]): string[] {
  const layout = layoutOf(SPACE, members);
  const gathered = new Map<string, string[]>([
    ...layout.audiences.map((audience): [string, string[]] => [audienceDatabase(SPACE, audience), [audienceDatabase(SPACE, audience)]]),
    ...layout.rooms.map(({ database, sources }): [string, string[]] => [database, sources.map((audience) => audienceDatabase(SPACE, audience))]),
  ]);
  const wrong: string[] = [];
  for (const person of members) {
    const { feeds } = readerOf(SPACE, person.id, memberRoles(SPACE, person));
    const missing = feeds.filter((feed) => !gathered.has(feed));
    if (missing.length) wrong.push(`${person.id} follows ${missing.join(', ')}, which the layout does not make`);
    const reads = new Set(feeds.flatMap((feed) => gathered.get(feed) ?? []));
    const may = new Set(layout.audiences.filter((audience) => audienceIncludes(audience, person)).map((audience) => audienceDatabase(SPACE, audience)));
    for (const database of reads) if (!may.has(database)) wrong.push(`${person.id} (${person.role}, ${person.school ?? 'no school'}) reads ${database}`);
    for (const database of may) if (!reads.has(database)) wrong.push(`${person.id} (${person.role}, ${person.school ?? 'no school'}) cannot read ${database}`);
  }
  return wrong;
}

describe('a device\'s feeds', () => {
  it('gather exactly what each role may read: every role in two schools, and each without a school', () => {
    const schools = ['Liceo Galilei, Roma', 'Szkoła nr 5, Kraków'];
    const members = [
      ...schools.flatMap((school, s) => ROLES.flatMap((role) => [member(`${role}-${s}`, role, school), member(`${role}-${s}-b`, role, school)])),
      ...ROLES.map((role) => member(`${role}-nowhere`, role)),
      member('Pupil Again', 'pupil', '  liceo   galilei, ROMA '),
    ];
    assert.deepEqual(wrongReads(members), []);
  });

  it('gather exactly what each may read for members drawn at random', () => {
    let seed = 7;
    const random = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2 ** 31), seed % n);
    const schools = ['North', 'north ', 'South', 'East'];
    for (let round = 0; round < 100; round++) {
      const members = Array.from({ length: 1 + random(12) }, (_, i) => {
        const school = random(5);
        return member(`m${i}`, ROLES[random(ROLES.length)], school === 4 ? undefined : schools[school]);
      });
      assert.deepEqual(wrongReads(members), [], JSON.stringify(members));
    }
  });

  it('are the space\'s database and the rooms a person reads, and a moderator\'s own database', () => {
    const feeds = (role: Role, school?: string) => readerOf(SPACE, 'ana', memberRoles(SPACE, member('ana', role, school))).feeds;
    const space = 'twinkit-coasts';
    assert.deepEqual(feeds('teacher', 'North'), [space, 'twinkit-coasts$room-staff']);
    assert.deepEqual(feeds('pupil', 'North'), [space, roomDatabase(SPACE, { kind: 'pupil', person: 'ana' })]);
    assert.deepEqual(feeds('moderator', 'North'), [space, 'twinkit-coasts$room-moderators', 'twinkit-coasts$room-school-north-moderators', 'twinkit-coasts$person-ana']);
    assert.deepEqual(feeds('moderator'), [space, 'twinkit-coasts$room-moderators', 'twinkit-coasts$person-ana']);
    assert.deepEqual(feeds('observer', 'North'), [space]);
  });
});
