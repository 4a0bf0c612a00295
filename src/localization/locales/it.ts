// Italian. One file per area, so each widget's strings sit together; a test checks none is missing.
import { boardTemplates } from './it/board.js';
import { coreTemplates } from './it/core.js';
import { glossaryTemplates } from './it/glossary.js';
import { glossaryExchangeTemplates } from './it/glossary-exchange.js';
import { journalTemplates } from './it/journal.js';
import { trackerTemplates } from './it/tracker.js';
import { richTextTemplates } from './it/rich-text.js';
import { syncConflictsTemplates } from './it/sync-conflicts.js';
import { templateTemplates } from './it/template.js';
import { sdkTemplates } from './it/sdk.js';

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
