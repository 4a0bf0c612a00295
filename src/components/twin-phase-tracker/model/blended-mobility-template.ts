import type { ActivityStatus, LinkableWidget } from '../../../sdk/schemas/activity.js';
import { DEFAULT_PHASES } from '../../../sdk/schemas/phase.js';

export type TemplateLanguage = 'en' | 'es';
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

type Text = Record<TemplateLanguage, string>;

const PHASES: Record<DefaultPhaseId, { name: Text; description: Text }> = {
  preparation: {
    name: { en: 'Preparation', es: 'Preparación' },
    description: {
      en: 'The partner schools get to know each other online, agree on goals and plan the tasks.',
      es: 'Los centros socios se conocen en línea, acuerdan los objetivos y planifican las tareas.',
    },
  },
  mobility: {
    name: { en: 'Mobility', es: 'Movilidad' },
    description: {
      en: 'Pupils from the partner schools meet and work together in mixed teams.',
      es: 'El alumnado de los centros socios se encuentra y trabaja en equipos mixtos.',
    },
  },
  reflection: {
    name: { en: 'Reflection', es: 'Reflexión' },
    description: {
      en: 'Back home, everyone looks at what they learned and finishes the shared products.',
      es: 'De vuelta en casa, cada cual revisa lo que ha aprendido y se terminan los productos comunes.',
    },
  },
  dissemination: {
    name: { en: 'Dissemination', es: 'Difusión' },
    description: {
      en: 'The project and its results are shared with families, schools and the community.',
      es: 'El proyecto y sus resultados se comparten con las familias, los centros y la comunidad.',
    },
  },
};

const ACTIVITIES: { phase: DefaultPhaseId; title: Text; description: Text; widgets?: LinkableWidget[] }[] = [
  {
    phase: 'preparation',
    title: { en: 'Introduce teachers and pupils', es: 'Presentar al profesorado y al alumnado' },
    description: {
      en: 'Teachers and pupils of every school introduce themselves to their partners with a short text, photo or video.',
      es: 'El profesorado y el alumnado de cada centro se presentan a sus socios con un texto breve, una foto o un vídeo.',
    },
  },
  {
    phase: 'preparation',
    title: { en: 'Set shared learning goals', es: 'Fijar objetivos de aprendizaje comunes' },
    description: {
      en: 'The partner schools agree on the competences the pupils will develop, and pupils rate themselves on them.',
      es: 'Los centros socios acuerdan las competencias que desarrollará el alumnado, y cada alumno o alumna se autoevalúa en ellas.',
    },
  },
  {
    phase: 'preparation',
    title: { en: 'Icebreaking and vocabulary sharing', es: 'Romper el hielo y compartir vocabulario' },
    description: {
      en: 'Pupils play icebreaking games online and build a shared glossary of the words they will need.',
      es: 'El alumnado juega en línea para romper el hielo y crea un glosario común con las palabras que necesitará.',
    },
    widgets: ['glossary'],
  },
  {
    phase: 'preparation',
    title: { en: 'Design collaborative tasks', es: 'Diseñar tareas colaborativas' },
    description: {
      en: 'Teachers design the tasks that mixed teams of pupils will carry out together during the mobility.',
      es: 'El profesorado diseña las tareas que los equipos mixtos de alumnos realizarán juntos durante la movilidad.',
    },
  },
  {
    phase: 'mobility',
    title: { en: 'Document fieldwork in mixed teams', es: 'Documentar el trabajo de campo en equipos mixtos' },
    description: {
      en: 'Mixed teams post photos, notes and findings from their fieldwork on the board.',
      es: 'Los equipos mixtos publican en el tablero fotos, notas y hallazgos de su trabajo de campo.',
    },
    widgets: ['board'],
  },
  {
    phase: 'mobility',
    title: { en: 'Weekly reflections', es: 'Reflexiones semanales' },
    description: {
      en: 'Every week, each pupil writes a short journal entry about what they learned and how the teamwork went.',
      es: 'Cada semana, cada alumno o alumna escribe en el diario lo que ha aprendido y cómo ha ido el trabajo en equipo.',
    },
    widgets: ['journal'],
  },
  {
    phase: 'mobility',
    title: { en: 'Involve pupils who stay home', es: 'Implicar al alumnado que se queda en casa' },
    description: {
      en: 'Pupils who do not travel follow the mobility on the board and give feedback on the travellers’ journal entries.',
      es: 'El alumnado que no viaja sigue la movilidad en el tablero y comenta las entradas del diario de quienes viajan.',
    },
    widgets: ['board', 'journal'],
  },
  {
    phase: 'reflection',
    title: { en: 'Co-create final products', es: 'Crear juntos los productos finales' },
    description: {
      en: 'Partner teams finish their shared products, such as a presentation, a guide or a video, on the board.',
      es: 'Los equipos socios terminan en el tablero sus productos comunes, como una presentación, una guía o un vídeo.',
    },
    widgets: ['board'],
  },
  {
    phase: 'reflection',
    title: { en: 'Evaluate', es: 'Evaluar' },
    description: {
      en: 'Pupils rate themselves on the learning goals again and write in the journal what changed for them.',
      es: 'El alumnado vuelve a autoevaluarse en los objetivos de aprendizaje y escribe en el diario qué ha cambiado para él.',
    },
    widgets: ['journal'],
  },
  {
    phase: 'dissemination',
    title: { en: 'Disseminate', es: 'Difundir' },
    description: {
      en: 'Schools share the project and its products with families, other schools and the local community.',
      es: 'Los centros comparten el proyecto y sus productos con las familias, otros centros y la comunidad local.',
    },
    widgets: ['board'],
  },
  {
    phase: 'dissemination',
    title: { en: 'Plan follow-up', es: 'Planificar la continuidad' },
    description: {
      en: 'Partner teachers agree on how to keep the contacts alive and what to do together next.',
      es: 'El profesorado socio acuerda cómo mantener el contacto y qué hacer juntos a continuación.',
    },
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
 * work before and after the trip), in English or Spanish, ready for `store.createAll`. With
 * `startsOn`, the phases get consecutive dates (see TEMPLATE_PHASE_WEEKS); without it, no dates.
 */
export function blendedMobilityTemplate(options: { lang: TemplateLanguage; startsOn?: string }): BlendedMobilityTemplate {
  const lang: TemplateLanguage = options.lang === 'es' ? 'es' : 'en';
  let next = options.startsOn === undefined ? undefined : parseDay(options.startsOn);
  const phases = DEFAULT_PHASES.map((id, index): TemplatePhase => {
    const phase: TemplatePhase = { id, name: PHASES[id].name[lang], order: index + 1, description: PHASES[id].description[lang] };
    if (next !== undefined) {
      const end = next + (TEMPLATE_PHASE_WEEKS[id] * 7 - 1) * DAY;
      phase.startsOn = dayAt(next);
      phase.endsOn = dayAt(end);
      next = end + DAY;
    }
    return phase;
  });
  const counts = new Map<DefaultPhaseId, number>();
  const activities = ACTIVITIES.map(({ phase, title, description, widgets }): TemplateActivity => {
    const order = (counts.get(phase) ?? 0) + 1;
    counts.set(phase, order);
    const activity: TemplateActivity = { title: title[lang], description: description[lang], phase, order, progress: 'planned' };
    if (widgets) activity.widgets = [...widgets];
    return activity;
  });
  return { phases, activities };
}
