// Lithuanian. One file per area, so each widget's strings sit together; a test checks none is missing.
import { boardTemplates } from './lt/board.js';
import { coreTemplates } from './lt/core.js';
import { glossaryTemplates } from './lt/glossary.js';
import { glossaryExchangeTemplates } from './lt/glossary-exchange.js';
import { journalTemplates } from './lt/journal.js';
import { trackerTemplates } from './lt/tracker.js';
import { richTextTemplates } from './lt/rich-text.js';
import { syncConflictsTemplates } from './lt/sync-conflicts.js';
import { templateTemplates } from './lt/template.js';
import { sdkTemplates } from './lt/sdk.js';

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
