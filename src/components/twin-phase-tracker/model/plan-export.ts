import type { Activity, ActivityStatus } from '../../../sdk/schemas/activity.js';
import type { GoalRating } from '../../../sdk/schemas/goal-rating.js';
import type { CompetenceCode, Goal } from '../../../sdk/schemas/goal.js';
import type { Phase } from '../../../sdk/schemas/phase.js';
import type { ProjectSettings } from '../../../sdk/schemas/project.js';
import { escapeHtml } from '../../twin-glossary/print/booklet-html.js';
import type { PhaseProgress } from './phase-progress.js';
import type { GoalSummary } from './rating-summary.js';

export const PLAN_FORMAT = 'twinkit-plan';
export const PLAN_VERSION = 1;

/** The JSON a plan is saved as: every record whole (envelope included), so nothing is lost. */
export interface PlanExport {
  format: typeof PLAN_FORMAT;
  version: typeof PLAN_VERSION;
  exportedAt: string;
  project: ProjectSettings | null;
  phases: Phase[];
  activities: Activity[];
  goals: Goal[];
  ratings: GoalRating[];
}

export interface PlanToJsonInput {
  project: ProjectSettings | undefined;
  phases: readonly Phase[];
  activities: readonly Activity[];
  goals: readonly Goal[];
  ratings: readonly GoalRating[];
  /** ISO time of the export. */
  exportedAt: string;
}

/** The whole plan as JSON (format `twinkit-plan`, version 1), records unchanged. */
export function planToJson(input: PlanToJsonInput): string {
  const plan: PlanExport = {
    format: PLAN_FORMAT,
    version: PLAN_VERSION,
    exportedAt: input.exportedAt,
    project: input.project ?? null,
    phases: [...input.phases],
    activities: [...input.activities],
    goals: [...input.goals],
    ratings: [...input.ratings],
  };
  return `${JSON.stringify(plan, null, 2)}\n`;
}

/**
 * The words of the printed report, already translated by the UI. Texts with `{name}` placeholders
 * get the numbers filled in (`{done} of {total} activities done`).
 */
export interface ReportLabels {
  travelOut: string;
  travelBack: string;
  currentPhase: string;
  noDates: string;
  /** Placeholders: `{done}`, `{total}`, `{percent}`. */
  progress: string;
  noActivities: string;
  /** Caption of a phase's activity table. Placeholder: `{phase}`. */
  activitiesOf: string;
  activity: string;
  responsible: string;
  due: string;
  status: string;
  statuses: Record<ActivityStatus, string>;
  goals: string;
  noGoals: string;
  goal: string;
  competence: string;
  competences: Record<CompetenceCode, string>;
  /** How the ratings were given (the scale), under the goals table. */
  ratingsNote: string;
  before: string;
  after: string;
  /** Placeholders: `{mean}` (one decimal), `{count}` (how many pupils). */
  meanOf: string;
  noRatings: string;
  change: string;
  /** Placeholders: `{change}` (signed, one decimal), `{paired}` (pupils who rated both). */
  changeOf: string;
}

export const DEFAULT_REPORT_LABELS: ReportLabels = {
  travelOut: 'Travel out',
  travelBack: 'Travel back',
  currentPhase: 'Current phase',
  noDates: 'No dates yet',
  progress: '{done} of {total} activities done ({percent}%)',
  noActivities: 'No activities yet',
  activitiesOf: 'Activities of {phase}',
  activity: 'Activity',
  responsible: 'Responsible',
  due: 'Due',
  status: 'Status',
  statuses: { planned: 'Planned', 'in-progress': 'In progress', done: 'Done' },
  goals: 'Learning goals',
  noGoals: 'No learning goals yet',
  goal: 'Goal',
  competence: 'Competence',
  competences: {
    literacy: 'Literacy',
    multilingual: 'Multilingual',
    stem: 'Mathematics, science, technology and engineering',
    digital: 'Digital',
    'personal-social-learning': 'Personal, social and learning to learn',
    citizenship: 'Citizenship',
    entrepreneurship: 'Entrepreneurship',
    'cultural-awareness': 'Cultural awareness and expression',
    project: 'Project goal',
    vocational: 'Vocational',
  },
  ratingsNote: 'Pupils rated themselves from 1 (not yet) to 5 (confidently), before and after the mobility.',
  before: 'Before',
  after: 'After',
  meanOf: '{mean} ({count} pupils)',
  noRatings: 'No ratings',
  change: 'Change',
  changeOf: '{change} ({paired} pupils who rated both)',
};

export interface PlanReportInput {
  title: string;
  /** The language of the report's own words and date formats (a BCP 47 tag). */
  lang: string;
  labels: ReportLabels;
  project: Pick<ProjectSettings, 'travelOut' | 'travelBack' | 'currentPhase'> | undefined;
  /** The phases to print, in order. */
  phases: readonly Phase[];
  activities: readonly Activity[];
  goals: readonly Goal[];
  summaries: readonly GoalSummary[];
  progress: ReadonlyMap<string, PhaseProgress>;
}

const e = escapeHtml;

/** A label with its `{name}` placeholders filled in. Values are inserted as text, then escaped with the rest. */
const fill = (template: string, values: Record<string, string | number>) =>
  template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole));

