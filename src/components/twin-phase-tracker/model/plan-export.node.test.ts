import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Activity } from '../../../sdk/schemas/activity.js';
import { ratingId, type GoalRating } from '../../../sdk/schemas/goal-rating.js';
import type { Goal } from '../../../sdk/schemas/goal.js';
import type { Phase } from '../../../sdk/schemas/phase.js';
import { PROJECT_RECORD_ID, type ProjectSettings } from '../../../sdk/schemas/project.js';
import { phaseProgress } from './phase-progress.js';
import { DEFAULT_REPORT_LABELS, PLAN_FORMAT, PLAN_VERSION, planReportHtml, planToJson, type PlanReportInput } from './plan-export.js';
import { summarizeRatings } from './rating-summary.js';

const envelope = (collection: string, id: string, author = 'teacher-1') => ({
  id,
  space: 's',
  collection,
  rev: '2-b7',
  schemaVersion: 1,
  createdAt: '2027-01-01T00:00:00.000Z',
  updatedAt: '2027-01-02T00:00:00.000Z',
  author: { id: author, name: 'Tomás', school: 'IES Cervantes' },
  status: 'published' as const,
});

const EVIL = '<script>alert("x")</script> & "quoted" \'single\'';

const project: ProjectSettings = { ...envelope('project', PROJECT_RECORD_ID), id: PROJECT_RECORD_ID, title: 'Coasts', travelOut: '2027-03-08', travelBack: '2027-03-14', currentPhase: 'mobility' };
const phases: Phase[] = [
  { ...envelope('phase', 'preparation'), name: 'Preparation', order: 1, startsOn: '2027-01-11', endsOn: '2027-03-07' },
  { ...envelope('phase', 'mobility'), name: `Mobility ${EVIL}`, order: 2, startsOn: '2027-03-08', endsOn: '2027-03-14', futureField: { kept: true } },
  { ...envelope('phase', 'empty'), name: 'Empty', order: 3 },
];
const activities: Activity[] = [
  { ...envelope('activity', 'a1'), phase: 'preparation', title: 'Meet', progress: 'done', order: 1, responsible: 'IES Cervantes', dueOn: '2027-01-20' },
  { ...envelope('activity', 'a2'), phase: 'mobility', title: `Fieldwork ${EVIL}`, progress: 'in-progress', order: 2, responsible: `<b>${EVIL}</b>` },
  { ...envelope('activity', 'a3'), phase: 'mobility', title: 'Arrive', progress: 'planned', order: 1 },
];
const goals: Goal[] = [
  { ...envelope('goal', 'g1'), title: `Speak ${EVIL}`, competence: 'multilingual', order: 1 },
  { ...envelope('goal', 'g2'), title: 'Map', competence: 'vocational', order: 2 },
];
const rating = (goal: string, moment: 'before' | 'after', pupil: string, value: number): GoalRating => ({
  ...envelope('goal-rating', ratingId(goal, moment, pupil), pupil),
  goal,
  moment,
  value,
});
const ratings = [rating('g1', 'before', 'ana', 2), rating('g1', 'after', 'ana', 4), rating('g1', 'before', 'bo', 3)];

const reportInput = (overrides: Partial<PlanReportInput> = {}): PlanReportInput => ({
  title: `Coasts ${EVIL}`,
  lang: 'en',
  labels: DEFAULT_REPORT_LABELS,
  project,
  phases,
  activities,
  goals,
  summaries: summarizeRatings(goals, ratings),
  progress: phaseProgress(activities),
  ...overrides,
});

/** The text of the document with tags removed and the five entities decoded: what a reader sees. */
const visibleText = (html: string) =>
  html
    .replace(/<style>[^]*?<\/style>/g, '')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');

describe('planToJson', () => {
  it('keeps every record whole, tagged with the format and version', () => {
    const json = planToJson({ project, phases, activities, goals, ratings, exportedAt: '2027-03-10T12:00:00.000Z' });
    const parsed = JSON.parse(json);
    assert.equal(parsed.format, PLAN_FORMAT);
    assert.equal(parsed.format, 'twinkit-plan');
    assert.equal(parsed.version, PLAN_VERSION);
    assert.equal(parsed.version, 1);
    assert.equal(parsed.exportedAt, '2027-03-10T12:00:00.000Z');
    assert.deepEqual(parsed.project, project);
    assert.deepEqual(parsed.phases, phases, 'unknown fields kept, envelope kept');
    assert.deepEqual(parsed.activities, activities);
    assert.deepEqual(parsed.goals, goals);
    assert.deepEqual(parsed.ratings, ratings);
  });

  it('writes null for a project without settings', () => {
    const parsed = JSON.parse(planToJson({ project: undefined, phases: [], activities: [], goals: [], ratings: [], exportedAt: '2027-03-10T12:00:00.000Z' }));
    assert.equal(parsed.project, null);
    assert.deepEqual(parsed.phases, []);
  });
});

