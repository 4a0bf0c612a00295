import { css } from 'lit';
import { controls } from '../../../theme/controls.styles.js';
import { tokens } from '../../../theme/tokens.styles.js';

export const glossaryExchangeStyles = [
  tokens,
  controls,
  css`
    :host {
      display: block;
    }
    fieldset {
      display: flex;
      flex-wrap: wrap;
      align-items: end;
      gap: var(--_gap);
      margin-block-start: 0.5rem;
    }
    /* A field under its label, never wider than the fieldset: option names run long in some languages. */
    label {
      font-weight: 600;
      min-inline-size: 0;
      max-inline-size: 100%;
    }
    select {
      display: block;
      inline-size: auto;
      margin-block-start: 0.25rem;
      max-inline-size: 100%;
    }
    input[type='file'] {
      display: block;
      margin-block-start: 0.25rem;
      max-inline-size: 100%;
      font-weight: 400;
    }
    div,
    p,
    progress {
      flex-basis: 100%;
    }
    progress {
      block-size: 0.75rem;
    }
    ol {
      list-style: none;
      padding: 0;
    }
    .error {
      color: var(--_danger);
    }
  `,
];
