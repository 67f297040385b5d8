// Where runs are saved in the browser: one save per tab. Each tab has an id kept in its
// sessionStorage (which survives a reload of that tab and no other), and saves its run in
// localStorage under a key with that id, so two tabs never overwrite each other's run: a reload
// restores the tab's own run. A tab without a save of its own (a new tab, or after the browser was
// closed) can offer the newest save of another tab. Saves of tabs long gone are pruned, keeping the
// newest few. The storages are passed in, so two "tabs" can be tested in Node.

/** The part of the Web Storage API this uses (localStorage and sessionStorage both have it). */
export interface KeyValueStorage {
  readonly length: number;
  key(index: number): string | null;
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

/** The save of one tab is under this prefix followed by the tab's id. */
export const SAVED_RUN_PREFIX = 'coldboot:saved-run:';
/** Where every tab saved before saves were kept per tab: read as another tab's save. */
export const LEGACY_SAVED_RUN_KEY = 'coldboot:saved-run';
/** The tab's id, in sessionStorage. */
export const TAB_ID_KEY = 'coldboot:tab-id';
/** Saves kept in the browser at most, this tab's included (each can be hundreds of kB). */
export const MAX_KEPT_SAVES = 5;

/** Another tab's save: its key and text. */
export interface OtherSave {
  readonly key: string;
  readonly text: string;
}

export interface SavedRunStore {
  /** The key of this tab's save. */
  readonly ownKey: string;
  /** This tab's save, or null. */
  readOwn(): string | null;
  /** Writes this tab's save; throws when the storage refuses (full or blocked). */
  writeOwn(text: string): void;
  /** Removes a save (this tab's by default); never throws. */
  remove(key?: string): void;
  /**
   * The saves of other tabs, newest first (by their `savedAt`), after removing the oldest so that
   * they leave room for this tab's within MAX_KEPT_SAVES.
   */
  othersNewestFirst(): OtherSave[];
}

/** A random id for a tab (not a secret: it only tells tabs apart). */
function randomTabId(): string {
  const crypto = (globalThis as { crypto?: { randomUUID?: () => string } }).crypto;
  if (crypto?.randomUUID) return crypto.randomUUID();
  return `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 12)}`;
}

/** The tab's id from its sessionStorage, made and kept there on first use. */
function tabIdOf(session: KeyValueStorage | null, newId: () => string): string {
  try {
    const existing = session?.getItem(TAB_ID_KEY);
    if (existing) return existing;
  } catch {
    // No session storage: the id lasts as long as the page.
  }
  const id = newId();
  try {
    session?.setItem(TAB_ID_KEY, id);
  } catch {
    // As above.
  }
  return id;
}

/** The time a save was made, ms since 1970 (0 when unreadable: it sorts as oldest). */
function savedAtMs(text: string): number {
  try {
    const savedAt = (JSON.parse(text) as { savedAt?: unknown } | null)?.savedAt;
    const ms = typeof savedAt === 'string' ? Date.parse(savedAt) : NaN;
    return Number.isFinite(ms) ? ms : 0;
  } catch {
    return 0;
  }
}

/**
 * The saved runs of this tab and the others. `local` is localStorage (shared by the tabs), `session`
 * this tab's sessionStorage; either may be null where the browser refuses storage.
 */
export function createSavedRunStore(
  local: KeyValueStorage | null,
  session: KeyValueStorage | null,
  newId: () => string = randomTabId,
): SavedRunStore {
  const ownKey = SAVED_RUN_PREFIX + tabIdOf(session, newId);

  function read(key: string): string | null {
    try {
      return local?.getItem(key) ?? null;
    } catch {
      return null;
    }
  }

  function remove(key: string = ownKey): void {
    try {
      local?.removeItem(key);
    } catch {
      // Nothing to do: the save is gone or was never readable.
    }
  }

  function saveKeys(): string[] {
    const keys: string[] = [];
    try {
      for (let i = 0; i < (local?.length ?? 0); i++) {
        const key = local!.key(i);
        if (key !== null && (key === LEGACY_SAVED_RUN_KEY || key.startsWith(SAVED_RUN_PREFIX)))
          keys.push(key);
      }
    } catch {
      // An unreadable storage holds no saves.
    }
    return keys;
  }

  return {
    ownKey,
    readOwn: () => read(ownKey),
    writeOwn(text) {
      if (!local) throw new Error('no storage in this browser');
      local.setItem(ownKey, text);
    },
    remove,
    othersNewestFirst() {
      const others: (OtherSave & { readonly atMs: number })[] = [];
      for (const key of saveKeys()) {
        if (key === ownKey) continue;
        const text = read(key);
        if (text !== null) others.push({ key, text, atMs: savedAtMs(text) });
      }
      others.sort((a, b) => b.atMs - a.atMs);
      // Room for this tab's save and the newest others.
      for (const old of others.splice(MAX_KEPT_SAVES - 1)) remove(old.key);
      return others.map(({ key, text }) => ({ key, text }));
    },
  };
}
