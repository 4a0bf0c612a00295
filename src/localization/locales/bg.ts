// Bulgarian. One file per area, so each widget's strings sit together; a test checks none is missing.
import { boardTemplates } from './bg/board.js';
import { coreTemplates } from './bg/core.js';
import { glossaryTemplates } from './bg/glossary.js';
import { glossaryExchangeTemplates } from './bg/glossary-exchange.js';
import { journalTemplates } from './bg/journal.js';
import { trackerTemplates } from './bg/tracker.js';
import { richTextTemplates } from './bg/rich-text.js';
import { syncConflictsTemplates } from './bg/sync-conflicts.js';
import { templateTemplates } from './bg/template.js';
import { sdkTemplates } from './bg/sdk.js';

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
