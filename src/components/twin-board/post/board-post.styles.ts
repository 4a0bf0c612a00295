import { css } from 'lit';
import { controls } from '../../../theme/controls.styles.js';
import { widgetParts } from '../../../theme/widget-parts.styles.js';
import { tokens } from '../../../theme/tokens.styles.js';
import { richTextContentStyles } from '../../rich-text/rich-text-content.styles.js';
import { postParts } from '../views/post-parts.styles.js';

export const boardPostStyles = [
  tokens,
  controls,
  widgetParts,
  richTextContentStyles,
  postParts,
  css`
    :host {
      display: block;
    }
    .post-full,
    .thread,
    .report,
    .comment-form {
      display: grid;
      gap: 0.6rem;
    }
    .post-full {
      border-inline-start: 0.4rem solid var(--_label, transparent);
      padding-inline-start: 0.6rem;
    }
    .problem:empty {
      display: none;
    }
    h3 {
      margin: 0.5rem 0 0;
      font-size: 1.05rem;
    }
    label {
      display: grid;
      gap: 0.25rem;
      font-weight: 600;
    }
    .player {
      inline-size: 100%;
      aspect-ratio: 16 / 9;
      border: 0;
    }
    .picture img,
    video {
      max-block-size: 70vh;
      object-fit: contain;
    }
    .comments {
      list-style: none;
      margin: 0;
      padding: 0;
      display: grid;
      gap: 0.6rem;
    }
    .comments > li {
      border-block-start: 1px solid var(--_border);
      padding-block-start: 0.5rem;
      display: grid;
      gap: 0.25rem;
    }
    .comment-body {
      margin: 0;
      white-space: pre-wrap;
      overflow-wrap: anywhere;
    }
  `,
];
