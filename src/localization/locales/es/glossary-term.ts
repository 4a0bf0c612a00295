// Spanish for glossary-term. Keys are msg() ids.
export const glossaryTermTemplates = {};
