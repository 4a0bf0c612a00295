import type { Activity } from '../../sdk/schemas/activity.js';
import type { Goal } from '../../sdk/schemas/goal.js';
import type { GoalRating } from '../../sdk/schemas/goal-rating.js';
import type { Phase } from '../../sdk/schemas/phase.js';
import type { ProjectSettings } from '../../sdk/schemas/project.js';
import type { TwinUser } from '../../sdk/policy/roles.js';
import type { phaseProgress } from './model/phase-progress.js';
import type { ActivityStatus, LinkableWidget } from './tracker-labels.js';

export type PhaseProgress = ReturnType<typeof phaseProgress> extends Map<string, infer P> ? P : never;

/** Records of other widgets per phase: what the phase produced. */
export type Contributions = Map<string, Record<LinkableWidget, number>>;

/** Everything a view of the tracker draws from, derived once per render. */
export interface TrackerState {
  lang: string;
  today: string;
  user: TwinUser | undefined;
  /** May change the plan (phases, activities, goals, project settings). */
  staff: boolean;
  phases: Phase[];
  archived: Phase[];
  activities: Activity[];
  /** Activities by phase id, each list in order. */
  activitiesIn: Map<string, Activity[]>;
  goals: Goal[];
  ratings: GoalRating[];
  project: ProjectSettings | undefined;
  progress: Map<string, PhaseProgress>;
  contributions: Contributions;
  /** The phase `<twin-space>` shows in every widget, if any. */
  shownPhase: string | undefined;
}

/** What the views ask the tracker to do. */
export interface TrackerActions {
  editPhase(phase: Phase | undefined, event: Event): void;
  movePhase(phase: Phase, direction: -1 | 1): void;
  removePhase(phase: Phase, event: Event): void;
  restorePhase(phase: Phase): void;
  makeCurrent(phase: Phase): void;
  showPhase(phase: string | undefined): void;
  openContributions(phase: Phase, widget: LinkableWidget): void;
  editActivity(activity: Activity | undefined, phase: string | undefined, event: Event): void;
  setActivityStatus(activity: Activity, status: ActivityStatus): void;
  removeActivity(activity: Activity, event: Event): void;
  editGoal(goal: Goal | undefined, event: Event): void;
  removeGoal(goal: Goal, event: Event): void;
  rate(goal: Goal, moment: 'before' | 'after', value: number): void;
}
