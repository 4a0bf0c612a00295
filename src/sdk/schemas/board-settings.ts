import * as z from 'zod/mini';
import { envelopeShape } from './envelope.js';
import { typeError } from './text.js';

/** A space keeps its board settings in one record of the `board-settings` collection, with this id. */
export const BOARD_SETTINGS_ID = 'board-settings';

/** How the board shows its posts. */
export const BOARD_LAYOUTS = ['wall', 'columns', 'timeline', 'stream'] as const;
export type BoardLayout = (typeof BOARD_LAYOUTS)[number];

export const boardSettingsFields = {
  id: z.literal(BOARD_SETTINGS_ID, `must be "${BOARD_SETTINGS_ID}": a space keeps its board settings in one record`),
  layout: z.optional(z.enum(BOARD_LAYOUTS, `must be one of: ${BOARD_LAYOUTS.join(', ')}`)),
  /**
   * Teachers approve the board: a pupil's new (or edited) post or comment waits (`pending`) until
   * a teacher or moderator publishes it, even when the space's moderation is off.
   */
  approval: z.optional(z.boolean(typeError('must be true or false'))),
};

export const boardSettingsSchema = z.looseObject({ ...envelopeShape, ...boardSettingsFields });
export type BoardSettings = z.infer<typeof boardSettingsSchema>;
