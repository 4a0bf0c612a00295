// Turkish. One file per area, so each widget's strings sit together; a test checks none is missing.
import { boardTemplates } from './tr/board.js';
import { coreTemplates } from './tr/core.js';
import { glossaryTemplates } from './tr/glossary.js';
import { glossaryExchangeTemplates } from './tr/glossary-exchange.js';
import { journalTemplates } from './tr/journal.js';
import { trackerTemplates } from './tr/tracker.js';
import { richTextTemplates } from './tr/rich-text.js';
import { syncConflictsTemplates } from './tr/sync-conflicts.js';
import { templateTemplates } from './tr/template.js';
import { sdkTemplates } from './tr/sdk.js';

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
