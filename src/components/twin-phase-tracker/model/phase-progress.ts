import type { ActivityStatus } from '../../../sdk/schemas/activity.js';

/** How far a phase is: its activities by where they stand, and the share done. */
export interface PhaseProgress {
  total: number;
  planned: number;
  inProgress: number;
  done: number;
  /** Whole percent of the activities done; 0 for a phase without activities. */
  percent: number;
}

/** What progress needs of an activity. */
export interface ProgressActivity {
  phase?: string;
  progress: ActivityStatus;
}

/** Progress per phase id, for the phases that have activities (an activity without a phase is left out). */
export function phaseProgress(activities: readonly ProgressActivity[]): Map<string, PhaseProgress> {
  const byPhase = new Map<string, PhaseProgress>();
  for (const activity of activities) {
    if (!activity.phase) continue;
    const counts = byPhase.get(activity.phase) ?? { total: 0, planned: 0, inProgress: 0, done: 0, percent: 0 };
    counts.total += 1;
    if (activity.progress === 'done') counts.done += 1;
    else if (activity.progress === 'in-progress') counts.inProgress += 1;
    else counts.planned += 1;
    counts.percent = Math.round((100 * counts.done) / counts.total);
    byPhase.set(activity.phase, counts);
  }
  return byPhase;
}
