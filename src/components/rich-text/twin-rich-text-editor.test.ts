import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { setUiLocale } from '../../localization/localization.js';
import { expectAccessible } from '../../test-support/axe.js';
import type { TwinRichTextEditor } from './twin-rich-text-editor.component.js';
import './twin-rich-text-editor.js';

const LINK = 'rel="noopener noreferrer nofollow" target="_blank"';

const contentOf = (editor: TwinRichTextEditor) => editor.shadowRoot!.querySelector<HTMLElement>('[role=textbox]')!;
const button = (editor: TwinRichTextEditor, name: string) => {
  const found = [...editor.shadowRoot!.querySelectorAll('button')].find((b) => b.textContent?.trim() === name);
  if (!found) throw new Error(`no button "${name}"`);
  return found;
};
const pressed = (editor: TwinRichTextEditor, name: string) => button(editor, name).getAttribute('aria-pressed');
const focused = (editor: TwinRichTextEditor) => editor.shadowRoot!.activeElement;
/** Waits until `probe` is true (the Spanish strings load asynchronously). */
async function until(probe: () => boolean, what: string) {
  for (const started = Date.now(); !probe(); await frame()) if (Date.now() - started > 4000) throw new Error(`timed out waiting for ${what}`);
}
const frame = () => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve)));

async function editorWith(value = '', attributes: { maxLength?: number } = {}) {
  const editor = await fixture<TwinRichTextEditor>(
    html`<twin-rich-text-editor label="Your entry" hint="What did you do today?" .value=${value} .maxLength=${attributes.maxLength ?? 0}></twin-rich-text-editor>`,
  );
  const inputs: string[] = [];
  editor.addEventListener('input', () => inputs.push(editor.value));
  return { editor, content: contentOf(editor), inputs };
}

/** Focuses the text area and puts the caret at the end of its text. */
async function caretAtEnd(editor: TwinRichTextEditor) {
  editor.focus();
  const range = document.createRange();
  const content = contentOf(editor);
  const last = content.lastElementChild?.localName === 'p' ? content.lastElementChild : content;
  range.selectNodeContents(last);
  range.collapse(false);
  document.getSelection()!.removeAllRanges();
  document.getSelection()!.addRange(range);
  await frame();
}

/** Presses a key with a modifier held, as a person does ("Control", "b"). */
async function chord(modifier: 'Control' | 'Shift', key: string) {
  await sendKeys({ down: modifier });
  await sendKeys({ press: key });
  await sendKeys({ up: modifier });
}

/** Selects `text` (the first occurrence) in the text area. */
function selectText(editor: TwinRichTextEditor, text: string) {
  const content = contentOf(editor);
  content.focus();
  const walker = document.createTreeWalker(content, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const at = node.textContent!.indexOf(text);
    if (at < 0) continue;
    const range = document.createRange();
    range.setStart(node, at);
    range.setEnd(node, at + text.length);
    document.getSelection()!.removeAllRanges();
    document.getSelection()!.addRange(range);
    return;
  }
  throw new Error(`"${text}" not in the editor`);
}

function paste(editor: TwinRichTextEditor, data: Record<string, string>) {
  const transfer = new DataTransfer();
  for (const [type, value] of Object.entries(data)) transfer.setData(type, value);
  const event = new ClipboardEvent('paste', { clipboardData: transfer, bubbles: true, cancelable: true, composed: true });
  contentOf(editor).dispatchEvent(event);
  return event;
}

