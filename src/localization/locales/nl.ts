// Dutch. One file per area, so each widget's strings sit together; a test checks none is missing.
import { boardTemplates } from './nl/board.js';
import { coreTemplates } from './nl/core.js';
import { glossaryTemplates } from './nl/glossary.js';
import { glossaryExchangeTemplates } from './nl/glossary-exchange.js';
import { journalTemplates } from './nl/journal.js';
import { trackerTemplates } from './nl/tracker.js';
import { richTextTemplates } from './nl/rich-text.js';
import { syncConflictsTemplates } from './nl/sync-conflicts.js';
import { templateTemplates } from './nl/template.js';
import { sdkTemplates } from './nl/sdk.js';

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
