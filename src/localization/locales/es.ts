// Spanish. One file per area, so each widget's strings sit together; a test checks none is missing.
import { boardTemplates } from './es/board.js';
import { coreTemplates } from './es/core.js';
import { glossaryTemplates } from './es/glossary.js';
import { glossaryExchangeTemplates } from './es/glossary-exchange.js';
import { journalTemplates } from './es/journal.js';
import { trackerTemplates } from './es/tracker.js';
import { richTextTemplates } from './es/rich-text.js';
import { syncConflictsTemplates } from './es/sync-conflicts.js';
import { templateTemplates } from './es/template.js';
import { sdkTemplates } from './es/sdk.js';

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
