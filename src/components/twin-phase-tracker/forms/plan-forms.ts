import { msg } from '@lit/localize';
import { html, nothing } from 'lit';
import { ACTIVITY_STATUSES, LINKABLE_WIDGETS, type Activity } from '../../../sdk/schemas/activity.js';
import { COMPETENCE_CODES, type Goal } from '../../../sdk/schemas/goal.js';
import type { Phase } from '../../../sdk/schemas/phase.js';
import type { ProjectSettings } from '../../../sdk/schemas/project.js';
import { competenceLabel, statusLabel, widgetLabel } from '../tracker-labels.js';
import type { FormProblem } from './form-errors.js';

/** The fields of a submitted form, as the store takes them: empty text means "not set". */
export type FormFields = Record<string, unknown>;

interface FormOptions {
  problem?: FormProblem;
  busy: boolean;
  onSubmit: (fields: FormFields) => void;
  onCancel: () => void;
}

const invalid = (problem: FormProblem | undefined, field: string) => (problem?.fields.includes(field) ? 'true' : 'false');

/** Reads a form: trimmed text, dates, and the checked boxes of each multi-choice group as arrays. */
function read(form: HTMLFormElement, lists: readonly string[] = []): FormFields {
  const data = new FormData(form);
  const fields: FormFields = {};
  for (const [key, value] of data) {
    if (lists.includes(key)) continue;
    const text = String(value).trim();
    fields[key] = text === '' ? undefined : text;
  }
  for (const key of lists) fields[key] = data.getAll(key).map(String);
  return fields;
}

function submitWith(options: FormOptions, lists?: readonly string[]) {
  return (event: SubmitEvent) => {
    event.preventDefault();
    options.onSubmit(read(event.target as HTMLFormElement, lists));
  };
}

function problemLine(problem: FormProblem | undefined) {
  return html`<p class="form-problem" role="alert">${problem?.message ?? ''}</p>`;
}

function buttons(options: FormOptions, save: string) {
  return html`<div class="actions">
    <button type="submit" class="primary" ?disabled=${options.busy}>${save}</button>
    <button type="button" @click=${options.onCancel}>${msg('Cancel', { id: 'tracker.cancel' })}</button>
  </div>`;
}

export function phaseForm(base: Phase | undefined, options: FormOptions) {
  const p = options.problem;
  return html`<form class="plan-form" @submit=${submitWith(options)} novalidate>
    ${problemLine(p)}
    <label>${msg('Name', { id: 'tracker.field.name' })}
      <input name="name" required maxlength="300" value=${base?.name ?? ''} aria-invalid=${invalid(p, 'name')} />
    </label>
    <div class="two">
      <label>${msg('Starts on', { id: 'tracker.field.starts' })}
        <input type="date" name="startsOn" value=${base?.startsOn ?? ''} aria-invalid=${invalid(p, 'startsOn')} />
      </label>
      <label>${msg('Ends on', { id: 'tracker.field.ends' })}
        <input type="date" name="endsOn" value=${base?.endsOn ?? ''} aria-invalid=${invalid(p, 'endsOn')} />
      </label>
    </div>
    <label>${msg('Description', { id: 'tracker.field.description' })}
      <textarea name="description" rows="3" maxlength="20000" .value=${base?.description ?? ''}></textarea>
    </label>
    ${buttons(options, msg('Save the phase', { id: 'tracker.save-phase' }))}
  </form>`;
}

