import * as z from 'zod/mini';
import { envelopeShape } from './envelope.js';
import { typeError } from './text.js';

/** A space keeps its journal settings in one record of the `journal-settings` collection, with this id. */
export const JOURNAL_SETTINGS_ID = 'settings';

export const journalSettingsFields = {
  id: z.literal(JOURNAL_SETTINGS_ID, `must be "${JOURNAL_SETTINGS_ID}": a space keeps its journal settings in one record`),
  /**
   * Teachers approve peer feedback: a pupil's new journal feedback waits (`pending`) until a
   * teacher or moderator publishes it, even when the space's moderation is off.
   */
  feedbackApproval: z.boolean(typeError('must be true or false')),
};

export const journalSettingsSchema = z.looseObject({ ...envelopeShape, ...journalSettingsFields });
export type JournalSettings = z.infer<typeof journalSettingsSchema>;
