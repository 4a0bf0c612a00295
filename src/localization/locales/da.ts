// Danish. One file per area, so each widget's strings sit together; a test checks none is missing.
import { boardTemplates } from './da/board.js';
import { coreTemplates } from './da/core.js';
import { glossaryTemplates } from './da/glossary.js';
import { glossaryExchangeTemplates } from './da/glossary-exchange.js';
import { journalTemplates } from './da/journal.js';
import { trackerTemplates } from './da/tracker.js';
import { richTextTemplates } from './da/rich-text.js';
import { syncConflictsTemplates } from './da/sync-conflicts.js';
import { templateTemplates } from './da/template.js';
import { sdkTemplates } from './da/sdk.js';

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
