import { expect, fixture, html } from '@open-wc/testing';
import { isRichTextEmpty, plainTextToRichText, richTextToPlain } from './rich-text-plain.js';
import { RICH_TEXT_MAX_INPUT, RichTextTooLongError } from './rich-text-limits.js';
import { richText } from './rich-text-view.js';
import { sanitizeRichText } from './sanitize-rich-text.js';

const LINK = 'rel="noopener noreferrer nofollow" target="_blank"';
const ALLOWED = new Set(['p', 'br', 'strong', 'em', 'ul', 'ol', 'li', 'a']);

/** Parses the output the way a page would and checks it holds nothing outside the subset. */
function expectOnlySubset(output: string) {
  const template = document.createElement('template');
  template.innerHTML = output;
  for (const element of template.content.querySelectorAll('*')) {
    expect(ALLOWED.has(element.localName), `<${element.localName}> in ${output}`).to.equal(true);
    const allowedAttributes = element.localName === 'a' ? ['href', 'rel', 'target'] : [];
    for (const name of element.getAttributeNames()) expect(allowedAttributes, `${name} on <${element.localName}> in ${output}`).to.include(name);
    if (element.localName === 'a') expect(element.getAttribute('href')).to.match(/^(https?:|mailto:)/);
  }
  expect(sanitizeRichText(output), 'sanitizing twice changes nothing').to.equal(output);
}

const clean = (input: string) => {
  const output = sanitizeRichText(input);
  expectOnlySubset(output);
  return output;
};

