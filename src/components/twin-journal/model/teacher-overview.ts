import { dayNumber, mondayOf, weekOf } from './journal-weeks.js';

/** A pupil as the overview lists them. */
export interface OverviewPupil {
  id: string;
  name: string;
  school?: string;
  mobile?: boolean;
}

/** What the overview needs of an entry. */
export interface OverviewEntry {
  id: string;
  date: string;
  author: { id: string; name: string; school?: string };
}

/** What the overview needs of a piece of feedback: the entry it is on, and who wrote it. */
export interface OverviewFeedback {
  target: string;
  author: { id: string };
}

export interface OverviewCell {
  /** The Monday of the week. */
  week: string;
  /** Entries the pupil dated in this week. */
  entries: number;
  /** Feedback others gave on those entries (feedback on one's own entry by oneself does not count). */
  feedbackReceived: number;
}

export interface OverviewRow<P extends OverviewPupil = OverviewPupil> {
  pupil: P;
  /** One cell per week of `weeks`, in the same order. */
  cells: OverviewCell[];
  /** The pupil wrote nothing in the last two weeks of `weeks` up to today: a teacher may nudge them. */
  needsNudge: boolean;
  /** The date of their latest entry, if any (any date, also outside `weeks`). */
  lastEntry?: string;
}

export interface TeacherOverviewInput<P extends OverviewPupil = OverviewPupil> {
  /** The pupils to list, in this order. None (or an empty list): the authors of `entries`, by name. */
  pupils?: readonly P[];
  entries: readonly OverviewEntry[];
  feedback: readonly OverviewFeedback[];
  /** The weeks to show, as their Mondays (see `weekOf`), in order. */
  weeks: readonly string[];
  /** Today, `YYYY-MM-DD`: weeks after its week do not count for `needsNudge`. Without it, all of `weeks` count. */
  today?: string;
}

const collator = new Intl.Collator(undefined, { sensitivity: 'base' });

/**
 * The teacher's overview: per pupil and week, how many entries they wrote and how much feedback
 * those entries received; who needs a nudge; when they last wrote. One pass over entries and
 * feedback (indexed by id and week), so 200 pupils with 30 entries each over 10 weeks take a
 * few milliseconds.
 */
export function teacherOverview<P extends OverviewPupil = OverviewPupil>({ pupils, entries, feedback, weeks, today }: TeacherOverviewInput<P>): {
  rows: OverviewRow<P>[];
} {
  const roster: P[] = pupils?.length ? [...pupils] : (derivePupils(entries) as P[]);
  // Weeks by the day number of their Monday: an entry's column is found without making a string.
  const column = new Map(weeks.map((week, index) => [mondayOf(dayNumber(week)), index]));
  const rowOf = new Map<string, { entries: number[]; feedback: number[]; lastEntry?: string }>();
  for (const pupil of roster) {
    if (!rowOf.has(pupil.id)) rowOf.set(pupil.id, { entries: new Array(weeks.length).fill(0), feedback: new Array(weeks.length).fill(0) });
  }
  /** Each entry's author and column (undefined: outside `weeks`), for the feedback pass. */
  const entryPlace = new Map<string, { author: string; column: number | undefined }>();
  for (const entry of entries) {
    const row = rowOf.get(entry.author.id);
    if (!row) continue;
    const index = column.get(mondayOf(dayNumber(entry.date)));
    entryPlace.set(entry.id, { author: entry.author.id, column: index });
    if (index !== undefined) row.entries[index] += 1;
    if (!row.lastEntry || entry.date > row.lastEntry) row.lastEntry = entry.date;
  }
  for (const item of feedback) {
    const place = entryPlace.get(item.target);
    if (!place || place.column === undefined || item.author.id === place.author) continue;
    rowOf.get(place.author)!.feedback[place.column] += 1;
  }
  // The last two weeks up to today's week (all of `weeks` when today is not given).
  const todayWeek = today ? weekOf(today) : undefined;
  const counted = weeks.map((week, index) => ({ week, index })).filter(({ week }) => !todayWeek || week <= todayWeek);
  const recent = counted.slice(-2).map(({ index }) => index);
  const rows = roster.map((pupil) => {
    const row = rowOf.get(pupil.id)!;
    const cells = weeks.map((week, index) => ({ week, entries: row.entries[index], feedbackReceived: row.feedback[index] }));
    const needsNudge = recent.length > 0 && recent.every((index) => row.entries[index] === 0);
    return row.lastEntry ? { pupil, cells, needsNudge, lastEntry: row.lastEntry } : { pupil, cells, needsNudge };
  });
  return { rows };
}

/** The authors of the entries, each once, by name: the pupils when the page names none. */
function derivePupils(entries: readonly OverviewEntry[]): OverviewPupil[] {
  const byId = new Map<string, OverviewPupil>();
  for (const { author } of entries) {
    if (!byId.has(author.id)) byId.set(author.id, author.school ? { id: author.id, name: author.name, school: author.school } : { id: author.id, name: author.name });
  }
  return [...byId.values()].sort((a, b) => collator.compare(a.name, b.name) || (a.id < b.id ? -1 : 1));
}
