// The app's links to the browser: startup (a saved run, or a `?scenario=` link), the address bar
// (a shareable `?scenario=<file>` while a built-in scenario is open; back and forward move between
// screens), saving the run in progress to localStorage every few seconds (one save per tab, so tabs
// never replace each other's run), and the display preferences kept between visits.

import { useEffect } from 'react';
import { formatClock } from '../../models/index.ts';
import { scenarioParam, urlWithScenario } from '../state/library.ts';
import { PREFERENCES_KEY, parsePreferences, preferencesOf } from '../state/preferences.ts';
import {
  parseSavedRun,
  savedRunOf,
  savedRunToJson,
  type RestorableRun,
} from '../state/savedRun.ts';
import { createSavedRunStore, type SavedRunStore } from '../state/savedRunStore.ts';
import type { AppState, AppStore, Screen } from '../state/store.ts';
import { isScenarioAddress, scenarioFromFragment } from '../state/shareLink.ts';
import { openLibraryScenario, openScenarioAddress, openSharedScenario } from './actions.ts';

/** How often a run in progress is saved, ms. */
export const SAVE_INTERVAL_MS = 3000;

const SCREENS: readonly Screen[] = ['library', 'briefing', 'run', 'debrief'];

/** localStorage, or null where it is unavailable (private modes, blocked storage). */
function browserStorage(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}

/** sessionStorage (this tab's), or null where it is unavailable. */
function tabStorage(): Storage | null {
  try {
    return window.sessionStorage;
  } catch {
    return null;
  }
}

function readStorage(storage: Storage | null, key: string): string | null {
  try {
    return storage?.getItem(key) ?? null;
  } catch {
    return null;
  }
}

let savedRunStore: SavedRunStore | undefined;
/** This tab's saved runs (one per tab: src/state/savedRunStore.ts), made on first use. */
function saves(): SavedRunStore {
  savedRunStore ??= createSavedRunStore(browserStorage(), tabStorage());
  return savedRunStore;
}

/** The key of another tab's save offered from the library, per store (Discard removes it). */
const offeredKeys = new WeakMap<AppStore, string>();

export function discardSavedRun(store: AppStore): void {
  saves().remove();
  const offered = offeredKeys.get(store);
  if (offered !== undefined) saves().remove(offered);
  offeredKeys.delete(store);
  store.getState().setResumable(null);
}

/** Reads a save; a broken or old one is discarded with a notice. */
function readSavedRun(store: AppStore, key: string, text: string | null): RestorableRun | null {
  if (text === null) return null;
  const result = parseSavedRun(text);
  if (result.ok) return result.run;
  saves().remove(key);
  store
    .getState()
    .showNotice(
      'warn',
      `Your saved run could not be restored and was discarded: ${result.reason}.`,
    );
  return null;
}

/** The newest save of another tab that can be restored (broken ones are discarded on the way). */
function newestOtherSave(store: AppStore): { key: string; run: RestorableRun } | null {
  for (const { key, text } of saves().othersNewestFirst()) {
    const run = readSavedRun(store, key, text);
    if (run) return { key, run };
  }
  return null;
}

/** Offered from the library only when it had begun (a run never played is not worth a banner). */
function begun(saved: RestorableRun): boolean {
  return saved.atS > 0 || saved.saved.log.actions.some((a) => a.source !== 'scenario');
}

const started = new WeakSet<AppStore>();
/** True once startup has put the app on its first screen (then screen changes add history). */
let navigationReady = false;

