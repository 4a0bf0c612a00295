import { anyOf, Audience } from './audience.js';
import { expectOk, publish, setStatus } from './expect.js';
import { edited, statusFor } from './records.js';
import type { TestDefinition } from './suite-context.js';

const moderationOff = (settings: { moderation: string }) =>
  settings.moderation === 'off' ? "the space's moderation is 'off': no record waits for approval (run the suite on a space with moderation 'pupils' or 'all' to test it)" : undefined;

/** Who gets the body of what in a pull, role by role: the read rules of the policy over HTTP. */
export const readAccessTests: TestDefinition[] = [
  {
    name: 'sends a private journal entry to its author and staff only',
    needs: ['pupil', 'staff'],
    body: async (ctx) => {
      const pupil = ctx.as('pupil');
      const outsiders = anyOf(ctx, ['otherPupil', 'otherSchoolPupil', 'moderator', 'observer']);
      if (!outsiders.length) return ctx.skip('needs someone who may not read it: people.otherPupil, otherSchoolPupil, moderator or observer');
      const staff = [ctx.maybe('teacher'), ctx.maybe('admin')];
      const audience = await Audience.before([pupil, ...staff, ...outsiders]);
      const { record, rev } = await publish(ctx, pupil, ctx.records.journalEntry(pupil, ctx.id('private'), 'private'));
      await audience.expectWithheld(outsiders, 'journal', record.id, 'a private journal entry');
      await audience.expectDelivered([pupil, ...staff], 'journal', record.id, 'a private journal entry', rev);
    },
  },
  {
    name: "sends a school-only journal entry to its author's school and staff only",
    needs: ['pupil', 'staff'],
    body: async (ctx) => {
      const pupil = ctx.as('pupil');
      const sameSchool = ctx.maybe('otherPupil');
      const outsiders = anyOf(ctx, ['otherSchoolPupil', 'observer']);
      if (!sameSchool && !outsiders.length) return ctx.skip('needs people.otherPupil (same school) or people.otherSchoolPupil');
      const audience = await Audience.before([pupil, ctx.as('staff'), sameSchool, ...outsiders]);
      const { record, rev } = await publish(ctx, pupil, ctx.records.journalEntry(pupil, ctx.id('school'), 'school'));
      await audience.expectWithheld(outsiders, 'journal', record.id, 'a school-only journal entry');
      await audience.expectDelivered([pupil, ctx.as('staff'), sameSchool], 'journal', record.id, 'a school-only journal entry', rev);
    },
  },
  {
    name: 'takes back a journal entry made private from those who had it (deleted: true, no body)',
    needs: ['pupil', 'staff', 'otherPupil'],
    body: async (ctx) => {
      const pupil = ctx.as('pupil');
      const other = ctx.as('otherPupil');
      const audience = await Audience.before([other]);
      const { record, rev } = await publish(ctx, pupil, ctx.records.journalEntry(pupil, ctx.id('shared'), 'space'));
      await audience.expectDelivered([other], 'journal', record.id, 'a journal entry shared with the space', rev);
      // An author whose records wait for approval sends an edited record back for approval (as the SDK does).
      const status = statusFor(pupil, ctx.moderation) === 'pending' ? 'pending' : record.status;
      expectOk(await pupil.pushOne(ctx.update(edited(record, rev, { visibility: 'private', status }), rev)), 'its author making the entry private');
      await audience.expectTakenBack([other], 'journal', record.id, 'a journal entry made private');
    },
  },
  {
    name: 'sends a teacher\'s journal note to the pupil it names and staff only',
    needs: ['pupil', 'staff'],
    body: async (ctx) => {
      const pupil = ctx.as('pupil');
      const teacher = ctx.as('staff');
      const outsiders = anyOf(ctx, ['otherPupil', 'otherSchoolPupil', 'moderator', 'observer']);
      if (!outsiders.length) return ctx.skip('needs someone who may not read it: people.otherPupil, otherSchoolPupil, moderator or observer');
      const audience = await Audience.before([pupil, teacher, ...outsiders]);
      const note = ctx.records.journalNote(teacher, ctx.id('note'), pupil.person.id);
      const rev = expectOk(await teacher.pushOne(ctx.create(note)), `${teacher.label} writing a journal note to ${pupil.label}`);
      await audience.expectWithheld(outsiders, 'journal-note', note.id, 'a journal note to one pupil');
      await audience.expectDelivered([pupil, teacher], 'journal-note', note.id, 'a journal note', rev);
    },
  },
  {
    name: 'sends feedback on a private journal entry only to those who may read the entry',
    needs: ['pupil', 'staff'],
    body: async (ctx) => {
      const pupil = ctx.as('pupil');
      const teacher = ctx.as('staff');
      const outsiders = anyOf(ctx, ['otherPupil', 'otherSchoolPupil', 'moderator', 'observer']);
      if (!outsiders.length) return ctx.skip('needs someone who may not read the entry: people.otherPupil, otherSchoolPupil, moderator or observer');
      const { record: entry } = await publish(ctx, pupil, ctx.records.journalEntry(pupil, ctx.id('private'), 'private'));
      const audience = await Audience.before([pupil, teacher, ...outsiders]);
      const feedback = ctx.records.journalFeedback(teacher, ctx.id('feedback'), entry.id);
      const rev = expectOk(await teacher.pushOne(ctx.create(feedback)), `${teacher.label} giving feedback on a private entry`);
      await audience.expectWithheld(outsiders, 'journal-feedback', feedback.id, 'feedback on a private journal entry');
      await audience.expectDelivered([pupil, teacher], 'journal-feedback', feedback.id, 'feedback on their own journal entry', rev);
    },
  },
  {
    name: 'keeps a pending board post from everyone but its author and those who moderate',
    needs: ['pupil', 'staff'],
    appliesNot: moderationOff,
    body: async (ctx) => {
      const pupil = ctx.as('pupil');
      const teacher = ctx.as('staff');
      const outsiders = anyOf(ctx, ['otherPupil', 'otherSchoolPupil', 'observer']);
      if (!outsiders.length) return ctx.skip('needs someone who may not read it: people.otherPupil, otherSchoolPupil or observer');
      const section = ctx.records.boardSection(teacher, ctx.id('section'));
      expectOk(await teacher.pushOne(ctx.create(section)), `${teacher.label} adding a board section`);
      const audience = await Audience.before([pupil, teacher, ctx.maybe('moderator'), ...outsiders]);
      const post = ctx.records.boardPost(pupil, ctx.id('post'), section.id);
      const rev = expectOk(await pupil.pushOne(ctx.create(post)), `${pupil.label} writing a board post (status ${post.status})`);
      await audience.expectWithheld(outsiders, 'board', post.id, 'a pending board post');
      await audience.expectDelivered([pupil, teacher, ctx.maybe('moderator')], 'board', post.id, 'a pending board post', rev);
    },
  },
  {
    name: 'takes back a hidden board post from those who had it (deleted: true, no body), and keeps it for its author and moderators',
    needs: ['pupil', 'staff'],
    body: async (ctx) => {
      const pupil = ctx.as('pupil');
      const teacher = ctx.as('staff');
      const outsiders = anyOf(ctx, ['otherPupil', 'otherSchoolPupil', 'observer']);
      if (!outsiders.length) return ctx.skip('needs someone who may not read a hidden post: people.otherPupil, otherSchoolPupil or observer');
      const section = ctx.records.boardSection(teacher, ctx.id('section'));
      expectOk(await teacher.pushOne(ctx.create(section)), `${teacher.label} adding a board section`);
      const audience = await Audience.before([pupil, teacher, ctx.maybe('moderator'), ...outsiders]);
      const published = await publish(ctx, pupil, ctx.records.boardPost(pupil, ctx.id('post'), section.id));
      await audience.expectDelivered(outsiders, 'board', published.record.id, 'a published board post', published.rev);
      const hidden = await setStatus(ctx, teacher, published.record, published.rev, 'hidden');
      await audience.expectTakenBack(outsiders, 'board', published.record.id, 'a hidden board post');
      await audience.expectDelivered([pupil, teacher, ctx.maybe('moderator')], 'board', published.record.id, 'a hidden board post', hidden.rev);
    },
  },
];
