import { msg } from '@lit/localize';
import type { ACTIVITY_STATUSES, LINKABLE_WIDGETS } from '../../sdk/schemas/activity.js';
import type { COMPETENCE_CODES } from '../../sdk/schemas/goal.js';

export type ActivityStatus = (typeof ACTIVITY_STATUSES)[number];
export type LinkableWidget = (typeof LINKABLE_WIDGETS)[number];
export type CompetenceCode = (typeof COMPETENCE_CODES)[number];

/** Words the tracker shows for stored codes; a function each, so a language switch applies. */
export function statusLabel(status: ActivityStatus): string {
  switch (status) {
    case 'planned':
      return msg('Planned', { id: 'tracker.status.planned' });
    case 'in-progress':
      return msg('In progress', { id: 'tracker.status.in-progress' });
    case 'done':
      return msg('Done', { id: 'tracker.status.done' });
  }
}

export function widgetLabel(widget: LinkableWidget | string): string {
  switch (widget) {
    case 'glossary':
      return msg('Glossary', { id: 'tracker.widget.glossary' });
    case 'board':
      return msg('TwinBoard', { id: 'tracker.widget.board' });
    case 'journal':
      return msg('Journal', { id: 'tracker.widget.journal' });
    default:
      return widget;
  }
}

/** The eight EU key competences for lifelong learning (2018), and the project's own goals. */
export function competenceLabel(code: CompetenceCode | string): string {
  switch (code) {
    case 'literacy':
      return msg('Literacy', { id: 'tracker.competence.literacy' });
    case 'multilingual':
      return msg('Multilingual', { id: 'tracker.competence.multilingual' });
    case 'stem':
      return msg('Mathematics, science, technology and engineering', { id: 'tracker.competence.stem' });
    case 'digital':
      return msg('Digital', { id: 'tracker.competence.digital' });
    case 'personal-social-learning':
      return msg('Personal, social and learning to learn', { id: 'tracker.competence.personal-social-learning' });
    case 'citizenship':
      return msg('Citizenship', { id: 'tracker.competence.citizenship' });
    case 'entrepreneurship':
      return msg('Entrepreneurship', { id: 'tracker.competence.entrepreneurship' });
    case 'cultural-awareness':
      return msg('Cultural awareness and expression', { id: 'tracker.competence.cultural-awareness' });
    case 'project':
      return msg('Project goal', { id: 'tracker.competence.project' });
    case 'vocational':
      return msg('Vocational', { id: 'tracker.competence.vocational' });
    default:
      return code;
  }
}
