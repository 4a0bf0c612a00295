// French. One file per area, so each widget's strings sit together; a test checks none is missing.
import { boardTemplates } from './fr/board.js';
import { coreTemplates } from './fr/core.js';
import { glossaryTemplates } from './fr/glossary.js';
import { glossaryExchangeTemplates } from './fr/glossary-exchange.js';
import { journalTemplates } from './fr/journal.js';
import { trackerTemplates } from './fr/tracker.js';
import { richTextTemplates } from './fr/rich-text.js';
import { syncConflictsTemplates } from './fr/sync-conflicts.js';
import { templateTemplates } from './fr/template.js';
import { sdkTemplates } from './fr/sdk.js';

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
