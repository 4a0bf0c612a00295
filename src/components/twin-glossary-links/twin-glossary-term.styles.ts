import { css } from 'lit';
import { tokens } from '../../theme/tokens.styles.js';

// Compact on purpose: esbuild does not minify CSS inside css``, and this ships with every page.
// The host is part of the page's prose, so it keeps the page's font and colour. The tooltip is a
// popover (top layer: no `overflow: hidden` of the page clips it), placed by script; `.open` also
// hides it where popovers are unsupported. Its weight and style are reset: a term in a heading or
// in <em> must not make the definition bold or italic.
export const twinGlossaryTermStyles = [
  tokens,
  css`
:host{display:inline;color:inherit}
[part=term]{text-decoration:underline dotted;text-underline-offset:.2em;cursor:help}
[role=tooltip]{position:absolute;inset:auto;margin:0;box-sizing:border-box;max-inline-size:min(22rem,100vw - 1rem);padding:.5rem .75rem;border:1px solid var(--_border);border-radius:var(--_radius);background:var(--_surface-raised);color:var(--_text);font-size:.9375rem;font-weight:400;font-style:normal;line-height:1.4;overflow-wrap:anywhere}
[role=tooltip]:not(.open){display:none}
b{display:block}
i{color:var(--_text-muted)}
`,
];
