import { msg } from '@lit/localize';
import * as z from 'zod/mini';
import { ENVELOPE_KEYS, envelopeShape } from '../../../sdk/schemas/envelope.js';
import { glossaryFields, type GlossaryEntry } from '../../../sdk/schemas/glossary.js';
import { checkRecord } from '../../../sdk/store/validate-record.js';
import { foldText } from '../search/fold-text.js';
import { issueProblems, type RowProblem } from './row-problems.js';

/** One entry read from a file, unchecked. `row` is the file's: CSV header = row 1; XML and JSON: entry index + 1. */
export interface ImportRow {
  row: number;
  fields: Record<string, unknown>;
}

/** What a parser found: the rows, CSV columns it ignored, and whether `fallbackLang` was used (plain Moodle entries). */
export interface ParsedFile {
  rows: ImportRow[];
  ignored?: string[];
  usesFallbackLang?: boolean;
}

/** Fields for `store.createMany('glossary', …)`: content, plus `id` and `phase` when the file had them. */
export type DraftEntry = Record<string, unknown>;

export interface ImportPlan {
  ready: DraftEntry[];
  /** The file row of each ready entry (same order), to report a failed write by row. */
  readyRows: number[];
  duplicates: ImportRow[];
  problems: RowProblem[];
}

/** A file refused as a whole (not UTF-8, wrong columns, broken XML); the message is for the user. */
export class ExchangeRefusal extends Error {}

/** What a file may set: the glossary fields, plus the two envelope keys a writer may choose. */
const draftDefinition = {
  name: 'glossary',
  version: 1,
  schema: z.looseObject({ ...glossaryFields, id: z.optional(envelopeShape.id), phase: envelopeShape.phase }),
};

/** Keys the importing store sets itself (author, status, dates…); a JSON backup carries the old ones. */
const STORE_OWNED: string[] = ENVELOPE_KEYS.filter((key) => key !== 'id' && key !== 'phase');

type Translations = Record<string, { term: string }>;

/** One key per language and folded term: `Marée` in `fr` meets `maree` in `fr`, not in `en`. */
const termKeys = (translations: Translations) =>
  Object.entries(translations).map(([lang, { term }]) => `${lang.toLowerCase()}\u0000${foldText(term)}`);

/**
 * Plans an import row by row (so a caller can yield between chunks). A row is a duplicate when it
 * has the id of an entry, or the same folded term in one of that entry's languages; entries planned
 * earlier in the same file count too, so a file never imports one concept twice.
 */
export function createPlanner(existing: readonly GlossaryEntry[]) {
  const plan: ImportPlan = { ready: [], readyRows: [], duplicates: [], problems: [] };
  const ids = new Set<unknown>();
  const terms = new Set<string>();
  const remember = (entry: { id?: unknown; translations: Translations }) => {
    if (entry.id) ids.add(entry.id);
    termKeys(entry.translations).forEach((key) => terms.add(key));
  };
  existing.forEach(remember);
  return {
    plan,
    add(row: ImportRow) {
      const fields = row.fields && typeof row.fields === 'object' && !Array.isArray(row.fields)
        ? Object.fromEntries(Object.entries(row.fields).filter(([key]) => !STORE_OWNED.includes(key)))
        : row.fields;
      const checked = checkRecord<DraftEntry & { translations: Translations }>(fields, draftDefinition);
      const status = (row.fields as { status?: unknown } | undefined)?.status;
      if (status === 'hidden' || status === 'pending') {
        // A restore must not publish what a teacher hid (it may be evidence) or never approved.
        plan.problems.push({
          row: row.row,
          message:
            status === 'hidden'
              ? msg('It was hidden in the original glossary, so it is not imported.', { id: 'glossary-exchange.was-hidden' })
              : msg('It was waiting for approval in the original glossary, so it is not imported.', { id: 'glossary-exchange.was-pending' }),
        });
      } else if (!checked.ok) {
        plan.problems.push(...issueProblems(row.row, checked.issues));
      } else if (ids.has(checked.record.id) || termKeys(checked.record.translations).some((key) => terms.has(key))) {
        plan.duplicates.push(row);
      } else {
        remember(checked.record);
        plan.ready.push(checked.record);
        plan.readyRows.push(row.row);
      }
    },
  };
}

export function planImport(rows: readonly ImportRow[], existing: readonly GlossaryEntry[]): ImportPlan {
  const planner = createPlanner(existing);
  for (const row of rows) planner.add(row);
  return planner.plan;
}
