import { css } from 'lit';
import { tokens } from '../../theme/tokens.styles.js';

export const twinGlossaryTermStyles = [
  tokens,
  css`
    /* Part of the page's prose: its font and colour, not the widgets'. */
    :host {
      display: inline;
      color: inherit;
      font: inherit;
    }
    [part='term'] {
      text-decoration: underline dotted;
      text-decoration-thickness: 0.08em;
      text-underline-offset: 0.2em;
      cursor: help;
      border-radius: 0.15em;
    }
    /* In the top layer (popover), so that no overflow: hidden of the page clips it; placed by script. */
    [role='tooltip'] {
      position: absolute;
      inset: auto;
      margin: 0;
      box-sizing: border-box;
      inline-size: max-content;
      max-inline-size: min(22rem, calc(100vw - 1rem));
      padding: 0.5rem 0.75rem;
      border: 1px solid var(--_border);
      border-radius: var(--_radius);
      background: var(--_surface-raised);
      color: var(--_text);
      font: inherit;
      font-size: 0.9375rem;
      line-height: 1.4;
      text-align: start;
      overflow-wrap: anywhere;
      box-shadow: 0 0.25rem 1rem rgb(0 0 0 / 0.2);
    }
    [role='tooltip']:not(.open) {
      display: none;
    }
    b {
      display: block;
    }
    i {
      font-style: normal;
      color: var(--_text-muted);
    }
  `,
];
