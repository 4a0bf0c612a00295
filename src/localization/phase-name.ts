import { msg } from '@lit/localize';

/** What naming a phase needs of its record. */
export interface NamedPhase {
  id: string;
  name: string;
}

/**
 * The name to show for a record's phase, never its id: its name in the plan (removed phases
 * included, so what was made in them keeps its name), else the name the plan template gives a
 * default phase (a space whose plan was not written yet), else a phase the plan no longer has.
 */
export function phaseName(id: string, phases: readonly NamedPhase[]): string {
  const named = phases.find((phase) => phase.id === id)?.name;
  if (named) return named;
  // The template's own ids (blended-mobility-template.ts): one translation serves both.
  switch (id) {
    case 'preparation':
      return msg('Preparation', { id: 'tracker.template.preparation' });
    case 'mobility':
      return msg('Mobility', { id: 'tracker.template.mobility' });
    case 'reflection':
      return msg('Reflection', { id: 'tracker.template.reflection' });
    case 'dissemination':
      return msg('Dissemination', { id: 'tracker.template.dissemination' });
    default:
      return msg('A phase no longer in the plan', { id: 'phase.unknown' });
  }
}

/** Phase ids in the plan's order (the order of `phases`), those it does not know last. */
export function inPlanOrder(ids: readonly string[], phases: readonly NamedPhase[]): string[] {
  const place = (id: string) => {
    const index = phases.findIndex((phase) => phase.id === id);
    return index < 0 ? phases.length : index;
  };
  return [...ids].sort((a, b) => place(a) - place(b));
}
