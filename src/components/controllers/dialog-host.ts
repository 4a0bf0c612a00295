import type { ReactiveController, ReactiveElement } from 'lit';

type Host = ReactiveElement & { renderRoot: HTMLElement | DocumentFragment };

/**
 * The one modal `<dialog>` of a widget: opened from a button, closed by its own buttons or Escape,
 * and focus given back to the button that opened it (or to `fallback` when that button is gone).
 * Render the dialog with `@close=${host.handleClose}`.
 */
export class DialogHost implements ReactiveController {
  #opener: HTMLElement | null = null;

  constructor(
    private readonly host: Host,
    private readonly onClosed: () => void,
    private readonly fallback: () => HTMLElement | null | undefined,
  ) {
    host.addController(this);
  }

  hostDisconnected(): void {
    this.#opener = null;
  }

  get #dialog(): HTMLDialogElement | null {
    return this.host.renderRoot.querySelector('dialog');
  }

  /** Shows the dialog after the host's next render (call it once the dialog's content state is set). */
  async show(event?: Event): Promise<HTMLDialogElement | null> {
    if (event) this.#opener = event.currentTarget as HTMLElement;
    await this.host.updateComplete;
    const dialog = this.#dialog;
    if (dialog && !dialog.open) dialog.showModal();
    return dialog;
  }

  close(): void {
    this.#dialog?.close();
  }

  handleClose = (): void => {
    // The close event comes a moment after close(): another dialog may have opened meanwhile.
    if (this.#dialog?.open) return;
    this.onClosed();
    const opener = this.#opener;
    this.#opener = null;
    if (opener?.isConnected) opener.focus();
    else this.fallback()?.focus();
  };
}
