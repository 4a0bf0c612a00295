import type { ValidationIssue } from '../errors.js';
import type { CollectionDefinition } from '../schemas/collections.js';
import { fromZodIssue } from './zod-issue.js';

export type Checked<T> = { ok: true; record: T } | { ok: false; issues: ValidationIssue[] };

/** Brings a raw record written by an older schema version up to the current one. */
export function migrate(raw: Record<string, unknown>, definition: CollectionDefinition): Checked<Record<string, unknown>> {
  let record = raw;
  let version = typeof record.schemaVersion === 'number' ? record.schemaVersion : 1;
  while (version < definition.version) {
    const step = definition.migrations?.[version];
    if (!step) {
      return { ok: false, issues: [{ path: 'schemaVersion', message: `has no migration from version ${version}` }] };
    }
    try {
      record = { ...step(record), schemaVersion: version + 1 };
    } catch (error) {
      return { ok: false, issues: [{ path: 'schemaVersion', message: `migration from version ${version} failed: ${String(error)}` }] };
    }
    version += 1;
  }
  return { ok: true, record };
}

/** Migrates, then validates against the collection's schema. Unknown fields are kept. */
export function checkRecord<T>(raw: unknown, definition: CollectionDefinition): Checked<T> {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    return { ok: false, issues: [{ path: '', message: 'is not an object' }] };
  }
  const migrated = migrate(raw as Record<string, unknown>, definition);
  if (!migrated.ok) return migrated;
  // With the input kept in each issue, a missing value (`undefined`) tells itself from a wrong one.
  const parsed = definition.schema.safeParse(migrated.record, { reportInput: true });
  if (parsed.success) return { ok: true, record: parsed.data as T };
  return { ok: false, issues: parsed.error.issues.map(fromZodIssue) };
}

/** "translations.en.term is too long: at most 300 characters; category must not be empty" */
export function describeIssues(issues: ValidationIssue[]): string {
  return issues.map((issue) => (issue.path ? `${issue.path} ${issue.message}` : issue.message)).join('; ');
}
