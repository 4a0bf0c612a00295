import { ContextConsumer } from '@lit/context';
import { msg, str } from '@lit/localize';
import { html, nothing, type PropertyValues } from 'lit';
import type { Activity } from '../../sdk/schemas/activity.js';
import { ratingId, type GoalRating } from '../../sdk/schemas/goal-rating.js';
import type { Goal } from '../../sdk/schemas/goal.js';
import type { Phase } from '../../sdk/schemas/phase.js';
import { PROJECT_RECORD_ID, type ProjectSettings } from '../../sdk/schemas/project.js';
import type { TwinStore } from '../../sdk/store/create-store.js';
import type { TwinRecord } from '../../sdk/store/store-types.js';
import { errorMessage } from '../../localization/error-message.js';
import { downloadText } from '../base/download-text.js';
import { printInFrame } from '../base/print-frame.js';
import { TwinElement } from '../base/twin-element.js';
import { phaseContext } from '../context/contexts.js';
import { DialogHost } from '../controllers/dialog-host.js';
import { ActionRunner } from '../controllers/action-runner.js';
import { LiveAnnouncer } from '../controllers/live-announcer.js';
import { StoreController } from '../controllers/store-controller.js';
import { isDay, localToday } from '../../localization/dates.js';
import { planProblem } from './forms/form-errors.js';
import { activityForm, goalForm, phaseForm, projectForm, type FormFields } from './forms/plan-forms.js';
import { blendedMobilityTemplate } from './model/blended-mobility-template.js';
import { planReportHtml, planToJson } from './model/plan-export.js';
import { phaseProgress } from './model/phase-progress.js';
import { summarizeRatings } from './model/rating-summary.js';
import { whatsNext } from './model/whats-next.js';
import { memo } from '../base/memo.js';
import { reportLabels } from './report-labels.js';
import type { ActivityStatus, LinkableWidget } from './tracker-labels.js';
import type { Contributions, TrackerActions, TrackerState } from './tracker-state.js';
import { twinPhaseTrackerStyles } from './twin-phase-tracker.styles.js';
import { checklistView } from './views/checklist-view.js';
import { goalsView, type RatingMoment } from './views/goals-view.js';
import { removedPhases } from './views/removed-phases.js';
import { timelineView } from './views/timeline-view.js';
import { whatsNextView } from './views/whats-next-view.js';

export type TrackerView = 'timeline' | 'checklist' | 'goals';
const VIEWS: readonly TrackerView[] = ['timeline', 'checklist', 'goals'];

type Removable = { collection: 'activity'; record: Activity } | { collection: 'goal'; record: Goal } | { collection: 'phase'; record: Phase };

/** What the dialog shows. `base` is the version the form started from (a later change by someone else becomes a conflict, not a lost edit). */
type Dialog =
  | { kind: 'phase'; base?: Phase }
  | { kind: 'activity'; base?: Activity; phase?: string }
  | { kind: 'goal'; base?: Goal }
  | { kind: 'project' }
  | { kind: 'remove'; target: Removable }
  | undefined;

const byOrder = (a: { order: number }, b: { order: number }) => a.order - b.order;

/** A readable id for a new phase (`fieldwork`), so `<twin-space phase="fieldwork">` can name it. */
function phaseIdFor(name: string, taken: ReadonlySet<string>): string {
  const base =
    name
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '')
      .slice(0, 40) || 'phase';
  let id = base;
  for (let n = 2; taken.has(id); n++) id = `${base}-${n}`;
  return id;
}

/**
 * The project's phases (preparation, mobility, reflection, dissemination, or the project's own),
 * their activities and dates, the shared learning goals with pupils' self-ratings before and after
 * the mobility, and what each phase produced in the other widgets.
 *
 * @summary Phases, activities and shared learning goals of a blended mobility.
 * @csspart toolbar - Views and actions.
 * @csspart timeline - The list of phases with their dates and progress.
 * @csspart dialog - The dialog that edits a phase, an activity, a goal or the project's dates.
 * @event twin-phase-select - The reader asked to see one phase (or all: `phase` undefined) in every widget; `<twin-space>` applies it unless cancelled.
 * @event twin-contributions-open - The reader asked for what a phase produced in a widget; `detail` has `phase` and `widget`, for the page to navigate.
 */
export class TwinPhaseTracker extends TwinElement {
  static override styles = twinPhaseTrackerStyles;

