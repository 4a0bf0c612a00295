import { css } from 'lit';
import { controls } from '../../../theme/controls.styles.js';
import { widgetParts } from '../../../theme/widget-parts.styles.js';
import { tokens } from '../../../theme/tokens.styles.js';

export const journalEditorStyles = [
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
    .note,
    .hint {
      margin: 0;
      color: var(--_text-muted);
    }
    .note.warning {
      color: var(--_warning);
      font-weight: 600;
    }
    .media-list {
      list-style: none;
      margin: 0 0 0.5rem;
      padding: 0;
      display: grid;
      gap: 0.5rem;
    }
    .media-list li {
      display: grid;
      grid-template-columns: auto 1fr auto;
      gap: 0.5rem;
      align-items: end;
    }
    .media-list img {
      inline-size: 4rem;
      block-size: 4rem;
      object-fit: cover;
      border-radius: calc(var(--_radius) / 2);
    }
    .media-kind {
      font-weight: 600;
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
  `,
];
