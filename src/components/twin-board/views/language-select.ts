import { msg } from '@lit/localize';
import { html } from 'lit';
import { languageName } from '../../../localization/language-name.js';
import { writtenLanguageChoices } from '../../../localization/written-language.js';

/**
 * "Written in": the language of a post or a comment, by name in the reader's language, in
 * alphabetical order. "Not said" stays a choice: a post written before languages were asked keeps none.
 * Options are marked chosen by property, not attribute: once a reader has changed a select, the
 * browser ignores later `selected` attributes, and the select would show a language the draft no
 * longer has (a reopened form, a draft put back).
 */
export function languageSelect(value: string | undefined, uiLang: string, change: (language: string | undefined) => void) {
  const collator = collatorFor(uiLang);
  const choices = writtenLanguageChoices(value)
    .map((code) => ({ code, name: languageName(code, uiLang) }))
    .sort((a, b) => collator.compare(a.name, b.name));
  return html`<label>${msg('Written in', { id: 'board.field.language' })}
    <select name="language" @change=${(event: Event) => change((event.target as HTMLSelectElement).value || undefined)}>
      <option value="" .selected=${!value}>${msg('Not said', { id: 'board.field.no-language' })}</option>
      ${choices.map(({ code, name }) => html`<option value=${code} .selected=${value === code}>${name}</option>`)}
    </select>
  </label>`;
}

/** A collator for the reader's language, or English when the page's `lang` is not one. */
function collatorFor(uiLang: string): Intl.Collator {
  try {
    return new Intl.Collator([uiLang, 'en']);
  } catch {
    return new Intl.Collator('en');
  }
}
