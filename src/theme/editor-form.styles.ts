import { css } from 'lit';

/**
 * A form that writes one record in a dialog (a journal entry, a board post): its fields in a
 * column, bold labels above their fields, notes about the kept draft, and the block that shows a
 * conflict with the other version.
 */
export const editorForm = css`
  :host {
    display: block;
    container-type: inline-size;
  }
  /* One column never wider than the dialog: a wide field (a file picker) shrinks to fit. */
  form {
    display: grid;
    grid-template-columns: minmax(0, 1fr);
    gap: var(--_gap);
  }
  label:not(.check) {
    display: grid;
    grid-template-columns: minmax(0, 1fr);
    gap: 0.25rem;
    font-weight: 600;
  }
  .note,
  .hint {
    margin: 0;
    color: var(--_text-muted);
  }
  .note.warning {
    color: var(--_warning);
    font-weight: 600;
  }
  .conflict {
    border: 2px solid var(--_warning);
    border-radius: var(--_radius);
    padding: var(--_gap);
    display: grid;
    gap: 0.5rem;
  }
  .conflict p {
    margin: 0;
  }
`;
