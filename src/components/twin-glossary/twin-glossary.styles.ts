import { css } from 'lit';
import { controls } from '../../theme/controls.styles.js';
import { tokens } from '../../theme/tokens.styles.js';

export const twinGlossaryStyles = [
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
    /* One column never wider than the element: a wide control wraps or shrinks inside it. */
    .glossary,
    .toolbar {
      display: grid;
      grid-template-columns: minmax(0, 1fr);
      gap: var(--_gap);
    }
    .search label,
    .languages label > span,
    .filter-grid label > span {
      display: block;
      font-weight: 600;
      margin-block-end: 0.25rem;
    }
    /* Controls keep the width of their chosen text (Spanish labels are long), and wrap. */
    .languages,
    .filter-grid {
      display: flex;
      flex-wrap: wrap;
      gap: var(--_gap);
      align-items: end;
    }
    .languages label,
    .filter-grid label {
      flex: 1 1 auto;
      min-inline-size: min(100%, 10rem);
    }
    .languages select,
    .filter-grid select {
      inline-size: auto;
      min-inline-size: 100%;
      max-inline-size: 100%;
    }
    details summary {
      cursor: pointer;
      font-weight: 600;
      padding-block: 0.4rem;
    }
    .filter-grid {
      margin-block-start: 0.5rem;
    }
    .problem {
      color: var(--_danger);
    }
    .search-note:empty {
      display: none;
    }
    .summary,
    .note,
    .search-note,
    .no-results {
      margin: 0;
      color: var(--_text-muted);
    }
    .letters {
      display: flex;
      flex-wrap: wrap;
      gap: 0.125rem;
    }
    .letters button {
      min-inline-size: 2rem;
      min-block-size: 2rem;
      font-weight: 600;
    }
    .list {
      position: relative;
      max-block-size: var(--twin-glossary-list-height, min(70vh, 40rem));
      overflow-y: auto;
      border: 1px solid var(--_border);
      border-radius: var(--_radius);
      overscroll-behavior: contain;
    }
    .list ul {
      position: relative;
      list-style: none;
      margin: 0;
      padding: 0;
    }
    .list li {
      position: absolute;
      inset-inline: 0;
      top: 0;
      box-sizing: border-box;
      padding: 0.125rem;
    }
    .row {
      position: relative;
      display: grid;
      grid-template-columns: repeat(var(--columns, 1), minmax(0, 1fr));
      gap: 0 var(--_gap);
      inline-size: 100%;
      text-align: start;
      border: none;
      border-block-end: 1px solid var(--_surface-raised);
      border-radius: 0;
      background: var(--_surface);
      padding: 0.5rem 0.75rem;
      block-size: 4.25rem;
      align-content: start;
    }
    .row:hover {
      background: var(--_surface-raised);
    }
    /* Inside the row: the scrolling list would clip a ring drawn outside it. */
    .row:focus-visible {
      outline-offset: -3px;
    }
    .langs-2 {
      --columns: 2;
    }
    .langs-3 {
      --columns: 3;
    }
    .langs-4 {
      --columns: 4;
    }
    .langs-5 {
      --columns: 5;
    }
    .langs-6 {
      --columns: 6;
    }
    /* Narrow: languages stack, one under the other; every row keeps the same height. */
    @container (max-width: 36rem) {
      .list ul[class] {
        --columns: 1;
      }
      .langs-2 .row {
        block-size: 6.75rem;
      }
      .langs-3 .row {
        block-size: 5.5rem;
      }
      .langs-4 .row {
        block-size: 6.75rem;
      }
      .langs-5 .row {
        block-size: 8.25rem;
      }
      .langs-6 .row {
        block-size: 9.75rem;
      }
      .langs-3 .definition,
      .langs-4 .definition,
      .langs-5 .definition,
      .langs-6 .definition {
        display: none;
      }
    }
    .cell {
      display: grid;
      align-content: start;
      min-inline-size: 0;
    }
    .term,
    .definition {
      overflow: hidden;
      text-overflow: ellipsis;
      white-space: nowrap;
    }
    .term {
      font-weight: 700;
    }
    /* Pupils' text may hold direction overrides (U+202E): isolated, they cannot reorder what is around them. */
    .term,
    .definition {
      unicode-bidi: isolate;
    }
    .definition {
      color: var(--_text-muted);
      font-size: 0.9rem;
    }
    .missing .term {
      font-weight: 400;
      font-style: italic;
      color: var(--_text-muted);
    }
    .term-line {
      display: flex;
      align-items: center;
      gap: 0.5rem;
      min-inline-size: 0;
    }
    .badge {
      flex: none;
      font-size: 0.75rem;
      font-weight: 600;
      padding: 0 0.5rem;
      border-radius: 1rem;
      border: 1px solid currentColor;
      white-space: nowrap;
    }
    .badge.pending {
      color: var(--_warning);
    }
    .badge.hidden {
      color: var(--_danger);
    }
    mark {
      background: light-dark(#fff3a0, #6b5a00);
      color: inherit;
    }
    dialog {
      inline-size: min(100vw - 1rem, 56rem);
      max-block-size: calc(100dvh - 1rem);
      box-sizing: border-box;
      padding: var(--_gap);
      border: 1px solid var(--_border);
      border-radius: var(--_radius);
      background: var(--_surface);
      color: var(--_text);
    }
    dialog::backdrop {
      background: rgb(0 0 0 / 0.5);
    }
    .dialog-head {
      /* The close button stays in reach while a long entry scrolls. */
      position: sticky;
      inset-block-start: calc(-1 * var(--_gap));
      z-index: 1;
      background: var(--_surface);
      padding-block: 0.25rem;
      display: flex;
      justify-content: space-between;
      align-items: center;
      gap: var(--_gap);
    }
    .dialog-title {
      margin: 0;
      color: var(--_text-muted);
      font-weight: 600;
    }
    iframe.booklet {
      position: absolute;
      inline-size: 0;
      block-size: 0;
      border: 0;
    }
  `,
];
