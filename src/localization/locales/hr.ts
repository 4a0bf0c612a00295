// Croatian. One file per area, so each widget's strings sit together; a test checks none is missing.
import { boardTemplates } from './hr/board.js';
import { coreTemplates } from './hr/core.js';
import { glossaryTemplates } from './hr/glossary.js';
import { glossaryExchangeTemplates } from './hr/glossary-exchange.js';
import { journalTemplates } from './hr/journal.js';
import { trackerTemplates } from './hr/tracker.js';
import { richTextTemplates } from './hr/rich-text.js';
import { syncConflictsTemplates } from './hr/sync-conflicts.js';
import { templateTemplates } from './hr/template.js';
import { sdkTemplates } from './hr/sdk.js';

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
