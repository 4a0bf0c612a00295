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
    label {
      font-weight: 600;
    }
    select {
      inline-size: auto;
      margin-inline-start: 0.5rem;
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
