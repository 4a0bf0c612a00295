// Ukrainian. One file per area, so each widget's strings sit together; a test checks none is missing.
import { boardTemplates } from './uk/board.js';
import { coreTemplates } from './uk/core.js';
import { glossaryTemplates } from './uk/glossary.js';
import { glossaryExchangeTemplates } from './uk/glossary-exchange.js';
import { journalTemplates } from './uk/journal.js';
import { trackerTemplates } from './uk/tracker.js';
import { richTextTemplates } from './uk/rich-text.js';
import { syncConflictsTemplates } from './uk/sync-conflicts.js';
import { templateTemplates } from './uk/template.js';
import { sdkTemplates } from './uk/sdk.js';

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
