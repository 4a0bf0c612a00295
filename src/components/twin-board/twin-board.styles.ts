import { css } from 'lit';
import { controls } from '../../theme/controls.styles.js';
import { widgetParts } from '../../theme/widget-parts.styles.js';
import { tokens } from '../../theme/tokens.styles.js';
import { richTextContentStyles } from '../rich-text/rich-text-content.styles.js';
import { postParts } from './views/post-parts.styles.js';

export const twinBoardStyles = [
  tokens,
  controls,
  widgetParts,
  richTextContentStyles,
  postParts,
  css`
    :host {
      display: block;
      container-type: inline-size;
      background: var(--_surface);
      border-radius: var(--_radius);
      padding: var(--_gap);
    }
    .board {
      display: grid;
      /* Never wider than the element: wide layouts (columns) scroll inside it. */
      grid-template-columns: minmax(0, 1fr);
      gap: var(--_gap);
    }
    h3,
    h4,
    p {
      margin: 0;
    }
    .toolbar,
    .views,
    .toolbar .actions {
      display: flex;
      flex-wrap: wrap;
      gap: 0.25rem var(--_gap);
      align-items: center;
    }
    .views {
      gap: 0.25rem;
    }
    .menu {
      position: relative;
    }
    summary {
      cursor: pointer;
      min-block-size: 2.5rem;
      display: inline-flex;
      align-items: center;
      padding-inline: 0.6rem;
      border: 1px solid var(--_border);
      border-radius: calc(var(--_radius) / 2);
      background: var(--_surface-raised);
    }
    .menu-items {
      position: absolute;
      z-index: 2;
      inset-inline-end: 0;
      margin-block-start: 0.25rem;
      display: grid;
      gap: 0.25rem;
      padding: 0.5rem;
      min-inline-size: 14rem;
      background: var(--_surface);
      border: 1px solid var(--_border);
      border-radius: var(--_radius);
      box-shadow: 0 0.5rem 1.5rem rgb(0 0 0 / 0.2);
    }
    .filters summary {
      display: inline-flex;
    }
    .filter-fields {
      display: grid;
      gap: 0.5rem var(--_gap);
      grid-template-columns: repeat(auto-fill, minmax(min(100%, 11rem), 1fr));
      align-items: end;
      padding-block-start: 0.5rem;
    }
    .filter-fields label,
    .plain-form label:not(.check) {
      display: grid;
      gap: 0.25rem;
      font-weight: 600;
    }
    .plain-form {
      display: grid;
      gap: var(--_gap);
    }
    .fresh-note {
      display: flex;
      flex-wrap: wrap;
      gap: 0.25rem 0.75rem;
      align-items: center;
      padding: 0.4rem 0.75rem;
      border-radius: var(--_radius);
      background: color-mix(in srgb, var(--_accent) 12%, var(--_surface));
    }
    /* ---- groups and layouts ---- */
    .groups {
      display: grid;
      gap: calc(var(--_gap) * 1.5);
    }
    .group {
      display: grid;
      gap: 0.5rem;
      align-content: start;
      min-inline-size: 0;
    }
    .group-head {
      display: flex;
      flex-wrap: wrap;
      gap: 0.25rem 0.5rem;
      align-items: center;
      justify-content: space-between;
    }
    .group-head h3 {
      font-size: 1.1rem;
      overflow-wrap: anywhere;
    }
    .section-tools {
      display: flex;
      flex-wrap: wrap;
      gap: 0.25rem;
    }
    .section-tools button,
    .add-here {
      min-inline-size: 2.5rem;
      padding-inline: 0.4rem;
    }
    .posts {
      list-style: none;
      margin: 0;
      padding: 0;
      display: grid;
      gap: var(--_gap);
      min-block-size: 3rem;
      border-radius: var(--_radius);
    }
    .layout-wall .posts {
      grid-template-columns: repeat(auto-fill, minmax(min(100%, 15rem), 1fr));
      align-items: start;
    }
    .layout-columns {
      grid-auto-flow: column;
      grid-auto-columns: minmax(16rem, 1fr);
      overflow-x: auto;
      padding-block-end: 0.5rem;
      align-items: start;
    }
    .layout-columns .group {
      background: var(--_surface-raised);
      border-radius: var(--_radius);
      padding: 0.5rem;
    }
    .layout-stream,
    .layout-timeline {
      max-inline-size: 40rem;
    }
    @container (max-width: 36rem) {
      .layout-columns {
        grid-auto-flow: row;
        grid-auto-columns: auto;
      }
      /* Narrow: the Export button may start a line, and a menu hung from its end would run off
         the screen's start. The menu opens under it, in the flow, instead. */
      .menu-items {
        position: static;
        min-inline-size: 0;
        box-shadow: none;
      }
    }
    .empty-note {
      color: var(--_text-muted);
      padding: 0.5rem;
    }
    .empty-board {
      display: grid;
      gap: 0.5rem;
      padding: var(--_gap);
      border: 2px dashed var(--_border);
      border-radius: var(--_radius);
    }
    /* ---- cards ---- */
    /* Cards out of view are not laid out or painted: a board of 1,000 posts moves as fast as a small one. */
    .slot {
      content-visibility: auto;
      contain-intrinsic-size: auto 16rem;
    }
    .post {
      display: grid;
      gap: 0.45rem;
      padding: 0.7rem;
      background: var(--_surface);
      border: 1px solid var(--_border);
      border-inline-start: 0.4rem solid var(--_label, var(--_border));
      border-radius: var(--_radius);
      min-inline-size: 0;
    }
    .post[draggable='true'] {
      cursor: grab;
    }
    .post.pinned {
      box-shadow: 0 0 0 2px var(--_accent) inset;
    }
    /* Inside the card: a slot's paint containment (content-visibility) clips what lies outside. */
    .post.fresh {
      outline: 3px solid var(--_warning);
      outline-offset: -3px;
    }
    .post.moving {
      outline: 3px dashed var(--_accent);
      outline-offset: -3px;
      box-shadow: 0 0.5rem 1.5rem rgb(0 0 0 / 0.25);
    }
    .post.dragging {
      opacity: 0.5;
    }
    .slot.drop-before {
      box-shadow: 0 -0.35rem 0 -0.1rem var(--_accent);
    }
    .posts.drop-end {
      outline: 2px dashed var(--_accent);
      outline-offset: 2px;
    }
    .badges {
      display: flex;
      flex-wrap: wrap;
      gap: 0.25rem;
    }
    .badge.fresh {
      color: var(--_warning);
      border-color: var(--_warning);
    }
    .post-title {
      font-size: 1rem;
    }
    button.open {
      all: unset;
      cursor: pointer;
      font-weight: 700;
      overflow-wrap: anywhere;
      color: var(--_text);
    }
    button.open:hover {
      text-decoration: underline;
    }
    button.open:focus-visible {
      outline: 3px solid var(--_focus);
      outline-offset: 2px;
    }
    .post .picture img {
      max-block-size: 18rem;
      object-fit: cover;
    }
    button.comments,
    button.move {
      padding-inline: 0.5rem;
    }
    button.move {
      margin-inline-start: auto;
    }
    .drop-marker {
      display: grid;
      place-items: center;
      min-block-size: 3rem;
      border: 3px dashed var(--_accent);
      border-radius: var(--_radius);
      color: var(--_accent);
      font-weight: 600;
    }
    .move-controls {
      display: flex;
      flex-wrap: wrap;
      gap: 0.25rem;
    }
    .move-controls button {
      padding-inline: 0.5rem;
      font-size: 0.9em;
    }
    /* ---- moderation queue (the view; the toolbar's button of the same class stays a button) ---- */
    div.queue,
    div.queue section {
      display: grid;
      gap: 0.5rem;
    }
    .queue-list {
      list-style: none;
      margin: 0;
      padding: 0;
      display: grid;
      gap: 0.5rem;
    }
    .queue-list > li {
      display: grid;
      gap: 0.35rem;
      padding: 0.6rem;
      border: 1px solid var(--_border);
      border-radius: var(--_radius);
    }
    .queue-list p {
      display: flex;
      flex-wrap: wrap;
      gap: 0.25rem 0.5rem;
      align-items: baseline;
    }
    .reasons {
      margin: 0;
      padding: 0;
      list-style: none;
    }
    /* The title and close button stay in view while a long post or thread scrolls. */
    dialog .dialog-head {
      position: sticky;
      top: calc(-1 * var(--_gap));
      margin-block-start: calc(-1 * var(--_gap));
      padding-block: var(--_gap) 0.5rem;
      background: var(--_surface);
      z-index: 1;
    }
    .comment-body {
      white-space: pre-wrap;
      overflow-wrap: anywhere;
    }
    @media (prefers-reduced-motion: no-preference) {
      .post {
        transition: box-shadow 0.15s;
      }
    }
  `,
];
