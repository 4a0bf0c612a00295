// German. One file per area, so each widget's strings sit together; a test checks none is missing.
import { boardTemplates } from './de/board.js';
import { coreTemplates } from './de/core.js';
import { glossaryTemplates } from './de/glossary.js';
import { glossaryExchangeTemplates } from './de/glossary-exchange.js';
import { journalTemplates } from './de/journal.js';
import { trackerTemplates } from './de/tracker.js';
import { richTextTemplates } from './de/rich-text.js';
import { syncConflictsTemplates } from './de/sync-conflicts.js';
import { templateTemplates } from './de/template.js';
import { sdkTemplates } from './de/sdk.js';

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
