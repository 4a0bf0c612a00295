import { css } from 'lit';
import { controls } from '../../../theme/controls.styles.js';
import { widgetParts } from '../../../theme/widget-parts.styles.js';
import { tokens } from '../../../theme/tokens.styles.js';

export const boardComposerStyles = [
  tokens,
  controls,
  widgetParts,
  css`
    :host {
      display: block;
      container-type: inline-size;
    }
    form {
      display: grid;
      gap: var(--_gap);
    }
    label:not(.check) {
      display: grid;
      gap: 0.25rem;
      font-weight: 600;
    }
    /* Fields side by side line up at the bottom, whatever their labels' length. */
    .two {
      align-items: end;
    }
    .problem:empty {
      display: none;
    }
    .note,
    .hint {
      margin: 0;
      color: var(--_text-muted);
    }
    .note.warning {
      color: var(--_warning);
      font-weight: 600;
    }
    .file-field {
      display: grid;
      gap: 0.25rem;
    }
    .chosen {
      display: flex;
      flex-wrap: wrap;
      gap: 0.5rem;
      align-items: center;
      margin: 0;
      overflow-wrap: anywhere;
    }
    .chosen img {
      inline-size: 4rem;
      block-size: 4rem;
      object-fit: cover;
      border-radius: calc(var(--_radius) / 2);
    }
    .conflict {
      border: 2px solid var(--_warning);
      border-radius: var(--_radius);
      padding: var(--_gap);
      display: grid;
      gap: 0.5rem;
    }
    .conflict p {
      margin: 0;
    }
    .actions {
      display: flex;
      flex-wrap: wrap;
      gap: 0.5rem;
    }
  `,
];
