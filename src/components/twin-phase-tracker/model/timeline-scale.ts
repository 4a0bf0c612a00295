import type { Phase } from '../../../sdk/schemas/phase.js';
import type { ProjectSettings } from '../../../sdk/schemas/project.js';

export interface TimelineBar {
  phaseId: string;
  /** Percent of the timeline's width where the phase begins, and how wide it is. */
  left: number;
  width: number;
  /** False for a phase without dates: it has no bar (left and width are 0). */
  dated: boolean;
}

export interface TimelineScale {
  /** First and last day shown (`YYYY-MM-DD`); undefined when nothing has a date. */
  start: string | undefined;
  end: string | undefined;
  /** Days from start to end, both included; 0 when nothing has a date. */
  days: number;
  /** Where a day begins, in percent of the timeline (0 to 100, clamped). */
  position(date: string): number;
  bars: TimelineBar[];
  /** Markers, in percent, at the middle of their day; undefined when outside the timeline (or not set). */
  today?: number;
  travelOut?: number;
  travelBack?: number;
}

export interface TimelineInput {
  phases: readonly Pick<Phase, 'id' | 'startsOn' | 'endsOn'>[];
  project: Pick<ProjectSettings, 'travelOut' | 'travelBack'> | undefined;
  today: string;
}

const DAY = 86_400_000;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const round = (value: number) => Math.round(value * 1000) / 1000;

/** Day number of a `YYYY-MM-DD` date, or undefined for anything else. */
function dayNumber(date: string | undefined): number | undefined {
  if (!date || !DATE.test(date)) return undefined;
  const time = Date.parse(`${date}T00:00:00Z`);
  return Number.isNaN(time) ? undefined : time / DAY;
}

/**
 * The geometry of the timeline: from the first to the last date of the phases and the travel days,
 * one equal slot per day. A phase with one date only is one day long. Pure numbers: the view draws.
 */
export function timelineScale(input: TimelineInput): TimelineScale {
  const project = input.project ?? {};
  const spans = input.phases.map((phase) => {
    const first = dayNumber(phase.startsOn) ?? dayNumber(phase.endsOn);
    const last = dayNumber(phase.endsOn) ?? dayNumber(phase.startsOn);
    return { phaseId: phase.id, first, last };
  });
  const known = [
    ...spans.flatMap(({ first, last }) => (first === undefined || last === undefined ? [] : [first, last])),
    ...[project.travelOut, project.travelBack].map(dayNumber).filter((day): day is number => day !== undefined),
  ];
  if (!known.length) {
    return {
      start: undefined,
      end: undefined,
      days: 0,
      position: () => 0,
      bars: spans.map(({ phaseId }) => ({ phaseId, left: 0, width: 0, dated: false })),
    };
  }
  const first = Math.min(...known);
  const last = Math.max(...known);
  const days = last - first + 1;
  const at = (day: number) => Math.min(100, Math.max(0, round(((day - first) / days) * 100)));
  const marker = (date: string | undefined) => {
    const day = dayNumber(date);
    return day === undefined || day < first || day > last ? undefined : round(((day - first + 0.5) / days) * 100);
  };
  const scale: TimelineScale = {
    start: new Date(first * DAY).toISOString().slice(0, 10),
    end: new Date(last * DAY).toISOString().slice(0, 10),
    days,
    position: (date) => {
      const day = dayNumber(date);
      return day === undefined ? 0 : at(day);
    },
    bars: spans.map(({ phaseId, first: from, last: to }) =>
      from === undefined || to === undefined ? { phaseId, left: 0, width: 0, dated: false } : { phaseId, left: at(from), width: round(((to - from + 1) / days) * 100), dated: true },
    ),
  };
  const today = marker(input.today);
  const travelOut = marker(project.travelOut);
  const travelBack = marker(project.travelBack);
  if (today !== undefined) scale.today = today;
  if (travelOut !== undefined) scale.travelOut = travelOut;
  if (travelBack !== undefined) scale.travelBack = travelBack;
  return scale;
}
