// Czech. One file per area, so each widget's strings sit together; a test checks none is missing.
import { boardTemplates } from './cs/board.js';
import { coreTemplates } from './cs/core.js';
import { glossaryTemplates } from './cs/glossary.js';
import { glossaryExchangeTemplates } from './cs/glossary-exchange.js';
import { journalTemplates } from './cs/journal.js';
import { trackerTemplates } from './cs/tracker.js';
import { richTextTemplates } from './cs/rich-text.js';
import { syncConflictsTemplates } from './cs/sync-conflicts.js';
import { templateTemplates } from './cs/template.js';
import { sdkTemplates } from './cs/sdk.js';

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
