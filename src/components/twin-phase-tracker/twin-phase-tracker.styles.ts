import { css } from 'lit';
import { controls } from '../../theme/controls.styles.js';
import { widgetParts } from '../../theme/widget-parts.styles.js';
import { tokens } from '../../theme/tokens.styles.js';

export const twinPhaseTrackerStyles = [
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
    .tracker,
    .view,
    .checklist {
      display: grid;
      gap: var(--_gap);
    }
    .view > button,
    .check-phase > button {
      justify-self: start;
    }
    h2,
    h3 {
      margin: 0;
      line-height: 1.3;
    }
    .title,
    .dialog-title {
      font-size: 1.25rem;
      font-weight: 700;
    }
    h3 {
      font-size: 1.05rem;
    }
    p {
      margin: 0;
    }
    .muted,
    .meta,
    .phase-dates,
    .dates-line {
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
    .toolbar {
      display: flex;
      flex-wrap: wrap;
      gap: var(--_gap);
      align-items: center;
    }
    .views {
      display: flex;
      flex-wrap: wrap;
      gap: 0.25rem;
    }
    .dates-line,
    .contributions {
      display: flex;
      flex-wrap: wrap;
      gap: 0.25rem 1rem;
      align-items: baseline;
    }
    .badge.today {
      color: var(--_success);
      border-color: var(--_success);
    }
    .timeline,
    .activities,
    .goals,
    .next ul {
      list-style: none;
      margin: 0;
      padding: 0;
      display: grid;
      gap: var(--_gap);
    }
    .badge.current {
      background: var(--_accent);
      color: var(--_accent-contrast);
      border-color: var(--_accent);
    }
    .phase,
    .check-phase,
    .goal,
    .next,
    .start,
    .rate,
    .results {
      display: grid;
      gap: 0.5rem;
      padding: var(--_gap);
      border: 1px solid var(--_border);
      border-radius: var(--_radius);
      background: var(--_surface);
    }
    .phase.current {
      border-inline-start: 0.4rem solid var(--_accent);
    }
    .phase.shown {
      box-shadow: 0 0 0 2px var(--_accent);
    }
    .phase-head {
      display: flex;
      flex-wrap: wrap;
      gap: 0.5rem;
      align-items: baseline;
    }
    .phase-number {
      color: var(--_text-muted);
    }
    .track {
      position: relative;
      block-size: 0.9rem;
      border-radius: 999px;
      background: var(--_surface-raised);
      border: 1px solid var(--_border);
      overflow: hidden;
    }
    .bar {
      position: absolute;
      inset-block: 0;
      background: var(--_accent);
      opacity: 0.75;
    }
    .marker {
      position: absolute;
      inset-block: -1px;
      inline-size: 3px;
      margin-inline-start: -1px;
      background: var(--_warning);
    }
    .swatch {
      display: inline-block;
      inline-size: 4px;
      block-size: 0.9em;
      margin-inline-end: 0.35rem;
      vertical-align: -0.1em;
      background: var(--_warning);
    }
    .swatch.now,
    .marker.now {
      inline-size: 4px;
      background: var(--_danger);
    }
    .progress-line {
      display: flex;
      flex-wrap: wrap;
      gap: 0.5rem;
      align-items: center;
    }
    progress {
      inline-size: min(12rem, 100%);
      accent-color: var(--_accent);
    }
    .phase-description,
    .activity-description,
    .goal-description {
      white-space: pre-line;
      overflow-wrap: anywhere;
    }
    .activity {
      display: grid;
      gap: 0.25rem;
      padding-block: 0.5rem;
      border-block-start: 1px solid var(--_border);
    }
    .activity-title,
    .goal-title {
      display: flex;
      flex-wrap: wrap;
      gap: 0.4rem;
      align-items: baseline;
      font-weight: 600;
      overflow-wrap: anywhere;
    }
    .activity.done .activity-title > span:nth-child(2) {
      text-decoration: line-through;
      text-decoration-thickness: 1px;
    }
    .mark {
      inline-size: 1.2em;
      color: var(--_accent);
    }
    .count {
      font-weight: 400;
      color: var(--_text-muted);
      margin-inline-start: 0.5rem;
    }
    label.inline {
      display: inline-flex;
      gap: 0.4rem;
      align-items: center;
    }
    label.inline select {
      inline-size: auto;
    }
    .shown-note {
      padding: 0.5rem var(--_gap);
      border-radius: var(--_radius);
      background: var(--_surface-raised);
    }
    details.removed summary {
      cursor: pointer;
      font-weight: 600;
      padding-block: 0.4rem;
    }
    details.removed[open] {
      display: grid;
      gap: var(--_gap);
    }
    .chart {
      display: grid;
      gap: 0.5rem;
    }
    .chart-row {
      display: grid;
      grid-template-columns: minmax(6rem, 1fr) minmax(6rem, 2fr) auto;
      gap: 0.5rem;
      align-items: center;
    }
    @container (max-width: 30rem) {
      fieldset.scale {
        flex-direction: column;
      }
      .chart-row {
        grid-template-columns: 1fr auto;
      }
      .chart-row .bars {
        grid-column: 1 / -1;
        grid-row: 2;
      }
    }
    .chart-label {
      overflow-wrap: anywhere;
    }
    .bars {
      inline-size: 100%;
      block-size: 1.6rem;
    }
    .bars .tick {
      stroke: var(--_border);
      stroke-width: 0.3;
      vector-effect: non-scaling-stroke;
    }
    .bars .before,
    .key.before {
      fill: var(--_text-muted);
      background: var(--_text-muted);
    }
    .bars .after,
    .key.after {
      fill: var(--_accent);
      background: var(--_accent);
    }
    .scale-note {
      margin-inline-start: 0.75rem;
    }
    .legend {
      display: flex;
      flex-wrap: wrap;
      gap: 0.4rem;
      align-items: center;
      color: var(--_text-muted);
    }
    .key {
      display: inline-block;
      inline-size: 1rem;
      block-size: 0.6rem;
    }
    .key.after {
      margin-inline-start: 0.75rem;
    }
    fieldset.scale,
    fieldset.moment {
      display: flex;
      flex-wrap: wrap;
      gap: 0.25rem 1rem;
      margin: 0;
    }
    .plan-form {
      display: grid;
      gap: var(--_gap);
    }
    .plan-form label:not(.check) {
      display: grid;
      gap: 0.25rem;
      font-weight: 600;
    }
    .plan-form fieldset {
      display: flex;
      flex-wrap: wrap;
      gap: 0.25rem 1rem;
      margin: 0;
    }
  `,
];
