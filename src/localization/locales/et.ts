// Estonian. One file per area, so each widget's strings sit together; a test checks none is missing.
import { boardTemplates } from './et/board.js';
import { coreTemplates } from './et/core.js';
import { glossaryTemplates } from './et/glossary.js';
import { glossaryExchangeTemplates } from './et/glossary-exchange.js';
import { journalTemplates } from './et/journal.js';
import { trackerTemplates } from './et/tracker.js';
import { richTextTemplates } from './et/rich-text.js';
import { syncConflictsTemplates } from './et/sync-conflicts.js';
import { templateTemplates } from './et/template.js';
import { sdkTemplates } from './et/sdk.js';

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
