import { check, checkEqual } from '../check.js';
import type { Actor } from './actor.js';
import { publish } from './expect.js';
import { describeAnswer, type Answer } from './http.js';
import { phrase } from './audience.js';
import { checkErrorBody } from './shapes.js';
import type { RemoteTestContext, TestDefinition } from './suite-context.js';

/** A tiny PNG: the bytes matter, not the picture. */
const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 0, 1, 2, 3, 255, 254]);

const filesOff = (settings: { files: boolean }) => (settings.files ? undefined : 'files: false (the server stores no files)');

const put = (who: Actor, id: string, bytes: Uint8Array, type: string) => who.request({ method: 'PUT', path: `files/${encodeURIComponent(id)}`, bytes, contentType: type });
const get = (who: Actor, id: string) => who.request({ method: 'GET', path: `files/${encodeURIComponent(id)}` });

async function upload(ctx: RemoteTestContext, who: Actor, name: string): Promise<string> {
  const id = ctx.id(name);
  const answer = await put(who, id, PNG, 'image/png');
  check(answer.status >= 200 && answer.status < 300, `PUT files/${id} as ${who.label} answered ${describeAnswer(answer)}: expected 204 (or pass files: false if the server stores no files)`);
  return id;
}

function expectFile(answer: Answer, what: string): void {
  check(answer.status === 200, `GET of ${what} answered ${describeAnswer(answer)}: expected 200 with the bytes`);
  checkEqual([...answer.bytes], [...PNG], `the bytes of ${what}`);
  check(answer.contentType.startsWith('image/png'), `GET of ${what} answered Content-Type ${JSON.stringify(answer.contentType)}: expected the type it was stored with, image/png`);
}

function expectNoFile(answer: Answer, what: string): void {
  check(answer.status !== 200 && !(answer.status >= 200 && answer.status < 300), `GET of ${what} answered ${describeAnswer(answer)}: expected 404`);
}

/** Files: optional (`files: false` skips them). */
export const fileTests: TestDefinition[] = [
  {
    name: 'stores a file and gives it back with its type, until it is deleted',
    needs: ['writer'],
    appliesNot: filesOff,
    body: async (ctx) => {
      const writer = ctx.as('writer');
      const id = await upload(ctx, writer, 'photo');
      expectFile(await get(writer, id), `a file its uploader (${writer.label}) stored`);
      const gone = await writer.request({ method: 'DELETE', path: `files/${encodeURIComponent(id)}` });
      check(gone.status >= 200 && gone.status < 300, `DELETE files/${id} answered ${describeAnswer(gone)}: expected 204`);
      const after = await get(writer, id);
      check(after.status === 404, `GET of a deleted file answered ${describeAnswer(after)}: expected 404`);
      checkErrorBody(after, 'GET of a deleted file');
      const never = await get(writer, ctx.id('never-stored'));
      check(never.status === 404, `GET of a file never stored answered ${describeAnswer(never)}: expected 404`);
    },
  },
  {
    name: 'refuses a file of a type Twinkit does not store',
    needs: ['writer'],
    appliesNot: filesOff,
    body: async (ctx) => {
      const writer = ctx.as('writer');
      const answer = await put(writer, ctx.id('page'), new TextEncoder().encode('<script>alert(1)</script>'), 'text/html');
      check(answer.status >= 400 && answer.status < 500, `PUT of a text/html file answered ${describeAnswer(answer)}: only the types of FILE_TYPES (pictures, sound, video, PDF, ZIP) are stored`);
      checkErrorBody(answer, 'PUT of a text/html file');
    },
  },
  {
    name: 'gives a file to its uploader, staff and readers of a record that uses it, and to no one else',
    needs: ['pupil', 'otherPupil', 'staff'],
    appliesNot: filesOff,
    body: async (ctx) => {
      const pupil = ctx.as('pupil');
      const other = ctx.as('otherPupil');
      const teacher = ctx.as('staff');
      const media = (attachment: string) => ({ media: [{ attachment, kind: 'image', alt: 'The market square in the morning' }] });
      const privateFile = await upload(ctx, pupil, 'private-photo');
      await publish(ctx, pupil, ctx.records.journalEntry(pupil, ctx.id('private'), 'private', media(privateFile)));
      expectFile(await get(teacher, privateFile), `a pupil's photo, for ${phrase(teacher)}`);
      expectNoFile(await get(other, privateFile), `the photo of a private journal entry, for ${phrase(other)}`);
      for (const outsider of [ctx.maybe('nonMember'), ctx.maybe('anonymous')]) {
        if (outsider) expectNoFile(await get(outsider, privateFile), `a photo of the space, for ${phrase(outsider)}`);
      }
      const sharedFile = await upload(ctx, pupil, 'shared-photo');
      await publish(ctx, pupil, ctx.records.journalEntry(pupil, ctx.id('shared'), 'space', media(sharedFile)));
      expectFile(await get(other, sharedFile), `the photo of a journal entry shared with the space, for ${phrase(other)}`);
    },
  },
];
