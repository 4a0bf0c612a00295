import { css } from 'lit';
import { controls } from '../../../theme/controls.styles.js';
import { tokens } from '../../../theme/tokens.styles.js';

export const glossaryEntryStyles = [
  tokens,
  controls,
  css`
    :host {
      display: block;
    }
    header {
      display: flex;
      flex-wrap: wrap;
      align-items: baseline;
      gap: 0.5rem;
    }
    h2 {
      margin: 0;
      font-size: 1.5rem;
      overflow-wrap: anywhere;
    }
    h3 {
      font-size: 0.85rem;
      text-transform: uppercase;
      letter-spacing: 0.04em;
      color: var(--_text-muted);
      margin: 0 0 0.25rem;
    }
    .translations {
      display: grid;
      grid-template-columns: repeat(auto-fill, minmax(min(100%, 14rem), 1fr));
      gap: var(--_gap);
      margin-block: var(--_gap);
    }
    .translation {
      border: 1px solid var(--_border);
      border-radius: var(--_radius);
      padding: var(--_gap);
      overflow-wrap: anywhere;
    }
    .translation.missing {
      border-style: dashed;
      color: var(--_text-muted);
    }
    .term {
      font-size: 1.2rem;
      font-weight: 700;
      margin: 0 0 0.25rem;
    }
    .definition {
      white-space: pre-line;
    }
    /* Pupils' text may hold direction overrides (U+202E): isolated, they cannot reorder what is around them. */
    h2,
    .term,
    .definition,
    .comment-body,
    q {
      unicode-bidi: isolate;
    }
    audio {
      display: block;
      max-inline-size: 100%;
      block-size: 2.5rem;
    }
    .label,
    .by {
      color: var(--_text-muted);
      font-size: 0.9rem;
    }
    .picture {
      display: block;
      max-inline-size: 100%;
      max-block-size: 16rem;
      border-radius: var(--_radius);
      margin-block-start: var(--_gap);
    }
    .badge {
      font-size: 0.8rem;
      font-weight: 600;
      padding: 0.1rem 0.5rem;
      border-radius: 1rem;
      border: 1px solid currentColor;
    }
    .pending {
      color: var(--_warning);
    }
    .hidden {
      color: var(--_danger);
    }
    .review {
      border-inline-start: 4px solid var(--_warning);
      padding-inline-start: 0.5rem;
    }
    .meta {
      display: grid;
      grid-template-columns: max-content 1fr;
      gap: 0.25rem 0.75rem;
      margin: 0 0 var(--_gap);
    }
    .meta dt {
      font-weight: 600;
    }
    .meta dd {
      margin: 0;
      overflow-wrap: anywhere;
    }
    .message:empty {
      display: none;
    }
    .message {
      color: var(--_danger);
      font-weight: 600;
    }
    .confirm {
      border: 2px solid var(--_border);
      border-radius: var(--_radius);
      padding: var(--_gap);
    }
    .confirm label {
      display: block;
      margin-block-end: 0.25rem;
    }
    .feedback {
      border-block-start: 1px solid var(--_border);
      margin-block-start: var(--_gap);
      padding-block-start: var(--_gap);
    }
    .comments {
      list-style: none;
      padding: 0;
      margin: 0 0 var(--_gap);
    }
    .helpful {
      margin-block-end: var(--_gap);
    }
    .comments .actions button.link {
      padding-inline: 0;
    }
    .comments li {
      border-block-end: 1px solid var(--_surface-raised);
      padding-block: 0.5rem;
    }
    .comment-by {
      margin: 0;
      font-size: 0.9rem;
    }
    .comment-body {
      margin: 0.25rem 0;
      white-space: pre-line;
      overflow-wrap: anywhere;
    }
    .comment-form label {
      display: block;
      font-weight: 600;
      margin-block-end: 0.25rem;
    }
    .comment-form button {
      margin-block-start: 0.5rem;
    }
    mark {
      background: light-dark(#fff3a0, #6b5a00);
      color: inherit;
    }
  `,
];
