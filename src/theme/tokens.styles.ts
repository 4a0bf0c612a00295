import { css } from 'lit';

/**
 * Theme tokens. Pages override the public `--twin-*` properties; components use the private
 * `--_*` ones. Light and dark follow the inherited `color-scheme` (set by the page, or by
 * `<twin-space theme>`), through `light-dark()`. Forced colours map to system colours.
 */
export const tokens = css`
  :host {
    --_font: var(--twin-font-family, inherit);
    --_text: var(--twin-color-text, light-dark(#1d2330, #e8eaf0));
    --_text-muted: var(--twin-color-text-muted, light-dark(#4a5264, #b3b9c6));
    --_surface: var(--twin-color-surface, light-dark(#ffffff, #171a21));
    --_surface-raised: var(--twin-color-surface-raised, light-dark(#f4f6fa, #222631));
    --_border: var(--twin-color-border, light-dark(#767f91, #8a93a6));
    --_accent: var(--twin-color-accent, light-dark(#1f4fbf, #8fb0ff));
    --_accent-contrast: var(--twin-color-accent-contrast, light-dark(#ffffff, #0b1020));
    --_danger: var(--twin-color-danger, light-dark(#b3261e, #ffb4ab));
    --_success: var(--twin-color-success, light-dark(#1b6b34, #8fd9a0));
    --_warning: var(--twin-color-warning, light-dark(#7a4d00, #ffcf70));
    --_focus: var(--twin-color-focus, light-dark(#1f4fbf, #b9cbff));
    --_radius: var(--twin-radius, 0.5rem);
    --_gap: var(--twin-space, 0.75rem);
    font-family: var(--_font);
    color: var(--_text);
  }

  :host([hidden]) {
    display: none !important;
  }

  :focus-visible {
    outline: 3px solid var(--_focus);
    outline-offset: 2px;
  }

  .visually-hidden {
    position: absolute !important;
    inline-size: 1px;
    block-size: 1px;
    margin: -1px;
    padding: 0;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
    border: 0;
  }

  @media (forced-colors: active) {
    :host {
      --_text: CanvasText;
      --_text-muted: CanvasText;
      --_surface: Canvas;
      --_surface-raised: Canvas;
      --_border: CanvasText;
      --_accent: LinkText;
      --_accent-contrast: Canvas;
      --_danger: CanvasText;
      --_success: CanvasText;
      --_warning: CanvasText;
      --_focus: Highlight;
    }
  }
`;
