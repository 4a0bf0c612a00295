// Slovak. One file per area, so each widget's strings sit together; a test checks none is missing.
import { boardTemplates } from './sk/board.js';
import { coreTemplates } from './sk/core.js';
import { glossaryTemplates } from './sk/glossary.js';
import { glossaryExchangeTemplates } from './sk/glossary-exchange.js';
import { journalTemplates } from './sk/journal.js';
import { trackerTemplates } from './sk/tracker.js';
import { richTextTemplates } from './sk/rich-text.js';
import { syncConflictsTemplates } from './sk/sync-conflicts.js';
import { templateTemplates } from './sk/template.js';
import { sdkTemplates } from './sk/sdk.js';

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
