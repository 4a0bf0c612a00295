import type { WriteOperation } from '../adapter.js';
import { TwinValidationError } from '../errors.js';

const isText = (value: unknown) => typeof value === 'string' && value.length > 0;

/**
 * The little an adapter checks itself (the store validates everything else): each operation names
 * a record by non-empty collection and id, and a put's record is plain JSON. Checked for the whole
 * batch before anything is written, so a bad batch applies nothing.
 */
export function assertWritable(operations: WriteOperation[]): void {
  operations.forEach((operation, index) => {
    const record = operation.type === 'put' ? operation.record : undefined;
    const collection = record ? record.collection : (operation as { collection: unknown }).collection;
    const id = record ? record.id : (operation as { id: unknown }).id;
    const problems: string[] = [];
    if (operation.type !== 'put' && operation.type !== 'delete') problems.push('type must be put or delete');
    if (operation.type === 'put' && (typeof record !== 'object' || record === null)) problems.push('record must be an object');
    else {
      if (!isText(collection)) problems.push('collection must be a non-empty string');
      if (!isText(id)) problems.push('id must be a non-empty string');
      if (record && !isText(record.updatedAt)) problems.push('updatedAt must be a non-empty string');
    }
    if (operation.expectedRev !== null && typeof operation.expectedRev !== 'string') problems.push('expectedRev must be a string or null');
    if (record && !isPlainJson(record)) problems.push('record must be plain JSON (no functions, dates, class instances or cycles)');
    if (problems.length) {
      throw new TwinValidationError(
        `Write operation ${index + 1} was refused (nothing in the batch was written): ${problems.join('; ')}.`,
        problems.map((message) => ({ path: `operations.${index}`, message })),
      );
    }
  });
}

function isPlainJson(value: unknown, seen = new Set<object>()): boolean {
  if (value === null) return true;
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return true;
    case 'number':
      return Number.isFinite(value);
    case 'object': {
      if (seen.has(value)) return false;
      seen.add(value);
      const proto = Object.getPrototypeOf(value);
      const ok = Array.isArray(value)
        ? value.every((item) => isPlainJson(item, seen))
        : (proto === Object.prototype || proto === null) && Object.values(value).every((item) => item === undefined || isPlainJson(item, seen));
      seen.delete(value);
      return ok;
    }
    default:
      return false;
  }
}
