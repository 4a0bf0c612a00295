import { msg } from '@lit/localize';
import type { ActivityStatus, LinkableWidget } from '../../../sdk/schemas/activity.js';
import { DEFAULT_PHASES } from '../../../sdk/schemas/phase.js';

export type DefaultPhaseId = (typeof DEFAULT_PHASES)[number];

export interface TemplatePhase {
  id: DefaultPhaseId;
  name: string;
  order: number;
  description: string;
  startsOn?: string;
  endsOn?: string;
}

/** An activity of the template: the fields of an `activity` record, and the phase it belongs to. */
export interface TemplateActivity {
  title: string;
  description: string;
  phase: DefaultPhaseId;
  /** Order within its phase, from 1. */
  order: number;
  /** Where the activity stands (the record field `progress`; `status` is the envelope's moderation status). */
  progress: Extract<ActivityStatus, 'planned'>;
  widgets?: LinkableWidget[];
}

export interface BlendedMobilityTemplate {
  phases: TemplatePhase[];
  activities: TemplateActivity[];
}

/**
 * How long each phase lasts, in weeks, when the template is given a start date: about two months
 * to prepare, a week abroad, a month to reflect, six weeks to share the results. The phases follow
 * each other day after day; a teacher adjusts them afterwards.
 */
export const TEMPLATE_PHASE_WEEKS: Readonly<Record<DefaultPhaseId, number>> = { preparation: 8, mobility: 1, reflection: 4, dissemination: 6 };

/** The phases' texts, in the UI language: a function, so each call reads the language shown now. */
const phaseTexts = (): Record<DefaultPhaseId, { name: string; description: string }> => ({
  preparation: {
    name: msg('Preparation', { id: 'tracker.template.preparation' }),
    description: msg('The partner schools get to know each other online, agree on goals and plan the tasks.', { id: 'tracker.template.preparation.description' }),
  },
  mobility: {
    name: msg('Mobility', { id: 'tracker.template.mobility' }),
    description: msg('Pupils from the partner schools meet and work together in mixed teams.', { id: 'tracker.template.mobility.description' }),
  },
  reflection: {
    name: msg('Reflection', { id: 'tracker.template.reflection' }),
    description: msg('Back home, everyone looks at what they learned and finishes the shared products.', { id: 'tracker.template.reflection.description' }),
  },
  dissemination: {
    name: msg('Dissemination', { id: 'tracker.template.dissemination' }),
    description: msg('The project and its results are shared with families, schools and the community.', { id: 'tracker.template.dissemination.description' }),
  },
});