function formatters(lang: string) {
  let locale = lang;
  try {
    new Intl.DateTimeFormat(locale);
  } catch {
    locale = 'en';
  }
  const dates = new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });
  const day = (value: string) => {
    const date = new Date(`${value}T00:00:00Z`);
    return Number.isNaN(date.getTime()) ? value : dates.format(date);
  };
  const days = (start?: string, end?: string) => (start && end ? (start === end ? day(start) : `${day(start)} – ${day(end)}`) : start ? day(start) : end ? day(end) : '');
  const decimal = (value: number) => value.toLocaleString(locale, { minimumFractionDigits: 1, maximumFractionDigits: 1 });
  const signed = (value: number) => `${value > 0 ? '+' : ''}${decimal(value)}`;
  return { day, days, decimal, signed };
}

const STYLE = `body{font:11pt/1.4 system-ui,sans-serif;margin:1.5cm;color:#000;background:#fff}
h1{font-size:20pt;margin:0 0 .3em}
h2{font-size:14pt;margin:1.4em 0 .2em}
p{margin:0 0 .3em}
.travel,.dates,.progress,.note,.muted{font-size:9.5pt;color:#333}
.current{font-size:8.5pt;border:1px solid #333;border-radius:3px;padding:0 .3em;margin-inline-start:.4em;vertical-align:middle}
section{break-inside:avoid-page}
table{width:100%;border-collapse:collapse;margin:.4em 0 1em;font-size:10pt}
caption{text-align:start;font-size:9pt;color:#444;padding-bottom:.2em}
th,td{border-bottom:1px solid #999;padding:.25em .4em;text-align:start;vertical-align:top}
thead th{border-bottom:2px solid #333}
td.number{white-space:nowrap}
@media print{body{margin:0}h2{break-after:avoid}tr{break-inside:avoid}a{color:inherit}}
@page{margin:1.5cm}`;

/**
 * A printable report of the plan: a self-contained HTML document (inline style, no script, no
 * request). Every text from records and labels is escaped: it prints as text, never as markup.
 */
export function planReportHtml(input: PlanReportInput): string {
  const { labels, project } = input;
  const f = formatters(input.lang);
  const travel = [
    project?.travelOut && `${labels.travelOut}: ${f.day(project.travelOut)}`,
    project?.travelBack && `${labels.travelBack}: ${f.day(project.travelBack)}`,
  ].filter(Boolean) as string[];
  const phases = input.phases.map((phase) => {
    const activities = input.activities.filter((activity) => activity.phase === phase.id).sort((a, b) => a.order - b.order);
    const progress = input.progress.get(phase.id);
    const current = project?.currentPhase === phase.id ? ` <span class="current">${e(labels.currentPhase)}</span>` : '';
    const table = activities.length
      ? `<table><caption>${e(fill(labels.activitiesOf, { phase: phase.name }))}</caption>
<thead><tr><th scope="col">${e(labels.activity)}</th><th scope="col">${e(labels.responsible)}</th><th scope="col">${e(labels.due)}</th><th scope="col">${e(labels.status)}</th></tr></thead>
<tbody>${activities
          .map(
            (activity) =>
              `<tr><td>${e(activity.title)}</td><td>${e(activity.responsible ?? '')}</td><td class="number">${activity.dueOn ? e(f.day(activity.dueOn)) : ''}</td><td>${e(labels.statuses[activity.progress] ?? activity.progress)}</td></tr>`,
          )
          .join('\n')}</tbody></table>`
      : `<p class="muted">${e(labels.noActivities)}</p>`;
    return `<section><h2>${e(phase.name)}${current}</h2>
<p class="dates">${e(f.days(phase.startsOn, phase.endsOn) || labels.noDates)}</p>
${progress?.total ? `<p class="progress">${e(fill(labels.progress, { done: progress.done, total: progress.total, percent: progress.percent }))}</p>` : ''}
${table}</section>`;
  });
  const summaries = new Map(input.summaries.map((summary) => [summary.goal.id, summary]));
  const moment = (summary: GoalSummary['before'] | undefined) =>
    summary?.count && summary.mean !== undefined ? fill(labels.meanOf, { mean: f.decimal(summary.mean), count: summary.count }) : labels.noRatings;
  const goals = input.goals.length
    ? `<table><thead><tr><th scope="col">${e(labels.goal)}</th><th scope="col">${e(labels.competence)}</th><th scope="col">${e(labels.before)}</th><th scope="col">${e(labels.after)}</th><th scope="col">${e(labels.change)}</th></tr></thead>
<tbody>${input.goals
        .map((goal) => {
          const summary = summaries.get(goal.id);
          const change = summary?.change === undefined ? '' : fill(labels.changeOf, { change: f.signed(summary.change), paired: summary.paired });
          return `<tr><td>${e(goal.title)}</td><td>${e(labels.competences[goal.competence] ?? goal.competence)}</td><td class="number">${e(moment(summary?.before))}</td><td class="number">${e(moment(summary?.after))}</td><td class="number">${e(change)}</td></tr>`;
        })
        .join('\n')}</tbody></table>
<p class="note">${e(labels.ratingsNote)}</p>`
    : `<p class="muted">${e(labels.noGoals)}</p>`;
  return `<!doctype html><html lang="${e(input.lang)}"><head><meta charset="utf-8"><title>${e(input.title)}</title>
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<meta name="viewport" content="width=device-width, initial-scale=1">
<style>
${STYLE}
</style></head><body><h1>${e(input.title)}</h1>
${travel.length ? `<p class="travel">${travel.map(e).join(' · ')}</p>` : ''}
${phases.join('\n')}
<section><h2>${e(labels.goals)}</h2>
${goals}</section>
</body></html>`;
}
