import type { JournalPrompt } from '../../../sdk/schemas/journal-prompt.js';
import { endOfWeek, weekOf } from './journal-weeks.js';

/** Where a prompt set stands for one pupil. */
export type PromptState = 'due' | 'done' | 'late' | 'upcoming';

export interface PromptDue {
  set: JournalPrompt;
  state: PromptState;
  /** The Monday of the week the set starts in, when it has dates (its own, or its phase's). */
  week?: string;
}

/** What `promptsFor` needs of an entry. */
export interface PromptEntry {
  author: { id: string };
  date: string;
  promptSet?: string;
  answers?: Record<string, string>;
}

/** What `promptsFor` needs of a phase record. */
export interface PromptPhase {
  id: string;
  order: number;
  startsOn?: string;
  endsOn?: string;
  archived?: boolean;
}

export interface PromptsForInput {
  sets: readonly JournalPrompt[];
  /** Entries; only the user's count. */
  entries: readonly PromptEntry[];
  user: { id: string };
  /** Today, `YYYY-MM-DD`. */
  today: string;
  /** The project settings: `currentPhase` places a phase without dates; the travel dates give the mobility phase dates it lacks. */
  project?: { currentPhase?: string; travelOut?: string; travelBack?: string };
  phases: readonly PromptPhase[];
}

/** The days a set is asked in; a bound may be open. `undefined`: the set cannot be placed in time. */
interface Window {
  from?: string;
  to?: string;
}

/** Does the entry answer at least one prompt of the set (not blank)? */
function answers(entry: PromptEntry, set: JournalPrompt): boolean {
  if (entry.promptSet !== set.id || !entry.answers) return false;
  return set.prompts.some((prompt) => /\S/.test(entry.answers?.[prompt.id] ?? ''));
}

const within = (date: string, window: Window) => (!window.from || date >= window.from) && (!window.to || date <= window.to);

/** A phase's dates: its own, or for the phase with id `mobility`, the project's travel dates. */
function phaseWindow(phase: PromptPhase, project: PromptsForInput['project']): Window {
  const mobility = phase.id === 'mobility' ? { from: project?.travelOut, to: project?.travelBack } : {};
  return { from: phase.startsOn ?? mobility.from, to: phase.endsOn ?? mobility.to };
}

/**
 * The prompt sets for one pupil and where each stands today, ordered by the sets' `order`.
 *
 * - A set with a week (`schedule.from`, and `schedule.to`, by default the Sunday of that week) is
 *   `upcoming` before it, `due` during it, `late` after it; `done` when the pupil has an entry
 *   answering it (`promptSet` is the set, at least one prompt answered) dated within the week. An
 *   answer dated after the week does not make a late set done: the entry's date says when the
 *   pupil reflected. When both a week and a phase are given, the week decides.
 * - A set with a phase uses the phase's dates (`startsOn`, `endsOn`; the mobility phase may take
 *   the project's travel dates): `upcoming` before, `due` while they include today, `late` after;
 *   `done` with an answering entry dated within them. A phase without dates is `due` while it is
 *   the project's current phase, `late` when it comes before it (by `order`), `upcoming` when
 *   after it or when there is no current phase; any answering entry makes it `done`.
 * - A set whose phase is unknown or archived is left out: it cannot be placed in time.
 */
export function promptsFor({ sets, entries, user, today, project, phases }: PromptsForInput): PromptDue[] {
  const mine = entries.filter((entry) => entry.author.id === user.id);
  const phaseById = new Map(phases.map((phase) => [phase.id, phase]));
  const current = project?.currentPhase ? phaseById.get(project.currentPhase) : undefined;
  const result: PromptDue[] = [];
  for (const set of [...sets].sort((a, b) => a.order - b.order || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))) {
    const { from, to, phase: phaseId } = set.schedule;
    let window: Window;
    let relative: PromptState | undefined; // For a phase without dates: its place relative to the current phase.
    if (from) {
      window = { from, to: to ?? endOfWeek(from) };
    } else {
      const phase = phaseId ? phaseById.get(phaseId) : undefined;
      if (!phase || phase.archived) continue;
      window = phaseWindow(phase, project);
      if (!window.from && !window.to) {
        relative = !current ? 'upcoming' : phase.id === current.id ? 'due' : phase.order < current.order ? 'late' : 'upcoming';
      }
    }
    const done = mine.some((entry) => answers(entry, set) && within(entry.date, window));
    const state: PromptState = done
      ? 'done'
      : (relative ?? (window.from && today < window.from ? 'upcoming' : window.to && today > window.to ? 'late' : 'due'));
    result.push(window.from ? { set, state, week: weekOf(window.from) } : { set, state });
  }
  return result;
}