async function startApp(store: AppStore, search: string, hash: string): Promise<void> {
  const libraryLoaded = store.getState().loadLibrary();
  // This tab's own save (a reload); other tabs' saves are only offered, never taken over.
  const saved = readSavedRun(store, saves().ownKey, saves().readOwn());
  const param = scenarioParam(search);
  // A link to a scenario not in the library (src/state/shareLink.ts): it opens, and a run saved
  // before is offered from the library rather than restored.
  const carried = scenarioFromFragment(hash);
  if (carried !== null || (param !== null && isScenarioAddress(param))) {
    if (saved && begun(saved)) store.getState().setResumable(saved);
    if (carried !== null && 'error' in carried) {
      store.getState().reportError('load', carried.error);
      return;
    }
    if (carried !== null) await openSharedScenario(store, carried.text);
    else await openScenarioAddress(store, param!);
    return;
  }
  if (saved) {
    const { scenario } = saved.saved;
    const sameLink =
      param === null || (scenario.origin === 'library' && scenario.fileName === param);
    if (saved.saved.screen !== 'library' && sameLink) {
      const ok = await store.getState().restoreRun(saved);
      if (!ok) {
        discardSavedRun(store);
        store
          .getState()
          .showNotice('warn', 'Your saved run could not be restored and was discarded.');
      }
      return;
    }
    if (begun(saved)) store.getState().setResumable(saved);
  } else {
    // A new tab: the newest run saved by another tab is offered from the library.
    const other = newestOtherSave(store);
    if (other && begun(other.run)) {
      offeredKeys.set(store, other.key);
      store.getState().setResumable(other.run);
    }
  }
  if (param !== null) {
    await libraryLoaded;
    const { library, libraryError } = store.getState();
    if (libraryError === null && !(library ?? []).some((e) => e.file === param)) {
      store
        .getState()
        .reportError('load', `There is no scenario “${param}” in the library: choose one below.`);
      window.history.replaceState({ screen: 'library' }, '', urlWithScenario(location.href, null));
      return;
    }
    await openLibraryScenario(store, param);
  }
}

const startups = new WeakMap<AppStore, Promise<void>>();

/** Resolves once startup has restored a saved run or opened a linked scenario (if any). */
export function startupSettled(store: AppStore): Promise<void> {
  return startups.get(store) ?? Promise.resolve();
}

/** Runs once per store: restores a saved run, or opens the scenario a link names. */
export function useStartup(store: AppStore): void {
  useEffect(() => {
    if (started.has(store)) return;
    started.add(store);
    const startup = startApp(store, window.location.search, window.location.hash).finally(() => {
      navigationReady = true;
    });
    startups.set(
      store,
      startup.catch(() => {}),
    );
  }, [store]);
}

function urlOf(state: AppState): string {
  const shared =
    state.screen !== 'library' && state.origin === 'library' && state.scenario !== null;
  return urlWithScenario(window.location.href, shared ? state.fileName : null);
}

function screenOf(value: unknown): Screen | undefined {
  const screen = (value as { screen?: unknown } | null)?.screen;
  return SCREENS.find((s) => s === screen);
}

/** Keeps the address bar in step with the screen; back and forward move between screens. */
export function useUrlSync(store: AppStore): void {
  useEffect(() => {
    const unsubscribe = store.subscribe((s, prev) => {
      if (
        s.screen === prev.screen &&
        s.fileName === prev.fileName &&
        s.origin === prev.origin &&
        s.scenario === prev.scenario
      )
        return;
      const url = urlOf(s);
      const entry = { screen: s.screen };
      if (navigationReady && s.screen !== prev.screen && screenOf(history.state) !== s.screen) {
        history.pushState(entry, '', url);
      } else if (url !== location.href || screenOf(history.state) !== s.screen) {
        history.replaceState(entry, '', url);
      }
    });
    const onPopState = (event: PopStateEvent) => {
      const state = store.getState();
      const param = scenarioParam(location.search);
      const screen = screenOf(event.state);
      if (param !== null && isScenarioAddress(param)) {
        if (!(state.scenario && state.origin === 'file')) void openScenarioAddress(store, param);
        else state.goTo(screen ?? 'briefing');
        return;
      }
      if (param !== null && !(state.scenario && state.fileName === param)) {
        void openLibraryScenario(store, param);
        return;
      }
      if (screen === undefined) {
        state.goTo(param === null ? 'library' : 'briefing');
      } else if (screen === 'library' || state.scenario) {
        if (screen === 'debrief' && state.debrief.status === 'idle') state.requestDebrief();
        state.goTo(screen);
      }
    };
    window.addEventListener('popstate', onPopState);
    return () => {
      unsubscribe();
      window.removeEventListener('popstate', onPopState);
    };
  }, [store]);
}

