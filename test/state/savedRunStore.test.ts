// One saved run per tab: two "tabs" share one localStorage and each has its own sessionStorage, as in
// a browser. A tab's reload restores its own run, whatever the other tab saved meanwhile.

import { describe, expect, it } from 'vitest';
import {
  LEGACY_SAVED_RUN_KEY,
  MAX_KEPT_SAVES,
  SAVED_RUN_PREFIX,
  TAB_ID_KEY,
  createSavedRunStore,
  type KeyValueStorage,
} from '../../src/state/savedRunStore.ts';

/** A Web Storage in memory. */
class MemoryStorage implements KeyValueStorage {
  private readonly items = new Map<string, string>();
  get length(): number {
    return this.items.size;
  }
  key(index: number): string | null {
    return [...this.items.keys()][index] ?? null;
  }
  getItem(key: string): string | null {
    return this.items.get(key) ?? null;
  }
  setItem(key: string, value: string): void {
    this.items.set(key, value);
  }
  removeItem(key: string): void {
    this.items.delete(key);
  }
}

/** A save's text as the app writes it (only savedAt matters here). */
const save = (what: string, savedAt: string): string => JSON.stringify({ what, savedAt });

function ids(): () => string {
  let n = 0;
  return () => `tab-${++n}`;
}

describe('saved runs, one per tab', () => {
  it('keeps tab A’s paused run when tab B saves another, and restores it on A’s reload', () => {
    const local = new MemoryStorage();
    const sessionA = new MemoryStorage();
    const sessionB = new MemoryStorage();
    const newId = ids();
    const tabA = createSavedRunStore(local, sessionA, newId);
    const tabB = createSavedRunStore(local, sessionB, newId);
    expect(tabA.ownKey).not.toBe(tabB.ownKey);

    tabA.writeOwn(save('A paused at 0:40', '2030-01-01T10:00:00Z'));
    tabB.writeOwn(save('B, another scenario', '2030-01-01T10:05:00Z'));

    // Reloads keep each tab's sessionStorage, so each finds its own run.
    const reloadedA = createSavedRunStore(local, sessionA, newId);
    expect(reloadedA.ownKey).toBe(tabA.ownKey);
    expect(reloadedA.readOwn()).toContain('A paused at 0:40');
    expect(createSavedRunStore(local, sessionB, newId).readOwn()).toContain('B, another');
    expect(sessionA.getItem(TAB_ID_KEY)).toBe(tabA.ownKey.slice(SAVED_RUN_PREFIX.length));
  });

  it('gives a new tab no run of its own, and the others’ saves newest first', () => {
    const local = new MemoryStorage();
    const newId = ids();
    createSavedRunStore(local, new MemoryStorage(), newId).writeOwn(
      save('older', '2030-01-01T10:00:00Z'),
    );
    createSavedRunStore(local, new MemoryStorage(), newId).writeOwn(
      save('newer', '2030-01-01T11:00:00Z'),
    );
    local.setItem(
      LEGACY_SAVED_RUN_KEY,
      save('from before saves were per tab', '2029-12-31T00:00:00Z'),
    );
    const fresh = createSavedRunStore(local, new MemoryStorage(), newId);
    expect(fresh.readOwn()).toBeNull();
    expect(fresh.othersNewestFirst().map((o) => JSON.parse(o.text).what)).toEqual([
      'newer',
      'older',
      'from before saves were per tab',
    ]);
  });

  it(`keeps at most ${MAX_KEPT_SAVES} saves, removing the oldest of other tabs`, () => {
    const local = new MemoryStorage();
    const newId = ids();
    for (let i = 0; i < MAX_KEPT_SAVES + 3; i++) {
      createSavedRunStore(local, new MemoryStorage(), newId).writeOwn(
        save(`run ${i}`, new Date(Date.UTC(2030, 0, 1, i)).toISOString()),
      );
    }
    const tab = createSavedRunStore(local, new MemoryStorage(), newId);
    tab.writeOwn(save('mine', '2020-01-01T00:00:00Z'));
    const others = tab.othersNewestFirst();
    expect(others).toHaveLength(MAX_KEPT_SAVES - 1);
    expect(JSON.parse(others[0]!.text).what).toBe(`run ${MAX_KEPT_SAVES + 2}`);
    expect(local.length).toBe(MAX_KEPT_SAVES);
    // Its own save is never pruned, however old.
    expect(tab.readOwn()).toContain('mine');
  });

  it('removes a save on request, and works without any storage', () => {
    const local = new MemoryStorage();
    const tab = createSavedRunStore(local, new MemoryStorage(), ids());
    tab.writeOwn(save('x', '2030-01-01T00:00:00Z'));
    tab.remove();
    expect(tab.readOwn()).toBeNull();
    const none = createSavedRunStore(null, null, ids());
    expect(none.readOwn()).toBeNull();
    expect(none.othersNewestFirst()).toEqual([]);
    expect(() => none.writeOwn('x')).toThrow(/no storage/);
  });
});
