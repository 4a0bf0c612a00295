// Norwegian (Bokmål). One file per area, so each widget's strings sit together; a test checks none is missing.
import { boardTemplates } from './nb/board.js';
import { coreTemplates } from './nb/core.js';
import { glossaryTemplates } from './nb/glossary.js';
import { glossaryExchangeTemplates } from './nb/glossary-exchange.js';
import { journalTemplates } from './nb/journal.js';
import { trackerTemplates } from './nb/tracker.js';
import { richTextTemplates } from './nb/rich-text.js';
import { syncConflictsTemplates } from './nb/sync-conflicts.js';
import { templateTemplates } from './nb/template.js';
import { sdkTemplates } from './nb/sdk.js';

export const templates = {
  ...richTextTemplates,
  ...coreTemplates,
  ...glossaryTemplates,
  ...glossaryExchangeTemplates,
  ...trackerTemplates,
  ...journalTemplates,
  ...boardTemplates,
  ...syncConflictsTemplates,
  ...templateTemplates,
  ...sdkTemplates,
};
