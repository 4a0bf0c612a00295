/**
 * What a pupil is typing, kept on this device as they type: a reload, a closed tab or a lost
 * connection never loses it. localStorage, not IndexedDB: it is written synchronously, so the last
 * keystrokes before the tab closes are kept too.
 */
export interface Draft<T> {
  fields: T;
  /** The revision the draft was started from (undefined for a new entry). */
  baseRev?: string;
  savedAt: string;
}

const PREFIX = 'twinkit-draft:';

export class DraftStore<T> {
  readonly #key: string;
  /** Kept here as well, so a draft survives in the tab when the device refuses to store it. */
  #memory: Draft<T> | undefined;

  constructor(space: string, userId: string, entryId: string | undefined) {
    this.#key = `${PREFIX}${space}:${userId}:${entryId ?? 'new'}`;
  }

  /** The kept draft, if any (from this device, or from this tab when the device refused it). */
  read(): Draft<T> | undefined {
    try {
      const text = localStorage.getItem(this.#key);
      if (text) return JSON.parse(text) as Draft<T>;
    } catch {
      // Unreadable or unavailable storage: what this tab kept is all there is.
    }
    return this.#memory;
  }

  /** Keeps the draft; false when the device could not store it (full, or storage disabled). */
  write(fields: T, baseRev: string | undefined): boolean {
    const draft: Draft<T> = { fields, baseRev, savedAt: new Date().toISOString() };
    this.#memory = draft;
    try {
      localStorage.setItem(this.#key, JSON.stringify(draft));
      return true;
    } catch {
      return false;
    }
  }

  clear(): void {
    this.#memory = undefined;
    try {
      localStorage.removeItem(this.#key);
    } catch {
      // Nothing stored, nothing to remove.
    }
  }
}
