import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { formProblem, type FormProblem } from '../../localization/form-problem.js';
import type { LiveAnnouncer } from './live-announcer.js';

/**
 * Runs what a button asks for (save, approve, delete): `busy` while it runs, then either `done`
 * announced, or `problem` set (and announced) with the sentence and fields a form shows. Nothing
 * the user typed is cleared on a failure: the caller clears it only when `run` returns true.
 */
export class ActionRunner implements ReactiveController {
  busy = false;
  problem: FormProblem | undefined;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly announcer: LiveAnnouncer,
    /** How a failure reads in the form (default: `formProblem`; a widget may word some itself). */
    private readonly problemOf: (error: unknown) => FormProblem = formProblem,
  ) {
    host.addController(this);
  }

  hostConnected(): void {}

  /**
   * `busy: false` for an action no button waits on (a status select, a rating): setting `busy`
   * would only draw the host twice for nothing.
   */
  async run(action: () => Promise<unknown>, done: string, options: { busy?: boolean } = {}): Promise<boolean> {
    const busy = options.busy ?? true;
    if (busy || this.problem) {
      this.busy = busy;
      this.problem = undefined;
      this.host.requestUpdate();
    }
    try {
      await action();
      this.announcer.announce(done);
      return true;
    } catch (error) {
      this.show(this.problemOf(error));
      return false;
    } finally {
      if (busy) {
        this.busy = false;
        this.host.requestUpdate();
      }
    }
  }

  /** Shows a problem found before anything ran (an empty name), or clears it (undefined). */
  show(problem: FormProblem | undefined): void {
    this.problem = problem;
    if (problem) this.announcer.announce(problem.message);
    this.host.requestUpdate();
  }
}