export function activityForm(
  base: Activity | undefined,
  context: { phases: readonly Phase[]; goals: readonly Goal[]; phase?: string },
  options: FormOptions,
) {
  const p = options.problem;
  const phase = base?.phase ?? context.phase ?? context.phases[0]?.id;
  const goals = new Set(base?.goals ?? []);
  const widgets = new Set<string>(base?.widgets ?? []);
  return html`<form class="plan-form" @submit=${submitWith(options, ['goals', 'widgets'])} novalidate>
    ${problemLine(p)}
    <label>${msg('Title', { id: 'tracker.field.title' })}
      <input name="title" required maxlength="300" value=${base?.title ?? ''} aria-invalid=${invalid(p, 'title')} />
    </label>
    <div class="two">
      <label>${msg('Phase', { id: 'tracker.field.phase' })}
        <select name="phase" aria-invalid=${invalid(p, 'phase')}>
          ${context.phases.map((item) => html`<option value=${item.id} ?selected=${item.id === phase}>${item.name}</option>`)}
        </select>
      </label>
      <label>${msg('Status', { id: 'tracker.field.status' })}
        <select name="progress">
          ${ACTIVITY_STATUSES.map((status) => html`<option value=${status} ?selected=${(base?.progress ?? 'planned') === status}>${statusLabel(status)}</option>`)}
        </select>
      </label>
      <label>${msg('Responsible school or team', { id: 'tracker.field.responsible' })}
        <input name="responsible" maxlength="300" value=${base?.responsible ?? ''} />
      </label>
      <label>${msg('Due on', { id: 'tracker.field.due' })}
        <input type="date" name="dueOn" value=${base?.dueOn ?? ''} aria-invalid=${invalid(p, 'dueOn')} />
      </label>
    </div>
    <label>${msg('Description', { id: 'tracker.field.description' })}
      <textarea name="description" rows="3" maxlength="20000" .value=${base?.description ?? ''}></textarea>
    </label>
    <fieldset>
      <legend>${msg('Done in', { id: 'tracker.field.widgets' })}</legend>
      ${LINKABLE_WIDGETS.map((widget) => html`<label class="check"><input type="checkbox" name="widgets" value=${widget} ?checked=${widgets.has(widget)} /> ${widgetLabel(widget)}</label>`)}
    </fieldset>
    ${context.goals.length
      ? html`<fieldset>
          <legend>${msg('Learning goals it serves', { id: 'tracker.field.goals' })}</legend>
          ${context.goals.map((goal) => html`<label class="check"><input type="checkbox" name="goals" value=${goal.id} ?checked=${goals.has(goal.id)} /> ${goal.title}</label>`)}
        </fieldset>`
      : nothing}
    ${buttons(options, msg('Save the activity', { id: 'tracker.save-activity' }))}
  </form>`;
}

export function goalForm(base: Goal | undefined, options: FormOptions) {
  const p = options.problem;
  const chosen = base?.competence ?? 'project';
  return html`<form class="plan-form" @submit=${submitWith(options)} novalidate>
    ${problemLine(p)}
    <label>${msg('Goal', { id: 'tracker.field.goal' })}
      <input name="title" required maxlength="300" value=${base?.title ?? ''} aria-invalid=${invalid(p, 'title')} />
    </label>
    <label>${msg('Competence', { id: 'tracker.field.competence' })}
      <select name="competence" aria-invalid=${invalid(p, 'competence')}>
        ${COMPETENCE_CODES.map((code) => html`<option value=${code} ?selected=${code === chosen}>${competenceLabel(code)}</option>`)}
      </select>
    </label>
    <label>${msg('Description', { id: 'tracker.field.description' })}
      <textarea name="description" rows="3" maxlength="20000" .value=${base?.description ?? ''}></textarea>
    </label>
    ${buttons(options, msg('Save the goal', { id: 'tracker.save-goal' }))}
  </form>`;
}

export function projectForm(project: ProjectSettings | undefined, phases: readonly Phase[], options: FormOptions) {
  const p = options.problem;
  return html`<form class="plan-form" @submit=${submitWith(options)} novalidate>
    ${problemLine(p)}
    <label>${msg('Project title', { id: 'tracker.field.project-title' })}
      <input name="title" maxlength="300" value=${project?.title ?? ''} />
    </label>
    <div class="two">
      <label>${msg('Travel out', { id: 'tracker.field.travel-out' })}
        <input type="date" name="travelOut" value=${project?.travelOut ?? ''} aria-invalid=${invalid(p, 'travelOut')} />
      </label>
      <label>${msg('Travel back', { id: 'tracker.field.travel-back' })}
        <input type="date" name="travelBack" value=${project?.travelBack ?? ''} aria-invalid=${invalid(p, 'travelBack')} />
      </label>
    </div>
    <label>${msg('Current phase', { id: 'tracker.field.current' })}
      <select name="currentPhase">
        <option value="">${msg('None', { id: 'tracker.none' })}</option>
        ${phases.map((phase) => html`<option value=${phase.id} ?selected=${phase.id === project?.currentPhase}>${phase.name}</option>`)}
      </select>
    </label>
    ${buttons(options, msg('Save the project', { id: 'tracker.save-project' }))}
  </form>`;
}