describe('sanitizeRichText: hostile input', () => {
  let alerted = false;
  before(() => {
    (window as unknown as { pwned: () => void }).pwned = () => (alerted = true);
  });
  after(() => {
    expect(alerted, 'no payload ran').to.equal(false);
  });

  it('removes script, style, iframe and svg with their content', () => {
    expect(clean('<p>Hi</p><script>pwned()</script>')).to.equal('<p>Hi</p>');
    expect(clean('<style>body{display:none}</style><p>Hi</p>')).to.equal('<p>Hi</p>');
    expect(clean('<iframe src="https://evil.example/"></iframe><p>Hi</p>')).to.equal('<p>Hi</p>');
    expect(clean('<iframe srcdoc="<script>pwned()</script>">text</iframe>')).to.equal('');
    expect(clean('<svg onload="pwned()"><circle r="5"/><text>svg text</text></svg><p>Hi</p>')).to.equal('<p>Hi</p>');
    expect(clean('<math><mi xlink:href="javascript:pwned()">x</mi></math>')).to.equal('');
    expect(clean('<template><script>pwned()</script></template>ok')).to.equal('<p>ok</p>');
    // Parsed with scripting off, noscript's content is ordinary markup, sanitized like the rest.
    expect(clean('<noscript><p title="</noscript><img src=x onerror=pwned()>">n</p></noscript>')).to.equal('<p>n</p>');
  });

  it('removes images and event handlers, so nothing runs and nothing is fetched', () => {
    expect(clean('<img src=x onerror="pwned()">')).to.equal('');
    expect(clean('<p>a<img src="https://tracker.example/pixel.gif">b</p>')).to.equal('<p>ab</p>');
    expect(clean('<p onclick="pwned()" onmouseover="pwned()">Click</p>')).to.equal('<p>Click</p>');
    expect(clean('<video><source onerror="pwned()"></video><audio src=x onerror=pwned()></audio>')).to.equal('');
    expect(clean('<details open ontoggle="pwned()">d</details>')).to.equal('<p>d</p>');
    expect(clean('<form action="https://evil.example/"><input name="password"><button>Send</button></form>')).to.equal('<p>Send</p>');
    expect(clean('<object data="x.swf"></object><embed src="x.swf"><link rel="stylesheet" href="https://evil.example/x.css"><meta http-equiv="refresh" content="0;url=https://evil.example">')).to.equal('');
  });

  it('keeps the text of a split-up script tag as text, never as a tag', () => {
    const output = clean('<scr<script>ipt>pwned()</script>');
    expect(output).not.to.include('<script');
    expect(output).not.to.include('<scr<');
    const template = document.createElement('template');
    template.innerHTML = output;
    expect(template.content.querySelector('script')).to.equal(null);
    expect(clean('<<script>script>pwned()<</script>/script>')).not.to.match(/<script/i);
    expect(clean('&lt;script&gt;pwned()&lt;/script&gt;')).to.equal('<p>&lt;script&gt;pwned()&lt;/script&gt;</p>');
  });

  it('survives known mutation-XSS payloads (markup that changes meaning when parsed again)', () => {
    const payloads = [
      '<svg><p><style><img src=x onerror=pwned()></style></p></svg>',
      '<math><mtext><table><mglyph><style><img src=x onerror=pwned()>',
      '<form><math><mtext></form><form><mglyph><style></math><img src onerror=pwned()>',
      '<noscript><style></noscript><img src=x onerror=pwned()>',
      '<p><!--</p><img src=x onerror=pwned()>--></p>',
      '<a href="https://ok.example/"><img src=x onerror=pwned()></a><a href="https://ok.example/"><p>block</p></a>',
    ];
    for (const payload of payloads) {
      const output = clean(payload);
      expect(output, payload).not.to.match(/<img|onerror|<style|<svg|<math/i);
      const template = document.createElement('template');
      template.innerHTML = output;
      template.innerHTML = template.innerHTML;
      expect(template.content.querySelector('img, style, svg, math, script'), payload).to.equal(null);
    }
  });

  it('removes javascript:, data:, vbscript: and relative links, keeping their text', () => {
    expect(clean('<a href="javascript:pwned()">one</a>')).to.equal('<p>one</p>');
    expect(clean('<a href=" JaVaScRiPt:pwned()">two</a>')).to.equal('<p>two</p>');
    expect(clean('<a href="java&#x09;script:pwned()">three</a>')).to.equal('<p>three</p>');
    expect(clean('<a href="&#106;avascript:pwned()">four</a>')).to.equal('<p>four</p>');
    expect(clean('<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">five</a>')).to.equal('<p>five</p>');
    expect(clean('<a href="vbscript:msgbox(1)">six</a>')).to.equal('<p>six</p>');
    expect(clean('<a href="/admin">seven</a> <a href="file:///etc/passwd">eight</a> <a>nine</a>')).to.equal('<p>seven eight nine</p>');
    expect(clean('<a href="https://ok.example/" onclick="pwned()" style="color:red" class="x" id="y" target="_self" rel="opener">ten</a>')).to.equal(
      `<p><a href="https://ok.example/" ${LINK}>ten</a></p>`,
    );
  });

  it('keeps http, https and mailto links, with rel and target set', () => {
    expect(clean('<p><a href="https://example.org/page?a=1&amp;b=2">https</a></p>')).to.equal(`<p><a href="https://example.org/page?a=1&amp;b=2" ${LINK}>https</a></p>`);
    expect(clean('<p><a href="http://example.org">http</a></p>')).to.equal(`<p><a href="http://example.org/" ${LINK}>http</a></p>`);
    expect(clean('<p><a href="mailto:teacher@example.org">mail</a></p>')).to.equal(`<p><a href="mailto:teacher@example.org" ${LINK}>mail</a></p>`);
    expect(clean('<p><a href="  HTTPS://example.org/  ">spaces</a></p>')).to.equal(`<p><a href="https://example.org/" ${LINK}>spaces</a></p>`);
  });

  it('removes style, class, id, on* and data-* attributes from allowed tags', () => {
    expect(clean('<p style="position:fixed" class="x" id="y" data-x="1" aria-hidden="true" title="t" dir="rtl">a <strong style="color:red" onclick="pwned()">b</strong> <em class="e">c</em></p>')).to.equal(
      '<p>a <strong>b</strong> <em>c</em></p>',
    );
    expect(clean('<ul type="disc" style="x"><li value="3" onclick="pwned()">one</li></ul><ol start="4" reversed><li>two</li></ol>')).to.equal('<ul><li>one</li></ul><ol><li>two</li></ol>');
  });

  it('refuses a 200,000-character paste before parsing it, with a clear error', () => {
    const huge = '<p>' + 'a'.repeat(200_000) + '</p>';
    let error: unknown;
    try {
      sanitizeRichText(huge);
    } catch (caught) {
      error = caught;
    }
    expect(error).to.be.instanceOf(RichTextTooLongError);
    expect((error as RichTextTooLongError).message).to.equal('Rich text refused: 200,007 characters, the limit is 100,000.');
    expect((error as RichTextTooLongError).length).to.equal(200_007);
    expect((error as RichTextTooLongError).limit).to.equal(RICH_TEXT_MAX_INPUT);
    expect(() => richTextToPlain(huge)).to.throw(RichTextTooLongError);
    // Exactly at the limit is still accepted.
    expect(sanitizeRichText('a'.repeat(RICH_TEXT_MAX_INPUT))).to.equal(`<p>${'a'.repeat(RICH_TEXT_MAX_INPUT)}</p>`);
  });
});

