import type { IssueName } from './issue-kinds.js';

// The kinds of issue, public with the issue that carries them.
export type { IssueName } from './issue-kinds.js';

/**
 * Errors a teacher can read and a program can test by `code`.
 * Every failure the SDK reports is a TwinError; `instanceof` and `code` both work,
 * even across two copies of the library on one page (the `isTwinError` guard checks the brand).
 */
export type TwinErrorCode =
  | 'validation'
  | 'conflict'
  | 'permission'
  | 'not-found'
  | 'quota-exceeded'
  | 'storage-unavailable';

const BRAND = Symbol.for('twinkit.error');

export class TwinError extends Error {
  readonly code: TwinErrorCode;
  readonly [BRAND] = true;

  constructor(code: TwinErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.code = code;
    this.name = 'TwinError';
  }
}

export interface ValidationIssue {
  /** Dotted path of the field, e.g. `fields.en.term`. Empty for the whole record. */
  path: string;
  /** In English, for developers; a person is told `kind` in their language. */
  message: string;
  /** What the field needs; absent for an issue no form lets a person cause (a program's mistake). */
  kind?: IssueName;
  /** The numbers the issue names, in order (absent when none): a limit ("at most 300"), a range ("from 1 to 5"), a size in bytes. */
  numbers?: number[];
}

export class TwinValidationError extends TwinError {
  readonly issues: ValidationIssue[];
  constructor(message: string, issues: ValidationIssue[]) {
    super('validation', message);
    this.name = 'TwinValidationError';
    this.issues = issues;
  }
}

/**
 * A write based on an old revision. Both versions are kept here so that nothing is lost:
 * `mine` is what the user tried to save, `theirs` is what storage holds now (undefined if deleted).
 */
export class TwinConflictError<T = unknown> extends TwinError {
  readonly mine: T;
  readonly theirs: T | undefined;
  /** Fields that both sides changed differently (empty when the record was deleted meanwhile). */
  readonly fields: string[];
  constructor(message: string, mine: T, theirs: T | undefined, fields: string[] = []) {
    super('conflict', message);
    this.name = 'TwinConflictError';
    this.mine = mine;
    this.theirs = theirs;
    this.fields = fields;
  }
}

export class TwinPermissionError extends TwinError {
  readonly action: string;
  constructor(message: string, action: string) {
    super('permission', message);
    this.name = 'TwinPermissionError';
    this.action = action;
  }
}

export class TwinNotFoundError extends TwinError {
  constructor(message: string) {
    super('not-found', message);
    this.name = 'TwinNotFoundError';
  }
}

export class TwinStorageError extends TwinError {
  constructor(code: 'quota-exceeded' | 'storage-unavailable', message: string, options?: { cause?: unknown }) {
    super(code, message, options);
    this.name = 'TwinStorageError';
  }
}

export function isTwinError(value: unknown): value is TwinError {
  return typeof value === 'object' && value !== null && (value as Record<symbol, unknown>)[BRAND] === true;
}

/** Turns a browser storage exception into a TwinStorageError a teacher can act on. */
export function toStorageError(error: unknown): TwinError {
  if (isTwinError(error)) return error;
  const name = (error as { name?: string } | null)?.name;
  if (name === 'QuotaExceededError') {
    return new TwinStorageError(
      'quota-exceeded',
      'The browser has no room left to save this. Nothing was changed. Free some space (delete old files or site data) and try again.',
      { cause: error },
    );
  }
  return new TwinStorageError(
    'storage-unavailable',
    'Saving is not possible right now (storage is unavailable, for example in some private windows). Nothing was changed.',
    { cause: error },
  );
}
