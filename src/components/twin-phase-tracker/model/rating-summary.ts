import { RATING_SCALE, type GoalRating, type RatingMoment } from '../../../sdk/schemas/goal-rating.js';
import type { Goal } from '../../../sdk/schemas/goal.js';

/** The ratings of one goal at one moment. */
export interface MomentSummary {
  /** How many pupils rated it. */
  count: number;
  /** Their average; undefined when nobody rated it. */
  mean: number | undefined;
  /** How many chose each value: `counts[0]` for 1, … `counts[4]` for 5. */
  counts: number[];
}

export interface GoalSummary {
  goal: Goal;
  before: MomentSummary;
  after: MomentSummary;
  /** Pupils who rated the goal both before and after. */
  paired: number;
  /** Average change (after minus before) of the paired pupils, to one decimal; undefined with none. */
  change: number | undefined;
}

type Rated = Pick<GoalRating, 'goal' | 'moment' | 'value' | 'updatedAt'> & { author: { id: string } };

const SIZE = RATING_SCALE.max - RATING_SCALE.min + 1;
const oneDecimal = (value: number) => Math.round(value * 10) / 10 + 0; // + 0 turns -0 into 0

/**
 * Before and after, per goal, in the order of `goals`. One rating counts per pupil, goal and moment
 * (the latest, should an import have brought two); ratings of goals not in `goals` are ignored.
 */
export function summarizeRatings(goals: readonly Goal[], ratings: readonly Rated[]): GoalSummary[] {
  // goal id -> moment -> pupil id -> the pupil's rating
  const latest = new Map<string, Record<RatingMoment, Map<string, Rated>>>();
  for (const goal of goals) latest.set(goal.id, { before: new Map(), after: new Map() });
  for (const rating of ratings) {
    const byPupil = latest.get(rating.goal)?.[rating.moment];
    if (!byPupil || !Number.isInteger(rating.value) || rating.value < RATING_SCALE.min || rating.value > RATING_SCALE.max) continue;
    const previous = byPupil.get(rating.author.id);
    if (!previous || previous.updatedAt <= rating.updatedAt) byPupil.set(rating.author.id, rating);
  }
  return goals.map((goal) => {
    const { before, after } = latest.get(goal.id)!;
    const differences = [...before].flatMap(([pupil, rating]) => {
      const later = after.get(pupil);
      return later ? [later.value - rating.value] : [];
    });
    return {
      goal,
      before: summarize([...before.values()]),
      after: summarize([...after.values()]),
      paired: differences.length,
      change: differences.length ? oneDecimal(differences.reduce((sum, d) => sum + d, 0) / differences.length) : undefined,
    };
  });
}

function summarize(ratings: readonly Rated[]): MomentSummary {
  const counts = new Array<number>(SIZE).fill(0);
  let sum = 0;
  for (const { value } of ratings) {
    counts[value - RATING_SCALE.min] += 1;
    sum += value;
  }
  return { count: ratings.length, mean: ratings.length ? sum / ratings.length : undefined, counts };
}
