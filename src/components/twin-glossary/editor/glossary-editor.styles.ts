import { css } from 'lit';
import { tokens } from '../../../theme/tokens.styles.js';
import { controls } from '../../../theme/controls.styles.js';

export const glossaryEditorStyles = [
  tokens,
  controls,
  css`
    :host {
      display: block;
    }
    .field {
      margin-block-end: var(--_gap);
    }
    .field label {
      display: block;
      font-weight: 600;
      margin-block-end: 0.25rem;
    }
    .media {
      display: flex;
      flex-wrap: wrap;
      gap: 0.5rem;
      align-items: center;
      margin-block-end: var(--_gap);
    }
    /* A field and its button on one line: the field gives way, the button keeps its words. */
    .inline {
      display: flex;
      gap: 0.5rem;
    }
    .inline input {
      flex: 1 1 auto;
      min-inline-size: 0;
    }
    .inline button {
      flex: none;
    }
    .linked {
      list-style: none;
      padding: 0;
      margin: 0.5rem 0 0;
      display: flex;
      flex-wrap: wrap;
      gap: 0.25rem 1rem;
    }
    .media-label {
      font-weight: 600;
      inline-size: 100%;
    }
    /* The file picker's label may shrink below the picker's natural width (a phone's). */
    .file {
      min-inline-size: 0;
      max-inline-size: 100%;
    }
    .file input {
      display: block;
      margin-block-start: 0.25rem;
      max-inline-size: 100%;
    }
    .warning {
      color: var(--_warning);
      border-inline-start: 4px solid var(--_warning);
      padding-inline-start: 0.5rem;
    }
    .error {
      color: var(--_danger);
      margin: 0.25rem 0 0;
    }
    .message:empty {
      display: none;
    }
    .message {
      color: var(--_danger);
      font-weight: 600;
    }
    .theirs dt {
      font-weight: 700;
    }
    .theirs dd {
      margin: 0 0 0.5rem;
      white-space: pre-line;
      overflow-wrap: anywhere;
    }
    .conflict {
      border: 2px solid var(--_warning);
      border-radius: var(--_radius);
      padding: var(--_gap);
      margin-block-end: var(--_gap);
    }
  `,
];
