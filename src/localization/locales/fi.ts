// Finnish. One file per area, so each widget's strings sit together; a test checks none is missing.
import { boardTemplates } from './fi/board.js';
import { coreTemplates } from './fi/core.js';
import { glossaryTemplates } from './fi/glossary.js';
import { glossaryExchangeTemplates } from './fi/glossary-exchange.js';
import { journalTemplates } from './fi/journal.js';
import { trackerTemplates } from './fi/tracker.js';
import { richTextTemplates } from './fi/rich-text.js';
import { syncConflictsTemplates } from './fi/sync-conflicts.js';
import { templateTemplates } from './fi/template.js';
import { sdkTemplates } from './fi/sdk.js';

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
