import { BOARD_COLORS, type BoardColor } from './board-types.js';

/** Colour labels as a card's left border: strong enough to tell apart, also in greyscale print. */
const BORDER: Record<BoardColor, string> = {
  yellow: '#d4a900',
  green: '#2e9d4f',
  blue: '#2f6fdb',
  pink: '#d94f8c',
  purple: '#7b4fc9',
  orange: '#e0761b',
};

/**
 * The exhibition's inline style sheet: a responsive grid of cards per section, readable on a
 * phone, and print rules that keep each card on one page. Fixed text only: no user text is ever
 * put inside the `<style>` element.
 */
export const EXHIBITION_CSS = `
*{box-sizing:border-box}
body{margin:0;font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1d1d1f;background:#f4f4f1}
header,main{max-width:72rem;margin:0 auto;padding:1rem 1.25rem}
h1{font-size:2rem;line-height:1.2;margin:1rem 0 .25rem}
.exported{color:#555;margin:0}
.group{margin:2rem 0}
h2{font-size:1.4rem;margin:0 0 .75rem;padding-bottom:.25rem;border-bottom:2px solid #1d1d1f}
h2 .mobility{font-size:1rem;font-weight:normal;color:#555}
.cards{list-style:none;margin:0;padding:0;display:grid;grid-template-columns:repeat(auto-fill,minmax(min(100%,17rem),1fr));gap:1rem;align-items:start}
.card{background:#fff;border:1px solid #d6d6d0;border-left:.4rem solid #b9b9b2;border-radius:.5rem;padding:.9rem 1rem;overflow-wrap:anywhere}
${BOARD_COLORS.map((color) => `.card.color-${color}{border-left-color:${BORDER[color]}}`).join('\n')}
.pin{display:inline-block;font-size:.8rem;font-weight:600;text-transform:uppercase;letter-spacing:.04em;color:#555;margin:0 0 .3rem}
h3{font-size:1.1rem;line-height:1.3;margin:0 0 .4rem}
p{margin:0 0 .5rem}
.body ul,.body ol{margin:0 0 .5rem;padding-left:1.3rem}
figure{margin:0 0 .6rem}
img,video{display:block;max-width:100%;height:auto;border-radius:.3rem}
audio{width:100%}
figcaption,.missing,.meta,.url,.comments .by{font-size:.85rem;color:#555}
.missing{font-style:italic}
.url{word-break:break-all}
a{color:#1a55b8}
.tags{display:flex;flex-wrap:wrap;gap:.3rem;list-style:none;margin:0 0 .5rem;padding:0}
.tags li{font-size:.8rem;background:#eef0f4;border-radius:1rem;padding:.05rem .55rem}
.reactions{display:flex;flex-wrap:wrap;gap:.6rem;list-style:none;margin:.3rem 0;padding:0;font-size:.9rem}
.comments{border-top:1px solid #e4e4df;margin-top:.6rem;padding-top:.4rem}
h4{font-size:.85rem;text-transform:uppercase;letter-spacing:.04em;color:#555;margin:0 0 .3rem}
.comments ul{list-style:none;margin:0;padding:0}
.comments li{margin:0 0 .5rem}
.comments li p{margin:0}
.empty{color:#555}
@media (max-width:30rem){h1{font-size:1.6rem}header,main{padding:.75rem}}
@media print{
body{background:#fff;font-size:10.5pt}
header,main{max-width:none;padding:0}
.group{margin:1rem 0}
h2{break-after:avoid}
.cards{grid-template-columns:repeat(2,1fr);gap:.5rem}
.card{break-inside:avoid;page-break-inside:avoid;border-color:#999}
a{color:inherit}
a[href^="http"]:not(.open)::after{content:" (" attr(href) ")";font-size:.8em;word-break:break-all}
audio{display:none}
}
@page{margin:1.5cm}
`;
