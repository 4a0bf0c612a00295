import type { BoardComment, BoardFlag, BoardPost, BoardReaction, BoardSection } from './board-types.js';

/** The `format` tag of a board file. */
export const BOARD_JSON_FORMAT = 'twinkit-board';
/** The version of the board file format. */
export const BOARD_JSON_VERSION = 1;

/** An attachment in the file: its type and its bytes as a `data:` URL. */
export interface BoardJsonAttachment {
  type: string;
  dataUrl: string;
}

export interface BoardJsonInput {
  /** The space the board belongs to: its id, or a record describing it. */
  space: string | { id: string; [key: string]: unknown };
  /** When it was made (ISO time). */
  exportedAt: string;
  /** The board's settings record, if any. */
  settings?: Record<string, unknown>;
  sections: readonly BoardSection[];
  posts: readonly BoardPost[];
  comments: readonly BoardComment[];
  reactions: readonly BoardReaction[];
  flags: readonly BoardFlag[];
  /** By attachment id. */
  attachments: Record<string, BoardJsonAttachment>;
}

/** A board file: every record exactly as stored (unknown fields too), with a format tag. */
export interface BoardJsonData extends Omit<BoardJsonInput, 'sections' | 'posts' | 'comments' | 'reactions' | 'flags'> {
  format: typeof BOARD_JSON_FORMAT;
  version: typeof BOARD_JSON_VERSION;
  sections: BoardSection[];
  posts: BoardPost[];
  comments: BoardComment[];
  reactions: BoardReaction[];
  flags: BoardFlag[];
}

const LISTS = ['sections', 'posts', 'comments', 'reactions', 'flags'] as const;

/**
 * The whole board as a JSON file (format `twinkit-board`, version 1): sections, posts, comments,
 * reactions, flags and attachments exactly as given, so nothing is lost and `readBoardJson` gives
 * them back equal. Pretty-printed: a teacher may open it.
 */
export function boardJson(input: BoardJsonInput): string {
  const { space, exportedAt, settings, sections, posts, comments, reactions, flags, attachments } = input;
  const data = { format: BOARD_JSON_FORMAT, version: BOARD_JSON_VERSION, space, exportedAt, ...(settings ? { settings } : {}), sections, posts, comments, reactions, flags, attachments };
  return JSON.stringify(data, null, 2);
}

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** Reads a board file back. Throws an Error saying what is wrong when it is not one. */
export function readBoardJson(text: string): BoardJsonData {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    throw new Error('This file is not a board export: it is not JSON.');
  }
  if (!isObject(data) || data.format !== BOARD_JSON_FORMAT) throw new Error(`This file is not a board export: its format must be "${BOARD_JSON_FORMAT}".`);
  if (data.version !== BOARD_JSON_VERSION) {
    throw new Error(`This board export has version ${JSON.stringify(data.version)}; this version of Twinkit reads version ${BOARD_JSON_VERSION}.`);
  }
  const damaged = (what: string) => new Error(`This board export is damaged: ${what}.`);
  if (!(typeof data.space === 'string' || (isObject(data.space) && typeof data.space.id === 'string'))) throw damaged('"space" must be an id or a record with an id');
  if (typeof data.exportedAt !== 'string') throw damaged('"exportedAt" must be a time');
  if (data.settings !== undefined && !isObject(data.settings)) throw damaged('"settings" must be a record');
  for (const key of LISTS) {
    const list = data[key];
    if (!Array.isArray(list)) throw damaged(`"${key}" must be a list`);
    list.forEach((record, i) => {
      if (!isObject(record) || typeof record.id !== 'string') throw damaged(`"${key}" item ${i + 1} must be a record with an id`);
    });
  }
  if (!isObject(data.attachments)) throw damaged('"attachments" must be a record of attachments by id');
  for (const [id, attachment] of Object.entries(data.attachments)) {
    if (!isObject(attachment) || typeof attachment.type !== 'string' || typeof attachment.dataUrl !== 'string' || !attachment.dataUrl.startsWith('data:')) {
      throw damaged(`attachment "${id}" must have a type and a data: URL`);
    }
  }
  return data as unknown as BoardJsonData;
}
