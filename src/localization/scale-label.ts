import { msg } from '@lit/localize';

/** The five steps of a self-rating (1 to 5) in words, so a number is never the only cue. */
export function scaleLabel(value: number): string {
  switch (value) {
    case 1:
      return msg('1, not yet', { id: 'scale.1' });
    case 2:
      return msg('2, a little', { id: 'scale.2' });
    case 3:
      return msg('3, partly', { id: 'scale.3' });
    case 4:
      return msg('4, mostly', { id: 'scale.4' });
    default:
      return msg('5, confidently', { id: 'scale.5' });
  }
}