describe('planReportHtml', () => {
  it('is a self-contained document: inline style with a print rule, no script, no request', () => {
    const html = planReportHtml(reportInput());
    assert.match(html, /^<!doctype html><html lang="en">/);
    assert.match(html, /<style>[^]*@media print[^]*<\/style>/);
    assert.doesNotMatch(html, /<script/i);
    assert.doesNotMatch(html, /\b(src|href)=/i);
    assert.doesNotMatch(html, /url\(|@import|https?:/i);
    assert.match(html, /Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'"/);
  });

  it('prints every user text as text: markup and quotes are escaped', () => {
    const html = planReportHtml(reportInput());
    assert.doesNotMatch(html, /<script>|<b>/);
    assert.ok(!html.includes('"quoted"'), 'double quotes in user text are escaped');
    assert.ok(html.includes('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &quot;quoted&quot; &#39;single&#39;'));
    const text = visibleText(html);
    for (const written of [`Coasts ${EVIL}`, `Mobility ${EVIL}`, `Fieldwork ${EVIL}`, `<b>${EVIL}</b>`, `Speak ${EVIL}`]) {
      assert.ok(text.includes(written), `shown as text: ${written}`);
    }
  });

  it('escapes labels and the language too', () => {
    const html = planReportHtml(reportInput({ lang: 'en"><script>', labels: { ...DEFAULT_REPORT_LABELS, activity: '<i>Activity</i>' } }));
    assert.doesNotMatch(html, /<script>|<i>/);
    assert.match(html, /lang="en&quot;&gt;&lt;script&gt;"/);
  });

  it('has the title, travel days, and per phase its name, dates, progress and activity table in order', () => {
    const html = planReportHtml(reportInput());
    const text = visibleText(html).replace(/\s+/g, ' ');
    assert.match(html, /<title>Coasts &lt;script&gt;/);
    assert.match(html, /<h1>Coasts &lt;script&gt;/);
    assert.match(text, /Travel out: Mar 8, 2027 · Travel back: Mar 14, 2027/);
    assert.match(text, /Preparation Jan 11, 2027 – Mar 7, 2027 1 of 1 activities done \(100%\)/);
    assert.match(text, /Activity Responsible Due Status Meet IES Cervantes Jan 20, 2027 Done/);
    assert.match(html, /<h2>Mobility [^<]*<span class="current">Current phase<\/span><\/h2>/);
    assert.match(text, /0 of 2 activities done \(0%\)/);
    assert.ok(text.indexOf('Arrive') < text.indexOf('Fieldwork'), 'activities in their order');
    assert.match(text, /Arrive +Planned/);
    assert.match(text, /In progress/);
    assert.match(text, /Empty No dates yet No activities yet/);
  });

  it('has the goals with their competence and the before and after summary as a table', () => {
    const html = planReportHtml(reportInput());
    const text = visibleText(html).replace(/\s+/g, ' ');
    assert.match(text, /Learning goals Goal Competence Before After Change/);
    assert.match(text, /Multilingual 2\.5 \(2 pupils\) 4\.0 \(1 pupils\) \+2\.0 \(1 pupils who rated both\)/);
    assert.match(text, /Map Vocational No ratings No ratings/);
    assert.match(text, /Pupils rated themselves from 1 \(not yet\) to 5 \(confidently\)/);
  });

  it('speaks the language it is given: its labels and its date and number formats', () => {
    const labels = {
      ...DEFAULT_REPORT_LABELS,
      travelOut: 'Ida',
      progress: '{done} de {total} actividades hechas ({percent} %)',
      meanOf: '{mean} ({count} alumnos)',
      statuses: { planned: 'Prevista', 'in-progress': 'En curso', done: 'Hecha' },
    };
    const text = visibleText(planReportHtml(reportInput({ lang: 'es', labels }))).replace(/\s+/g, ' ');
    assert.match(text, /Ida: 8 mar 2027/);
    assert.match(text, /1 de 1 actividades hechas \(100 %\)/);
    assert.match(text, /2,5 \(2 alumnos\)/);
    assert.match(text, /Hecha/);
  });

  it('works without project settings, goals or ratings, and with an unknown language tag', () => {
    const html = planReportHtml(reportInput({ project: undefined, goals: [], summaries: [], lang: 'not a language!' }));
    const text = visibleText(html);
    assert.doesNotMatch(text, /Travel out/);
    assert.match(text, /No learning goals yet/);
    assert.match(text, /Jan 11, 2027/, 'dates fall back to English');
  });
});
