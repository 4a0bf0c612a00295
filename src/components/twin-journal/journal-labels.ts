import { msg } from '@lit/localize';

/** Words for stored codes; functions, so a language switch applies at the next render. */
export function visibilityLabel(visibility: string): string {
  switch (visibility) {
    case 'private':
      return msg('Only me and my teachers', { id: 'journal.visibility.private' });
    case 'school':
      return msg('My school', { id: 'journal.visibility.school' });
    default:
      return msg('The whole project', { id: 'journal.visibility.space' });
  }
}

export function feedbackKindLabel(kind: string): string {
  switch (kind) {
    case 'liked':
      return msg('I liked…', { id: 'journal.feedback.liked' });
    case 'wonder':
      return msg('I wonder…', { id: 'journal.feedback.wonder' });
    case 'next':
      return msg('Next time…', { id: 'journal.feedback.next' });
    default:
      return msg('Comment', { id: 'journal.feedback.comment' });
  }
}

export function promptStateLabel(state: string): string {
  switch (state) {
    case 'due':
      return msg('Due', { id: 'journal.prompt.due' });
    case 'late':
      return msg('Late', { id: 'journal.prompt.late' });
    case 'done':
      return msg('Done', { id: 'journal.prompt.done' });
    default:
      return msg('Coming', { id: 'journal.prompt.upcoming' });
  }
}
