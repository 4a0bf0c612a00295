/** True on Apple systems, where shortcuts use ⌘ rather than Ctrl. */
export const isApple = () => /Mac|iPhone|iPad|iPod/.test(navigator.platform || navigator.userAgent);

/** The modifier as shown to the reader, and as `aria-keyshortcuts` names it. */
export const modifierLabel = () => (isApple() ? '⌘' : 'Ctrl');
export const modifierAria = () => (isApple() ? 'Meta' : 'Control');

/**
 * The letter of a Ctrl+letter (⌘+letter) shortcut, lower case, or undefined. Alt is excluded:
 * Ctrl+Alt is AltGr on Windows, which types characters in many languages. On a non-Latin layout
 * (Greek, Cyrillic) the physical key decides, as the browser's own shortcuts do.
 */
export function shortcutLetter(event: KeyboardEvent): string | undefined {
  if (!(event.ctrlKey || event.metaKey) || event.altKey) return undefined;
  if (/^[a-z]$/i.test(event.key)) return event.key.toLowerCase();
  const physical = /^Key([A-Z])$/.exec(event.code);
  return physical && event.key.length === 1 && !/[\x20-\x7e]/.test(event.key) ? physical[1].toLowerCase() : undefined;
}
