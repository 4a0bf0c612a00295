import { msg } from '@lit/localize';
import { html } from 'lit';
import type { JournalPrompt } from '../../../sdk/schemas/journal-prompt.js';
import type { Phase } from '../../../sdk/schemas/phase.js';
import type { FormProblem } from '../../../localization/form-problem.js';

export interface PromptSetFormOptions {
  problem?: FormProblem;
  busy: boolean;
  /** `by`: schedule by week dates or by phase. */
  by: 'week' | 'phase';
  setBy: (by: 'week' | 'phase') => void;
  onSubmit: (fields: Record<string, unknown>) => void;
  onCancel: () => void;
}

/**
 * Prompts one per line. Ids are kept by position when a set is edited, so answers already given
 * stay with their question.
 */
function readPrompts(text: string, before: JournalPrompt | undefined) {
  return text
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean)
    .map((line, index) => ({ id: before?.prompts[index]?.id ?? `q${index + 1}`, text: line }));
}

export function promptSetForm(base: JournalPrompt | undefined, phases: readonly Phase[], options: PromptSetFormOptions) {
  const p = options.problem;
  const invalid = (field: string) => (p?.fields.includes(field) ? 'true' : 'false');
  const submit = (event: SubmitEvent) => {
    event.preventDefault();
    const data = new FormData(event.target as HTMLFormElement);
    const value = (key: string) => String(data.get(key) ?? '').trim() || undefined;
    const schedule = options.by === 'phase' ? { phase: value('phase') } : { from: value('from'), to: value('to') };
    options.onSubmit({ title: value('title'), prompts: readPrompts(String(data.get('prompts') ?? ''), base), schedule });
  };
  return html`<form class="plan-form" @submit=${submit} novalidate>
    <p class="form-problem" role="alert">${p?.message ?? ''}</p>
    <label>${msg('Title', { id: 'journal.field.title' })}
      <input name="title" maxlength="300" value=${base?.title ?? ''} aria-invalid=${invalid('title')} />
    </label>
    <label>${msg('Questions, one per line', { id: 'journal.prompts.lines' })}
      <textarea name="prompts" rows="4" aria-invalid=${invalid('prompts')} .value=${base?.prompts.map((prompt) => prompt.text).join('\n') ?? ''}></textarea>
    </label>
    <fieldset class="choices">
      <legend>${msg('When', { id: 'journal.prompts.when' })}</legend>
      <label class="check"><input type="radio" name="by" .checked=${options.by === 'week'} @change=${() => options.setBy('week')} /> ${msg('In a week (dates)', { id: 'journal.prompts.by-week' })}</label>
      <label class="check"><input type="radio" name="by" .checked=${options.by === 'phase'} ?disabled=${!phases.length} @change=${() => options.setBy('phase')} /> ${msg('During a phase', { id: 'journal.prompts.by-phase' })}</label>
    </fieldset>
    ${options.by === 'phase'
      ? html`<label>${msg('Phase', { id: 'journal.field.phase' })}
          <select name="phase" aria-invalid=${invalid('schedule')}>
            ${phases.map((phase) => html`<option value=${phase.id} ?selected=${phase.id === base?.schedule.phase}>${phase.name}</option>`)}
          </select>
        </label>`
      : html`<div class="two">
          <label>${msg('From', { id: 'journal.prompts.from' })}<input type="date" name="from" value=${base?.schedule.from ?? ''} aria-invalid=${invalid('schedule')} /></label>
          <label>${msg('To', { id: 'journal.prompts.to' })}<input type="date" name="to" value=${base?.schedule.to ?? ''} aria-invalid=${invalid('schedule')} /></label>
        </div>`}
    <div class="actions">
      <button type="submit" class="primary" ?disabled=${options.busy}>${msg('Save the prompt set', { id: 'journal.prompts.save' })}</button>
      <button type="button" @click=${options.onCancel}>${msg('Cancel', { id: 'journal.cancel' })}</button>
    </div>
  </form>`;
}
