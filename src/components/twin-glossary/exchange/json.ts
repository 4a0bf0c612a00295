import { msg } from '@lit/localize';
import type { GlossaryEntry } from '../../../sdk/schemas/glossary.js';
import { ExchangeRefusal, type ParsedFile } from './import-plan.js';

/** The lossless backup: whole records, envelope included. Attachments are referenced by id, not embedded. */
export function writeGlossaryJson(entries: readonly GlossaryEntry[], space: string, now = new Date()): string {
  return JSON.stringify({ format: 'twinkit-glossary', version: 1, exportedAt: now.toISOString(), space, entries }, null, 2);
}

/**
 * Reads a backup (or a bare array of entries). Ids are kept, so importing the same file again finds
 * the same entries; each entry's fields are checked against the glossary schema by the import plan,
 * which also drops the envelope keys the importing store sets itself (author, status, dates).
 */
export function parseGlossaryJson(text: string): ParsedFile {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    data = undefined;
  }
  const backup = data as { format?: unknown; entries?: unknown } | undefined;
  const entries = Array.isArray(data) ? data : backup?.format === 'twinkit-glossary' ? backup.entries : undefined;
  if (!Array.isArray(entries)) {
    throw new ExchangeRefusal(
      msg('Not a Twinkit glossary file. Nothing was imported.', { id: 'glossary-exchange.not-json' }),
    );
  }
  return { rows: entries.map((fields, index) => ({ row: index + 1, fields })) };
}
