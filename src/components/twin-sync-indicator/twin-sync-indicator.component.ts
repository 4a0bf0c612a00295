import { ContextConsumer } from '@lit/context';
import { css, html, nothing } from 'lit';
import { tokens } from '../../theme/tokens.styles.js';
import { TwinElement } from '../base/twin-element.js';
import { syncContext } from '../context/contexts.js';
import { syncStateLabel } from '../twin-space/sync-messages.js';

/**
 * A small sign of the space's sync with its server, for a widget's toolbar: saved, syncing,
 * offline with the number of changes waiting, or a problem. Shows nothing when the space's storage
 * does not sync. Not a live region: `<twin-space>`'s status line announces what matters, once.
 *
 * @summary The sync state of the space, in a few words.
 * @csspart indicator - The dot and the words.
 */
export class TwinSyncIndicator extends TwinElement {
  static override styles = [
    tokens,
    css`
      :host {
        display: inline-block;
        font-size: 0.875em;
      }
      span {
        display: inline-flex;
        align-items: center;
        gap: 0.35em;
        white-space: nowrap;
      }
      span::before {
        content: '';
        inline-size: 0.6em;
        block-size: 0.6em;
        border-radius: 50%;
        background: var(--_success);
      }
      .syncing::before {
        background: var(--_accent);
      }
      .offline::before {
        background: var(--_warning);
      }
      .error::before {
        background: var(--_danger);
      }
    `,
  ];

  readonly #sync = new ContextConsumer(this, { context: syncContext, subscribe: true });

  protected override render() {
    const status = this.#sync.value;
    if (!status) return nothing;
    // The words say the state; the dot's colour only repeats it.
    return html`<span part="indicator" class=${status.state}>${syncStateLabel(status)}</span>`;
  }
}
