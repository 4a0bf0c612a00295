import { css } from 'lit';
import { tokens } from '../../theme/tokens.styles.js';

export const twinSpaceStyles = [
  tokens,
  css`
    :host {
      display: block;
    }
    /* A theme chosen here may differ from the page's: paint the space's own background. */
    :host([theme='light']),
    :host([theme='dark']) {
      background: var(--_surface);
      color: var(--_text);
    }
    :host([theme='light']) {
      color-scheme: light;
    }
    :host([theme='dark']) {
      color-scheme: dark;
    }
    :host([theme='auto']) {
      color-scheme: light dark;
    }
    /* Empty, the live region stays in the accessibility tree (hidden only visually), so that
       screen readers announce the text when it arrives. */
    [part~='status']:empty {
      position: absolute;
      inline-size: 1px;
      block-size: 1px;
      overflow: hidden;
      clip-path: inset(50%);
      margin: 0;
      padding: 0;
      border: 0;
    }
    [part~='status'] {
      margin: 0 0 var(--_gap);
      padding: 0.5rem 0.75rem;
      border-inline-start: 4px solid var(--_warning);
      background: var(--_surface-raised);
      color: var(--_text);
      border-radius: var(--_radius);
    }
    [part~='status'] button {
      margin-inline-start: 0.5rem;
      font: inherit;
      min-block-size: 2.25rem;
      padding: 0.25rem 0.75rem;
      border: 1px solid var(--_accent);
      border-radius: var(--_radius);
      background: transparent;
      color: var(--_accent);
      cursor: pointer;
    }
    [part~='status'] button:focus-visible {
      outline: 3px solid var(--_focus);
      outline-offset: 2px;
    }
    [part~='status'].error {
      border-inline-start-color: var(--_danger);
    }
  `,
];
