// Spanish for glossary-exchange. Keys are msg() ids.
export const glossaryExchangeTemplates = {};
