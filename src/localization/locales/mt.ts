// Maltese. One file per area, so each widget's strings sit together; a test checks none is missing.
import { boardTemplates } from './mt/board.js';
import { coreTemplates } from './mt/core.js';
import { glossaryTemplates } from './mt/glossary.js';
import { glossaryExchangeTemplates } from './mt/glossary-exchange.js';
import { journalTemplates } from './mt/journal.js';
import { trackerTemplates } from './mt/tracker.js';
import { richTextTemplates } from './mt/rich-text.js';
import { syncConflictsTemplates } from './mt/sync-conflicts.js';
import { templateTemplates } from './mt/template.js';
import { sdkTemplates } from './mt/sdk.js';

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
