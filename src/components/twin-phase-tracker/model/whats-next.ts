import type { TwinUser } from '../../../sdk/policy/roles.js';
import type { Activity } from '../../../sdk/schemas/activity.js';
import type { GoalRating, RatingMoment } from '../../../sdk/schemas/goal-rating.js';
import type { Goal } from '../../../sdk/schemas/goal.js';
import type { Phase } from '../../../sdk/schemas/phase.js';
import type { ProjectSettings } from '../../../sdk/schemas/project.js';

export type NextItem =
  | { kind: 'activity'; activity: Activity; overdue: boolean }
  | { kind: 'rate'; moment: RatingMoment; goals: Goal[] };

export interface WhatsNextInput {
  activities: readonly Activity[];
  /** Every phase, the removed (archived) ones too: their activities are left out. */
  phases: readonly Phase[];
  project: Pick<ProjectSettings, 'travelOut' | 'travelBack'> | undefined;
  user: Pick<TwinUser, 'id' | 'role' | 'school'> | undefined;
  /** `YYYY-MM-DD`, in the user's own time zone. */
  today: string;
  ratings: readonly GoalRating[];
  goals: readonly Goal[];
  /** At most this many items. Default 3. */
  limit?: number;
}

/** Pupils rate themselves (moderators are pupils too); teachers and observers do not. */
const ratesThemself = (role: TwinUser['role']) => role === 'pupil' || role === 'moderator';

/**
 * The few things the signed-in member should do next. First a reminder to rate themself, for a
 * pupil with goals left to rate: `before` until the day of travel out (always, when no travel day
 * is set), `after` from the day after travel back. Then the activities not done, outside removed
 * phases: those of the user's school (or nobody's) before the others; within each, late ones
 * first, then by due day (undated last), then in plan order.
 */
export function whatsNext(input: WhatsNextInput): NextItem[] {
  const { today, user, limit = 3 } = input;
  const items: NextItem[] = [];
  const rate = user ? rateItem(input, user) : undefined;
  if (rate) items.push(rate);

  const phaseOrder = new Map(input.phases.map((phase) => [phase.id, phase.order]));
  const archived = new Set(input.phases.filter((phase) => phase.archived).map((phase) => phase.id));
  const school = user?.school?.trim().toLowerCase();
  const mine = (activity: Activity) => {
    const responsible = activity.responsible?.trim().toLowerCase();
    return !responsible || (!!school && responsible === school);
  };
  const overdue = (activity: Activity) => !!activity.dueOn && activity.dueOn < today;
  const open = input.activities.filter((activity) => activity.progress !== 'done' && !(activity.phase && archived.has(activity.phase)));
  const rank = (activity: Activity): [number, number, string, number, number] => [
    mine(activity) ? 0 : 1,
    overdue(activity) ? 0 : 1,
    activity.dueOn ?? '\uffff',
    phaseOrder.get(activity.phase ?? '') ?? Number.MAX_SAFE_INTEGER,
    activity.order,
  ];
  const sorted = open
    .map((activity) => ({ activity, key: rank(activity) }))
    .sort((a, b) => compareKeys(a.key, b.key) || a.activity.title.localeCompare(b.activity.title));
  for (const { activity } of sorted) items.push({ kind: 'activity', activity, overdue: overdue(activity) });
  return items.slice(0, Math.max(0, limit));
}

function rateItem(input: WhatsNextInput, user: Pick<TwinUser, 'id' | 'role'>): NextItem | undefined {
  if (!ratesThemself(user.role) || !input.goals.length) return undefined;
  const { today, project } = input;
  const moment: RatingMoment | undefined =
    !project?.travelOut || today < project.travelOut ? 'before' : project.travelBack && today > project.travelBack ? 'after' : undefined;
  if (!moment) return undefined;
  const rated = new Set(input.ratings.filter((rating) => rating.author.id === user.id && rating.moment === moment).map((rating) => rating.goal));
  const goals = input.goals.filter((goal) => !rated.has(goal.id));
  return goals.length ? { kind: 'rate', moment, goals } : undefined;
}

function compareKeys(a: readonly (number | string)[], b: readonly (number | string)[]): number {
  for (let i = 0; i < a.length; i++) {
    if (a[i] < b[i]) return -1;
    if (a[i] > b[i]) return 1;
  }
  return 0;
}
