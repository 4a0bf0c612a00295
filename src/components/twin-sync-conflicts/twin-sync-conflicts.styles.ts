import { css } from 'lit';
import { controls } from '../../theme/controls.styles.js';
import { tokens } from '../../theme/tokens.styles.js';
import { widgetParts } from '../../theme/widget-parts.styles.js';

export const twinSyncConflictsStyles = [
  tokens,
  controls,
  widgetParts,
  css`
    /* No box of its own: in a toolbar the notice is one more item, and nothing at all when empty. */
    :host {
      display: contents;
    }
    .notice {
      display: inline-flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 0.4rem;
      margin: 0;
      padding: 0.1rem 0.2rem 0.1rem 0.6rem;
      border: 1px solid var(--_warning);
      border-radius: var(--_radius);
      color: var(--_text);
      font-size: 0.9em;
    }
    .notice button {
      min-block-size: 2rem;
      padding-block: 0.2rem;
    }
    .entries {
      list-style: none;
      margin: 0;
      padding: 0;
      display: grid;
      gap: var(--_gap);
    }
    .entry {
      display: grid;
      gap: 0.5rem;
      padding: var(--_gap);
      border: 1px solid var(--_border);
      border-radius: var(--_radius);
      background: var(--_surface-raised);
    }
    .entry p,
    .entry h3 {
      margin: 0;
    }
    .entry h3 {
      font-size: 1.05rem;
      overflow-wrap: anywhere;
    }
    .compare {
      overflow-x: auto;
    }
    table {
      inline-size: 100%;
      border-collapse: collapse;
      table-layout: fixed;
      background: var(--_surface);
    }
    th,
    td {
      text-align: start;
      vertical-align: top;
      padding: 0.35rem 0.5rem;
      border: 1px solid var(--_border);
      overflow-wrap: break-word;
    }
    thead th {
      background: var(--_surface-raised);
    }
    tbody th {
      font-weight: 600;
      font-size: 0.9em;
      color: var(--_text-muted);
      background: var(--_surface-raised);
    }
    /* The fields both sides changed: what the decision is about. */
    tbody.clash th {
      color: var(--_text);
      border-inline-start: 4px solid var(--_warning);
    }
  `,
];
