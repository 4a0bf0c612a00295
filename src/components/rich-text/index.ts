// The safe rich-text subset (bold, italic, lists, links) for pupils' writing. Importing this file
// defines no element: import './twin-rich-text-editor.js' for <twin-rich-text-editor>.
export { sanitizeRichText, LINK_REL, LINK_TARGET } from './sanitize-rich-text.js';
export { richTextToPlain, isRichTextEmpty, plainTextToRichText } from './rich-text-plain.js';
export { RICH_TEXT_MAX_INPUT, RichTextTooLongError, safeLink } from './rich-text-limits.js';
export { richText } from './rich-text-view.js';
export { richTextContentStyles } from './rich-text-content.styles.js';
export { TwinRichTextEditor } from './twin-rich-text-editor.component.js';
