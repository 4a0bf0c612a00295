const names = new Map<string, Intl.DisplayNames>();

/** A language's name in the reader's UI language: `fr` is "French" for an English reader, "francés" for a Spanish one. */
export function languageName(code: string, uiLang: string): string {
  let display = names.get(uiLang);
  if (!display) {
    display = new Intl.DisplayNames([uiLang, 'en'], { type: 'language' });
    names.set(uiLang, display);
  }
  try {
    return display.of(code) ?? code;
  } catch {
    return code;
  }
}