/** The eleven activities, in order within each phase, with the widgets each is done in. */
const activityTexts = (): { phase: DefaultPhaseId; title: string; description: string; widgets?: LinkableWidget[] }[] => [
  {
    phase: 'preparation',
    title: msg('Introduce teachers and pupils', { id: 'tracker.template.introduce' }),
    description: msg('Teachers and pupils of every school introduce themselves to their partners with a short text, photo or video.', { id: 'tracker.template.introduce.description' }),
  },
  {
    phase: 'preparation',
    title: msg('Set shared learning goals', { id: 'tracker.template.goals' }),
    description: msg('The partner schools agree on the competences the pupils will develop, and pupils rate themselves on them.', { id: 'tracker.template.goals.description' }),
  },
  {
    phase: 'preparation',
    title: msg('Icebreaking and vocabulary sharing', { id: 'tracker.template.icebreaking' }),
    description: msg('Pupils play icebreaking games online and build a shared glossary of the words they will need.', { id: 'tracker.template.icebreaking.description' }),
    widgets: ['glossary'],
  },
  {
    phase: 'preparation',
    title: msg('Design collaborative tasks', { id: 'tracker.template.tasks' }),
    description: msg('Teachers design the tasks that mixed teams of pupils will carry out together during the mobility.', { id: 'tracker.template.tasks.description' }),
  },
  {
    phase: 'mobility',
    title: msg('Document fieldwork in mixed teams', { id: 'tracker.template.fieldwork' }),
    description: msg('Mixed teams post photos, notes and findings from their fieldwork on the board.', { id: 'tracker.template.fieldwork.description' }),
    widgets: ['board'],
  },
  {
    phase: 'mobility',
    title: msg('Weekly reflections', { id: 'tracker.template.reflections' }),
    description: msg('Every week, each pupil writes a short journal entry about what they learned and how the teamwork went.', { id: 'tracker.template.reflections.description' }),
    widgets: ['journal'],
  },
  {
    phase: 'mobility',
    title: msg('Involve pupils who stay home', { id: 'tracker.template.stay-home' }),
    description: msg('Pupils who do not travel follow the mobility on the board and give feedback on the travellers’ journal entries.', { id: 'tracker.template.stay-home.description' }),
    widgets: ['board', 'journal'],
  },
  {
    phase: 'reflection',
    title: msg('Co-create final products', { id: 'tracker.template.products' }),
    description: msg('Partner teams finish their shared products, such as a presentation, a guide or a video, on the board.', { id: 'tracker.template.products.description' }),
    widgets: ['board'],
  },
  {
    phase: 'reflection',
    title: msg('Evaluate', { id: 'tracker.template.evaluate' }),
    description: msg('Pupils rate themselves on the learning goals again and write in the journal what changed for them.', { id: 'tracker.template.evaluate.description' }),
    widgets: ['journal'],
  },
  {
    phase: 'dissemination',
    title: msg('Disseminate', { id: 'tracker.template.disseminate' }),
    description: msg('Schools share the project and its products with families, other schools and the local community.', { id: 'tracker.template.disseminate.description' }),
    widgets: ['board'],
  },
  {
    phase: 'dissemination',
    title: msg('Plan follow-up', { id: 'tracker.template.follow-up' }),
    description: msg('Partner teachers agree on how to keep the contacts alive and what to do together next.', { id: 'tracker.template.follow-up.description' }),
  },
];

const DAY = 86_400_000;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

function parseDay(day: string): number {
  const time = DATE.test(day) ? Date.parse(`${day}T00:00:00Z`) : Number.NaN;
  if (Number.isNaN(time) || new Date(time).toISOString().slice(0, 10) !== day) {
    throw new RangeError(`The start date of the template must be a real date like 2026-03-14, not "${day}".`);
  }
  return time;
}

const dayAt = (time: number) => new Date(time).toISOString().slice(0, 10);

/**
 * The phases and activities of a typical blended mobility (an Erasmus+ school exchange with online
 * work before and after the trip), in the UI language (see `setUiLocale`), ready for
 * `store.createAll`. With `startsOn`, the phases get consecutive dates (see TEMPLATE_PHASE_WEEKS);
 * without it, no dates.
 */
export function blendedMobilityTemplate(options: { startsOn?: string } = {}): BlendedMobilityTemplate {
  const texts = phaseTexts();
  let next = options.startsOn === undefined ? undefined : parseDay(options.startsOn);
  const phases = DEFAULT_PHASES.map((id, index): TemplatePhase => {
    const phase: TemplatePhase = { id, name: texts[id].name, order: index + 1, description: texts[id].description };
    if (next !== undefined) {
      const end = next + (TEMPLATE_PHASE_WEEKS[id] * 7 - 1) * DAY;
      phase.startsOn = dayAt(next);
      phase.endsOn = dayAt(end);
      next = end + DAY;
    }
    return phase;
  });
  const counts = new Map<DefaultPhaseId, number>();
  const activities = activityTexts().map(({ phase, title, description, widgets }): TemplateActivity => {
    const order = (counts.get(phase) ?? 0) + 1;
    counts.set(phase, order);
    const activity: TemplateActivity = { title, description, phase, order, progress: 'planned' };
    if (widgets) activity.widgets = [...widgets];
    return activity;
  });
  return { phases, activities };
}
