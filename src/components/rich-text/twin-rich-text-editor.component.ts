import { msg, str } from '@lit/localize';
import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { plural } from '../../localization/plural.js';
import { TwinElement } from '../base/twin-element.js';
import { hasForeignMarkup } from './editor/foreign-markup.js';
import { keepingSelection, liftListsOutOfParagraphs, switchListType } from './editor/keep-selection.js';
import { linkFromInput } from './editor/link-input.js';
import { rangeAtEnd, select, selectionIn } from './editor/selection-in.js';
import { modifierAria, modifierLabel, shortcutLetter } from './editor/shortcut-key.js';
import { RICH_TEXT_MAX_INPUT, RichTextTooLongError } from './rich-text-limits.js';
import { fragmentToPlain, plainTextToRichText } from './rich-text-plain.js';
import { fragmentToHtml, sanitizeRichText, sanitizeRichTextToFragment } from './sanitize-rich-text.js';
import { richTextEditorStyles } from './twin-rich-text-editor.styles.js';

/** What the text area holds when there is no text: a paragraph to type in (Enter then makes paragraphs, not `div`s). */
const EMPTY_CONTENT = '<p><br></p>';

type Tool = 'bold' | 'italic' | 'bulleted' | 'numbered' | 'link' | 'unlink';

/** Formatting where the caret (or selection start) is, for `aria-pressed`. */
interface FormatState {
  bold: boolean;
  italic: boolean;
  bulleted: boolean;
  numbered: boolean;
  link: boolean;
}

const NO_FORMAT: FormatState = { bold: false, italic: false, bulleted: false, numbered: false, link: false };

interface LinkForm {
  /** Editing the link the selection is in, rather than adding one. */
  editing: boolean;
  problem?: 'empty' | 'refused';
}

