// Irish. One file per area, so each widget's strings sit together; a test checks none is missing.
import { boardTemplates } from './ga/board.js';
import { coreTemplates } from './ga/core.js';
import { glossaryTemplates } from './ga/glossary.js';
import { glossaryExchangeTemplates } from './ga/glossary-exchange.js';
import { journalTemplates } from './ga/journal.js';
import { trackerTemplates } from './ga/tracker.js';
import { richTextTemplates } from './ga/rich-text.js';
import { syncConflictsTemplates } from './ga/sync-conflicts.js';
import { templateTemplates } from './ga/template.js';
import { sdkTemplates } from './ga/sdk.js';

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
