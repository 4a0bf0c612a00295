/**
 * What every record must carry, whoever writes it (protocol duty 7): the envelope fields, the ids
 * of the write, and at most 1 MiB of JSON. The widget's own fields are the widget's business.
 */
import { MAX_RECORD_CHARS } from '../sdk/adapters/couchdb/design/file-rules.js';
import { RECORD_STATUSES } from '../sdk/schemas/envelope.js';

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
const isTime = (value: unknown) => typeof value === 'string' && !Number.isNaN(Date.parse(value));

/** A sentence saying what is wrong with the record a write carries, or undefined when it is whole. */
export function envelopeProblem(write: { collection: string; id: string }, record: unknown): string | undefined {
  if (!isObject(record)) return 'A record must be a JSON object.';
  if (record.id !== write.id || record.collection !== write.collection) return 'The record\'s id and collection must be those of the write.';
  const author = record.author;
  if (!isObject(author) || typeof author.id !== 'string' || !author.id || typeof author.name !== 'string') return 'A record must name its author (author.id and author.name).';
  if (!RECORD_STATUSES.includes(record.status as never)) return 'A record\'s status must be published, pending or hidden.';
  if (!isTime(record.createdAt) || !isTime(record.updatedAt)) return 'A record needs createdAt and updatedAt, as ISO dates and times.';
  if (!Number.isInteger(record.schemaVersion) || (record.schemaVersion as number) < 1) return 'A record needs a schemaVersion: a whole number, 1 or more.';
  if (JSON.stringify(record).length > MAX_RECORD_CHARS) return `This record is too large: at most ${MAX_RECORD_CHARS} characters of JSON.`;
  return undefined;
}
