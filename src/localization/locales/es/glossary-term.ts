// Spanish for glossary-term. Keys are msg() ids.
// Empty on purpose: a term's only label is a language name from Intl.DisplayNames, already in the reader's language.
export const glossaryTermTemplates = {};
