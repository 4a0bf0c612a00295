import { msg } from '@lit/localize';
import { COMPETENCE_CODES } from '../../sdk/schemas/goal.js';
import type { ReportLabels } from './model/plan-export.js';
import { competenceLabel, statusLabel } from './tracker-labels.js';

/** The printed plan's own words, in the UI language. `{…}` placeholders are filled by the report. */
export function reportLabels(): ReportLabels {
  return {
    travelOut: msg('Travel out', { id: 'tracker.field.travel-out' }),
    travelBack: msg('Travel back', { id: 'tracker.field.travel-back' }),
    currentPhase: msg('Current phase', { id: 'tracker.current' }),
    noDates: msg('No dates yet', { id: 'tracker.no-dates' }),
    progress: msg('{done} of {total} activities done ({percent}%)', { id: 'tracker.report.progress' }),
    noActivities: msg('No activities yet', { id: 'tracker.no-activities' }),
    activitiesOf: msg('Activities of {phase}', { id: 'tracker.report.activities-of' }),
    activity: msg('Activity', { id: 'tracker.report.activity' }),
    responsible: msg('Responsible', { id: 'tracker.report.responsible' }),
    due: msg('Due', { id: 'tracker.report.due' }),
    status: msg('Status', { id: 'tracker.field.status' }),
    statuses: { planned: statusLabel('planned'), 'in-progress': statusLabel('in-progress'), done: statusLabel('done') },
    goals: msg('Learning goals', { id: 'tracker.view.goals' }),
    noGoals: msg('No shared learning goals yet.', { id: 'tracker.goals.empty' }),
    goal: msg('Goal', { id: 'tracker.field.goal' }),
    competence: msg('Competence', { id: 'tracker.field.competence' }),
    competences: Object.fromEntries(COMPETENCE_CODES.map((code) => [code, competenceLabel(code)])) as ReportLabels['competences'],
    ratingsNote: msg('Pupils rated themselves from 1 (not yet) to 5 (confidently), before and after the mobility.', { id: 'tracker.report.ratings-note' }),
    before: msg('Before', { id: 'tracker.before' }),
    after: msg('After', { id: 'tracker.after' }),
    meanOf: msg('{mean} ({count} pupils)', { id: 'tracker.report.mean-of' }),
    noRatings: msg('No self-ratings yet.', { id: 'tracker.chart.empty' }),
    change: msg('Change', { id: 'tracker.report.change' }),
    changeOf: msg('{change} ({paired} pupils who rated both)', { id: 'tracker.report.change-of' }),
  };
}
