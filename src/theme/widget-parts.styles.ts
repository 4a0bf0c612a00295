import { css } from 'lit';

/**
 * Parts every widget's UI shares beyond the controls: status badges, checkbox and radio rows, a
 * two-column form row, form problems, the modal dialog, and the hidden print frame.
 */
export const widgetParts = css`
  .muted,
  .meta {
    color: var(--_text-muted);
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
  .badge.pending,
  .badge.due {
    color: var(--_warning);
    border-color: var(--_warning);
  }
  .badge.done,
  .badge.today {
    color: var(--_success);
    border-color: var(--_success);
  }
  /* A field inside its (bold) label is written in the normal weight. */
  label :is(input, select, textarea) {
    font-weight: normal;
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
  .two {
    display: grid;
    gap: var(--_gap);
    grid-template-columns: repeat(auto-fit, minmax(min(100%, 12rem), 1fr));
  }
  .problem,
  .form-problem {
    margin: 0;
    color: var(--_danger);
    font-weight: 600;
  }
  .form-problem:empty {
    display: none;
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
    margin: 0;
    font-size: 1.2rem;
    font-weight: 700;
  }
  iframe.print {
    position: absolute;
    inline-size: 0;
    block-size: 0;
    border: 0;
  }
`;
