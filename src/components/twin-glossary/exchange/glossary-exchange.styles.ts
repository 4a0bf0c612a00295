import { css } from 'lit';
import { tokens } from '../../../theme/tokens.styles.js';

export const glossaryExchangeStyles = [
  tokens,
  css`
    :host {
      display: block;
    }
    fieldset {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: var(--_gap);
      margin: 0 0 var(--_gap);
      border: 1px solid var(--_border);
      border-radius: var(--_radius);
    }
    div,
    p,
    progress {
      flex-basis: 100%;
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
