// Swedish. One file per area, so each widget's strings sit together; a test checks none is missing.
import { boardTemplates } from './sv/board.js';
import { coreTemplates } from './sv/core.js';
import { glossaryTemplates } from './sv/glossary.js';
import { glossaryExchangeTemplates } from './sv/glossary-exchange.js';
import { journalTemplates } from './sv/journal.js';
import { trackerTemplates } from './sv/tracker.js';
import { richTextTemplates } from './sv/rich-text.js';
import { syncConflictsTemplates } from './sv/sync-conflicts.js';
import { templateTemplates } from './sv/template.js';
import { sdkTemplates } from './sv/sdk.js';

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