describe('<twin-rich-text-editor>', () => {
  afterEach(() => setUiLocale('en'));

  it('is accessible, empty and with content: a labelled, described multi-line textbox and a toolbar', async () => {
    const { editor, content } = await editorWith();
    expect(content.getAttribute('aria-multiline')).to.equal('true');
    expect(content.getAttribute('contenteditable')).to.equal('true');
    const label = editor.shadowRoot!.getElementById(content.getAttribute('aria-labelledby')!)!;
    expect(label.textContent).to.equal('Your entry');
    const description = content
      .getAttribute('aria-describedby')!
      .split(' ')
      .map((id) => editor.shadowRoot!.getElementById(id)!.textContent)
      .join(' ');
    expect(description).to.include('What did you do today?').and.include('Ctrl+B bold');
    expect(editor.shadowRoot!.querySelector('[role=toolbar]')!.getAttribute('aria-label')).to.equal('Formatting');
    expect(editor.value).to.equal('');
    await expectAccessible(editor);

    editor.value = '<p>Some <strong>bold</strong> text with <a href="https://example.org/">a link</a>.</p><ul><li>one</li></ul>';
    await editor.updateComplete;
    await expectAccessible(editor);
    selectText(editor, 'link');
    await frame();
    await expectAccessible(editor);

    // The page's own validation: aria-invalid on the element reaches the text area.
    editor.setAttribute('aria-invalid', 'true');
    await editor.updateComplete;
    expect(content.getAttribute('aria-invalid')).to.equal('true');
    await expectAccessible(editor);
  });

  it('takes typing, and fires input (bubbling, composed) with the value already updated', async () => {
    const { editor, inputs } = await editorWith();
    let outer = 0;
    const count = () => outer++;
    document.body.addEventListener('input', count);
    try {
      await caretAtEnd(editor);
      await sendKeys({ type: 'Hello' });
    } finally {
      document.body.removeEventListener('input', count);
    }
    expect(editor.value).to.equal('<p>Hello</p>');
    expect(inputs.at(-1)).to.equal('<p>Hello</p>');
    expect(inputs.length).to.equal(5);
    expect(outer, 'one event per keystroke reaches the page (the native one is replaced)').to.equal(5);
    await sendKeys({ press: 'Enter' });
    await sendKeys({ type: 'World' });
    expect(editor.value).to.equal('<p>Hello</p><p>World</p>');
  });

  it('makes bold and italic with Ctrl+B and Ctrl+I, and aria-pressed follows the caret', async () => {
    const { editor } = await editorWith();
    await caretAtEnd(editor);
    await sendKeys({ type: 'Hi ' });
    await chord('Control', 'b');
    await frame();
    expect(pressed(editor, 'Bold')).to.equal('true');
    await sendKeys({ type: 'bold' });
    await chord('Control', 'b');
    await sendKeys({ type: ' then ' });
    await chord('Control', 'i');
    await sendKeys({ type: 'italic' });
    await frame();
    expect(pressed(editor, 'Italic')).to.equal('true');
    expect(pressed(editor, 'Bold')).to.equal('false');
    // Chromium types a space next to a formatting boundary as a no-break space.
    expect(editor.value.replace(/&nbsp;/g, ' ')).to.equal('<p>Hi <strong>bold</strong> then <em>italic</em></p>');
    editor.value = '<p>Hi <strong>bold</strong> then <em>italic</em></p>';

    // A selection made bold with the shortcut.
    selectText(editor, 'then');
    await chord('Control', 'b');
    expect(editor.value).to.equal('<p>Hi <strong>bold</strong> <strong>then</strong> <em>italic</em></p>');
    selectText(editor, 'bold');
    await frame();
    expect(pressed(editor, 'Bold')).to.equal('true');
    // Underline is not in the subset: Ctrl+U does nothing.
    selectText(editor, 'Hi');
    await chord('Control', 'u');
    expect(editor.value).to.equal('<p>Hi <strong>bold</strong> <strong>then</strong> <em>italic</em></p>');
  });

  it('works the toolbar by keyboard: one Tab stop, arrows between buttons, focus back to the text', async () => {
    const { editor, content } = await editorWith('<p>Apples</p>');
    await caretAtEnd(editor);
    await chord('Shift', 'Tab');
    expect(focused(editor)).to.equal(button(editor, 'Bold'));
    const tabStops = [...editor.shadowRoot!.querySelectorAll('[role=toolbar] button')].filter((b) => b.getAttribute('tabindex') === '0');
    expect(tabStops.length, 'one Tab stop in the toolbar').to.equal(1);
    await sendKeys({ press: 'ArrowRight' });
    await sendKeys({ press: 'ArrowRight' });
    expect(focused(editor)).to.equal(button(editor, 'Bulleted list'));
    await sendKeys({ press: 'Enter' });
    expect(editor.value).to.equal('<ul><li>Apples</li></ul>');
    expect(focused(editor), 'focus goes back to the text').to.equal(content);
    await frame();
    expect(pressed(editor, 'Bulleted list')).to.equal('true');
    expect(pressed(editor, 'Numbered list')).to.equal('false');
    await sendKeys({ press: 'Enter' });
    await sendKeys({ type: 'Pears' });
    expect(editor.value).to.equal('<ul><li>Apples</li><li>Pears</li></ul>');

    // The Tab stop remembers the last button used; End and Home jump; Space presses.
    await chord('Shift', 'Tab');
    expect(focused(editor)).to.equal(button(editor, 'Bulleted list'));
    await sendKeys({ press: 'ArrowRight' });
    await sendKeys({ press: ' ' });
    expect(editor.value).to.equal('<ol><li>Apples</li><li>Pears</li></ol>');
    // Pressed again, the list goes back to paragraphs, and the caret stays where it was.
    await chord('Shift', 'Tab');
    await sendKeys({ press: ' ' });
    await sendKeys({ type: 's' });
    expect(editor.value).to.match(/^<ol><li>Apples<\/li><\/ol><p>Pearss<\/p>$|^<p>Apples<\/p><p>Pearss<\/p>$/);
    await chord('Shift', 'Tab');
    await sendKeys({ press: 'Home' });
    expect(focused(editor)).to.equal(button(editor, 'Bold'));
    await sendKeys({ press: 'End' });
    // "Remove link" is unavailable outside a link, so the last usable button is Link.
    expect(button(editor, 'Remove link').disabled).to.equal(true);
    expect(focused(editor)).to.equal(button(editor, 'Link'));
    await sendKeys({ press: 'ArrowRight' });
    expect(focused(editor), 'arrows wrap around').to.equal(button(editor, 'Bold'));
  });

  it('keeps only the subset of pasted HTML: nothing runs, nothing is fetched', async () => {
    let ran = false;
    (window as unknown as { pwned: () => void }).pwned = () => (ran = true);
    const { editor, content, inputs } = await editorWith('<p>Start</p>');
    await caretAtEnd(editor);
    const event = paste(editor, {
      'text/html':
        '<p> <b>bold</b> <i>it</i> <img src="https://tracker.example/p.gif" onerror="pwned()"><script>pwned()</script><a href="javascript:pwned()">bad</a> <a href="https://ok.example/">good</a><iframe src="https://evil.example/"></iframe><span style="background:url(https://tracker.example/b)">styled</span></p><svg onload="pwned()"></svg>',
      'text/plain': 'ignored when there is HTML',
    });
    expect(event.defaultPrevented, "the browser's own paste is prevented").to.equal(true);
    await frame();
    // The space at the start of the pasted paragraph is not shown in HTML, and is not pasted.
    expect(editor.value).to.equal(`<p>Start<strong>bold</strong> <em>it</em> bad <a href="https://ok.example/" ${LINK}>good</a>styled</p>`);
    expect(content.querySelector('img, script, iframe, svg, [onerror], [style*=url]')).to.equal(null);
    expect(inputs, 'one input event for one paste').to.deep.equal([editor.value]);
    expect(ran).to.equal(false);
  });

  it('starts a list in an empty field, where typing then goes', async () => {
    const { editor } = await editorWith();
    editor.focus();
    button(editor, 'Numbered list').click();
    await sendKeys({ type: 'First' });
    await sendKeys({ press: 'Enter' });
    await sendKeys({ type: 'Second' });
    expect(editor.value).to.equal('<ol><li>First</li><li>Second</li></ol>');
  });

  it('keeps only the subset of dropped HTML, and drops from the field itself stay the browser\'s', async () => {
    const { editor, content } = await editorWith('<p>Drop here</p>');
    const box = content.getBoundingClientRect();
    const transfer = new DataTransfer();
    transfer.setData('text/html', '<img src="https://tracker.example/p.gif"><em>dropped</em><script>pwned()</script>');
    const drop = new DragEvent('drop', { dataTransfer: transfer, clientX: box.right - 5, clientY: box.bottom - 5, bubbles: true, cancelable: true, composed: true });
    content.dispatchEvent(drop);
    expect(drop.defaultPrevented).to.equal(true);
    expect(editor.value).to.include('<em>dropped</em>').and.not.include('img').and.not.include('script');
    expect(content.querySelector('img, script')).to.equal(null);
  });

  it('replaces anything outside the subset that reaches the text area another way', async () => {
    const { editor, content } = await editorWith('<p>Text</p>');
    content.insertAdjacentHTML('beforeend', '<p><img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=" alt="">more<span style="background:url(https://tracker.example/)">x</span></p>');
    content.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
    expect(editor.value).to.equal('<p>Text</p><p>morex</p>');
    expect(content.innerHTML).to.equal('<p>Text</p><p>morex</p>');
  });

  it('keeps the last value within 100,000 characters and says the text is too long beyond it', async () => {
    const long = `<p>${'a'.repeat(95_000)}</p>`;
    const { editor, content } = await editorWith(long);
    await caretAtEnd(editor);
    paste(editor, { 'text/plain': 'b'.repeat(10_000) });
    await editor.updateComplete;
    expect(content.textContent!.length, 'the text stays on screen').to.equal(105_000);
    expect(editor.value, 'the value keeps the last text within the limit').to.equal(long);
    expect(content.getAttribute('aria-invalid')).to.equal('true');
    expect(editor.shadowRoot!.querySelector('[role=status]')!.textContent).to.include('This text is too long');
    expect(editor.checkValidity()).to.equal(false);
  });

  it('pastes plain text as paragraphs, and refuses a 200,000-character paste with a message', async () => {
    const { editor } = await editorWith();
    await caretAtEnd(editor);
    paste(editor, { 'text/plain': 'Line one\nline two\n\n<b>not bold</b>' });
    expect(editor.value).to.equal('<p>Line one<br>line two</p><p>&lt;b&gt;not bold&lt;/b&gt;</p>');
    paste(editor, { 'text/plain': 'x'.repeat(200_000) });
    await editor.updateComplete;
    const status = editor.shadowRoot!.querySelector('[role=status]')!;
    expect(status.textContent).to.include('This is too much text to paste at once');
    expect(editor.value).to.equal('<p>Line one<br>line two</p><p>&lt;b&gt;not bold&lt;/b&gt;</p>');
    // Too much formatting, but the text fits: pasted as plain text, with a note.
    paste(editor, { 'text/html': `<p style="${'x'.repeat(100_000)}">Word</p>`, 'text/plain': 'Word' });
    await editor.updateComplete;
    expect(status.textContent).to.include('pasted as plain text');
    expect(editor.value).to.include('Word');
  });

  it('adds a link through its form: refuses javascript:, accepts https, and removes it again', async () => {
    const { editor, content } = await editorWith('<p>Read our blog today</p>');
    selectText(editor, 'blog');
    await chord('Control', 'k');
    await editor.updateComplete;
    const input = editor.shadowRoot!.querySelector<HTMLInputElement>('#link-url')!;
    expect(focused(editor)).to.equal(input);
    expect(button(editor, 'Link').getAttribute('aria-expanded')).to.equal('true');
    await expectAccessible(editor);

    await sendKeys({ type: 'javascript:alert(1)' });
    await sendKeys({ press: 'Enter' });
    await editor.updateComplete;
    expect(editor.shadowRoot!.querySelector('[role=alert]')!.textContent).to.include('This link cannot be used');
    expect(input.getAttribute('aria-invalid')).to.equal('true');
    expect(focused(editor)).to.equal(input);
    expect(editor.value).to.equal('<p>Read our blog today</p>');
    await expectAccessible(editor);

    input.select();
    await sendKeys({ type: 'https://school.example/blog' });
    await sendKeys({ press: 'Enter' });
    await editor.updateComplete;
    expect(editor.shadowRoot!.querySelector('#link-url')).to.equal(null);
    expect(focused(editor), 'focus back in the text').to.equal(content);
    expect(editor.value).to.equal(`<p>Read our <a href="https://school.example/blog" ${LINK}>blog</a> today</p>`);

    // The caret inside the link: Remove link is available and removes the whole link.
    selectText(editor, 'lo');
    document.getSelection()!.collapseToStart();
    await frame();
    expect(button(editor, 'Remove link').disabled).to.equal(false);
    button(editor, 'Remove link').click();
    expect(editor.value).to.equal('<p>Read our blog today</p>');
  });

  it('links a typed address where nothing is selected, and closes the form with Escape', async () => {
    const { editor, content } = await editorWith('<p>Write to</p>');
    await caretAtEnd(editor);
    await sendKeys({ type: ' ' });
    button(editor, 'Link').click();
    await editor.updateComplete;
    await sendKeys({ press: 'Escape' });
    await editor.updateComplete;
    expect(editor.shadowRoot!.querySelector('#link-url')).to.equal(null);
    expect(focused(editor)).to.equal(content);
    await chord('Control', 'k');
    await editor.updateComplete;
    await sendKeys({ type: 'teacher@school.example' });
    await sendKeys({ press: 'Enter' });
    expect(editor.value).to.equal(`<p>Write to&nbsp;<a href="mailto:teacher@school.example" ${LINK}>teacher@school.example</a></p>`);
  });

  it('round-trips value: sanitized in, sanitized out; setting the same value keeps the caret', async () => {
    const { editor, content, inputs } = await editorWith('<p onclick="x()">One <b>two</b></p><img src=x onerror="x()">');
    expect(editor.value).to.equal('<p>One <strong>two</strong></p>');
    expect(content.innerHTML).to.equal('<p>One <strong>two</strong></p>');
    editor.value = editor.value;
    expect(editor.value).to.equal('<p>One <strong>two</strong></p>');
    await caretAtEnd(editor);
    await sendKeys({ type: '!' });
    const typed = editor.value;
    editor.value = typed; // as a framework echoing the value back does
    await sendKeys({ type: '?' });
    expect(editor.value).to.equal('<p>One <strong>two!?</strong></p>');
    expect(inputs.length, 'setting value fires no input').to.equal(2);
    editor.value = '';
    expect(editor.value).to.equal('');
    expect(content.textContent).to.equal('');
    expect(() => (editor.value = 'x'.repeat(200_000))).to.throw('Rich text refused');
  });

  it('fires change when focus leaves after a change, not before', async () => {
    const { editor } = await fixture<HTMLDivElement>(html`<div><twin-rich-text-editor label="Entry"></twin-rich-text-editor><button>After</button></div>`).then((div) => ({
      editor: div.querySelector('twin-rich-text-editor')!,
    }));
    let changes = 0;
    editor.addEventListener('change', () => changes++);
    await caretAtEnd(editor);
    await sendKeys({ type: 'Hi' });
    await chord('Shift', 'Tab'); // into the toolbar: still inside the editor
    expect(changes).to.equal(0);
    await sendKeys({ press: 'Tab' });
    await sendKeys({ press: 'Tab' }); // out to the button after it
    expect(changes).to.equal(1);
    await caretAtEnd(editor);
    await sendKeys({ press: 'Tab' });
    expect(changes, 'no change, no event').to.equal(1);
  });

  it('says when the text is over maxLength and marks it invalid, in a form too', async () => {
    const form = await fixture<HTMLFormElement>(html`<form><twin-rich-text-editor name="body" label="Entry" maxlength="5"></twin-rich-text-editor></form>`);
    const editor = form.querySelector('twin-rich-text-editor')!;
    const content = contentOf(editor);
    await caretAtEnd(editor);
    await sendKeys({ type: 'Hello' });
    await editor.updateComplete;
    expect(content.getAttribute('aria-invalid')).to.equal('false');
    expect(editor.shadowRoot!.querySelector('#count')!.textContent!.trim()).to.equal('5 of 5 characters');
    expect(new FormData(form).get('body')).to.equal('<p>Hello</p>');
    await sendKeys({ type: '!' });
    await editor.updateComplete;
    expect(content.getAttribute('aria-invalid')).to.equal('true');
    expect(editor.shadowRoot!.querySelector('[role=status]')!.textContent).to.include('Too long: at most 5 characters');
    expect(editor.validity!.tooLong).to.equal(true);
    expect(form.checkValidity()).to.equal(false);
    expect(editor.value, 'nothing is cut').to.equal('<p>Hello!</p>');
    await expectAccessible(editor);
    await sendKeys({ press: 'Backspace' });
    await editor.updateComplete;
    expect(content.getAttribute('aria-invalid')).to.equal('false');
    expect(form.checkValidity()).to.equal(true);
    form.reset();
    expect(editor.value).to.equal('');
  });

  it('is not editable when disabled or readonly; readonly stays focusable', async () => {
    const { editor, content } = await editorWith('<p>Fixed</p>');
    editor.readonly = true;
    await editor.updateComplete;
    expect(content.getAttribute('contenteditable')).to.equal('false');
    expect(content.getAttribute('aria-readonly')).to.equal('true');
    expect(content.tabIndex).to.equal(0);
    expect(button(editor, 'Bold').disabled).to.equal(true);
    await expectAccessible(editor);
    editor.readonly = false;
    editor.disabled = true;
    await editor.updateComplete;
    expect(content.getAttribute('aria-disabled')).to.equal('true');
    expect(content.hasAttribute('tabindex')).to.equal(false);
    expect(paste(editor, { 'text/plain': 'more' }).defaultPrevented).to.equal(true);
    expect(editor.value).to.equal('<p>Fixed</p>');
    await expectAccessible(editor);
  });

  it('speaks Spanish under lang="es"', async () => {
    const editor = await fixture<TwinRichTextEditor>(html`<twin-rich-text-editor lang="es" label="Tu entrada" .maxLength=${10}></twin-rich-text-editor>`);
    await until(() => editor.shadowRoot!.querySelector('[role=toolbar]')!.getAttribute('aria-label') === 'Formato', 'the Spanish toolbar');
    const names = [...editor.shadowRoot!.querySelectorAll('[role=toolbar] button')].map((b) => b.textContent!.trim());
    expect(names).to.deep.equal(['Negrita', 'Cursiva', 'Lista con viñetas', 'Lista numerada', 'Enlace', 'Quitar el enlace']);
    expect(editor.shadowRoot!.querySelector('#hint')!.textContent).to.include('Atajos: Ctrl+B negrita, Ctrl+I cursiva, Ctrl+K enlace.');
    expect(editor.shadowRoot!.querySelector('#count')!.textContent!.trim()).to.equal('0 de 10 caracteres');
    await expectAccessible(editor);
  });
});
