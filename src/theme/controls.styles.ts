import { css } from 'lit';

/** Buttons, fields and selects shared by every widget: large enough to tap, clear focus, themeable. */
export const controls = css`
  button,
  input,
  select,
  textarea {
    font: inherit;
    color: inherit;
  }
  input:not([type='file']),
  select,
  textarea {
    box-sizing: border-box;
    inline-size: 100%;
    min-block-size: 2.5rem;
    padding: 0.4rem 0.6rem;
    background: var(--_surface);
    border: 1px solid var(--_border);
    border-radius: calc(var(--_radius) / 2);
  }
  textarea {
    resize: vertical;
  }
  /* The browser's file picker has a wide natural size: on a phone it must not stick out of its form. */
  input[type='file'] {
    max-inline-size: 100%;
  }
  [aria-invalid='true'] {
    border-color: var(--_danger);
    border-width: 2px;
  }
  button {
    min-block-size: 2.5rem;
    min-inline-size: 2.5rem;
    padding: 0.4rem 0.9rem;
    background: var(--_surface-raised);
    border: 1px solid var(--_border);
    border-radius: calc(var(--_radius) / 2);
    cursor: pointer;
  }
  button.primary {
    background: var(--_accent);
    color: var(--_accent-contrast);
    border-color: var(--_accent);
    font-weight: 600;
  }
  button.danger {
    color: var(--_danger);
    border-color: var(--_danger);
  }
  button.link {
    background: none;
    border: none;
    padding: 0.2rem;
    min-block-size: 1.5rem;
    color: var(--_accent);
    text-decoration: underline;
  }
  button[aria-pressed='true'] {
    background: var(--_accent);
    color: var(--_accent-contrast);
  }
  button:disabled {
    opacity: 0.6;
    cursor: not-allowed;
  }
  /* Forced colours keep the accent fill but draw a Canvas backplate under the Canvas-coloured
     label: the word vanished. A main button is marked by a thicker border, a pressed one as selected. */
  @media (forced-colors: active) {
    button.primary {
      background: ButtonFace;
      color: ButtonText;
      border: 3px solid ButtonText;
    }
    button[aria-pressed='true'] {
      forced-color-adjust: none;
      background: SelectedItem;
      color: SelectedItemText;
      border-color: SelectedItem;
    }
  }
  fieldset {
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    margin: 0 0 var(--_gap);
    padding: var(--_gap);
    min-inline-size: 0;
  }
  legend {
    font-weight: 700;
    padding-inline: 0.25rem;
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem;
  }
`;
