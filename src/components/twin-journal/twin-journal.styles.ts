import { css } from 'lit';
import { controls } from '../../theme/controls.styles.js';
import { widgetParts } from '../../theme/widget-parts.styles.js';
import { tokens } from '../../theme/tokens.styles.js';

export const twinJournalStyles = [
  tokens,
  controls,
  widgetParts,
  css`
    :host {
      display: block;
      container-type: inline-size;
      background: var(--_surface);
      border-radius: var(--_radius);
      padding: var(--_gap);
    }
    .journal,
    .view,
    .list,
    .week {
      display: grid;
      gap: var(--_gap);
    }
    h3,
    h4,
    p {
      margin: 0;
    }
    .toolbar,
    .views {
      display: flex;
      flex-wrap: wrap;
      gap: 0.25rem var(--_gap);
      align-items: center;
    }
    ul {
      list-style: none;
      margin: 0;
      padding: 0;
      display: grid;
      gap: 0.5rem;
    }
    ol {
      margin: 0.25rem 0;
    }
    .entry-card {
      inline-size: 100%;
      display: grid;
      gap: 0.2rem;
      justify-items: start;
      text-align: start;
      background: var(--_surface);
    }
    .entry-title {
      font-weight: 700;
      overflow-wrap: anywhere;
    }
    .prompts,
    .notes,
    .invite,
    .person,
    .sets > li {
      display: grid;
      gap: 0.5rem;
      padding: var(--_gap);
      border: 1px solid var(--_border);
      border-radius: var(--_radius);
    }
    .prompts li {
      display: flex;
      flex-wrap: wrap;
      gap: 0.5rem;
      align-items: center;
    }
    .notes p {
      white-space: pre-line;
      overflow-wrap: anywhere;
    }
    details.person summary {
      cursor: pointer;
      font-weight: 600;
    }
    .overview-head {
      display: grid;
      gap: 0.5rem;
    }
    /* A week per column: on a phone the table scrolls sideways inside its own region. */
    .table-wrap {
      overflow-x: auto;
      max-inline-size: 100%;
      container-type: inline-size;
    }
    table.overview {
      border-collapse: collapse;
      min-inline-size: 100%;
    }
    /* The caption stays in view and wraps to the region's width, not the table's. */
    table.overview caption {
      box-sizing: border-box;
      max-inline-size: 100cqi;
      position: sticky;
      inset-inline-start: 0;
      text-align: start;
      font-weight: 600;
      padding-block: 0.25rem;
    }
    table.overview th,
    table.overview td {
      border: 1px solid var(--_border);
      padding: 0.3rem 0.5rem;
      text-align: start;
      vertical-align: top;
      white-space: nowrap;
    }
    table.overview tbody th {
      font-weight: 400;
    }
    table.overview tbody th > :is(button, .meta, .badge) {
      display: block;
      inline-size: fit-content;
    }
    td.wrote {
      background: color-mix(in srgb, var(--_success) 12%, transparent);
    }
    tr.nudge th {
      border-inline-start: 4px solid var(--_danger);
    }
    label:not(.check) {
      display: grid;
      gap: 0.25rem;
      font-weight: 600;
    }
    .plan-form,
    .notes form {
      display: grid;
      gap: var(--_gap);
    }
    .notes form button {
      justify-self: start;
    }
  `,
];
