import { css } from 'lit';
import { controls } from '../../../theme/controls.styles.js';
import { widgetParts } from '../../../theme/widget-parts.styles.js';
import { tokens } from '../../../theme/tokens.styles.js';

export const journalEntryStyles = [
  tokens,
  controls,
  widgetParts,
  css`
    :host {
      display: grid;
      gap: var(--_gap);
    }
    article,
    .feedback,
    .give {
      display: grid;
      gap: 0.5rem;
    }
    h3,
    h4,
    p {
      margin: 0;
    }
    .body {
      overflow-wrap: anywhere;
      line-height: 1.5;
    }
    .body :is(p, ul, ol) {
      margin-block: 0.4rem;
    }
    .answers dt {
      font-weight: 600;
    }
    .answers dd {
      margin: 0 0 0.5rem;
      white-space: pre-line;
      overflow-wrap: anywhere;
    }
    .media {
      list-style: none;
      margin: 0;
      padding: 0;
      display: flex;
      flex-wrap: wrap;
      gap: 0.5rem;
    }
    .media img,
    .media video {
      max-inline-size: min(100%, 20rem);
      border-radius: calc(var(--_radius) / 2);
    }
    .feedback ul {
      list-style: none;
      margin: 0;
      padding: 0;
      display: grid;
      gap: 0.5rem;
    }
    .feedback li {
      border-inline-start: 3px solid var(--_accent);
      padding-inline-start: 0.6rem;
      display: grid;
      gap: 0.2rem;
    }
    .feedback li.pending {
      border-color: var(--_warning);
    }
    .feedback-body {
      white-space: pre-line;
      overflow-wrap: anywhere;
    }
    fieldset.kinds {
      display: flex;
      flex-wrap: wrap;
      gap: 0.25rem 1rem;
      margin: 0;
    }
    label:not(.check) {
      display: grid;
      gap: 0.25rem;
      font-weight: 600;
    }
    .give button {
      justify-self: start;
    }
  `,
];
