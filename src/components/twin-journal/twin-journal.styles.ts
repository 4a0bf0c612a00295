import { css } from 'lit';
import { controls } from '../../theme/controls.styles.js';
import { tokens } from '../../theme/tokens.styles.js';

export const twinJournalStyles = [
  tokens,
  controls,
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
    .muted,
    .meta {
      color: var(--_text-muted);
    }
    .problem,
    .form-problem {
      color: var(--_danger);
      font-weight: 600;
    }
    .form-problem:empty {
      display: none;
    }
    .toolbar,
    .views {
      display: flex;
      flex-wrap: wrap;
      gap: 0.25rem var(--_gap);
      align-items: center;
    }
    .badge {
      display: inline-block;
      font-size: 0.85em;
      font-weight: 600;
      padding: 0.05rem 0.45rem;
      border-radius: 999px;
      border: 1px solid var(--_border);
      background: var(--_surface-raised);
      white-space: nowrap;
    }
    .badge.late {
      color: var(--_danger);
      border-color: var(--_danger);
    }
    .badge.due,
    .badge.pending {
      color: var(--_warning);
      border-color: var(--_warning);
    }
    .badge.done {
      color: var(--_success);
      border-color: var(--_success);
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
    .table-wrap {
      overflow-x: auto;
      max-inline-size: 100%;
    }
    table.overview {
      border-collapse: collapse;
      min-inline-size: 100%;
    }
    table.overview caption {
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
    .who {
      display: grid;
      gap: 0.1rem;
      justify-items: start;
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
    label.check {
      display: inline-flex;
      gap: 0.35rem;
      align-items: center;
      min-block-size: 2rem;
    }
    label.check input {
      inline-size: 1.15rem;
      block-size: 1.15rem;
      min-block-size: 0;
      margin: 0;
    }
    fieldset.choices {
      display: flex;
      flex-wrap: wrap;
      gap: 0.25rem 1rem;
      margin: 0;
    }
    .plan-form,
    .notes form {
      display: grid;
      gap: var(--_gap);
    }
    .notes form button {
      justify-self: start;
    }
    .two {
      display: grid;
      gap: var(--_gap);
      grid-template-columns: repeat(auto-fit, minmax(min(100%, 12rem), 1fr));
    }
    dialog {
      inline-size: min(44rem, calc(100vw - 2rem));
      max-block-size: calc(100vh - 2rem);
      border: 1px solid var(--_border);
      border-radius: var(--_radius);
      background: var(--_surface);
      color: var(--_text);
      padding: var(--_gap);
    }
    dialog::backdrop {
      background: rgb(0 0 0 / 0.45);
    }
    .dialog-head {
      display: flex;
      justify-content: space-between;
      gap: var(--_gap);
      align-items: center;
      margin-block-end: var(--_gap);
    }
    .dialog-title {
      font-size: 1.2rem;
      font-weight: 700;
    }
    iframe.print {
      position: absolute;
      inline-size: 0;
      block-size: 0;
      border: 0;
    }
  `,
];