const escapeText = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const escapeAttribute = (text: string) => escapeText(text).replace(/"/g, '&quot;');

/**
 * A rich-text field for pupils: bold, italic, bulleted and numbered lists, and links (http(s) and
 * mailto only). Whatever is typed, pasted or dropped, `value` only ever holds that subset (see
 * `sanitizeRichText`). Works with a keyboard alone: a toolbar (one Tab stop, arrow keys inside),
 * Ctrl/⌘+B, Ctrl/⌘+I and Ctrl/⌘+K; the text area is a labelled multi-line textbox for screen readers.
 * Form-associated: inside a `<form>` it submits `value` under its `name`, and is invalid while too long.
 *
 * @summary A safe rich-text editor: bold, italic, lists, links.
 * @event input - Bubbles and is composed, on every change by the user; read `editor.value`.
 * @event change - Bubbles, when focus leaves the editor after the value changed (like a textarea).
 * @cssproperty --twin-rich-text-min-height - Smallest height of the text area (8rem).
 * @cssproperty --twin-rich-text-max-height - Height past which the text area scrolls (60vh).
 */
export class TwinRichTextEditor extends TwinElement {
  static formAssociated = true;
  static override styles = richTextEditorStyles;

  static override properties = {
    label: {},
    hint: {},
    name: { reflect: true },
    maxLength: { type: Number, attribute: 'maxlength' },
    disabled: { type: Boolean, reflect: true },
    readonly: { type: Boolean, reflect: true },
    contentLang: { attribute: 'content-lang' },
    _format: { state: true },
    _length: { state: true },
    _overLimit: { state: true },
    _formDisabled: { state: true },
    _note: { state: true },
    _link: { state: true },
    _activeTool: { state: true },
    _pageInvalid: { attribute: 'aria-invalid' },
  };

  /** The visible name of the text area ("Your entry"). Required: without it the field has no name. */
  declare label: string;
  /** Help shown under the label and read with the text area ("What did you learn today?"). */
  declare hint: string;
  /** The field name in a form submission (reflected: the form reads the attribute). */
  declare name: string | undefined;
  /** Most characters of plain text (as `richTextToPlain` counts them). Beyond it the field says so and is invalid; nothing is cut. 0: no limit. */
  declare maxLength: number;
  declare disabled: boolean;
  /** Shown and focusable (readable by a screen reader), not editable. */
  declare readonly: boolean;
  /** The language of the text written (`lang` of the text area: spelling and screen-reader voice). Defaults to the UI's. */
  declare contentLang: string;
  declare _format: FormatState;
  declare _length: number;
  /** The text is beyond what the sanitizer accepts: `value` keeps the last text within it. */
  declare _overLimit: boolean;
  declare _formDisabled: boolean;
  declare _note: string;
  declare _link: LinkForm | undefined;
  declare _activeTool: Tool;
  /** `aria-invalid="true"` set on the element by the page (its own validation): passed on to the text area. */
  declare _pageInvalid: string | null;

  #value = '';
  /** What a form reset goes back to: the value the page last set. */
  #defaultValue = '';
  #valueAtFocus = '';
  #focused = false;
  /** The selection in the text area when focus left it (for the toolbar and the link form). */
  #savedRange: Range | undefined;
  #dragFromInside = false;
  #internals: ElementInternals | undefined;

  constructor() {
    super();
    this.label = '';
    this.hint = '';
    this.maxLength = 0;
    this.disabled = false;
    this.readonly = false;
    this.contentLang = '';
    this._format = NO_FORMAT;
    this._length = 0;
    this._overLimit = false;
    this._formDisabled = false;
    this._note = '';
    this._link = undefined;
    this._activeTool = 'bold';
    this.#internals = this.attachInternals?.();
    // On the host, focus events only tell of focus entering or leaving the whole editor: moves
    // between its own parts (text area, toolbar, link form) stay inside its shadow root.
    this.addEventListener('focusin', () => this.#onFocusIn());
    this.addEventListener('focusout', (event) => this.#onFocusOut(event));
  }

  /**
   * The text as sanitized HTML (the subset only), `''` when there is nothing but whitespace.
   * Setting it sanitizes what is given; setting the value it already has does nothing (so a
   * framework echoing `value` back does not move the caret).
   *
   * @throws RichTextTooLongError when given more than 100,000 characters.
   */
  get value(): string {
    return this.#value;
  }

  set value(html: string) {
    const { value, length } = this.#clean(html ?? '');
    this.#defaultValue = value;
    if (value === this.#value && !this._overLimit) return;
    this.#value = value;
    this.#valueAtFocus = value;
    this._length = length;
    this._overLimit = false;
    const content = this.#content;
    if (content) {
      content.innerHTML = value || EMPTY_CONTENT;
      this.#savedRange = undefined;
    }
    this.#syncForm();
  }

  /** The form this field belongs to, if any. */
  get form(): HTMLFormElement | null {
    return this.#internals?.form ?? null;
  }

  get validity(): ValidityState | undefined {
    return this.#internals?.validity;
  }

  get validationMessage(): string {
    return this.#internals?.validationMessage ?? '';
  }

  checkValidity(): boolean {
    return this.#internals?.checkValidity() ?? true;
  }

  reportValidity(): boolean {
    return this.#internals?.reportValidity() ?? true;
  }

  /** Focuses the text area (not the toolbar before it). */
  override focus(options?: FocusOptions): void {
    this.#content?.focus(options);
  }

  /** @internal */
  formResetCallback(): void {
    this.value = this.#defaultValue;
  }

  /** @internal A `<fieldset disabled>` around the field. */
  formDisabledCallback(disabled: boolean): void {
    this._formDisabled = disabled;
  }

  /** @internal The browser restoring a form (back button, session restore). */
  formStateRestoreCallback(state: string | File | FormData | null): void {
    if (typeof state === 'string') this.value = state;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    document.addEventListener('selectionchange', this.#onSelectionChange);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    document.removeEventListener('selectionchange', this.#onSelectionChange);
  }

  get #content(): HTMLElement | null {
    return this.renderRoot?.querySelector<HTMLElement>('#content') ?? null;
  }

  get #locked(): boolean {
    return this.disabled || this.readonly || this._formDisabled;
  }

  get #overMax(): boolean {
    return this.maxLength > 0 && this._length > this.maxLength;
  }

  protected override firstUpdated(): void {
    this.#content!.innerHTML = this.#value || EMPTY_CONTENT;
    if (!this.label) console.warn('<twin-rich-text-editor>: set `label` ("Your entry"): without it the text area has no name for screen readers.');
    this.#syncForm();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if ((changed.has('disabled') || changed.has('readonly') || changed.has('_formDisabled')) && this.#locked) this._link = undefined;
  }

  protected override updated(changed: PropertyValues<this>): void {
    if (changed.has('maxLength')) this.#syncForm();
  }

  /** Sanitized value and plain-text length of some HTML, from one parse. */
  #clean(html: string): { value: string; length: number } {
    const fragment = sanitizeRichTextToFragment(html);
    const plain = fragmentToPlain(fragment);
    const value = fragmentToHtml(fragment);
    return { value: /\S/.test(plain) ? value : '', length: plain.length };
  }

  /** Reads the text area after the user changed it: the value is always re-sanitized. */
  #readContent(): void {
    const content = this.#content;
    if (!content) return;
    let cleaned: { value: string; length: number };
    try {
      cleaned = this.#clean(content.innerHTML);
    } catch (error) {
      if (!(error instanceof RichTextTooLongError)) throw error;
      // The text stays on screen (nothing a pupil wrote is thrown away); `value` keeps the last
      // text within the limit, and the field says why and is invalid.
      this._overLimit = true;
      this.#syncForm();
      return;
    }
    this._overLimit = false;
    if (hasForeignMarkup(content)) {
      content.innerHTML = cleaned.value || EMPTY_CONTENT;
      select(rangeAtEnd(content));
    }
    this.#value = cleaned.value;
    this._length = cleaned.length;
    this.#syncForm();
  }

  #syncForm(): void {
    const internals = this.#internals;
    if (!internals) return;
    internals.setFormValue(this.#value);
    const problem = this.#problem();
    if (problem) internals.setValidity({ tooLong: true }, problem, this.#content ?? undefined);
    else internals.setValidity({});
  }

  #problem(): string {
    if (this._overLimit) return msg('This text is too long. Remove some of it: until then, your latest changes cannot be saved.', { id: 'rich-text.over-limit' });
    if (this.#overMax) return plural(this.maxLength, 'rich-text.over-max', { one: str`Too long: at most ${0} character. Remove some text.`, other: str`Too long: at most ${0} characters. Remove some text.` });
    return '';
  }

  #emitInput(): void {
    this.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
  }

  // ——— selection and toolbar state ———

  #onSelectionChange = () => {
    const content = this.#content;
    if (!content || !this.shadowRoot) return;
    const range = selectionIn(this.shadowRoot, content);
    // Outside the text area (in the toolbar, say) the last state stays: it is what a button acts on.
    if (!range) return;
    this.#savedRange = range;
    this.#updateFormat(range);
  };

  #updateFormat(range: Range | undefined): void {
    const content = this.#content;
    if (!content || !range) return;
    const start = range.startContainer;
    const element = start.nodeType === Node.ELEMENT_NODE ? (start as Element) : start.parentElement;
    const inside = (selector: string) => {
      const found = element?.closest(selector);
      return found && found !== content && content.contains(found) ? found : undefined;
    };
    // The browser's own state also knows "bold on" before anything is typed after Ctrl+B.
    const commandState = (command: string, fallback: boolean) => {
      try {
        return document.queryCommandSupported(command) ? document.queryCommandState(command) : fallback;
      } catch {
        return fallback;
      }
    };
    const list = inside('ul, ol');
    const next: FormatState = {
      bold: commandState('bold', !!inside('strong, b')),
      italic: commandState('italic', !!inside('em, i')),
      bulleted: list?.localName === 'ul',
      numbered: list?.localName === 'ol',
      link: !!inside('a[href]') || this.#linksIn(range).length > 0,
    };
    if (Object.entries(next).some(([key, value]) => this._format[key as keyof FormatState] !== value)) this._format = next;
  }

  /** Links that the range touches. */
  #linksIn(range: Range): HTMLAnchorElement[] {
    const content = this.#content;
    if (!content) return [];
    const start = range.startContainer.nodeType === Node.ELEMENT_NODE ? (range.startContainer as Element) : range.startContainer.parentElement;
    const around = start?.closest('a[href]');
    const links = [...content.querySelectorAll<HTMLAnchorElement>('a[href]')].filter((link) => range.intersectsNode(link));
    return around && content.contains(around) && !links.includes(around as HTMLAnchorElement) ? [around as HTMLAnchorElement, ...links] : links;
  }

  /** Puts focus and the selection back in the text area, where they were, before a command. */
  #restoreSelection(): Range {
    const content = this.#content!;
    const current = this.shadowRoot!.activeElement === content ? selectionIn(this.shadowRoot!, content) : undefined;
    if (current) return current;
    content.focus({ preventScroll: true });
    const saved = this.#savedRange;
    const range = saved && content.contains(saved.startContainer) && content.contains(saved.endContainer) ? saved : rangeAtEnd(content);
    select(range);
    return range;
  }

  /**
   * Runs one of the browser's editing commands (deprecated, but still the only way to keep the
   * browser's undo history and its handling of lists). The `input` it fires re-sanitizes the value.
   */
  #command(command: 'bold' | 'italic' | 'insertUnorderedList' | 'insertOrderedList' | 'createLink' | 'unlink' | 'insertHTML', argument?: string): void {
    document.execCommand(command, false, argument);
    this.#updateFormat(selectionIn(this.shadowRoot!, this.#content!));
  }

  #format(command: 'bold' | 'italic' | 'insertUnorderedList' | 'insertOrderedList'): void {
    if (this.#locked) return;
    const range = this.#restoreSelection();
    if (command === 'bold' || command === 'italic') return this.#command(command);
    const content = this.#content!;
    const tag = command === 'insertUnorderedList' ? 'ul' : 'ol';
    const start = range.startContainer.nodeType === Node.ELEMENT_NODE ? (range.startContainer as Element) : range.startContainer.parentElement;
    const list = start?.closest('ul, ol');
    if (list && list.localName !== tag && content.contains(list) && list.contains(range.endContainer)) {
      switchListType(this.shadowRoot!, content, list, tag);
      this.#readContent();
      this.#emitInput();
      this.#updateFormat(selectionIn(this.shadowRoot!, content));
      return;
    }
    keepingSelection(range, content, () => {
      this.#command(command);
      liftListsOutOfParagraphs(this.shadowRoot!, content);
    });
    this.#updateFormat(selectionIn(this.shadowRoot!, content));
  }

  #removeLink(): void {
    if (this.#locked) return;
    const range = this.#restoreSelection();
    const links = this.#linksIn(range);
    if (!links.length) return;
    if (range.collapsed) {
      // A caret in a link: the whole link goes.
      const whole = document.createRange();
      whole.selectNodeContents(links[0]);
      select(whole);
    }
    this.#command('unlink');
    if (range.collapsed) select(range);
  }

  // ——— the link form ———

  get #linkInput(): HTMLInputElement | null {
    return this.renderRoot.querySelector<HTMLInputElement>('#link-url');
  }

  async #openLinkForm(): Promise<void> {
    if (this.#locked) return;
    const content = this.#content!;
    const range = (this.shadowRoot!.activeElement === content ? selectionIn(this.shadowRoot!, content) : undefined) ?? this.#savedRange;
    if (range) this.#savedRange = range;
    const link = range ? this.#linksIn(range)[0] : undefined;
    this._link = { editing: !!link };
    await this.updateComplete;
    const input = this.#linkInput!;
    input.value = link?.getAttribute('href') ?? '';
    input.focus();
    input.select();
  }

  #closeLinkForm(): void {
    // Focus goes back first: removing the focused form would otherwise drop focus on the page.
    this.#restoreSelection();
    this._link = undefined;
  }

  #applyLink(event: SubmitEvent): void {
    event.preventDefault();
    const input = this.#linkInput!;
    const typed = input.value.trim();
    const result = linkFromInput(typed);
    if ('problem' in result) {
      this._link = { ...this._link!, problem: result.problem };
      input.focus();
      return;
    }
    const range = this.#restoreSelection();
    this._link = undefined;
    const existing = this.#linksIn(range);
    if (existing.length && range.collapsed) {
      existing[0].setAttribute('href', result.href);
      this.#readContent();
      this.#emitInput();
    } else if (range.collapsed) {
      // Nothing selected: the address itself becomes the link's text.
      this.#command('insertHTML', `<a href="${escapeAttribute(result.href)}">${escapeText(typed)}</a>`);
    } else {
      this.#command('createLink', result.href);
    }
  }

  #onLinkKeydown(event: KeyboardEvent): void {
    if (event.key !== 'Escape') return;
    event.preventDefault();
    event.stopPropagation();
    this.#closeLinkForm();
  }

  // ——— events of the text area ———

  #onInput(event: Event): void {
    // The browser's own `input` would reach the page before `value` is updated: ours replaces it.
    event.stopPropagation();
    this.#readContent();
    this.#emitInput();
  }

  #onKeydown(event: KeyboardEvent): void {
    const letter = shortcutLetter(event);
    if (!letter || (event.shiftKey && letter !== 'u')) return;
    if (letter === 'b' || letter === 'i') {
      event.preventDefault();
      this.#format(letter === 'b' ? 'bold' : 'italic');
    } else if (letter === 'k') {
      event.preventDefault();
      void this.#openLinkForm();
    } else if (letter === 'u') {
      // Underline is not in the subset (and reads as a link): the browser must not add it.
      event.preventDefault();
    }
  }

  /** Inserts HTML from outside (a paste, a drop) as the subset, or says why it cannot. */
  #insertFromOutside(data: DataTransfer | null): void {
    if (!data || this.#locked) return;
    this._note = '';
    const markup = data.getData('text/html');
    const text = data.getData('text/plain');
    let insert: string | undefined;
    const fromText = () => (text.length > RICH_TEXT_MAX_INPUT ? undefined : sanitizeRichText(plainTextToRichText(text)));
    try {
      insert = markup ? sanitizeRichText(markup) : fromText();
    } catch (error) {
      if (!(error instanceof RichTextTooLongError)) throw error;
      try {
        insert = markup && text ? fromText() : undefined;
        if (insert) this._note = msg('The pasted text was too large to keep its formatting, so it was pasted as plain text.', { id: 'rich-text.pasted-plain' });
      } catch (again) {
        if (!(again instanceof RichTextTooLongError)) throw again;
      }
    }
    if (insert === undefined) {
      this._note = msg('This is too much text to paste at once. Paste it in smaller parts.', { id: 'rich-text.paste-too-long' });
      return;
    }
    if (insert) this.#command('insertHTML', insert);
  }

  #onPaste(event: ClipboardEvent): void {
    // Never the browser's paste: it would bring images (a request to another site) and styles.
    event.preventDefault();
    this.#insertFromOutside(event.clipboardData);
  }

  #onDrop(event: DragEvent): void {
    // Moving text within the field is the browser's job (it is already the field's own text).
    if (this.#dragFromInside) return;
    event.preventDefault();
    const shadowRoot = this.shadowRoot!;
    const caret = document.caretPositionFromPoint?.(event.clientX, event.clientY, { shadowRoots: [shadowRoot] });
    if (caret && this.#content!.contains(caret.offsetNode)) {
      this.#content!.focus({ preventScroll: true });
      const range = document.createRange();
      range.setStart(caret.offsetNode, caret.offset);
      select(range);
    } else this.#restoreSelection();
    this.#insertFromOutside(event.dataTransfer);
  }

  #onBeforeInput(event: InputEvent): void {
    // A paste or drop that did not come through our handlers (a browser or extension feature).
    const outside = event.inputType === 'insertFromPaste' || event.inputType === 'insertFromPasteAsQuotation' || (event.inputType === 'insertFromDrop' && !this.#dragFromInside);
    if (outside) event.preventDefault();
  }

  // ——— focus: `change` when it leaves ———

  #onFocusIn(): void {
    if (this.#focused) return;
    this.#focused = true;
    this.#valueAtFocus = this.#value;
  }

  /** Where the caret was when the text area lost focus: the toolbar and the link form act there. */
  #saveSelection(): void {
    const content = this.#content;
    if (content && this.shadowRoot) this.#savedRange = selectionIn(this.shadowRoot, content) ?? this.#savedRange;
  }

  #onFocusOut(event: FocusEvent): void {
    const content = this.#content;
    const next = event.relatedTarget;
    if (!content || next === this || (next instanceof Node && this.renderRoot.contains(next))) return;
    this.#focused = false;
    // What the browser's editing left (`b`, `div`, styled spans) is shown as the value says.
    if (!this._overLimit && content.innerHTML !== (this.#value || EMPTY_CONTENT)) {
      content.innerHTML = this.#value || EMPTY_CONTENT;
      this.#savedRange = undefined;
    }
    if (this.#value !== this.#valueAtFocus) {
      this.#valueAtFocus = this.#value;
      this.dispatchEvent(new Event('change', { bubbles: true }));
    }
  }

  // ——— toolbar keyboard: one Tab stop, arrows move between buttons ———

  #onToolbarKeydown(event: KeyboardEvent): void {
    const buttons = [...this.renderRoot.querySelectorAll<HTMLButtonElement>('.toolbar button:not([disabled])')];
    const index = buttons.indexOf(event.target as HTMLButtonElement);
    if (index < 0) return;
    const forward = getComputedStyle(this).direction === 'rtl' ? 'ArrowLeft' : 'ArrowRight';
    const backward = forward === 'ArrowLeft' ? 'ArrowRight' : 'ArrowLeft';
    const target =
      event.key === forward ? index + 1 : event.key === backward ? index - 1 : event.key === 'Home' ? 0 : event.key === 'End' ? buttons.length - 1 : undefined;
    if (target === undefined) return;
    event.preventDefault();
    const button = buttons[(target + buttons.length) % buttons.length];
    this._activeTool = button.dataset.tool as Tool;
    button.focus();
  }

  #tool(tool: Tool, run: () => void): () => void {
    return () => {
      this._activeTool = tool;
      run();
    };
  }

  // ——— rendering ———

  protected override render(): TemplateResult {
    const locked = this.#locked;
    const format = this._format;
    const mod = modifierLabel();
    const aria = modifierAria();
    const tools: { tool: Tool; label: string; pressed?: boolean; expanded?: boolean; key?: string; unavailable?: boolean; run: () => void }[] = [
      { tool: 'bold', label: msg('Bold', { id: 'rich-text.bold' }), pressed: format.bold, key: 'B', run: () => this.#format('bold') },
      { tool: 'italic', label: msg('Italic', { id: 'rich-text.italic' }), pressed: format.italic, key: 'I', run: () => this.#format('italic') },
      { tool: 'bulleted', label: msg('Bulleted list', { id: 'rich-text.bulleted-list' }), pressed: format.bulleted, run: () => this.#format('insertUnorderedList') },
      { tool: 'numbered', label: msg('Numbered list', { id: 'rich-text.numbered-list' }), pressed: format.numbered, run: () => this.#format('insertOrderedList') },
      { tool: 'link', label: msg('Link', { id: 'rich-text.link' }), expanded: !!this._link, key: 'K', run: () => void this.#openLinkForm() },
      { tool: 'unlink', label: msg('Remove link', { id: 'rich-text.remove-link' }), unavailable: !format.link, run: () => this.#removeLink() },
    ];
    const usable = tools.filter((tool) => !locked && !tool.unavailable);
    const active = usable.find((tool) => tool.tool === this._activeTool) ?? usable[0];
    const problem = this.#problem();
    const described = ['hint', this.maxLength > 0 ? 'count' : '', 'message'].filter(Boolean).join(' ');
    return html`
      <div class="label" id="label" @click=${() => this.focus()}>${this.label}</div>
      <p class="hint" id="hint">
        ${this.hint ? html`${this.hint} ` : nothing}${msg(str`Shortcuts: ${mod}+B bold, ${mod}+I italic, ${mod}+K link.`, { id: 'rich-text.shortcuts' })}
      </p>
      <div class="toolbar" role="toolbar" aria-label=${msg('Formatting', { id: 'rich-text.toolbar' })} aria-controls="content" @keydown=${this.#onToolbarKeydown}>
        ${tools.map(
          (tool) => html`<button
            type="button"
            class="tool tool-${tool.tool}"
            data-tool=${tool.tool}
            tabindex=${tool === active ? 0 : -1}
            ?disabled=${locked || tool.unavailable}
            aria-pressed=${tool.pressed === undefined ? nothing : String(tool.pressed)}
            aria-expanded=${tool.expanded === undefined ? nothing : String(tool.expanded)}
            aria-controls=${tool.tool === 'link' && this._link ? 'link-form' : nothing}
            aria-keyshortcuts=${tool.key ? `${aria}+${tool.key}` : nothing}
            @mousedown=${(event: MouseEvent) => event.preventDefault()}
            @click=${this.#tool(tool.tool, tool.run)}
          >
            ${tool.label}
          </button>`,
        )}
      </div>
      ${this._link ? this.#renderLinkForm(this._link) : nothing}
      <div
        id="content"
        class="content rich-text"
        role="textbox"
        aria-multiline="true"
        aria-labelledby="label"
        aria-describedby=${described}
        aria-invalid=${problem || this._pageInvalid === 'true' ? 'true' : 'false'}
        aria-disabled=${this.disabled || this._formDisabled ? 'true' : nothing}
        aria-readonly=${this.readonly ? 'true' : nothing}
        contenteditable=${locked ? 'false' : 'true'}
        tabindex=${this.disabled || this._formDisabled ? nothing : '0'}
        lang=${this.contentLang || nothing}
        @input=${this.#onInput}
        @keydown=${this.#onKeydown}
        @paste=${this.#onPaste}
        @drop=${this.#onDrop}
        @dragstart=${() => (this.#dragFromInside = true)}
        @dragend=${() => (this.#dragFromInside = false)}
        @beforeinput=${this.#onBeforeInput}
        @focusout=${this.#saveSelection}
      ></div>
      ${this.maxLength > 0
        ? html`<p class="count" id="count">
            ${msg(str`${this._length.toLocaleString(this.effectiveLang)} of ${this.maxLength.toLocaleString(this.effectiveLang)} characters`, { id: 'rich-text.count' })}
          </p>`
        : nothing}
      <div class="message" id="message" role="status">${problem ? html`<p>${problem}</p>` : nothing}${this._note ? html`<p class="note">${this._note}</p>` : nothing}</div>
    `;
  }

  #renderLinkForm(form: LinkForm): TemplateResult {
    const problem =
      form.problem === 'empty'
        ? msg('Type the address of the link.', { id: 'rich-text.link-empty' })
        : form.problem === 'refused'
          ? msg('This link cannot be used. Only web addresses (https:// or http://) and e-mail addresses (mailto:) are allowed.', { id: 'rich-text.link-refused' })
          : '';
    return html`<form id="link-form" class="link-form" novalidate @submit=${this.#applyLink} @keydown=${this.#onLinkKeydown}>
      <label for="link-url">${msg('Link address', { id: 'rich-text.link-address' })}</label>
      <p class="hint" id="link-help">${msg('A web address (https://…) or an e-mail address.', { id: 'rich-text.link-help' })}</p>
      <input id="link-url" type="text" inputmode="url" autocomplete="off" spellcheck="false" aria-describedby="link-help link-error" aria-invalid=${problem ? 'true' : 'false'} />
      <p class="error" id="link-error" role="alert">${problem}</p>
      <div class="actions">
        <button type="submit" class="primary">${form.editing ? msg('Change link', { id: 'rich-text.link-change' }) : msg('Add link', { id: 'rich-text.link-add' })}</button>
        <button type="button" @click=${() => this.#closeLinkForm()}>${msg('Cancel', { id: 'rich-text.cancel' })}</button>
      </div>
    </form>`;
  }
}
