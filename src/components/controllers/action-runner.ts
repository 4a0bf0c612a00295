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
  ) {
    host.addController(this);
  }

  hostConnected(): void {}

  async run(action: () => Promise<unknown>, done: string): Promise<boolean> {
    this.busy = true;
    this.problem = undefined;
    this.host.requestUpdate();
    try {
      await action();
      this.announcer.announce(done);
      return true;
    } catch (error) {
      this.show(formProblem(error));
      return false;
    } finally {
      this.busy = false;
      this.host.requestUpdate();
    }
  }

  /** Shows a problem found before anything ran (an empty name), or clears it (undefined). */
  show(problem: FormProblem | undefined): void {
    this.problem = problem;
    if (problem) this.announcer.announce(problem.message);
    this.host.requestUpdate();
  }
}
