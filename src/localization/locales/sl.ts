// Slovenian. One file per area, so each widget's strings sit together; a test checks none is missing.
import { boardTemplates } from './sl/board.js';
import { coreTemplates } from './sl/core.js';
import { glossaryTemplates } from './sl/glossary.js';
import { glossaryExchangeTemplates } from './sl/glossary-exchange.js';
import { journalTemplates } from './sl/journal.js';
import { trackerTemplates } from './sl/tracker.js';
import { richTextTemplates } from './sl/rich-text.js';
import { syncConflictsTemplates } from './sl/sync-conflicts.js';
import { templateTemplates } from './sl/template.js';
import { sdkTemplates } from './sl/sdk.js';

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
