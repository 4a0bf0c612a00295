import { css } from 'lit';

/**
 * Spacing and link colours for the rich-text subset, inside any element with the `rich-text`
 * class (the editor's text area, or a container of `richText()`). Needs `tokens` for the colours.
 */
export const richTextContentStyles = css`
  .rich-text {
    overflow-wrap: anywhere;
    line-height: 1.5;
  }
  .rich-text p {
    margin: 0 0 0.6em;
  }
  .rich-text ul,
  .rich-text ol {
    margin: 0 0 0.6em;
    padding-inline-start: 1.75em;
  }
  .rich-text > :last-child {
    margin-block-end: 0;
  }
  .rich-text a {
    color: var(--_accent);
    text-decoration: underline;
  }
`;
