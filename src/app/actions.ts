// What the screens do with files, links and the library: each opens something through the store,
// then moves to the screen that shows it. Failures land in the store's error panel.

import { isRunLogText, isScenarioFileName } from '../state/library.ts';
import { SHARED_SCENARIO_FILE_NAME, sameOriginScenarioUrl } from '../state/shareLink.ts';
import { sandboxScenarioText, SANDBOX_FILE_NAME, type SandboxOptions } from '../state/sandbox.ts';
import type { AppStore } from '../state/store.ts';
import { MAX_OPEN_FILE_BYTES } from './files.ts';

/** Opens a built-in scenario and shows its briefing. */
export async function openLibraryScenario(store: AppStore, file: string): Promise<boolean> {
  const state = store.getState();
  if (!isScenarioFileName(file)) {
    state.reportError('load', `“${file}” is not the name of a scenario file in the library.`);
    return false;
  }
  const ok = await state.loadScenario({
    url: state.libraryUrl(file),
    fileName: file,
    origin: 'library',
  });
  if (ok) store.getState().goTo('briefing');
  return ok;
}

/**
 * Opens a file from disk: a run log is replayed on its scenario (run screen, paused); anything else
 * is read as a scenario (briefing).
 */
export async function openLocalFile(store: AppStore, file: File): Promise<boolean> {
  const state = store.getState();
  if (file.size > MAX_OPEN_FILE_BYTES) {
    state.reportError(
      'load',
      `${file.name}: expected a scenario or run log of at most 4 MiB, found ${Math.ceil(file.size / 1024)} KiB.`,
    );
    return false;
  }
  let text: string;
  try {
    text = await file.text();
  } catch (error) {
    state.reportError(
      'load',
      `${file.name}: could not be read (${error instanceof Error ? error.message : String(error)}).`,
    );
    return false;
  }
  if (isRunLogText(text)) {
    const ok = await state.openRunLog(text, file.name);
    if (ok) store.getState().goTo('run');
    return ok;
  }
  const ok = await state.loadScenario({ text, fileName: file.name, origin: 'file' });
  if (ok) store.getState().goTo('briefing');
  return ok;
}

/** Starts an open-ended sandbox run: straight to the run screen. */
export async function startSandbox(store: AppStore, options: SandboxOptions): Promise<boolean> {
  const ok = await store.getState().loadScenario({
    text: sandboxScenarioText(options),
    fileName: SANDBOX_FILE_NAME,
    origin: 'sandbox',
  });
  if (ok) store.getState().goTo('run');
  return ok;
}

/**
 * Opens a scenario file on this site named by a link (`?scenario=/path/file.yaml`): fetched from the
 * same origin only (after any redirect too), at most 4 MiB, then read and validated as data.
 */
export async function openScenarioAddress(store: AppStore, value: string): Promise<boolean> {
  const state = store.getState();
  const target = sameOriginScenarioUrl(value, window.location.href);
  if ('error' in target) {
    state.reportError('load', target.error);
    return false;
  }
  let text: string;
  try {
    const response = await fetch(target.url, { credentials: 'same-origin' });
    if (new URL(response.url || target.url).origin !== window.location.origin) {
      throw new Error('it was redirected to another site');
    }
    if (!response.ok) throw new Error(`the server answered ${response.status}`);
    const length = Number(response.headers.get('content-length') ?? '0');
    if (length > MAX_OPEN_FILE_BYTES) throw new Error('it is larger than 4 MiB');
    text = await response.text();
    if (text.length > MAX_OPEN_FILE_BYTES) throw new Error('it is larger than 4 MiB');
  } catch (error) {
    state.reportError(
      'load',
      `${target.fileName} could not be opened from this link: ${error instanceof Error ? error.message : String(error)}.`,
    );
    return false;
  }
  const ok = await state.loadScenario({ text, fileName: target.fileName, origin: 'file' });
  if (ok) store.getState().goTo('briefing');
  return ok;
}

/** Opens a scenario carried in a link (`#s=…`, already decoded): read and validated as data. */
export async function openSharedScenario(store: AppStore, text: string): Promise<boolean> {
  const ok = await store
    .getState()
    .loadScenario({ text, fileName: SHARED_SCENARIO_FILE_NAME, origin: 'file' });
  if (ok) store.getState().goTo('briefing');
  return ok;
}
