/** What a record of each built-in collection is called in a message to the user. */
const NOUNS: Record<string, string> = {
  glossary: 'glossary entry',
  board: 'board post',
  'board-section': 'board section',
  'board-comment': 'comment',
  'board-reaction': 'reaction',
  'board-flag': 'report',
  'board-settings': 'board settings',
  journal: 'journal entry',
  'glossary-comment': 'comment',
  'glossary-reaction': 'reaction',
  phase: 'phase',
  project: 'project settings',
  activity: 'activity',
  goal: 'learning goal',
  'goal-rating': 'self-rating',
  'journal-prompt': 'prompt set',
  'journal-feedback': 'feedback',
  'journal-note': 'note',
  'journal-settings': 'journal settings',
};

/** Nouns that take no article: "feedback with this id already exists". */
const UNCOUNTABLE = new Set(['feedback']);

/** "glossary entry"; a registered collection without a noun: "recipes record". */
export function nounOf(collection: string): string {
  return NOUNS[collection] ?? `${collection} record`;
}

/** "a phase", "an activity", "the project settings", "feedback". */
export function withArticle(noun: string): string {
  if (UNCOUNTABLE.has(noun)) return noun;
  if (noun.endsWith('settings')) return `the ${noun}`;
  return /^[aeiou]/i.test(noun) ? `an ${noun}` : `a ${noun}`;
}

export const capitalized = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);
