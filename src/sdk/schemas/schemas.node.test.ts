import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { checkRecord, describeIssues } from '../store/validate-record.js';
import { BOARD_COLORS, BOARD_POST_KINDS, BOARD_TAG_MAX_LENGTH, BOARD_TAGS_MAX, boardPostSchema, migrateBoardV1 } from './board.js';
import { boardFlagSchema } from './board-flag.js';
import { BOARD_REACTIONS, boardReactionSchema } from './board-reaction.js';
import { boardSectionSchema } from './board-section.js';
import { BOARD_LAYOUTS, BOARD_SETTINGS_ID, boardSettingsSchema } from './board-settings.js';
import { builtInCollections } from './collections.js';
import { commentSchema, reactionSchema } from './feedback.js';
import { envelopeSchema } from './envelope.js';
import { glossaryEntrySchema } from './glossary.js';
import { hasUnsafeMarkup, journalEntrySchema, migrateJournalV1, plainTextToJournalHtml } from './journal.js';
import { FEEDBACK_KINDS, journalFeedbackSchema } from './journal-feedback.js';
import { journalNoteSchema } from './journal-note.js';
import { journalPromptSchema, MAX_PROMPTS } from './journal-prompt.js';
import { JOURNAL_SETTINGS_ID, journalSettingsSchema } from './journal-settings.js';
import { LIMITS } from './limits.js';
import { activitySchema, ACTIVITY_STATUSES, LINKABLE_WIDGETS } from './activity.js';
import { goalRatingSchema, ratingId, RATING_MOMENTS, RATING_SCALE } from './goal-rating.js';
import { COMPETENCE_CODES, goalSchema, GOAL_KINDS, KEY_COMPETENCES } from './goal.js';
import { phaseSchema } from './phase.js';
import { PROJECT_RECORD_ID, projectSchema } from './project.js';
import { isSafeUrl } from './text.js';

const envelope = (collection: string) => ({
  id: 'rec-1',
  space: 'space-1',
  collection,
  rev: '1-abc123',
  schemaVersion: 1,
  createdAt: '2026-03-01T10:00:00.000Z',
  updatedAt: '2026-03-01T10:00:00.000Z',
  author: { id: 'u1', name: 'Ana', school: 'IES Cervantes' },
  status: 'published',
  phase: 'preparation',
});

