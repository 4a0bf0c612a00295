import * as z from 'zod/mini';
import { envelopeShape } from './envelope.js';
import { boardPosition } from './board-position.js';
import { shortText } from './text.js';

export const boardSectionFields = {
  name: shortText({ required: true }),
  /** Where the section stands among the board's sections (see `boardPosition`). */
  position: boardPosition(),
};

/** A column or group of the board. Teachers make them; posts name theirs in `section`. */
export const boardSectionSchema = z.looseObject({ ...envelopeShape, ...boardSectionFields });
export type BoardSection = z.infer<typeof boardSectionSchema>;