/** What changes a save: when none of it has changed, nothing is written. */
function saveSignature(s: AppState): string {
  return [
    s.fileName,
    s.scenarioText.length,
    s.snapshot?.tS ?? -1,
    s.actions.length,
    s.speed,
    s.status,
    s.screen,
    JSON.stringify(s.parameters),
  ].join('|');
}

/** Saves the run in progress every few seconds, on every action or pause, and when the page hides. */
export function usePersistence(store: AppStore): void {
  useEffect(() => {
    if (!browserStorage()) return;
    const runs = saves();
    let lastSignature = '';
    let warned = false;
    let pending: ReturnType<typeof setTimeout> | undefined;
    const save = () => {
      pending = undefined;
      const state = store.getState();
      const signature = saveSignature(state);
      if (signature === lastSignature) return;
      const saved = savedRunOf(state);
      if (!saved) return;
      try {
        runs.writeOwn(savedRunToJson(saved));
        lastSignature = signature;
        if (state.resumable) state.setResumable(null);
      } catch {
        if (!warned) {
          warned = true;
          state.showNotice(
            'warn',
            `Your run could not be saved in this browser (storage full or blocked); export the log to keep it (at ${formatClock(state.snapshot?.tS ?? 0)}).`,
          );
        }
      }
    };
    const soon = () => {
      if (pending === undefined) pending = setTimeout(save, 250);
    };
    const timer = setInterval(save, SAVE_INTERVAL_MS);
    const unsubscribe = store.subscribe((s, prev) => {
      if (
        s.status !== prev.status ||
        s.actions !== prev.actions ||
        s.screen !== prev.screen ||
        s.speed !== prev.speed ||
        s.parameters !== prev.parameters
      )
        soon();
    });
    window.addEventListener('pagehide', save);
    return () => {
      clearInterval(timer);
      if (pending !== undefined) clearTimeout(pending);
      unsubscribe();
      window.removeEventListener('pagehide', save);
    };
  }, [store]);
}

/** Applies the preferences kept in the browser, and keeps them as they change. */
export function usePreferences(store: AppStore): void {
  useEffect(() => {
    const storage = browserStorage();
    if (!storage) return;
    const saved = parsePreferences(readStorage(storage, PREFERENCES_KEY));
    const state = store.getState();
    if (saved.unit !== state.unit) state.setUnit(saved.unit);
    if (saved.autoPauseOnAlarm !== state.autoPauseOnAlarm) {
      state.setAutoPauseOnAlarm(saved.autoPauseOnAlarm);
    }
    if (saved.instructorMode !== state.instructorMode)
      state.setInstructorMode(saved.instructorMode);
    if (saved.projector !== state.projector) state.setProjector(saved.projector);
    return store.subscribe((s, prev) => {
      if (
        s.unit === prev.unit &&
        s.autoPauseOnAlarm === prev.autoPauseOnAlarm &&
        s.instructorMode === prev.instructorMode &&
        s.projector === prev.projector
      ) {
        return;
      }
      try {
        storage.setItem(PREFERENCES_KEY, JSON.stringify(preferencesOf(s)));
      } catch {
        // Not kept: the preferences apply to this visit only.
      }
    });
  }, [store]);
}

/**
 * The projector colour profile on the whole document (dialogs too): `data-theme="projector"` on
 * <html>, which styles.css turns into dark text on a light ground with larger numbers.
 */
export function useProjectorTheme(store: AppStore): void {
  useEffect(() => {
    const apply = (on: boolean) => {
      const root = document.documentElement;
      if (on) root.dataset.theme = 'projector';
      else delete root.dataset.theme;
      root.style.colorScheme = on ? 'light' : 'dark';
    };
    apply(store.getState().projector);
    const unsubscribe = store.subscribe((s, prev) => {
      if (s.projector !== prev.projector) apply(s.projector);
    });
    return () => {
      unsubscribe();
      apply(false);
    };
  }, [store]);
}