describe('sanitizeRichText: the subset', () => {
  it('keeps paragraphs, breaks, bold, italic and lists; b and i become strong and em', () => {
    const subset = '<p>One <strong>bold</strong> and <em>italic</em><br>line two</p><ul><li>a</li><li>b<ol><li>c</li></ol></li></ul>';
    expect(clean(subset)).to.equal(subset);
    expect(clean('<p><b>B</b> <i>I</i> <b><i>both</i></b></p>')).to.equal('<p><strong>B</strong> <em>I</em> <strong><em>both</em></strong></p>');
  });

  it('turns headings, divs and table cells into paragraphs, and loose text into a paragraph', () => {
    expect(clean('<h1>Title</h1><div>One</div><div>Two<br></div>')).to.equal('<p>Title</p><p>One</p><p>Two<br></p>');
    expect(clean('plain text')).to.equal('<p>plain text</p>');
    expect(clean('a<div>b</div>')).to.equal('<p>a</p><p>b</p>');
    expect(clean('<table><tr><td>x</td><td>y</td></tr></table>')).to.equal('<p>x</p><p>y</p>');
    expect(clean('<div><div>nested</div><p>p</p></div>')).to.equal('<p>nested</p><p>p</p>');
    expect(clean('<li>loose item</li>')).to.equal('<ul><li>loose item</li></ul>');
    expect(clean('<p>a</p>\n\n<p>b</p><!-- comment -->')).to.equal('<p>a</p><p>b</p>');
  });

  it('reads Google Docs: no bold around everything, bold and italic spans kept', () => {
    const docs =
      '<meta charset="utf-8"><b style="font-weight:normal;" id="docs-internal-guid-1"><p dir="ltr"><span style="font-weight:700;">Bold</span><span style="font-style:italic;"> italic</span><span> plain</span></p></b>';
    expect(clean(docs)).to.equal('<p><strong>Bold</strong><em> italic</em> plain</p>');
  });

  it('accepts nothing at all', () => {
    expect(sanitizeRichText('')).to.equal('');
    expect(sanitizeRichText(undefined as unknown as string)).to.equal('');
  });
});

describe('richTextToPlain and isRichTextEmpty', () => {
  it('gives one line per paragraph and list item, for search and counts', () => {
    expect(richTextToPlain('<p>One <strong>bold</strong>\n   word</p><ul><li>a</li><li>b</li></ul><p>x<br>y</p>')).to.equal('One bold word\na\nb\nx\ny');
    expect(richTextToPlain('<p>a &lt;b&gt; &amp; c</p><script>no()</script>')).to.equal('a <b> & c');
    expect(richTextToPlain('')).to.equal('');
  });

  it('calls only whitespace and empty paragraphs empty', () => {
    expect(isRichTextEmpty('')).to.equal(true);
    expect(isRichTextEmpty('<p><br></p>')).to.equal(true);
    expect(isRichTextEmpty('<p> &nbsp; </p><ul><li></li></ul>')).to.equal(true);
    expect(isRichTextEmpty('<img src=x>')).to.equal(true);
    expect(isRichTextEmpty('<p>.</p>')).to.equal(false);
    expect(isRichTextEmpty('x'.repeat(200_000))).to.equal(false);
  });

  it('turns plain text into paragraphs and line breaks, never markup', () => {
    expect(plainTextToRichText('One\nline two\r\n\r\nPara <b>two</b> & "3"')).to.equal('<p>One<br>line two</p><p>Para &lt;b&gt;two&lt;/b&gt; &amp; "3"</p>'.replace('"3"', '&quot;3&quot;'));
    expect(plainTextToRichText('  \n\n ')).to.equal('');
  });
});

describe('richText(): rendering', () => {
  it('renders only the sanitized subset', async () => {
    const element = await fixture(html`<div>${richText('<p onclick="pwned()">Hi <b>there</b></p><img src=x onerror="pwned()"><a href="javascript:pwned()">x</a>')}</div>`);
    expect(element.innerHTML.replace(/<!--[^>]*-->/g, '')).to.equal('<p>Hi <strong>there</strong></p><p>x</p>');
  });

  it('shows a note instead of text over the limit', async () => {
    const element = await fixture(html`<div>${richText('a'.repeat(RICH_TEXT_MAX_INPUT + 1))}</div>`);
    expect(element.textContent?.trim()).to.equal('This text is too long to show.');
  });
});
