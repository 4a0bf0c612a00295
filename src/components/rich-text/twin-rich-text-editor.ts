import { TwinRichTextEditor } from './twin-rich-text-editor.component.js';

export { TwinRichTextEditor };

TwinRichTextEditor.define('twin-rich-text-editor');

declare global {
  interface HTMLElementTagNameMap {
    'twin-rich-text-editor': TwinRichTextEditor;
  }
}
