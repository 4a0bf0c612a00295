// Latvian. One file per area, so each widget's strings sit together; a test checks none is missing.
import { boardTemplates } from './lv/board.js';
import { coreTemplates } from './lv/core.js';
import { glossaryTemplates } from './lv/glossary.js';
import { glossaryExchangeTemplates } from './lv/glossary-exchange.js';
import { journalTemplates } from './lv/journal.js';
import { trackerTemplates } from './lv/tracker.js';
import { richTextTemplates } from './lv/rich-text.js';
import { syncConflictsTemplates } from './lv/sync-conflicts.js';
import { templateTemplates } from './lv/template.js';
import { sdkTemplates } from './lv/sdk.js';

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
