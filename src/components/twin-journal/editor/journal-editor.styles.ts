import { css } from 'lit';
import { controls } from '../../../theme/controls.styles.js';
import { widgetParts } from '../../../theme/widget-parts.styles.js';
import { tokens } from '../../../theme/tokens.styles.js';
import { editorForm } from '../../../theme/editor-form.styles.js';

export const journalEditorStyles = [
  tokens,
  controls,
  widgetParts,
  editorForm,
  css`
    .media-list {
      list-style: none;
      margin: 0 0 0.5rem;
      padding: 0;
      display: grid;
      gap: 0.5rem;
    }
    .media-list li {
      display: grid;
      grid-template-columns: auto 1fr auto;
      gap: 0.5rem;
      align-items: end;
    }
    .media-list img {
      inline-size: 4rem;
      block-size: 4rem;
      object-fit: cover;
      border-radius: calc(var(--_radius) / 2);
    }
    .media-kind {
      font-weight: 600;
    }
  `,
];
