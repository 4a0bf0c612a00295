// Hungarian. One file per area, so each widget's strings sit together; a test checks none is missing.
import { boardTemplates } from './hu/board.js';
import { coreTemplates } from './hu/core.js';
import { glossaryTemplates } from './hu/glossary.js';
import { glossaryExchangeTemplates } from './hu/glossary-exchange.js';
import { journalTemplates } from './hu/journal.js';
import { trackerTemplates } from './hu/tracker.js';
import { richTextTemplates } from './hu/rich-text.js';
import { syncConflictsTemplates } from './hu/sync-conflicts.js';
import { templateTemplates } from './hu/template.js';
import { sdkTemplates } from './hu/sdk.js';

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
