// Greek. One file per area, so each widget's strings sit together; a test checks none is missing.
import { boardTemplates } from './el/board.js';
import { coreTemplates } from './el/core.js';
import { glossaryTemplates } from './el/glossary.js';
import { glossaryExchangeTemplates } from './el/glossary-exchange.js';
import { journalTemplates } from './el/journal.js';
import { trackerTemplates } from './el/tracker.js';
import { richTextTemplates } from './el/rich-text.js';
import { syncConflictsTemplates } from './el/sync-conflicts.js';
import { templateTemplates } from './el/template.js';
import { sdkTemplates } from './el/sdk.js';

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
