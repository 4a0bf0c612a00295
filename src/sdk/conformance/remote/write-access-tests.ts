import type { PushResult } from '../../replication/protocol.js';
import { check } from '../check.js';
import { changesOf, type Actor } from './actor.js';
import { expectNoBody, expectOk, expectRefused, publish, setStatus } from './expect.js';
import { describeAnswer } from './http.js';
import { edited } from './records.js';
import { checkErrorBody, checkPushResults, describeResult } from './shapes.js';
import type { RemoteTestContext, TestDefinition } from './suite-context.js';

/** A request from someone the space does not know: refused whole, 401 or 403, with a JSON error. */
async function expectShutOut(ctx: RemoteTestContext, who: Actor, expected: number[]) {
  const entry = ctx.records.journalEntry(who, ctx.id(`by-${who.role}`), 'space');
  const push = await who.pushRaw({ origin: 'conformance', writes: [ctx.create(entry)] });
  check(expected.includes(push.status), `push as ${who.label} (${who.description}) answered ${describeAnswer(push)}: expected ${expected.join(' or ')} for the whole request`);
  checkErrorBody(push, `push as ${who.label}`);
  const pull = await who.pullRaw({ checkpoint: null, limit: 10, wait: 0 });
  check(expected.includes(pull.status), `pull as ${who.label} (${who.description}) answered ${describeAnswer(pull)}: expected ${expected.join(' or ')}: only members read a space`);
  checkErrorBody(pull, `pull as ${who.label}`);
  return entry;
}

const moderationOff = (settings: { moderation: string }) =>
  settings.moderation === 'off' ? "the space's moderation is 'off': pupils' records are published at once (run the suite on a space with moderation 'pupils' or 'all' to test it)" : undefined;

