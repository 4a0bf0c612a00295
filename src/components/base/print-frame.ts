/**
 * Prints a self-contained document from a hidden, script-less frame inside `root`, so only that
 * document is printed (not the school page around it) and "Save as PDF" gives a clean file.
 * `className` lets the widget style (hide) the frame and tests find it.
 */
export function printInFrame(root: ShadowRoot, documentHtml: string, options: { title: string; className: string }): HTMLIFrameElement {
  root.querySelector(`iframe.${options.className}`)?.remove();
  const frame = document.createElement('iframe');
  frame.className = options.className;
  frame.title = options.title;
  frame.setAttribute('aria-hidden', 'true');
  frame.tabIndex = -1;
  // Sandboxed with no scripts: the document is pupils' text, shown as text only.
  frame.setAttribute('sandbox', 'allow-modals allow-same-origin');
  frame.srcdoc = documentHtml;
  frame.addEventListener('load', () => frame.contentWindow?.print(), { once: true });
  root.append(frame);
  return frame;
}
