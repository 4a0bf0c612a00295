// Portuguese (European). One file per area, so each widget's strings sit together; a test checks none is missing.
import { boardTemplates } from './pt/board.js';
import { coreTemplates } from './pt/core.js';
import { glossaryTemplates } from './pt/glossary.js';
import { glossaryExchangeTemplates } from './pt/glossary-exchange.js';
import { journalTemplates } from './pt/journal.js';
import { trackerTemplates } from './pt/tracker.js';
import { richTextTemplates } from './pt/rich-text.js';
import { syncConflictsTemplates } from './pt/sync-conflicts.js';
import { templateTemplates } from './pt/template.js';
import { sdkTemplates } from './pt/sdk.js';

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
