import { css } from 'lit';
import { controls } from '../../../theme/controls.styles.js';
import { widgetParts } from '../../../theme/widget-parts.styles.js';
import { tokens } from '../../../theme/tokens.styles.js';
import { editorForm } from '../../../theme/editor-form.styles.js';

export const boardComposerStyles = [
  tokens,
  controls,
  widgetParts,
  editorForm,
  css`
    /* Fields side by side line up at the bottom, whatever their labels' length. */
    .two {
      align-items: end;
    }
    .problem:empty {
      display: none;
    }
    .file-field {
      display: grid;
      gap: 0.25rem;
    }
    .chosen {
      display: flex;
      flex-wrap: wrap;
      gap: 0.5rem;
      align-items: center;
      margin: 0;
      overflow-wrap: anywhere;
    }
    .chosen img {
      inline-size: 4rem;
      block-size: 4rem;
      object-fit: cover;
      border-radius: calc(var(--_radius) / 2);
    }
  `,
];
