import type { TwinStore } from '../src/sdk/store/create-store.js';
import type { TwinRecord } from '../src/sdk/store/store-types.js';

/**
 * The demo pupils' journal in the mobility week: the teachers' questions, Kasia's entries from
 * Gdynia, Marco's from home, his feedback to her, and a teacher's private note.
 * `as(id)` is that person's store; `published` approves what the space's moderation held back.
 */
export async function seedSampleJournal(as: (id: string) => TwinStore, published: <T extends TwinRecord>(collection: string, record: T) => Promise<T>): Promise<void> {
  const lucia = as('teacher-lucia');
  await lucia.create('journal-prompt', {
    title: 'Mobility week',
    order: 1,
    prompts: [
      { id: 'q1', text: 'What did I learn today?' },
      { id: 'q2', text: 'What surprised me?' },
    ],
    schedule: { from: '2027-03-08', to: '2027-03-14' },
  });
  const kasia = as('pupil-kasia');
  const arrival = await published(
    'journal',
    await kasia.create('journal', {
      date: '2027-03-08',
      title: 'Welcome to Gdynia',
      visibility: 'space',
      body: '<p>Our partners from Cartagena arrived by ferry. We showed them the <strong>harbour</strong> and the lighthouse.</p><ul><li>it was windy</li><li>everyone was hungry</li></ul>',
      confidence: 4,
      learned: 'Hola, ¿qué tal? means hello, how are you?',
    }),
  );
  await published(
    'journal',
    await kasia.create('journal', {
      date: '2027-03-09',
      title: 'Fieldwork at the pier',
      visibility: 'school',
      body: '<p>In mixed teams we measured the waves every hour. The Baltic has almost no tide!</p>',
      confidence: 3,
    }),
  );
  await published(
    'journal',
    await as('pupil-marco').create('journal', {
      date: '2027-03-09',
      title: 'Following from Bari',
      visibility: 'space',
      body: '<p>I watched the photos of the pier on the board and compared them with our port.</p>',
    }),
  );
  await published('journal-feedback', await as('pupil-marco').create('journal-feedback', { target: arrival.id, kind: 'wonder', body: 'Was the ferry on time? Ours is always late!' }));
  await lucia.create('journal-note', { pupil: 'pupil-kasia', body: 'Lovely first entry, Kasia. Tomorrow, add one photo with a description.' });
}