const validGlossary = () => ({
  ...envelope('glossary'),
  translations: {
    en: { term: 'Tide', definition: 'The rise and fall of the sea.', aliases: ['tides'] },
    es: { term: 'Marea', example: 'La marea sube.' },
    'pt-BR': { term: 'Maré' },
  },
  category: 'Nature',
  tags: ['sea'],
});
const validBoard = () => ({
  ...envelope('board'),
  schemaVersion: 2,
  kind: 'link',
  section: 'links',
  position: 'a0',
  title: 'Our town',
  url: 'https://example.org/town',
  pinned: true,
  color: 'blue',
  tags: ['town', 'history'],
});
/** A valid post of each kind: what each needs, and nothing more. */
const boardOfKind = {
  text: () => ({ ...validBoard(), kind: 'text', url: undefined, title: undefined, body: '<p>The harbour at <strong>dawn</strong>.</p>' }),
  link: validBoard,
  image: () => ({ ...validBoard(), kind: 'image', url: undefined, attachment: 'att-1', thumbnail: 'att-1-small', alt: 'Boats in the harbour', file: { name: 'boats.jpg', type: 'image/jpeg', size: 120_000, width: 1600, height: 1200 } }),
  video: () => ({ ...validBoard(), kind: 'video', url: 'https://example.org/clip' }),
  file: () => ({ ...validBoard(), kind: 'file', url: undefined, attachment: 'att-2', file: { name: 'plan.docx', type: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', size: 8_000 } }),
};
const validSection = () => {
  const { phase: _phase, ...rest } = envelope('board-section');
  return { ...rest, name: 'Day one', position: 'a0' };
};
const validBoardSettings = () => {
  const { phase: _phase, ...rest } = envelope('board-settings');
  return { ...rest, id: BOARD_SETTINGS_ID, layout: 'columns', approval: true };
};
const validJournal = () => ({
  ...envelope('journal'),
  schemaVersion: 2,
  date: '2026-05-04',
  title: 'Day one in Porto',
  body: '<p>We visited the <strong>river</strong>.<br>It was <em>windy</em>.</p><ul><li>boats</li></ul><p><a href="https://example.org/porto">Porto</a></p>',
  language: 'en',
  visibility: 'space',
  answers: { 'what-did-you-learn': 'Some Portuguese words.' },
  confidence: 5,
  learned: 'Obrigado means thank you.',
  media: [
    { attachment: 'att-1', kind: 'image', alt: 'The river at dawn' },
    { attachment: 'att-2', kind: 'audio' },
  ],
  promptSet: 'week-1',
});
const validPromptSet = () => {
  const { phase: _phase, ...rest } = envelope('journal-prompt');
  return {
    ...rest,
    title: 'Our first week',
    prompts: [
      { id: 'q1', text: 'What surprised you?' },
      { id: 'q2', text: 'What will you try next?' },
    ],
    schedule: { from: '2026-05-04', to: '2026-05-10' },
    order: 1,
  };
};
const validFeedback = () => ({ ...envelope('journal-feedback'), target: 'rec-9', kind: 'wonder', body: 'I wonder what the boats carry.' });
const validNote = () => {
  const { phase: _phase, ...rest } = envelope('journal-note');
  return { ...rest, pupil: 'u2', body: 'Lovely photos this week. Try adding what you learned.', week: '2026-05-04', entry: 'rec-9' };
};
const validJournalSettings = () => {
  const { phase: _phase, ...rest } = envelope('journal-settings');
  return { ...rest, id: JOURNAL_SETTINGS_ID, feedbackApproval: true };
};
const validPhase = () => ({
  ...envelope('phase'),
  name: 'Mobility',
  order: 2,
  startsOn: '2026-05-03',
  endsOn: '2026-05-10',
  description: 'A week in Porto.',
});

const validProject = () => {
  const { phase: _phase, ...rest } = envelope('project');
  return { ...rest, id: PROJECT_RECORD_ID, title: 'Coasts we share', currentPhase: 'mobility', travelOut: '2027-03-08', travelBack: '2027-03-14' };
};
const validActivity = () => ({
  ...envelope('activity'),
  phase: 'mobility',
  title: 'Icebreaking',
  description: 'Games to get to know each other.',
  responsible: 'IES Cervantes',
  dueOn: '2027-03-09',
  progress: 'planned',
  widgets: ['glossary', 'board'],
  goals: ['goal-1', 'goal-2'],
  order: 1,
});
const validGoal = () => {
  const { phase: _phase, ...rest } = envelope('goal');
  return { ...rest, title: 'Talk with partners', description: 'In each other\'s languages.', competence: 'multilingual', order: 1 };
};
const validRating = (goal = 'goal-1', moment: 'before' | 'after' = 'before', value = 4) => {
  const { phase: _phase, ...rest } = envelope('goal-rating');
  return { ...rest, id: ratingId(goal, moment, rest.author.id), goal, moment, value };
};

type Schema = { safeParse(value: unknown): { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } } };

/** Issues of a parse as `path: message`, or [] when it succeeds. */
function issuesOf(schema: Schema, value: unknown): { path: string; message: string }[] {
  const parsed = schema.safeParse(value);
  return parsed.success ? [] : parsed.error!.issues.map((issue) => ({ path: issue.path.map(String).join('.'), message: issue.message }));
}

function assertRefused(schema: Schema, value: unknown, path: string, message?: RegExp) {
  const issues = issuesOf(schema, value);
  assert.ok(issues.length > 0, `expected ${path} to be refused, but the record was accepted`);
  const issue = issues.find((candidate) => candidate.path === path);
  assert.ok(issue, `expected an issue at ${path}, got ${JSON.stringify(issues)}`);
  if (message) assert.match(issue.message, message);
}

describe('schemas: envelope', () => {
  it('accepts a full envelope, with or without phase and school, and with a time offset', () => {
    assert.deepEqual(issuesOf(envelopeSchema, envelope('x')), []);
    const { phase: _phase, ...noPhase } = envelope('x');
    assert.deepEqual(issuesOf(envelopeSchema, { ...noPhase, author: { id: 'u1', name: 'Ana' } }), []);
    assert.deepEqual(issuesOf(envelopeSchema, { ...envelope('x'), updatedAt: '2026-03-01T12:00:00+02:00' }), []);
  });

  it('refuses a bad revision, status, schema version, time, or author', () => {
    assertRefused(envelopeSchema, { ...envelope('x'), rev: 'abc' }, 'rev', /revision/);
    assertRefused(envelopeSchema, { ...envelope('x'), status: 'draft' }, 'status');
    assertRefused(envelopeSchema, { ...envelope('x'), schemaVersion: 0 }, 'schemaVersion');
    assertRefused(envelopeSchema, { ...envelope('x'), schemaVersion: 1.5 }, 'schemaVersion');
    assertRefused(envelopeSchema, { ...envelope('x'), createdAt: 'yesterday' }, 'createdAt');
    assertRefused(envelopeSchema, { ...envelope('x'), id: '' }, 'id', /must not be empty/);
    assertRefused(envelopeSchema, { ...envelope('x'), id: 'x'.repeat(LIMITS.id + 1) }, 'id', /too long/);
    assertRefused(envelopeSchema, { ...envelope('x'), author: { id: 'u1', name: '' } }, 'author.name', /must not be empty/);
    assertRefused(envelopeSchema, { ...envelope('x'), author: { name: 'Ana' } }, 'author.id');
  });

  it('keeps unknown fields (written by a newer version) at every level', () => {
    const parsed = envelopeSchema.parse({ ...envelope('x'), future: { a: 1 }, author: { id: 'u1', name: 'Ana', avatar: 'cat' } });
    assert.deepEqual(parsed.future, { a: 1 });
    assert.equal((parsed.author as Record<string, unknown>).avatar, 'cat');
  });
});

describe('schemas: glossary', () => {
  it('accepts a valid multilingual entry and keeps unknown fields', () => {
    const entry = { ...validGlossary(), futureField: 'kept' };
    entry.translations.en = { ...entry.translations.en, pronunciation: 'taɪd' } as typeof entry.translations.en;
    const parsed = glossaryEntrySchema.safeParse(entry);
    assert.ok(parsed.success, JSON.stringify(parsed.error?.issues));
    assert.equal(parsed.data.futureField, 'kept');
    assert.equal((parsed.data.translations.en as Record<string, unknown>).pronunciation, 'taɪd');
  });

  it('refuses an empty term, a missing term, and no languages at all', () => {
    assertRefused(glossaryEntrySchema, { ...validGlossary(), translations: { en: { term: '' } } }, 'translations.en.term', /must not be empty/);
    assertRefused(glossaryEntrySchema, { ...validGlossary(), translations: { en: { definition: 'no term' } } }, 'translations.en.term');
    assertRefused(glossaryEntrySchema, { ...validGlossary(), translations: {} }, 'translations', /at least one language/);
    const { translations: _t, ...noTranslations } = validGlossary();
    assertRefused(glossaryEntrySchema, noTranslations, 'translations');
  });

  it('refuses a language code such as "english!" with a readable message', () => {
    assertRefused(glossaryEntrySchema, { ...validGlossary(), translations: { 'english!': { term: 'Tide' } } }, 'translations.english!');
    // What a teacher reads (the store reports issues through checkRecord/describeIssues).
    const checked = checkRecord(
      { ...validGlossary(), translations: { 'english!': { term: 'Tide' } } },
      builtInCollections.glossary,
    );
    assert.equal(checked.ok, false);
    if (!checked.ok) assert.match(describeIssues(checked.issues), /translations\.english! must be a language code/);
  });

  it('refuses text over the limits and control characters', () => {
    const long = 'x'.repeat(LIMITS.shortText + 1);
    assertRefused(glossaryEntrySchema, { ...validGlossary(), translations: { en: { term: long } } }, 'translations.en.term', /at most 300 characters/);
    assert.deepEqual(issuesOf(glossaryEntrySchema, { ...validGlossary(), translations: { en: { term: 'x'.repeat(LIMITS.shortText) } } }), []);
    assertRefused(
      glossaryEntrySchema,
      { ...validGlossary(), translations: { en: { term: 'Tide', definition: 'x'.repeat(LIMITS.longText + 1) } } },
      'translations.en.definition',
      /at most 20,000 characters/,
    );
    assertRefused(glossaryEntrySchema, { ...validGlossary(), translations: { en: { term: 'Ti\u0007de' } } }, 'translations.en.term', /control characters/);
    // Tabs and newlines are ordinary text.
    assert.deepEqual(issuesOf(glossaryEntrySchema, { ...validGlossary(), translations: { en: { term: 'Tide', definition: 'a\tb\r\nc' } } }), []);
    assertRefused(glossaryEntrySchema, { ...validGlossary(), tags: Array.from({ length: LIMITS.tags + 1 }, (_, i) => `t${i}`) }, 'tags');
  });
});

describe('schemas: board', () => {
  it('accepts a valid post of each kind', () => {
    assert.deepEqual([...BOARD_POST_KINDS], Object.keys(boardOfKind));
    for (const [kind, valid] of Object.entries(boardOfKind)) assert.deepEqual(issuesOf(boardPostSchema, valid()), [], kind);
    assert.deepEqual(issuesOf(boardPostSchema, { ...validBoard(), url: 'mailto:teacher@example.org' }), []);
    assert.deepEqual(issuesOf(boardPostSchema, { ...validBoard(), url: 'http://example.org' }), []);
    assert.deepEqual(issuesOf(boardPostSchema, { ...boardOfKind.video(), url: undefined, attachment: 'clip-1' }), [], 'a video from a file');
    assert.deepEqual(issuesOf(boardPostSchema, { ...boardOfKind.text(), body: undefined, title: 'Just a title' }), [], 'a text of a title only');
  });

  it('says what each kind needs, on the field to fill in', () => {
    assertRefused(boardPostSchema, { ...boardOfKind.image(), alt: undefined }, 'alt', /^an image needs a description \(alt text\)$/);
    assertRefused(boardPostSchema, { ...boardOfKind.image(), alt: '   ' }, 'alt', /needs a description/);
    assertRefused(boardPostSchema, { ...boardOfKind.image(), attachment: undefined }, 'attachment', /an image needs a picture/);
    assertRefused(boardPostSchema, { ...validBoard(), url: undefined }, 'url', /a link needs a web address/);
    assertRefused(boardPostSchema, { ...boardOfKind.video(), url: undefined }, 'attachment', /a video needs a clip \(attachment\) or a link \(url\)/);
    assertRefused(boardPostSchema, { ...boardOfKind.file(), attachment: undefined }, 'attachment', /a file post needs a file/);
    assertRefused(boardPostSchema, { ...boardOfKind.text(), body: undefined }, 'title', /a text post needs a title or some text/);
    assertRefused(boardPostSchema, { ...boardOfKind.text(), body: '<p> </p><br>', title: '  ' }, 'title', /needs a title or some text/);
  });

  it('refuses data:, javascript: and other non-http links', () => {
    assertRefused(boardPostSchema, { ...validBoard(), url: 'data:text/html,<script>alert(1)</script>' }, 'url', /http\(s\) or mailto/);
    assertRefused(boardPostSchema, { ...validBoard(), url: 'javascript:alert(1)' }, 'url', /http\(s\) or mailto/);
    assertRefused(boardPostSchema, { ...validBoard(), url: ' JavaScript:alert(1)' }, 'url');
    assertRefused(boardPostSchema, { ...validBoard(), url: 'ftp://example.org/file' }, 'url');
    assertRefused(boardPostSchema, { ...validBoard(), url: 'not a url' }, 'url');
    assertRefused(boardPostSchema, { ...validBoard(), url: `https://example.org/${'a'.repeat(LIMITS.url)}` }, 'url', /too long/);
  });

  it('refuses code in the body as the journal does; a title is plain text, kept as typed', () => {
    for (const body of ['<p>hi</p><script>alert(1)</script>', '<img src=x onerror=alert(1)>', '<a href="javascript:alert(1)">x</a>']) {
      assertRefused(boardPostSchema, { ...boardOfKind.text(), body }, 'body', /^contains code or unsafe links/);
    }
    assert.deepEqual(issuesOf(boardPostSchema, { ...boardOfKind.text(), title: '<b>Bold?</b> <script>no</script>' }), []);
  });

  it('refuses an unknown kind, an empty section, a position that is not a key, and a colour not in the palette', () => {
    assertRefused(boardPostSchema, { ...validBoard(), kind: 'poll' }, 'kind', /must be one of: text, link, image, video, file/);
    assertRefused(boardPostSchema, { ...validBoard(), section: '' }, 'section', /must not be empty/);
    for (const position of ['', 'a 0', 'a-0', 'ä0', 'a'.repeat(65)]) assertRefused(boardPostSchema, { ...validBoard(), position }, 'position', /position key/);
    assert.deepEqual(issuesOf(boardPostSchema, { ...validBoard(), position: 'Zz09'.repeat(16) }), []);
    for (const color of BOARD_COLORS) assert.deepEqual(issuesOf(boardPostSchema, { ...validBoard(), color }), [], color);
    assertRefused(boardPostSchema, { ...validBoard(), color: 'light-blue' }, 'color', /colour label: yellow, green/);
    assertRefused(boardPostSchema, { ...validBoard(), color: 'red; background: url(x)' }, 'color', /colour label/);
    assertRefused(boardPostSchema, { ...validBoard(), pinned: 'yes' }, 'pinned', /true or false/);
  });

  it('takes at most 8 tags of 1 to 40 plain characters', () => {
    assert.equal(BOARD_TAGS_MAX, 8);
    assert.equal(BOARD_TAG_MAX_LENGTH, 40);
    const tags = Array.from({ length: BOARD_TAGS_MAX }, (_, i) => `tag ${i}`);
    assert.deepEqual(issuesOf(boardPostSchema, { ...validBoard(), tags }), []);
    assertRefused(boardPostSchema, { ...validBoard(), tags: [...tags, 'one more'] }, 'tags', /too many tags: at most 8/);
    assertRefused(boardPostSchema, { ...validBoard(), tags: ['x'.repeat(41)] }, 'tags.0', /too long: at most 40/);
    assertRefused(boardPostSchema, { ...validBoard(), tags: [''] }, 'tags.0', /must not be empty/);
    assertRefused(boardPostSchema, { ...validBoard(), tags: ['a\u0007b'] }, 'tags.0', /control characters/);
    assertRefused(boardPostSchema, { ...validBoard(), tags: 'town' }, 'tags', /list of tags/);
  });

  it('describes the uploaded file: a name, its type, a size in bytes, and whole sizes in pixels', () => {
    const file = boardOfKind.file().file;
    assertRefused(boardPostSchema, { ...boardOfKind.file(), file: { ...file, name: ' ' } }, 'file.name', /must not be empty/);
    assertRefused(boardPostSchema, { ...boardOfKind.file(), file: { ...file, size: -1 } }, 'file.size', /must not be negative/);
    assertRefused(boardPostSchema, { ...boardOfKind.file(), file: { ...file, width: 10.5 } }, 'file.width', /whole number/);
    assertRefused(boardPostSchema, { ...boardOfKind.file(), file: { ...file, type: 'x'.repeat(101) } }, 'file.type', /too long/);
    assertRefused(boardPostSchema, { ...boardOfKind.file(), file: { name: 'a.pdf', type: 'application/pdf' } }, 'file.size');
    assert.deepEqual(issuesOf(boardPostSchema, { ...boardOfKind.file(), file: { ...file, type: '' } }), [], 'a type the browser did not know');
  });

  it('opens a version-1 post: the plain body becomes rich text, a colour not in the palette is dropped, the rest is kept', () => {
    const v1 = { ...boardOfKind.text(), schemaVersion: 1, body: 'Boats < ships & <script>x</script>\n\nSee javascript: later', color: 'light-blue', title: 'Kept', future: 1 };
    const checked = checkRecord<Record<string, unknown>>(v1, builtInCollections.board);
    assert.ok(checked.ok, JSON.stringify(!checked.ok && checked.issues));
    assert.equal(checked.record.schemaVersion, 2);
    assert.equal(checked.record.body, '<p>Boats &lt; ships &amp; &lt;script&gt;x&lt;/script&gt;</p><p>See javascript&#58; later</p>');
    assert.equal('color' in checked.record, false);
    assert.deepEqual([checked.record.title, checked.record.future, checked.record.tags], ['Kept', 1, ['town', 'history']]);
    assert.equal(migrateBoardV1({ color: 'green', body: ' ' }).color, 'green');
    assert.equal('body' in migrateBoardV1({ color: 'green', body: ' ' }), false);
    assert.equal(builtInCollections.board.migrations?.[1], migrateBoardV1);
  });

  it('says which language a post and a comment are written in, checked as a journal entry’s, and still opens those written without', () => {
    const comment = { ...envelope('board-comment'), target: 'post-1', body: '¡Qué bonito!' };
    for (const language of ['es', 'pt-BR', 'sr-Latn']) {
      assert.deepEqual(issuesOf(boardPostSchema, { ...validBoard(), language }), [], language);
      assert.deepEqual(issuesOf(commentSchema, { ...comment, language }), [], language);
    }
    assertRefused(boardPostSchema, { ...validBoard(), language: 'español' }, 'language', /language code/);
    assertRefused(commentSchema, { ...comment, language: 'es"><script>' }, 'language', /language code/);
    assertRefused(commentSchema, { ...comment, language: 7 }, 'language');
    // Records from before: no language, no migration, no issue.
    assert.deepEqual(issuesOf(boardPostSchema, validBoard()), []);
    assert.deepEqual(issuesOf(commentSchema, comment), []);
    const v2 = checkRecord<Record<string, unknown>>({ ...validBoard(), schemaVersion: 2 }, builtInCollections.board);
    assert.ok(v2.ok && !('language' in v2.record));
  });

  it('has sections with a name and a position, reactions of a small set, flags with an optional reason, and one settings record', () => {
    assert.deepEqual(issuesOf(boardSectionSchema, validSection()), []);
    assertRefused(boardSectionSchema, { ...validSection(), name: ' ' }, 'name', /must not be empty/);
    assertRefused(boardSectionSchema, { ...validSection(), position: 'a.0' }, 'position', /position key/);
    const reaction = { ...envelope('board-reaction'), target: 'post-1', kind: 'clap' };
    for (const kind of BOARD_REACTIONS) assert.deepEqual(issuesOf(boardReactionSchema, { ...reaction, kind }), [], kind);
    assertRefused(boardReactionSchema, { ...reaction, kind: 'helpful' }, 'kind', /must be one of: like, love, clap, idea/);
    assertRefused(boardReactionSchema, { ...reaction, target: '' }, 'target', /must name a board post/);
    const flag = { ...envelope('board-flag'), target: 'post-1' };
    assert.deepEqual(issuesOf(boardFlagSchema, flag), []);
    assert.deepEqual(issuesOf(boardFlagSchema, { ...flag, reason: 'Names a classmate' }), []);
    assertRefused(boardFlagSchema, { ...flag, reason: 'x'.repeat(LIMITS.shortText + 1) }, 'reason', /too long/);
    assert.deepEqual(issuesOf(boardSettingsSchema, validBoardSettings()), []);
    for (const layout of BOARD_LAYOUTS) assert.deepEqual(issuesOf(boardSettingsSchema, { ...validBoardSettings(), layout }), [], layout);
    assertRefused(boardSettingsSchema, { ...validBoardSettings(), id: 'other' }, 'id', /must be "board-settings"/);
    assertRefused(boardSettingsSchema, { ...validBoardSettings(), layout: 'grid' }, 'layout', /must be one of: wall, columns, timeline, stream/);
    assertRefused(boardSettingsSchema, { ...validBoardSettings(), approval: 'yes' }, 'approval', /true or false/);
  });
});

describe('schemas: journal', () => {
  it('accepts a valid entry, with confidence 1 to 5, and a minimal one', () => {
    assert.deepEqual(issuesOf(journalEntrySchema, validJournal()), []);
    for (const confidence of [1, 2, 3, 4, 5]) assert.deepEqual(issuesOf(journalEntrySchema, { ...validJournal(), confidence }), [], `confidence ${confidence}`);
    const { confidence: _c, body: _b, answers: _a, language: _l, learned: _le, media: _m, promptSet: _p, ...minimal } = validJournal();
    assert.deepEqual(issuesOf(journalEntrySchema, minimal), []);
  });

  it('refuses a confidence of 6, 0 or 2.5, saying the scale', () => {
    assertRefused(journalEntrySchema, { ...validJournal(), confidence: 6 }, 'confidence', /^must be a whole number from 1 to 5$/);
    assertRefused(journalEntrySchema, { ...validJournal(), confidence: 0 }, 'confidence', /from 1 to 5/);
    assertRefused(journalEntrySchema, { ...validJournal(), confidence: 2.5 }, 'confidence', /whole number/);
  });

  it('refuses a body with a script, an event handler or a javascript: link, whatever the case or spacing', () => {
    for (const body of [
      '<p>hi</p><script>alert(1)</script>',
      '<SCRIPT src="x"></SCRIPT>',
      '<img src="x" onerror="alert(1)">',
      '<p ONMOUSEOVER = "x">hover</p>',
      '<svg/onload=alert(1)>',
      '<a href="javascript:alert(1)">x</a>',
      '<a href="JaVaScRiPt:alert(1)">x</a>',
      '<a href="java\tscript:alert(1)">x</a>',
      '<a href=" java script:alert(1)">x</a>',
    ]) {
      assert.equal(hasUnsafeMarkup(body), true, body);
      assertRefused(journalEntrySchema, { ...validJournal(), body }, 'body', /^contains code or unsafe links: only bold, italic, lists and http\(s\) links are kept$/);
    }
  });

  it('accepts prose that only looks like code: "money=5", "on time", "<3" escaped', () => {
    for (const body of ['<p>money=5 and bonus=2</p>', '<p>We left on time=9:00</p>', '<p>I &lt;3 Porto</p>', '<p>javascript is a language</p>']) {
      assert.equal(hasUnsafeMarkup(body), false, body);
      assert.deepEqual(issuesOf(journalEntrySchema, { ...validJournal(), body }), [], body);
    }
  });

  it('needs a description for each image, and at most 6 files of a known kind', () => {
    assertRefused(journalEntrySchema, { ...validJournal(), media: [{ attachment: 'a', kind: 'image' }] }, 'media.0.alt', /^an image needs a description \(alt text\)$/);
    assertRefused(journalEntrySchema, { ...validJournal(), media: [{ attachment: 'a', kind: 'image', alt: '   ' }] }, 'media.0.alt', /needs a description/);
    assert.deepEqual(issuesOf(journalEntrySchema, { ...validJournal(), media: [{ attachment: 'a', kind: 'video' }] }), [], 'a video needs no alt text');
    const seven = Array.from({ length: 7 }, (_, i) => ({ attachment: `a${i}`, kind: 'audio' }));
    assertRefused(journalEntrySchema, { ...validJournal(), media: seven }, 'media', /too many files: at most 6/);
    assert.deepEqual(issuesOf(journalEntrySchema, { ...validJournal(), media: seven.slice(0, 6) }), []);
    assertRefused(journalEntrySchema, { ...validJournal(), media: [{ attachment: 'a', kind: 'pdf' }] }, 'media.0.kind', /must be one of: image, audio, video/);
    assertRefused(journalEntrySchema, { ...validJournal(), media: [{ attachment: '', kind: 'audio' }] }, 'media.0.attachment', /must not be empty/);
    assertRefused(journalEntrySchema, { ...validJournal(), learned: 'x'.repeat(LIMITS.shortText + 1) }, 'learned', /too long/);
    assertRefused(journalEntrySchema, { ...validJournal(), promptSet: '' }, 'promptSet', /must not be empty/);
  });

  it('opens a version-1 entry: rating becomes confidence, the plain body becomes rich text', () => {
    const v1 = { ...validJournal(), schemaVersion: 1, rating: 3, body: 'We saw 3 < 5 boats & a ship.\nWindy.\n\nSee javascript: later', confidence: undefined };
    delete (v1 as Record<string, unknown>).confidence;
    const checked = checkRecord<Record<string, unknown>>(v1, builtInCollections.journal);
    assert.ok(checked.ok, JSON.stringify(!checked.ok && checked.issues));
    assert.equal(checked.record.schemaVersion, 2);
    assert.equal(checked.record.confidence, 3);
    assert.equal('rating' in checked.record, false);
    assert.equal(checked.record.body, '<p>We saw 3 &lt; 5 boats &amp; a ship.<br>Windy.</p><p>See javascript&#58; later</p>');
    assert.equal(checked.record.title, 'Day one in Porto', 'other fields kept');
  });

  it('migration keeps a confidence already there, drops a blank body, and leaves an over-long escaped body as it was', () => {
    assert.deepEqual(migrateJournalV1({ rating: 2, confidence: 4, body: '  \n ' }), { confidence: 4 });
    const long = '<'.repeat(LIMITS.longText);
    assert.equal(migrateJournalV1({ body: long }).body, long);
    assert.equal(plainTextToJournalHtml('a\r\nb'), '<p>a<br>b</p>');
  });

  it('refuses a bad date, an empty title, an unknown visibility and a bad language code', () => {
    assertRefused(journalEntrySchema, { ...validJournal(), date: '04/05/2026' }, 'date', /date like/);
    assertRefused(journalEntrySchema, { ...validJournal(), date: '2026-02-30' }, 'date', /not a real date/);
    assertRefused(journalEntrySchema, { ...validJournal(), date: '2026-13-01' }, 'date', /not a real date/);
    assert.deepEqual(issuesOf(journalEntrySchema, { ...validJournal(), date: '2028-02-29' }), [], 'a leap day');
    assert.deepEqual(issuesOf(journalEntrySchema, { ...validJournal(), date: '04/05/2026' }).length, 1, 'one issue for a wrong format');
    assertRefused(journalEntrySchema, { ...validJournal(), title: '' }, 'title', /must not be empty/);
    assertRefused(journalEntrySchema, { ...validJournal(), visibility: 'public' }, 'visibility');
    assertRefused(journalEntrySchema, { ...validJournal(), language: 'english!' }, 'language', /language code/);
    assertRefused(journalEntrySchema, { ...validJournal(), answers: { q1: 'x'.repeat(LIMITS.longText + 1) } }, 'answers.q1', /too long/);
  });
});

describe('schemas: journal prompt sets', () => {
  it('accepts a set scheduled by week, by phase, or by a week starting on a day without an end', () => {
    assert.deepEqual(issuesOf(journalPromptSchema, validPromptSet()), []);
    assert.deepEqual(issuesOf(journalPromptSchema, { ...validPromptSet(), schedule: { phase: 'mobility' } }), []);
    assert.deepEqual(issuesOf(journalPromptSchema, { ...validPromptSet(), schedule: { from: '2026-05-04' } }), []);
    assert.deepEqual(issuesOf(journalPromptSchema, { ...validPromptSet(), schedule: { from: '2026-05-04', to: '2026-05-04' } }), [], 'one day');
  });

  it('needs a week or a phase, and a week that does not end before it starts', () => {
    assertRefused(journalPromptSchema, { ...validPromptSet(), schedule: {} }, 'schedule', /^a prompt set needs a week \(from, to\) or a phase$/);
    assertRefused(journalPromptSchema, { ...validPromptSet(), schedule: { to: '2026-05-10' } }, 'schedule', /needs a week/);
    assertRefused(journalPromptSchema, { ...validPromptSet(), schedule: { from: '2026-05-10', to: '2026-05-04' } }, 'schedule.to', /^the schedule ends before it starts$/);
    assertRefused(journalPromptSchema, { ...validPromptSet(), schedule: { from: '2026-02-30' } }, 'schedule.from', /not a real date/);
    assertRefused(journalPromptSchema, { ...validPromptSet(), schedule: { phase: '' } }, 'schedule.phase', /must not be empty/);
  });

  it('needs 1 to 10 prompts, each with an id of its own and a text', () => {
    assertRefused(journalPromptSchema, { ...validPromptSet(), prompts: [] }, 'prompts', /needs at least one prompt/);
    const eleven = Array.from({ length: MAX_PROMPTS + 1 }, (_, i) => ({ id: `q${i}`, text: `Question ${i}?` }));
    assertRefused(journalPromptSchema, { ...validPromptSet(), prompts: eleven }, 'prompts', /too many prompts: at most 10/);
    assert.deepEqual(issuesOf(journalPromptSchema, { ...validPromptSet(), prompts: eleven.slice(1) }), []);
    const twice = [{ id: 'q1', text: 'One?' }, { id: 'q2', text: 'Two?' }, { id: 'q1', text: 'Three?' }];
    assertRefused(journalPromptSchema, { ...validPromptSet(), prompts: twice }, 'prompts.2.id', /^is used by another prompt of this set: give each prompt its own id$/);
    assertRefused(journalPromptSchema, { ...validPromptSet(), prompts: [{ id: 'q1', text: ' ' }] }, 'prompts.0.text', /must not be empty/);
    assertRefused(journalPromptSchema, { ...validPromptSet(), title: '' }, 'title', /must not be empty/);
    assertRefused(journalPromptSchema, { ...validPromptSet(), order: 'first' }, 'order', /must be a number/);
  });
});

describe('schemas: journal feedback, notes and settings', () => {
  it('accepts feedback of each kind, and refuses an unknown kind, an empty or too long body, no target', () => {
    for (const kind of FEEDBACK_KINDS) assert.deepEqual(issuesOf(journalFeedbackSchema, { ...validFeedback(), kind }), [], kind);
    assert.deepEqual([...FEEDBACK_KINDS], ['liked', 'wonder', 'next', 'comment']);
    assertRefused(journalFeedbackSchema, { ...validFeedback(), kind: 'love' }, 'kind', /must be one of: liked, wonder, next, comment/);
    assertRefused(journalFeedbackSchema, { ...validFeedback(), body: '  ' }, 'body', /must not be empty/);
    assertRefused(journalFeedbackSchema, { ...validFeedback(), body: 'x'.repeat(2001) }, 'body', /at most 2,000 characters/);
    assertRefused(journalFeedbackSchema, { ...validFeedback(), target: '' }, 'target', /must name a journal entry/);
  });

  it('accepts a note to a pupil; its week must be a Monday', () => {
    assert.deepEqual(issuesOf(journalNoteSchema, validNote()), []);
    const { week: _w, entry: _e, ...minimal } = validNote();
    assert.deepEqual(issuesOf(journalNoteSchema, minimal), []);
    assertRefused(journalNoteSchema, { ...validNote(), week: '2026-05-05' }, 'week', /must be a Monday/);
    assertRefused(journalNoteSchema, { ...validNote(), pupil: '' }, 'pupil', /must not be empty/);
    assertRefused(journalNoteSchema, { ...validNote(), body: '' }, 'body', /must not be empty/);
    const { pupil: _p, ...noPupil } = validNote();
    assertRefused(journalNoteSchema, noPupil, 'pupil', /is missing/);
  });

  it('keeps the journal settings in one record, with feedbackApproval true or false', () => {
    assert.deepEqual(issuesOf(journalSettingsSchema, validJournalSettings()), []);
    assert.deepEqual(issuesOf(journalSettingsSchema, { ...validJournalSettings(), feedbackApproval: false }), []);
    assertRefused(journalSettingsSchema, { ...validJournalSettings(), id: 'other' }, 'id', /must be "settings"/);
    assertRefused(journalSettingsSchema, { ...validJournalSettings(), feedbackApproval: 'yes' }, 'feedbackApproval', /must be true or false/);
  });
});

describe('schemas: phase', () => {
  it('accepts a valid phase, a one-day phase, and a phase without dates', () => {
    assert.deepEqual(issuesOf(phaseSchema, validPhase()), []);
    assert.deepEqual(issuesOf(phaseSchema, { ...validPhase(), endsOn: '2026-05-03' }), []);
    const { startsOn: _s, endsOn: _e, ...undated } = validPhase();
    assert.deepEqual(issuesOf(phaseSchema, undated), []);
    assert.deepEqual(issuesOf(phaseSchema, { ...undated, endsOn: '2026-01-01' }), []);
  });

  it('refuses a phase that ends before it starts', () => {
    assertRefused(phaseSchema, { ...validPhase(), startsOn: '2026-05-10', endsOn: '2026-05-03' }, 'endsOn', /ends before it starts/);
    assertRefused(phaseSchema, { ...validPhase(), startsOn: '2026-01-01', endsOn: '2025-12-31' }, 'endsOn', /ends before it starts/);
  });

  it('refuses an empty name, a missing order and a bad date', () => {
    assertRefused(phaseSchema, { ...validPhase(), name: '' }, 'name', /must not be empty/);
    const { order: _o, ...noOrder } = validPhase();
    assertRefused(phaseSchema, noOrder, 'order');
    assertRefused(phaseSchema, { ...validPhase(), order: Number.NaN }, 'order');
    assertRefused(phaseSchema, { ...validPhase(), startsOn: 'May 3rd' }, 'startsOn', /date like/);
    assertRefused(phaseSchema, { ...validPhase(), endsOn: '2026-05-32' }, 'endsOn', /not a real date/);
  });
});

describe('schemas: phase archived', () => {
  it('accepts archived true or false, and refuses anything else', () => {
    assert.deepEqual(issuesOf(phaseSchema, { ...validPhase(), archived: true }), []);
    assert.deepEqual(issuesOf(phaseSchema, { ...validPhase(), archived: false }), []);
    assertRefused(phaseSchema, { ...validPhase(), archived: 'yes' }, 'archived');
  });
});

describe('schemas: project settings', () => {
  it('accepts the settings record, also with no field set, and travel out and back on one day', () => {
    assert.deepEqual(issuesOf(projectSchema, validProject()), []);
    const { title: _t, currentPhase: _c, travelOut: _o, travelBack: _b, ...bare } = validProject();
    assert.deepEqual(issuesOf(projectSchema, bare), []);
    assert.deepEqual(issuesOf(projectSchema, { ...validProject(), travelBack: '2027-03-08' }), []);
  });

  it('refuses travel back before travel out, on travelBack', () => {
    assertRefused(projectSchema, { ...validProject(), travelBack: '2027-03-07' }, 'travelBack', /travel back is before travel out/);
  });

  it('refuses another id than "settings", a bad date, a too long title and an empty current phase', () => {
    assert.equal(PROJECT_RECORD_ID, 'settings');
    assertRefused(projectSchema, { ...validProject(), id: 'other' }, 'id', /must be "settings"/);
    assertRefused(projectSchema, { ...validProject(), travelOut: '8 March' }, 'travelOut', /date like/);
    assertRefused(projectSchema, { ...validProject(), title: 'x'.repeat(LIMITS.shortText + 1) }, 'title', /too long/);
    assertRefused(projectSchema, { ...validProject(), currentPhase: '' }, 'currentPhase', /must not be empty/);
    assertRefused(projectSchema, { ...validProject(), currentPhase: 'p'.repeat(LIMITS.id + 1) }, 'currentPhase', /too long/);
  });
});

describe('schemas: activity', () => {
  it('accepts a full activity and a minimal one', () => {
    assert.deepEqual(issuesOf(activitySchema, validActivity()), []);
    const { description: _d, responsible: _r, dueOn: _o, widgets: _w, goals: _g, ...minimal } = validActivity();
    assert.deepEqual(issuesOf(activitySchema, minimal), []);
    assert.deepEqual(ACTIVITY_STATUSES, ['planned', 'in-progress', 'done']);
    assert.deepEqual(LINKABLE_WIDGETS, ['glossary', 'board', 'journal']);
  });

  it('requires a phase', () => {
    const { phase: _p, ...noPhase } = validActivity();
    assertRefused(activitySchema, noPhase, 'phase', /an activity must belong to a phase/);
  });

  it('keeps its own progress apart from the envelope status', () => {
    for (const progress of ACTIVITY_STATUSES) assert.deepEqual(issuesOf(activitySchema, { ...validActivity(), progress }), []);
    assertRefused(activitySchema, { ...validActivity(), progress: 'finished' }, 'progress', /must be one of: planned, in-progress, done/);
    assertRefused(activitySchema, { ...validActivity(), status: 'done' }, 'status');
  });

  it('refuses an empty title, a missing order, an unknown widget, too many widgets or goals, and a bad due date', () => {
    assertRefused(activitySchema, { ...validActivity(), title: ' ' }, 'title', /must not be empty/);
    const { order: _o, ...noOrder } = validActivity();
    assertRefused(activitySchema, noOrder, 'order', /^is missing$/);
    assertRefused(activitySchema, { ...validActivity(), order: 'first' }, 'order', /must be a number/);
    const { title: _t, ...noTitle } = validActivity();
    assertRefused(activitySchema, noTitle, 'title', /^is missing$/);
    assertRefused(activitySchema, { ...validActivity(), title: 7 }, 'title', /must be text/);
    assertRefused(activitySchema, { ...validActivity(), widgets: ['forum'] }, 'widgets.0', /must be one of: glossary, board, journal/);
    assertRefused(activitySchema, { ...validActivity(), widgets: ['board', 'board', 'board', 'board'] }, 'widgets', /at most 3/);
    assertRefused(activitySchema, { ...validActivity(), goals: Array.from({ length: 51 }, (_, i) => `g${i}`) }, 'goals', /at most 50/);
    assert.deepEqual(issuesOf(activitySchema, { ...validActivity(), goals: Array.from({ length: 50 }, (_, i) => `g${i}`) }), []);
    assertRefused(activitySchema, { ...validActivity(), goals: [''] }, 'goals.0', /must not be empty/);
    assertRefused(activitySchema, { ...validActivity(), dueOn: '2027-02-30' }, 'dueOn', /not a real date/);
    assertRefused(activitySchema, { ...validActivity(), responsible: 'x'.repeat(LIMITS.shortText + 1) }, 'responsible', /too long/);
  });
});

describe('schemas: learning goal', () => {
  it('knows the eight key competences of 2018, and the project and vocational kinds', () => {
    assert.equal(KEY_COMPETENCES.length, 8);
    assert.deepEqual(GOAL_KINDS, ['project', 'vocational']);
    assert.deepEqual(COMPETENCE_CODES, [...KEY_COMPETENCES, 'project', 'vocational']);
    for (const competence of COMPETENCE_CODES) assert.deepEqual(issuesOf(goalSchema, { ...validGoal(), competence }), [], competence);
  });

  it('refuses an unknown competence with a message listing the valid codes', () => {
    const issues = issuesOf(goalSchema, { ...validGoal(), competence: 'maths' });
    assert.equal(issues.length, 1);
    assert.equal(issues[0].path, 'competence');
    for (const code of COMPETENCE_CODES) assert.ok(issues[0].message.includes(code), `the message names ${code}: ${issues[0].message}`);
  });

  it('refuses an empty title and a missing order', () => {
    assertRefused(goalSchema, { ...validGoal(), title: '' }, 'title', /must not be empty/);
    const { order: _o, ...noOrder } = validGoal();
    assertRefused(goalSchema, noOrder, 'order');
  });
});

describe('schemas: self-rating', () => {
  it('accepts every whole value of the scale, before and after', () => {
    assert.deepEqual(RATING_SCALE, { min: 1, max: 5 });
    assert.deepEqual(RATING_MOMENTS, ['before', 'after']);
    for (const moment of RATING_MOMENTS) {
      for (let value = RATING_SCALE.min; value <= RATING_SCALE.max; value++) assert.deepEqual(issuesOf(goalRatingSchema, validRating('goal-1', moment, value)), []);
    }
  });

  it('refuses a value outside the scale or not whole, saying so', () => {
    for (const value of [0, 6, 2.5, Number.NaN, '3']) {
      assertRefused(goalRatingSchema, { ...validRating(), value }, 'value', /must be a whole number from 1 to 5/);
    }
  });

  it('refuses an unknown moment and a missing goal', () => {
    assertRefused(goalRatingSchema, { ...validRating(), moment: 'during' }, 'moment', /before, after/);
    const { goal: _g, ...noGoal } = validRating();
    assertRefused(goalRatingSchema, noGoal, 'goal');
  });

  it('refuses a rating whose id is not the one of its pupil, goal and moment', () => {
    assertRefused(goalRatingSchema, { ...validRating(), id: 'random-id' }, 'id', /one self-rating per goal/);
    assertRefused(goalRatingSchema, { ...validRating('goal-1', 'before'), moment: 'after' }, 'id');
    assertRefused(goalRatingSchema, { ...validRating(), author: { id: 'someone-else', name: 'Bruno' } }, 'id');
  });
});

describe('ratingId', () => {
  it('is the same for the same goal, moment and pupil, and differs when any of them differs', () => {
    assert.equal(ratingId('g1', 'before', 'u1'), ratingId('g1', 'before', 'u1'));
    const ids = new Set([
      ratingId('g1', 'before', 'u1'),
      ratingId('g1', 'after', 'u1'),
      ratingId('g2', 'before', 'u1'),
      ratingId('g1', 'before', 'u2'),
      // Separators inside ids cannot make two different triples meet.
      ratingId('a.b', 'before', 'c'),
      ratingId('a', 'before', 'b.c'),
    ]);
    assert.equal(ids.size, 6);
  });

  it('stays within the id limit for long ids, still one per triple, and valid for the schema', () => {
    const long = 'g'.repeat(LIMITS.id);
    const user = 'u'.repeat(LIMITS.id);
    const a = ratingId(long, 'before', user);
    const b = ratingId(long, 'before', `${user.slice(1)}v`);
    const c = ratingId(long, 'after', user);
    for (const id of [a, b, c]) assert.ok(id.length <= LIMITS.id && id.length > 0, id);
    assert.equal(new Set([a, b, c]).size, 3);
    assert.equal(a, ratingId(long, 'before', user));
    // The longest readable id is kept as it is; one character more is hashed.
    const fits = ratingId('g', 'before', 'u'.repeat(LIMITS.id - 'before.1.g.'.length));
    assert.equal(fits.length, LIMITS.id);
    assert.ok(fits.endsWith('u'));
    assert.match(ratingId('g', 'before', 'u'.repeat(LIMITS.id - 'before.1.g.'.length + 1)), /^before\.h\.[0-9a-f]{32}$/);
  });
});

describe('schemas: built-in collections', () => {
  it('registers every built-in collection with its schema, at version 1 (the journal and the board at 2)', () => {
    assert.deepEqual(Object.keys(builtInCollections).sort(), [
      'activity',
      'board',
      'board-comment',
      'board-flag',
      'board-reaction',
      'board-section',
      'board-settings',
      'glossary',
      'glossary-comment',
      'glossary-reaction',
      'goal',
      'goal-rating',
      'journal',
      'journal-feedback',
      'journal-note',
      'journal-prompt',
      'journal-settings',
      'phase',
      'project',
    ]);
    assert.equal(builtInCollections['journal-prompt'].schema, journalPromptSchema);
    assert.equal(builtInCollections['journal-feedback'].schema, journalFeedbackSchema);
    assert.equal(builtInCollections['journal-note'].schema, journalNoteSchema);
    assert.equal(builtInCollections['journal-settings'].schema, journalSettingsSchema);
    assert.equal(builtInCollections.project.schema, projectSchema);
    assert.equal(builtInCollections.activity.schema, activitySchema);
    assert.equal(builtInCollections.goal.schema, goalSchema);
    assert.equal(builtInCollections['goal-rating'].schema, goalRatingSchema);
    assert.equal(builtInCollections['glossary-comment'].schema, commentSchema);
    assert.equal(builtInCollections['glossary-reaction'].schema, reactionSchema);
    assert.equal(builtInCollections.glossary.schema, glossaryEntrySchema);
    assert.equal(builtInCollections.board.schema, boardPostSchema);
    assert.equal(builtInCollections['board-section'].schema, boardSectionSchema);
    assert.equal(builtInCollections['board-comment'].schema, commentSchema);
    assert.equal(builtInCollections['board-reaction'].schema, boardReactionSchema);
    assert.equal(builtInCollections['board-flag'].schema, boardFlagSchema);
    assert.equal(builtInCollections['board-settings'].schema, boardSettingsSchema);
    assert.equal(builtInCollections.journal.schema, journalEntrySchema);
    assert.equal(builtInCollections.phase.schema, phaseSchema);
    for (const [name, definition] of Object.entries(builtInCollections)) {
      assert.equal(definition.name, name);
      assert.equal(definition.version, name === 'journal' || name === 'board' ? 2 : 1, name);
    }
    assert.equal(builtInCollections.journal.migrations?.[1], migrateJournalV1);
  });

  it('each collection refuses a record with no envelope', () => {
    for (const [name, definition] of Object.entries(builtInCollections)) {
      const valid = {
        glossary: validGlossary,
        board: validBoard,
        journal: validJournal,
        phase: validPhase,
        project: validProject,
        activity: validActivity,
        goal: validGoal,
        'goal-rating': () => validRating(),
        'glossary-comment': () => ({ ...envelope('glossary-comment'), target: 'rec-9', body: 'Nice word!' }),
        'glossary-reaction': () => ({ ...envelope('glossary-reaction'), target: 'rec-9', kind: 'helpful' }),
        'journal-prompt': validPromptSet,
        'journal-feedback': validFeedback,
        'journal-note': validNote,
        'journal-settings': validJournalSettings,
        'board-section': validSection,
        'board-comment': () => ({ ...envelope('board-comment'), target: 'rec-9', body: 'Lovely photo!' }),
        'board-reaction': () => ({ ...envelope('board-reaction'), target: 'rec-9', kind: 'love' }),
        'board-flag': () => ({ ...envelope('board-flag'), target: 'rec-9' }),
        'board-settings': validBoardSettings,
      }[name]!();
      assert.equal(definition.schema.safeParse(valid).success, true, `${name} valid`);
      const { author: _a, ...noAuthor } = valid;
      assert.equal(definition.schema.safeParse(noAuthor).success, false, `${name} without author`);
    }
  });
});

describe('schemas: rules of the plan collections', () => {
  it('lets only staff create phases, project settings, activities and goals', () => {
    const staffOnly = Object.values(builtInCollections).filter((definition) => definition.createdBy === 'staff').map((definition) => definition.name);
    assert.deepEqual(staffOnly.sort(), ['activity', 'board-section', 'board-settings', 'goal', 'journal-note', 'journal-prompt', 'journal-settings', 'phase', 'project']);
  });

  it('shows self-ratings only to their author and staff, journal entries by their visibility, notes to their pupil and staff', () => {
    const personal = Object.values(builtInCollections).filter((definition) => definition.readableBy).map((definition) => [definition.name, definition.readableBy]);
    assert.deepEqual(personal.sort(), [
      ['board-flag', 'author-and-moderators'],
      ['goal-rating', 'author-and-staff'],
      ['journal', 'journal-visibility'],
      ['journal-note', 'addressee-and-staff'],
    ]);
    assert.equal(builtInCollections['journal-note'].addressee, 'pupil');
  });

  it('makes journal feedback follow its entry, and wait for approval when the journal settings ask', () => {
    assert.deepEqual(builtInCollections['journal-feedback'].feedbackOn, { collection: 'journal', action: 'comment', visibleWithTarget: true });
    assert.deepEqual(builtInCollections['journal-feedback'].approvalSwitch, { collection: 'journal-settings', id: JOURNAL_SETTINGS_ID, field: 'feedbackApproval' });
    for (const name of ['journal-prompt', 'journal-note', 'journal-settings']) assert.equal(builtInCollections[name].takesDefaultPhase, false, name);
  });

  it('checks the phase and goals of an activity, the goal of a rating and the current phase of the project', () => {
    assert.deepEqual(builtInCollections.activity.references, [
      { field: 'phase', collection: 'phase', label: 'phase' },
      { field: 'goals', collection: 'goal', many: true, label: 'learning goal' },
    ]);
    assert.deepEqual(builtInCollections['goal-rating'].references, [{ field: 'goal', collection: 'goal', label: 'learning goal' }]);
    assert.deepEqual(builtInCollections.project.references, [{ field: 'currentPhase', collection: 'phase', label: 'phase' }]);
    assert.deepEqual(builtInCollections['journal-prompt'].references, [{ field: 'schedule.phase', collection: 'phase', label: 'phase' }]);
    assert.deepEqual(builtInCollections['journal-note'].references, [{ field: 'entry', collection: 'journal', label: 'journal entry' }]);
    assert.deepEqual(builtInCollections.board.references, [{ field: 'section', collection: 'board-section', label: 'section' }]);
    for (const name of ['glossary', 'journal', 'glossary-comment', 'glossary-reaction', 'phase', 'goal', 'journal-feedback', 'journal-settings']) {
      assert.equal(builtInCollections[name].references, undefined, `${name} names no other record`);
    }
  });
});

describe('schemas: rules of the board collections', () => {
  it('makes comments, reactions and flags feedback on posts; reactions and flags need no approval', () => {
    assert.deepEqual(builtInCollections['board-comment'].feedbackOn, { collection: 'board', action: 'comment' });
    assert.deepEqual(builtInCollections['board-reaction'].feedbackOn, { collection: 'board', action: 'react', unmoderated: true });
    assert.deepEqual(builtInCollections['board-flag'].feedbackOn, { collection: 'board', action: 'react', unmoderated: true });
  });

  it('lets the board settings make pupils\' posts and comments wait for approval', () => {
    const approval = { collection: 'board-settings', id: BOARD_SETTINGS_ID, field: 'approval' };
    assert.deepEqual(builtInCollections.board.approvalSwitch, approval);
    assert.deepEqual(builtInCollections['board-comment'].approvalSwitch, approval);
  });

  it('keeps the status of a post moved or pinned, and lets only moderators pin', () => {
    assert.deepEqual(builtInCollections.board.arrangementFields, ['position', 'section']);
    assert.deepEqual(builtInCollections['board-section'].arrangementFields, ['position']);
    assert.deepEqual(builtInCollections.board.moderatorFields, ['pinned']);
    for (const name of ['board-section', 'board-flag', 'board-settings']) assert.equal(builtInCollections[name].takesDefaultPhase, false, name);
  });
});

describe('isSafeUrl', () => {
  it('allows only http, https and mailto', () => {
    assert.equal(isSafeUrl('https://example.org'), true);
    assert.equal(isSafeUrl('HTTP://EXAMPLE.ORG'), true);
    assert.equal(isSafeUrl('mailto:a@example.org'), true);
    for (const bad of ['javascript:alert(1)', 'data:image/png;base64,AAAA', 'vbscript:x', 'file:///etc/passwd', '//example.org', '/relative', '']) {
      assert.equal(isSafeUrl(bad), false, bad);
    }
  });
});

describe('plain text fields', () => {
  it('treats a blank term (only spaces) as empty', async () => {
    const { glossaryTranslationSchema } = await import('./glossary.js');
    const result = glossaryTranslationSchema.safeParse({ term: '   ' });
    assert.equal(result.success, false);
    assert.match(result.error!.issues[0].message, /must not be empty/);
  });
});
