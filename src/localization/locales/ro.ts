// Romanian. One file per area, so each widget's strings sit together; a test checks none is missing.
import { boardTemplates } from './ro/board.js';
import { coreTemplates } from './ro/core.js';
import { glossaryTemplates } from './ro/glossary.js';
import { glossaryExchangeTemplates } from './ro/glossary-exchange.js';
import { journalTemplates } from './ro/journal.js';
import { trackerTemplates } from './ro/tracker.js';
import { richTextTemplates } from './ro/rich-text.js';
import { syncConflictsTemplates } from './ro/sync-conflicts.js';
import { templateTemplates } from './ro/template.js';
import { sdkTemplates } from './ro/sdk.js';

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
