import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { allowListRichText } from './allow-list-rich-text.js';

describe('allowListRichText: the subset stays', () => {
  it('keeps paragraphs, line breaks, bold, italic and lists as they are', () => {
    const html = '<p>We <strong>walked</strong> and <em>talked</em>.<br>Then <b>ate</b> <i>bacalhau</i>.</p><ul><li>one</li></ul><ol><li>two</li></ol>';
    assert.equal(allowListRichText(html), html);
  });

  it('keeps an http(s) or mailto link, with its query string, and sets its rel', () => {
    assert.equal(allowListRichText('<a href="https://example.org/a?x=1&amp;y=2">map</a>'), '<a href="https://example.org/a?x=1&amp;y=2" rel="noopener noreferrer">map</a>');
    assert.equal(
      allowListRichText('<a href="https://example.org/" rel="noopener noreferrer nofollow" target="_blank">site</a>'),
      '<a href="https://example.org/" rel="noopener noreferrer">site</a>',
      'the editor\'s own attributes are replaced by ours',
    );
    assert.equal(allowListRichText('<a href="mailto:teacher@example.org">mail</a>'), '<a href="mailto:teacher@example.org" rel="noopener noreferrer">mail</a>');
    assert.equal(allowListRichText('<A HREF="HTTP://EXAMPLE.ORG">x</A>'), '<a href="HTTP://EXAMPLE.ORG" rel="noopener noreferrer">x</a>');
  });

  it('keeps the text\'s own entities, so "&" and "<" read as they were written', () => {
    assert.equal(allowListRichText('<p>Tom &amp; Jerry &lt;3 caf&#233; &nbsp;x</p>'), '<p>Tom &amp; Jerry &lt;3 caf&#233; &nbsp;x</p>');
    assert.equal(allowListRichText('<p>a & b</p>'), '<p>a &amp; b</p>', 'a bare ampersand is escaped');
    assert.equal(allowListRichText('<p>&lt;b&gt;not bold&lt;/b&gt;</p>'), '<p>&lt;b&gt;not bold&lt;/b&gt;</p>', 'escaped tags stay text');
    assert.equal(allowListRichText('plain "quotes" and \'apostrophes\''), 'plain &quot;quotes&quot; and &#39;apostrophes&#39;');
  });
});

describe('allowListRichText: hostile input', () => {
  const noMarkupBut = (html: string, allowed: RegExp = /^<\/?(p|br|b|strong|i|em|ul|ol|li)>$|^<a href="https?:\/\/[^"]*" rel="noopener noreferrer">$|^<\/a>$/) => {
    for (const tag of html.match(/<[^>]*>/g) ?? []) assert.match(tag, allowed, `unexpected markup ${tag} in ${html}`);
    // Only those tags are markup: anything else, "<script" or "onerror=" included, is escaped text.
    assert.doesNotMatch(html, /<script/i);
  };

  it('drops an image with an error handler, and any tag outside the subset, keeping their text', () => {
    assert.equal(allowListRichText('<p>x<img src="x" onerror="alert(1)">y</p>'), '<p>xy</p>');
    assert.equal(allowListRichText('<script>alert(1)</script>'), 'alert(1)');
    assert.equal(allowListRichText('<iframe src="https://evil.example"></iframe><style>body{}</style>'), 'body{}');
    assert.equal(allowListRichText('<svg/onload=alert(1)>'), '');
  });

  it('drops a link to javascript:, data: or a relative address, keeping its text', () => {
    for (const href of ['javascript:alert(1)', 'JaVaScRiPt:alert(1)', ' javascript:alert(1)', 'java&#115;cript:alert(1)', 'data:text/html,hello', '/relative', '//evil.example', 'https://has space.example']) {
      const out = allowListRichText(`<a href="${href}">click</a>`);
      assert.equal(out, 'click', href);
    }
    assert.equal(allowListRichText("<a href='https://example.org'>single quotes</a>"), 'single quotes');
    assert.equal(allowListRichText('<a href=https://example.org>unquoted</a>'), 'unquoted');
    noMarkupBut(allowListRichText('<a href="data:text/html,<b>">click</a>'));
  });

  it('keeps a split script tag inert: <scr<script>ipt>', () => {
    const out = allowListRichText('<scr<script>ipt>alert(1)</script>');
    assert.equal(out, '&lt;script&gt;alert(1)');
    noMarkupBut(out);
  });

  it('removes attributes from allowed tags other than a link\'s href', () => {
    assert.equal(allowListRichText('<p onclick="alert(1)" style="x" class="y">a</p><b onmouseover=alert(1)>b</b>'), '<p>a</p><b>b</b>');
    assert.equal(allowListRichText('<a onclick="alert(1)" href="https://ok.example">go</a>'), '<a href="https://ok.example" rel="noopener noreferrer">go</a>');
    const tricky = allowListRichText('<a href="https://x.example&quot;onmouseover=alert(1)">x</a>');
    assert.equal(tricky, '<a href="https://x.example&quot;onmouseover=alert(1)" rel="noopener noreferrer">x</a>', 'the quote stays inside the value');
    noMarkupBut(tricky);
  });

  it('closes what is left open, and drops closing tags of nothing open, so formatting cannot leak', () => {
    assert.equal(allowListRichText('<b><i>bold italic'), '<b><i>bold italic</i></b>');
    assert.equal(allowListRichText('</b></a></p>text'), 'text');
    assert.equal(allowListRichText('<p><b>a</p>b'), '<p><b>a</b></p>b');
    assert.equal(allowListRichText('<a href="https://a.example"><a href="https://b.example">x</a></a>'), '<a href="https://a.example" rel="noopener noreferrer">x</a>');
    assert.equal(allowListRichText('<br/><br /></br>'), '<br><br>');
  });

  it('never lets markup through, whatever it is given', () => {
    const attacks = [
      '<<script>script>alert(1)<</script>/script>',
      '<img src=x onerror=alert(1)//',
      '<a href="https://ok.example" onclick="x"><img src=x onerror=y></a>',
      '<p title="</p><script>alert(1)</script>">x</p>',
      '<math><mi xlink:href="javascript:alert(1)">x</mi></math>',
      '<a href="https://ok.example/"><b>bold link</a></b>',
      '<!-- <script>alert(1)</script> -->',
      '<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>',
      '<li><ul><ol>',
    ];
    for (const attack of attacks) noMarkupBut(allowListRichText(attack));
  });
});
