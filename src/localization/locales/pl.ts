// Polish. One file per area, so each widget's strings sit together; a test checks none is missing.
import { boardTemplates } from './pl/board.js';
import { coreTemplates } from './pl/core.js';
import { glossaryTemplates } from './pl/glossary.js';
import { glossaryExchangeTemplates } from './pl/glossary-exchange.js';
import { journalTemplates } from './pl/journal.js';
import { trackerTemplates } from './pl/tracker.js';
import { richTextTemplates } from './pl/rich-text.js';
import { syncConflictsTemplates } from './pl/sync-conflicts.js';
import { templateTemplates } from './pl/template.js';
import { sdkTemplates } from './pl/sdk.js';

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
