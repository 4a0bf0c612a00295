import { css } from 'lit';
import { controls } from '../../theme/controls.styles.js';
import { tokens } from '../../theme/tokens.styles.js';
import { richTextContentStyles } from './rich-text-content.styles.js';

export const richTextEditorStyles = [
  tokens,
  controls,
  richTextContentStyles,
  css`
    :host {
      display: block;
    }
    .label {
      display: block;
      font-weight: 600;
      margin-block-end: 0.25rem;
    }
    .hint,
    .count {
      color: var(--_text-muted);
      font-size: 0.9em;
      margin: 0 0 0.4rem;
    }
    .toolbar {
      display: flex;
      flex-wrap: wrap;
      gap: 0.25rem;
      padding: 0.25rem;
      background: var(--_surface-raised);
      border: 1px solid var(--_border);
      border-block-end: none;
      border-start-start-radius: calc(var(--_radius) / 2);
      border-start-end-radius: calc(var(--_radius) / 2);
    }
    .tool-bold {
      font-weight: 700;
    }
    .tool-italic {
      font-style: italic;
    }
    .content {
      box-sizing: border-box;
      min-block-size: var(--twin-rich-text-min-height, 8rem);
      max-block-size: var(--twin-rich-text-max-height, 60vh);
      overflow: auto;
      padding: 0.5rem 0.75rem;
      background: var(--_surface);
      border: 1px solid var(--_border);
      border-end-start-radius: calc(var(--_radius) / 2);
      border-end-end-radius: calc(var(--_radius) / 2);
    }
    .content[aria-disabled='true'] {
      opacity: 0.6;
      cursor: not-allowed;
    }
    .content[aria-readonly='true'] {
      background: var(--_surface-raised);
    }
    .link-form {
      border: 1px solid var(--_border);
      border-block-end: none;
      padding: 0.5rem 0.75rem;
      background: var(--_surface-raised);
    }
    .link-form label {
      display: block;
      font-weight: 600;
      margin-block-end: 0.25rem;
    }
    .link-form .error:empty {
      display: none;
    }
    .error,
    .message p {
      color: var(--_danger);
      font-weight: 600;
      margin: 0.25rem 0;
    }
    .message .note {
      color: var(--_text);
      font-weight: 400;
    }
  `,
];
