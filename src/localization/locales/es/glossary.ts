// Spanish for glossary. Keys are msg() ids.
export const glossaryTemplates = {};