  static override properties = {
    space: { type: String, reflect: true },
    view: { type: String, reflect: true },
    today: { type: String },
    _dialog: { state: true },
    _moment: { state: true },
    _shownPhase: { state: true },
  };

  /** Space id when used without a `<twin-space>` (then stored in this browser). */
  declare space: string | undefined;
  /** `timeline` (default), `checklist` or `goals`. */
  declare view: string | undefined;
  /** Today as `YYYY-MM-DD` (default: the browser's date); for a printed plan or a demo of another day. */
  declare today: string | undefined;
  declare _dialog: Dialog;
  declare _moment: RatingMoment | undefined;
  declare _shownPhase: string | undefined;

  readonly #phases = new StoreController<Phase>(this, { collection: 'phase', allPhases: true, compare: byOrder });
  readonly #activities = new StoreController<Activity>(this, { collection: 'activity', allPhases: true, compare: byOrder });
  readonly #goals = new StoreController<Goal>(this, { collection: 'goal', allPhases: true, compare: byOrder });
  readonly #ratings = new StoreController<GoalRating>(this, { collection: 'goal-rating', allPhases: true });
  readonly #project = new StoreController<ProjectSettings>(this, { collection: 'project', allPhases: true });
  // What each phase produced: counted over all phases, whatever the space's filter.
  readonly #made: Record<LinkableWidget, StoreController> = {
    glossary: new StoreController(this, { collection: 'glossary', allPhases: true }),
    board: new StoreController(this, { collection: 'board', allPhases: true }),
    journal: new StoreController(this, { collection: 'journal', allPhases: true }),
  };
  readonly #announcer = new LiveAnnouncer(this);
  readonly #runner = new ActionRunner(this, this.#announcer, planProblem);
  readonly #dialogHost = new DialogHost(
    this,
    () => {
      this._dialog = undefined;
      this.#runner.show(undefined);
    },
    // The button that opened it may be gone (a removed phase): back to the view.
    () => this.renderRoot.querySelector<HTMLElement>('.views button[aria-pressed="true"]'),
  );
  #state!: TrackerState;

  constructor() {
    super();
    new ContextConsumer(this, { context: phaseContext, subscribe: true, callback: (phase) => (this._shownPhase = phase) });
  }

  get #store(): TwinStore | undefined {
    return this.#phases.store;
  }

  get #view(): TrackerView {
    if (!this.view || VIEWS.includes(this.view as TrackerView)) return (this.view as TrackerView) || 'timeline';
    return 'timeline';
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('view') && this.view && !VIEWS.includes(this.view as TrackerView)) {
      console.warn(`<twin-phase-tracker>: view="${this.view}" is not one of ${VIEWS.join(', ')}; showing the timeline.`);
    }
    if (changed.has('today') && this.today && !isDay(this.today)) {
      console.warn(`<twin-phase-tracker>: today="${this.today}" is not a date like 2027-03-10; using the browser's date.`);
    }
    const store = this.#store;
    const made = this.#made;
    const plan = this.#plan(
      this.#phases.records,
      this.#activities.records,
      this.#goals.records,
      this.#ratings.records,
      this.#project.records,
      made.glossary.records,
      made.board.records,
      made.journal.records,
    );
    this.#state = {
      ...plan,
      lang: this.effectiveLang,
      today: isDay(this.today) ? this.today : localToday(),
      user: store?.user,
      staff: !!store && store.can('manage-settings'),
      shownPhase: this._shownPhase,
    };
  }

  /** The plan, recomputed only when its records change; cheap parts (language, filter) on top. */
  readonly #plan = memo(
    (phases: Phase[], activities: Activity[], goals: Goal[], ratings: GoalRating[], projects: ProjectSettings[], glossary: TwinRecord[], board: TwinRecord[], journal: TwinRecord[]) => {
      const activitiesIn = new Map<string, Activity[]>();
      for (const activity of activities) {
        const list = activitiesIn.get(activity.phase!) ?? [];
        list.push(activity);
        activitiesIn.set(activity.phase!, list);
      }
      const contributions: Contributions = new Map();
      for (const [widget, records] of [['glossary', glossary], ['board', board], ['journal', journal]] as const) {
        for (const record of records) {
          if (!record.phase) continue;
          const counts = contributions.get(record.phase) ?? { glossary: 0, board: 0, journal: 0 };
          counts[widget]++;
          contributions.set(record.phase, counts);
        }
      }
      return {
        phases: phases.filter((phase) => !phase.archived),
        archived: phases.filter((phase) => phase.archived),
        activities,
        activitiesIn,
        goals,
        ratings,
        project: projects.find((record) => record.id === PROJECT_RECORD_ID),
        progress: phaseProgress(activities),
        contributions,
      };
    },
  );

  // ---- rendering ----------------------------------------------------------------------------

  override render() {
    const state = this.#state;
    const loading = this.#phases.status === 'loading' || this.#activities.status === 'loading' || this.#goals.status === 'loading';
    const failed = [this.#phases, this.#activities, this.#goals, this.#ratings, this.#project].find((controller) => controller.status === 'error');
    const empty = !state.phases.length && !state.archived.length;
    return html`
      <section class="tracker" aria-label=${msg('Project phases', { id: 'tracker.label' })}>
        <p class="title">${state.project?.title || msg('Project phases', { id: 'tracker.label' })}</p>
        ${failed
          ? html`<p class="problem" role="alert">${msg('The project plan could not be loaded.', { id: 'tracker.load-error' })} ${errorMessage(failed.error)}</p>`
          : loading
            ? html`<p class="muted">${msg('Loading the project plan…', { id: 'tracker.loading' })}</p>`
            : empty
              ? this.#emptyState(state)
              : this.#planView(state)}
      </section>
      ${this.#dialogElement(state)} ${this.#announcer.render()}
    `;
  }

  #emptyState(state: TrackerState) {
    if (!state.staff) {
      return html`<p class="muted">${msg('The teachers have not planned the project phases yet.', { id: 'tracker.empty' })}</p>`;
    }
    return html`<div class="start">
      <p>${msg('No plan yet. Start from the actions of a blended mobility and edit them freely, or from the four usual phases alone.', { id: 'tracker.empty-staff' })}</p>
      <div class="actions">
        <button type="button" class="primary" ?disabled=${this.#runner.busy} @click=${() => this.#applyTemplate(true)}>${msg('Use the blended-mobility template', { id: 'tracker.template' })}</button>
        <button type="button" ?disabled=${this.#runner.busy} @click=${() => this.#applyTemplate(false)}>${msg('Start with the four phases', { id: 'tracker.defaults' })}</button>
      </div>
      ${this.#runner.problem && !this._dialog ? html`<p class="problem" role="alert">${this.#runner.problem.message}</p>` : nothing}
    </div>`;
  }

  #planView(state: TrackerState) {
    const view = this.#view;
    const next = state.user && state.user.role !== 'observer'
      ? whatsNext({ activities: state.activities, phases: [...state.phases, ...state.archived], project: state.project, user: state.user, today: state.today, ratings: state.ratings, goals: state.goals })
      : [];
    const shown = state.shownPhase ? [...state.phases, ...state.archived].find((phase) => phase.id === state.shownPhase) : undefined;
    return html`
      ${this.#toolbar(state, view)}
      ${state.shownPhase
        ? html`<p class="shown-note">
            ${msg(str`Every widget shows only the phase "${shown?.name ?? state.shownPhase}".`, { id: 'tracker.shown' })}
            <button type="button" class="link" @click=${() => this.#showPhase(undefined)}>${msg('Show all phases', { id: 'tracker.show-all' })}</button>
          </p>`
        : nothing}
      ${this.#runner.problem && !this._dialog ? html`<p class="problem" role="alert">${this.#runner.problem.message}</p>` : nothing}
      ${whatsNextView(next, state, () => (this.view = 'goals'))}
      <div class="view" part=${view === 'timeline' ? 'timeline' : nothing}>
        ${view === 'timeline' ? timelineView(state, this.#actions) : view === 'checklist' ? checklistView(state, this.#actions) : goalsView(state, this.#actions, this.#moment(state), (moment) => (this._moment = moment))}
      </div>
      ${view === 'goals' ? nothing : removedPhases(state, this.#actions)}
    `;
  }

  #toolbar(state: TrackerState, view: TrackerView) {
    const label = { timeline: msg('Timeline', { id: 'tracker.view.timeline' }), checklist: msg('Checklist', { id: 'tracker.view.checklist' }), goals: msg('Learning goals', { id: 'tracker.view.goals' }) };
    return html`<div class="toolbar" part="toolbar">
      <twin-sync-indicator></twin-sync-indicator>
      <twin-sync-conflicts collections="phase activity goal goal-rating project"></twin-sync-conflicts>
      <div class="views" role="group" aria-label=${msg('View', { id: 'tracker.view' })}>
        ${VIEWS.map((name) => html`<button type="button" aria-pressed=${view === name ? 'true' : 'false'} @click=${() => (this.view = name)}>${label[name]}</button>`)}
      </div>
      <div class="actions">
        ${state.staff
          ? html`<button type="button" @click=${(event: Event) => this.#open({ kind: 'phase' }, event)}>${msg('Add a phase', { id: 'tracker.add-phase' })}</button>
              <button type="button" @click=${(event: Event) => this.#open({ kind: 'activity', phase: state.project?.currentPhase }, event)} ?disabled=${!state.phases.length}>
                ${msg('Add an activity', { id: 'tracker.add-activity' })}
              </button>
              <button type="button" @click=${(event: Event) => this.#open({ kind: 'project' }, event)}>${msg('Dates and current phase', { id: 'tracker.project' })}</button>`
          : nothing}
        <button type="button" @click=${this.#print}>${msg('Print the plan', { id: 'tracker.print' })}</button>
        ${this.#store?.can('export') ? html`<button type="button" @click=${this.#downloadJson}>${msg('Download JSON', { id: 'tracker.json' })}</button>` : nothing}
      </div>
    </div>`;
  }

  /** The moment a pupil rates: chosen, or "after" once the travel back is past. */
  #moment(state: TrackerState): RatingMoment {
    if (this._moment) return this._moment;
    return state.project?.travelBack && state.today > state.project.travelBack ? 'after' : 'before';
  }

  #dialogElement(state: TrackerState) {
    const dialog = this._dialog;
    const options = { problem: this.#runner.problem, busy: this.#runner.busy, onSubmit: (fields: FormFields) => void this.#save(fields), onCancel: () => this.#close() };
    let title = '';
    let body: unknown = nothing;
    switch (dialog?.kind) {
      case 'phase':
        title = dialog.base ? msg('Edit the phase', { id: 'tracker.dialog.phase-edit' }) : msg('Add a phase', { id: 'tracker.add-phase' });
        body = phaseForm(dialog.base, options);
        break;
      case 'activity':
        title = dialog.base ? msg('Edit the activity', { id: 'tracker.dialog.activity-edit' }) : msg('Add an activity', { id: 'tracker.add-activity' });
        body = activityForm(dialog.base, { phases: state.phases, goals: state.goals, phase: dialog.phase }, options);
        break;
      case 'goal':
        title = dialog.base ? msg('Edit the goal', { id: 'tracker.dialog.goal-edit' }) : msg('Add a goal', { id: 'tracker.add-goal' });
        body = goalForm(dialog.base, options);
        break;
      case 'project':
        title = msg('Dates and current phase', { id: 'tracker.project' });
        body = projectForm(state.project, state.phases, options);
        break;
      case 'remove':
        title = msg('Remove?', { id: 'tracker.dialog.remove' });
        body = this.#removeBody(dialog.target);
        break;
    }
    return html`<dialog part="dialog" aria-labelledby="dialog-title" @close=${this.#dialogHost.handleClose}>
      <div class="dialog-head">
        <p id="dialog-title" class="dialog-title">${title}</p>
        <button type="button" class="close" @click=${() => this.#close()} aria-label=${msg('Close', { id: 'tracker.close' })}>✕</button>
      </div>
      ${body}
    </dialog>`;
  }

  #removeBody(target: Removable) {
    const name = target.collection === 'phase' ? target.record.name : target.record.title;
    const explanation =
      target.collection === 'phase'
        ? msg('Its activities and everything made in it stay reachable under "Removed phases", and you can bring it back.', { id: 'tracker.remove.phase' })
        : target.collection === 'goal'
          ? msg("Pupils' self-ratings on this goal are kept in the data but no longer shown.", { id: 'tracker.remove.goal' })
          : msg('The activity is deleted for every partner school.', { id: 'tracker.remove.activity' });
    return html`<div class="plan-form">
      <p class="form-problem" role="alert">${this.#runner.problem?.message ?? ''}</p>
      <p><strong>${name}</strong></p>
      <p>${explanation}</p>
      <div class="actions">
        <button type="button" class="danger" ?disabled=${this.#runner.busy} @click=${() => void this.#remove(target)}>${msg('Remove', { id: 'tracker.remove' })}</button>
        <button type="button" @click=${() => this.#close()}>${msg('Cancel', { id: 'tracker.cancel' })}</button>
      </div>
    </div>`;
  }

  // ---- actions ------------------------------------------------------------------------------

  readonly #actions: TrackerActions = {
    editPhase: (phase, event) => this.#open({ kind: 'phase', base: phase }, event),
    movePhase: (phase, direction) => void this.#movePhase(phase, direction),
    removePhase: (phase, event) => this.#open({ kind: 'remove', target: { collection: 'phase', record: phase } }, event),
    restorePhase: (phase) => void this.#run(() => this.#store!.update('phase', phase, { archived: false }), msg(str`"${phase.name}" is back in the plan.`, { id: 'tracker.restored' })),
    makeCurrent: (phase) => void this.#run(() => this.#saveProject({ currentPhase: phase.id }), msg(str`"${phase.name}" is now the current phase.`, { id: 'tracker.made-current' })),
    showPhase: (phase) => this.#showPhase(phase),
    openContributions: (phase, widget) => this.emit('twin-contributions-open', { phase: phase.id, widget }),
    editActivity: (activity, phase, event) => this.#open({ kind: 'activity', base: activity, phase }, event),
    setActivityStatus: (activity, status: ActivityStatus) =>
      void this.#run(() => this.#store!.update('activity', activity, { progress: status }), msg(str`"${activity.title}" saved.`, { id: 'tracker.saved-named' })),
    removeActivity: (activity, event) => this.#open({ kind: 'remove', target: { collection: 'activity', record: activity } }, event),
    editGoal: (goal, event) => this.#open({ kind: 'goal', base: goal }, event),
    removeGoal: (goal, event) => this.#open({ kind: 'remove', target: { collection: 'goal', record: goal } }, event),
    rate: (goal, moment, value) => void this.#rate(goal, moment, value),
  };

  #showPhase(phase: string | undefined) {
    // Inside a <twin-space>, the space applies it to every widget (and tells us back through the
    // context); a page may cancel the event to route it itself. Alone, the tracker filters itself.
    const applied = this.emit('twin-phase-select', { phase }, { cancelable: true });
    if (applied && !this.closest('twin-space')) this._shownPhase = phase;
  }

  /** Runs a store call; success is announced, failure shown (and announced) without losing anything. */
  #run(action: () => Promise<unknown>, done: string): Promise<boolean> {
    // The busy state disables the dialog's and the empty state's buttons; elsewhere (a status
    // select, a rating) it would only re-render the whole plan twice for nothing.
    const shown = !!this._dialog || (!this.#state.phases.length && !this.#state.archived.length);
    return this.#runner.run(action, done, { busy: shown });
  }

  async #saveProject(changes: Record<string, unknown>) {
    const store = this.#store!;
    const project = this.#state.project;
    if (project) return store.update('project', project as TwinRecord, changes);
    return store.create('project', changes, { id: PROJECT_RECORD_ID });
  }

  async #applyTemplate(withActivities: boolean) {
    // In the UI language: the plan starts in the words its teacher reads.
    const template = blendedMobilityTemplate({ startsOn: isDay(this.today) ? this.today : localToday() });
    const items = [
      ...template.phases.map(({ id, ...fields }) => ({ collection: 'phase', id, fields })),
      ...(withActivities ? template.activities.map(({ phase, ...fields }) => ({ collection: 'activity', fields, phase })) : []),
    ];
    await this.#run(
      () => this.#store!.createAll(items),
      withActivities ? msg('The template is in place: edit it freely.', { id: 'tracker.template-done' }) : msg('The four phases are in place.', { id: 'tracker.defaults-done' }),
    );
  }

  async #movePhase(phase: Phase, direction: -1 | 1) {
    const phases = this.#state.phases;
    const index = phases.indexOf(phase);
    const target = index + direction;
    if (target < 0 || target >= phases.length) return;
    // Between the neighbour it passes and the one after that: one write, whatever the others do meanwhile.
    const passed = phases[target].order;
    const beyond = phases[target + direction]?.order ?? passed + direction;
    const order = (passed + beyond) / 2;
    const ok = await this.#run(() => this.#store!.update('phase', phase, { order }), msg(str`"${phase.name}" is now phase ${target + 1}.`, { id: 'tracker.moved' }));
    if (ok) {
      // Focus follows the phase to its new place once the list shows it there, on the same button
      // when it is still enabled (at the first or last place, the other one).
      await this.#rendered(() => this.#state.phases[target]?.id === phase.id);
      const item = this.renderRoot.querySelectorAll<HTMLElement>('.timeline > li')[target];
      const again = item?.querySelector<HTMLButtonElement>(`button[data-move="${direction}"]:not(:disabled)`);
      (again ?? item?.querySelector<HTMLButtonElement>('button[data-move]:not(:disabled)'))?.focus();
    }
  }

  /** Resolves once a render shows what `done` checks (store changes arrive a moment after the write). */
  async #rendered(done: () => boolean) {
    for (let frame = 0; frame < 60 && !done(); frame++) await new Promise((resolve) => requestAnimationFrame(resolve));
    await this.updateComplete;
  }

  async #rate(goal: Goal, moment: RatingMoment, value: number) {
    const store = this.#store!;
    const id = ratingId(goal.id, moment, store.user.id);
    const existing = this.#ratings.records.find((rating) => rating.id === id);
    await this.#run(
      () => (existing ? store.update('goal-rating', existing, { value }) : store.create('goal-rating', { goal: goal.id, moment, value }, { id })),
      msg(str`Saved: ${goal.title}, ${value} of 5.`, { id: 'tracker.rated' }),
    );
  }

  async #save(fields: FormFields) {
    const dialog = this._dialog;
    const store = this.#store;
    if (!dialog || !store) return;
    const state = this.#state;
    let action: () => Promise<unknown>;
    switch (dialog.kind) {
      case 'phase': {
        const taken = new Set([...state.phases, ...state.archived].map((phase) => phase.id));
        const last = state.phases.at(-1)?.order ?? 0;
        action = dialog.base
          ? () => store.update('phase', dialog.base!, fields)
          : () => store.create('phase', { ...fields, order: last + 1 }, { id: phaseIdFor(String(fields.name ?? ''), taken) });
        break;
      }
      case 'activity': {
        const { phase, ...rest } = fields;
        const siblings = state.activitiesIn.get(String(phase)) ?? [];
        action = dialog.base
          ? () => store.update('activity', dialog.base!, { ...rest, phase })
          : () => store.create('activity', { ...rest, order: (siblings.at(-1)?.order ?? 0) + 1 }, { phase: phase as string | undefined });
        break;
      }
      case 'goal': {
        const last = state.goals.at(-1)?.order ?? 0;
        action = dialog.base ? () => store.update('goal', dialog.base!, fields) : () => store.create('goal', { ...fields, order: last + 1 });
        break;
      }
      case 'project':
        action = () => this.#saveProject(fields);
        break;
      default:
        return;
    }
    if (await this.#run(action, msg('Saved.', { id: 'tracker.saved' }))) this.#close();
    else await this.#focusProblem();
  }

  async #remove(target: Removable) {
    const store = this.#store!;
    const name = target.collection === 'phase' ? target.record.name : target.record.title;
    const action = target.collection === 'phase' ? () => store.update('phase', target.record, { archived: true }) : () => store.remove(target.collection, target.record);
    if (await this.#run(action, msg(str`"${name}" removed.`, { id: 'tracker.removed-named' }))) this.#close();
  }

  #print = () => {
    const state = this.#state;
    const summaries = summarizeRatings(state.goals, state.staff ? state.ratings : []);
    const title = state.project?.title || msg('Project phases', { id: 'tracker.label' });
    const documentHtml = planReportHtml({
      title,
      lang: this.effectiveLang,
      labels: reportLabels(),
      project: state.project,
      phases: state.phases,
      activities: state.activities.filter((activity) => state.phases.some((phase) => phase.id === activity.phase)),
      goals: state.goals,
      summaries,
      progress: state.progress,
    });
    printInFrame(this.renderRoot as ShadowRoot, documentHtml, { title, className: 'print' });
  };

  #downloadJson = () => {
    const state = this.#state;
    const space = this.#store?.space ?? 'project';
    const json = planToJson({
      project: state.project,
      phases: [...state.phases, ...state.archived],
      activities: state.activities,
      goals: state.goals,
      ratings: state.ratings,
      exportedAt: new Date().toISOString(),
    });
    downloadText(json, `${space.replace(/[^\w-]+/g, '-') || 'project'}-plan.json`, 'application/json');
  };

  // ---- dialog -------------------------------------------------------------------------------

  async #open(dialog: NonNullable<Dialog>, event?: Event) {
    this.#runner.show(undefined);
    this._dialog = dialog;
    const element = await this.#dialogHost.show(event);
    element?.querySelector<HTMLElement>('input:not([type=hidden]), select, button.danger')?.focus();
  }

  async #focusProblem() {
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('dialog [aria-invalid="true"]')?.focus();
  }

  #close() {
    this.#dialogHost.close();
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'twin-phase-tracker': TwinPhaseTracker;
  }
}
