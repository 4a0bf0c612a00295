import { css } from 'lit';

/**
 * What a post looks like wherever it is drawn (a card on the board, the opened post): its colour
 * label, picture, byline, tags and reactions. Colour labels are readable in light and dark themes
 * and always come with their name for screen readers.
 */
export const postParts = css`
  .color-yellow {
    --_label: light-dark(#b58900, #f2c94c);
  }
  .color-green {
    --_label: light-dark(#2e7d32, #81c784);
  }
  .color-blue {
    --_label: light-dark(#1565c0, #64b5f6);
  }
  .color-pink {
    --_label: light-dark(#c2185b, #f48fb1);
  }
  .color-purple {
    --_label: light-dark(#6a1b9a, #ce93d8);
  }
  .color-orange {
    --_label: light-dark(#d84315, #ffab91);
  }
  .picture {
    margin: 0;
  }
  .picture img {
    display: block;
    inline-size: 100%;
    block-size: auto;
    border-radius: calc(var(--_radius) / 2);
    background: var(--_surface-raised);
  }
  .picture-wait {
    display: grid;
    place-items: center;
    min-block-size: 6rem;
    aspect-ratio: 4 / 3;
    padding: 0.5rem;
    border-radius: calc(var(--_radius) / 2);
    background: var(--_surface-raised);
    color: var(--_text-muted);
    font-size: 0.9em;
    text-align: center;
  }
  video,
  audio {
    inline-size: 100%;
  }
  .byline {
    margin: 0;
    display: flex;
    flex-wrap: wrap;
    gap: 0.1rem 0.4rem;
    align-items: baseline;
    font-size: 0.9em;
    color: var(--_text-muted);
  }
  .byline .author {
    font-weight: 600;
    color: var(--_text);
  }
  .badge.travelling {
    color: var(--_accent);
    border-color: var(--_accent);
  }
  .tags {
    list-style: none;
    margin: 0;
    padding: 0;
    display: flex;
    flex-wrap: wrap;
    gap: 0.25rem 0.5rem;
    font-size: 0.9em;
    color: var(--_accent);
  }
  .link,
  .file,
  .clip-note {
    margin: 0;
    overflow-wrap: anywhere;
  }
  .file {
    display: flex;
    flex-wrap: wrap;
    gap: 0.1rem 0.35rem;
    align-items: baseline;
  }
  .file button.link {
    padding: 0;
    min-block-size: 1.5rem;
    text-align: start;
    overflow-wrap: anywhere;
  }
  .post-actions {
    display: flex;
    flex-wrap: wrap;
    gap: 0.25rem;
    align-items: center;
  }
  button.reaction {
    min-inline-size: 2.75rem;
    padding-inline: 0.4rem;
  }
  button.reaction[aria-pressed='true'] {
    color: var(--_text);
    border-color: var(--_accent);
    background: color-mix(in srgb, var(--_accent) 15%, var(--_surface));
  }
  .rich {
    overflow-wrap: anywhere;
  }
  /* Cards sit in a list: their own lists would otherwise take nested-list bullets. */
  .rich ul {
    list-style: disc;
  }
  .rich ol {
    list-style: decimal;
  }
  .rich > :first-child {
    margin-block-start: 0;
  }
  .rich > :last-child {
    margin-block-end: 0;
  }
`;