/** Who may write what: membership, authorship, moderation, and records one may not read. */
export const writeAccessTests: TestDefinition[] = [
  ...(['anonymous', 'nonMember'] as const).map(
    (role): TestDefinition => ({
      name: role === 'anonymous' ? 'refuses pulls and pushes of someone not signed in (401)' : 'refuses pulls and pushes of someone signed in who is not a member (403)',
      needs: [role, 'staff'],
      body: async (ctx) => {
        const staff = ctx.as('staff');
        const start = await staff.feedEnd();
        const written = await expectShutOut(ctx, ctx.as(role), role === 'anonymous' ? [401] : [403]);
        const changes = (await staff.readToEnd(start)).changes;
        check(changesOf(changes, 'journal', written.id).length === 0, `journal/${written.id}, pushed by ${ctx.as(role).description}, is in the feed: nothing of a refused request is stored`);
      },
    }),
  ),
  {
    name: 'refuses every write of an observer',
    needs: ['observer'],
    body: async (ctx) => {
      const observer = ctx.as('observer');
      const writes = [ctx.create(ctx.records.journalEntry(observer, ctx.id('entry'), 'space'))];
      const answer = await observer.pushRaw({ origin: 'conformance', writes });
      if (answer.status === 403) return checkErrorBody(answer, `push as ${observer.label}`);
      const [result] = checkPushResults(answer, writes, `push as ${observer.label}`);
      expectRefused(result, `a journal entry of an observer (${observer.label})`, 'observers read, they write nothing');
    },
  },
  {
    name: 'refuses a record whose author is not the person writing it',
    needs: ['pupil'],
    body: async (ctx) => {
      const pupil = ctx.as('pupil');
      const victim = ctx.maybe('otherPupil') ?? ctx.maybe('teacher');
      const author = victim ? victim.author : { id: `${pupil.person.id}-impostor`, name: 'Someone Else' };
      const forged = { ...ctx.records.journalEntry(pupil, ctx.id('forged'), 'space'), author };
      expectRefused(await pupil.pushOne(ctx.create(forged)), `a journal entry ${pupil.label} wrote as ${author.name} (author.id '${author.id}')`, 'author.id must be the person who writes');
    },
  },
  {
    name: "refuses a pupil's edit or deletion of someone else's record",
    needs: ['pupil', 'otherPupil', 'staff'],
    body: async (ctx) => {
      const pupil = ctx.as('pupil');
      const other = ctx.as('otherPupil');
      const { record, rev } = await publish(ctx, pupil, ctx.records.journalEntry(pupil, ctx.id('entry'), 'space'));
      const edit = await other.pushOne(ctx.update(edited(record, rev, { title: 'Changed by someone else' }), rev));
      expectRefused(edit, `${other.label} editing a journal entry of ${pupil.label}`, 'a pupil edits only their own records');
      const removal = await other.pushOne(ctx.remove(record, rev));
      expectRefused(removal, `${other.label} deleting a journal entry of ${pupil.label}`, 'a pupil deletes only their own records');
      const takeover = await other.pushOne(ctx.update({ ...edited(record, rev, { title: 'Mine now' }), author: other.author }, rev));
      expectRefused(takeover, `${other.label} rewriting a journal entry of ${pupil.label} as their own`, 'the author of a record never changes');
    },
  },
  {
    name: 'refuses writes to a record the person may not read, without showing it',
    needs: ['pupil', 'otherPupil', 'staff'],
    body: async (ctx) => {
      const pupil = ctx.as('pupil');
      const other = ctx.as('otherPupil');
      const { record, rev } = await publish(ctx, pupil, ctx.records.journalEntry(pupil, ctx.id('private'), 'private'));
      const what = `another pupil (${other.label}) writing a private journal entry of ${pupil.label}`;
      const edit: PushResult = await other.pushOne(ctx.update(edited(record, rev, { title: 'Seen' }), rev));
      expectRefused(edit, `${what} with its current revision`, 'a record the person may not read cannot be written by them');
      expectNoBody(edit, what);
      const create = await other.pushOne(ctx.create({ ...ctx.records.journalEntry(other, record.id, 'space') }));
      check(create.status !== 'ok', `push answered 'ok' for ${what} with baseRev null: the record exists`);
      expectNoBody(create, `${what} with baseRev null`);
      const feedback = await other.pushOne(ctx.create(ctx.records.journalFeedback(other, ctx.id('feedback'), record.id)));
      expectRefused(feedback, `feedback from ${other.label} on a private journal entry they may not read`, 'feedback needs a target the person may read');
    },
  },
  {
    name: "refuses a pupil's record that skips moderation, and a pupil approving their own",
    needs: ['pupil', 'staff'],
    appliesNot: moderationOff,
    body: async (ctx) => {
      const pupil = ctx.as('pupil');
      const teacher = ctx.as('staff');
      const section = ctx.records.boardSection(teacher, ctx.id('section'));
      expectOk(await teacher.pushOne(ctx.create(section)), `${teacher.label} adding a board section`);
      const post = ctx.records.boardPost(pupil, ctx.id('post'), section.id);
      const skipping = await pupil.pushOne(ctx.create({ ...post, id: ctx.id('published'), status: 'published' }));
      expectRefused(skipping, `a board post of ${pupil.label} marked published while the space's moderation ('${ctx.moderation}') makes it pending`, 'a new record carries the status initialStatus gives');
      const rev = expectOk(await pupil.pushOne(ctx.create(post)), `${pupil.label} writing a pending board post`);
      const approving = await pupil.pushOne(ctx.update(edited(post, rev, { status: 'published' }), rev));
      expectRefused(approving, `${pupil.label} publishing their own pending post`, 'only those who may approve change a status');
    },
  },
  {
    name: 'refuses an edit of a hidden post by its author (it is locked)',
    needs: ['pupil', 'staff'],
    body: async (ctx) => {
      const pupil = ctx.as('pupil');
      const teacher = ctx.as('staff');
      const section = ctx.records.boardSection(teacher, ctx.id('section'));
      expectOk(await teacher.pushOne(ctx.create(section)), `${teacher.label} adding a board section`);
      const published = await publish(ctx, pupil, ctx.records.boardPost(pupil, ctx.id('post'), section.id));
      const { record, rev } = await setStatus(ctx, teacher, published.record, published.rev, 'hidden');
      const edit = await pupil.pushOne(ctx.update(edited(record, rev, { title: 'Not so bad' }), rev));
      expectRefused(edit, `${pupil.label} editing their hidden post`, 'a hidden record is locked for its author');
      const unhide = await pupil.pushOne(ctx.update(edited(record, rev, { status: 'published' }), rev));
      check(unhide.status !== 'ok', `push answered ${describeResult(unhide)} for ${pupil.label} bringing back their hidden post: only staff bring back what was hidden`);
    },
  },
];
