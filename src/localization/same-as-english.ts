/**
 * Messages a translation leaves as in English on purpose, by locale; `*` for every language: the
 * product's names and a bare count, then words each language uses as English does (Link, Video,
 * Status, Filters, Moderator…), checked by a speaker of each. The translation check refuses any
 * other message identical to the English.
 */
export const SAME_AS_ENGLISH: Record<string, readonly string[]> = {
  '*': ['board.label', 'tracker.widget.board', 'board.reaction.count'],
  cs: ['board.field.body', 'board.kind.text', 'board.player', 'journal.media.video', 'journal.portfolio.video'],
  da: ['board.color.orange', 'board.field.url', 'board.file.download', 'board.filter.kind', 'board.kind.link', 'board.player', 'glossary-exchange.download', 'glossary-exchange.format', 'glossary.entry.tags', 'glossary.field.definition', 'glossary.field.term', 'glossary.filter.status', 'journal.feedback#one', 'journal.feedback#other', 'journal.feedback.send', 'journal.feedback.title', 'journal.media.video', 'journal.portfolio.feedback', 'journal.portfolio.video', 'rich-text.link', 'role.moderator', 'tracker.competence.digital', 'tracker.field.status', 'tracker.json'],
  de: ['board.color.orange', 'board.field.body', 'board.field.clip', 'board.field.phase', 'board.field.url', 'board.filter.phase', 'board.kind.link', 'board.kind.text', 'board.player', 'board.section.name', 'glossary-exchange.format', 'glossary.entry.phase', 'glossary.entry.tags', 'glossary.field.definition', 'glossary.filter.status', 'journal.feedback.title', 'journal.field.phase', 'journal.media.video', 'journal.portfolio.feedback', 'journal.portfolio.video', 'rich-text.link', 'role.admin', 'tracker.field.name', 'tracker.field.phase', 'tracker.field.status'],
  es: ['board.field.clip', 'status.label-error', 'tracker.competence.digital'],
  et: ['board.field.url', 'board.kind.link', 'board.player', 'journal.media.video', 'journal.portfolio.video', 'rich-text.link'],
  fi: ['board.player', 'journal.media.video', 'journal.portfolio.video'],
  fr: ['board.color.orange', 'board.field.clip', 'board.field.phase', 'board.field.section', 'board.filter.kind', 'board.filter.phase', 'board.kind.image', 'glossary-exchange.format', 'glossary.entry.phase', 'journal.field.date', 'journal.field.phase', 'journal.portfolio.image', 'tracker.field.description', 'tracker.field.phase'],
  hr: ['board.player', 'glossary-exchange.format', 'glossary.filter.status', 'journal.media.video', 'journal.portfolio.video', 'role.moderator', 'tracker.field.status'],
  hu: ['board.field.url', 'board.kind.link', 'rich-text.link'],
  it: ['board.dialog.post', 'board.field.clip', 'board.field.url', 'board.kind.file', 'board.kind.link', 'board.player', 'journal.feedback#one', 'journal.feedback#other', 'journal.feedback.title', 'journal.media.video', 'journal.portfolio.feedback', 'journal.portfolio.video', 'rich-text.link'],
  lv: ['board.player', 'journal.media.video', 'journal.portfolio.video'],
  mt: ['board.field.url', 'board.kind.link', 'glossary-exchange.format', 'glossary.filter.status', 'rich-text.link', 'tracker.field.status'],
  nb: ['board.filter.kind', 'board.player', 'glossary-exchange.format', 'glossary.filter.status', 'journal.media.video', 'journal.portfolio.video', 'role.moderator', 'tracker.competence.digital', 'tracker.field.status'],
  nl: ['board.field.clip', 'board.field.url', 'board.filter.school', 'board.filters', 'board.filters.active', 'board.kind.link', 'board.player', 'glossary-exchange.format-csv', 'glossary.entry.tags', 'glossary.field.term', 'glossary.filter.school', 'glossary.filter.status', 'glossary.filters', 'journal.feedback#one', 'journal.feedback#other', 'journal.feedback.title', 'journal.media.video', 'journal.portfolio.feedback', 'journal.portfolio.video', 'rich-text.link', 'role.moderator', 'tracker.field.status', 'tracker.view.checklist'],
  pl: ['board.dialog.post', 'board.field.url', 'board.kind.link', 'glossary-exchange.format', 'rich-text.link', 'role.moderator'],
  pt: ['board.field.url', 'board.kind.link', 'journal.feedback#one', 'journal.feedback#other', 'journal.feedback.title', 'journal.portfolio.feedback', 'rich-text.link', 'tracker.competence.digital'],
  ro: ['board.field.body', 'board.field.clip', 'board.field.url', 'board.kind.link', 'board.kind.text', 'board.player', 'glossary-exchange.format', 'journal.feedback.title', 'journal.media.video', 'journal.portfolio.feedback', 'journal.portfolio.video', 'rich-text.link', 'role.moderator'],
  sk: ['board.field.body', 'board.kind.text', 'board.player', 'journal.media.video', 'journal.portfolio.video'],
  sl: ['board.player', 'journal.media.video', 'journal.portfolio.video', 'role.moderator'],
  sv: ['board.color.orange', 'board.field.body', 'board.kind.text', 'board.player', 'glossary-exchange.format', 'glossary.field.definition', 'glossary.field.term', 'glossary.filter.status', 'journal.media.video', 'journal.portfolio.video', 'role.moderator', 'tracker.competence.digital', 'tracker.field.status'],
  tr: ['board.player', 'journal.media.video', 'journal.portfolio.video'],
};
