// A run in progress, saved in the browser (localStorage, one save per tab: savedRunStore.ts) every
// few seconds so a reload restores it:
// the scenario's text and file name, the run log, the speed, whether it was paused and which screen
// was showing. Reading is strict: anything malformed, from another version or that no longer
// matches its scenario is refused with a reason (the app then discards it), never thrown.

import {
  ScenarioError,
  checkRunLogMatches,
  parseScenario,
  validateRunLog,
  type RunBranch,
  type RunLog,
  type Scenario,
  type TimedAction,
} from '../../models/index.ts';
import { clampSpeed } from '../worker/protocol.ts';
import { SCENARIO_ORIGINS, type ScenarioOrigin } from './library.ts';
import { logStopS, recordedRunLog } from './runRecord.ts';
import type { RunStatus, Screen } from './store.ts';

/** Where saves are kept: one per tab, src/state/savedRunStore.ts. */
export const SAVED_RUN_VERSION = 1;

/** The screen showing when the run was saved: a reload returns to it. */
export type SavedScreen = 'run' | 'debrief' | 'library';
const SAVED_SCREENS: readonly SavedScreen[] = ['run', 'debrief', 'library'];

export interface SavedRun {
  readonly version: typeof SAVED_RUN_VERSION;
  /** ISO date and time of the save (wall clock). */
  readonly savedAt: string;
  readonly scenario: {
    readonly text: string;
    readonly fileName: string;
    readonly origin: ScenarioOrigin;
  };
  readonly log: RunLog;
  /** × real time. */
  readonly speed: number;
  readonly paused: boolean;
  readonly screen: SavedScreen;
}

/** A saved run that was read back and checked, with its scenario parsed. */
export interface RestorableRun {
  readonly saved: SavedRun;
  readonly scenario: Scenario;
  /** Simulated time the run is restored at, s. */
  readonly atS: number;
}

export type SavedRunResult =
  | { readonly ok: true; readonly run: RestorableRun }
  | { readonly ok: false; readonly reason: string };

export function savedRunToJson(saved: SavedRun): string {
  return JSON.stringify(saved);
}

/** Reads a saved run; a reason instead when it cannot be restored. */
export function parseSavedRun(text: string): SavedRunResult {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return { ok: false, reason: 'the saved data is not valid JSON' };
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    return { ok: false, reason: 'the saved data is not a saved run' };
  }
  const d = data as Record<string, unknown>;
  if (d.version !== SAVED_RUN_VERSION) {
    return {
      ok: false,
      reason: `it was saved by another version of ColdBoot (format ${JSON.stringify(d.version ?? null)}, expected ${SAVED_RUN_VERSION})`,
    };
  }
  const scenarioPart = d.scenario as Record<string, unknown> | null | undefined;
  if (
    typeof scenarioPart !== 'object' ||
    scenarioPart === null ||
    typeof scenarioPart.text !== 'string' ||
    typeof scenarioPart.fileName !== 'string' ||
    !SCENARIO_ORIGINS.includes(scenarioPart.origin as ScenarioOrigin)
  ) {
    return { ok: false, reason: 'the saved scenario is missing or incomplete' };
  }
  if (typeof d.speed !== 'number' || !Number.isFinite(d.speed) || typeof d.paused !== 'boolean') {
    return { ok: false, reason: 'the saved speed or pause state is missing' };
  }
  const screen = SAVED_SCREENS.find((s) => s === d.screen) ?? 'run';
  const fileName = scenarioPart.fileName || 'scenario';
  let scenario: Scenario;
  let log: RunLog;
  try {
    scenario = parseScenario(scenarioPart.text, fileName);
    log = validateRunLog(d.log, 'saved run log');
    checkRunLogMatches(log, scenario, 'saved run log', fileName);
  } catch (error) {
    const message =
      error instanceof ScenarioError
        ? (error.message.split('\n')[0] ?? error.message)
        : error instanceof Error
          ? error.message
          : String(error);
    return { ok: false, reason: message };
  }
  if (log.stepSeconds !== 1) {
    return { ok: false, reason: 'the saved run used a model step the app does not run' };
  }
  const saved: SavedRun = {
    version: SAVED_RUN_VERSION,
    savedAt: typeof d.savedAt === 'string' ? d.savedAt : '',
    scenario: { text: scenarioPart.text, fileName, origin: scenarioPart.origin as ScenarioOrigin },
    log,
    speed: clampSpeed(d.speed),
    paused: d.paused,
    screen,
  };
  return { ok: true, run: { saved, scenario, atS: logStopS(log, scenario) } };
}

/** The part of the app's state a save is made of. */
export interface SaveSource {
  readonly scenario: Scenario | null;
  readonly scenarioText: string;
  readonly fileName: string;
  readonly origin: ScenarioOrigin | null;
  readonly status: RunStatus;
  readonly snapshot: { readonly tS: number; readonly finished: boolean } | null;
  readonly screen: Screen;
  readonly seed: number;
  readonly parameters: Readonly<Record<string, number>>;
  readonly actions: readonly TimedAction[];
  /** The paths left by rewinding: they are saved with the run, so a reload keeps them. */
  readonly leftPaths: readonly { readonly branch: RunBranch }[];
  readonly speed: number;
}

/**
 * What to save of the app's state, or null when there is no run worth saving: nothing loaded, a
 * failed load, a briefing (the run has not begun), or a run that never started seen from the library.
 */
export function savedRunOf(state: SaveSource, now: Date = new Date()): SavedRun | null {
  const { scenario, snapshot, origin } = state;
  if (!scenario || !snapshot || !origin || state.scenarioText === '') return null;
  if (!['ready', 'running', 'paused', 'finished'].includes(state.status)) return null;
  if (state.screen === 'briefing') return null;
  const started = snapshot.tS > 0 || state.actions.some((a) => a.source !== 'scenario');
  if (state.screen === 'library' && !started) return null;
  return {
    version: SAVED_RUN_VERSION,
    savedAt: now.toISOString(),
    scenario: { text: state.scenarioText, fileName: state.fileName, origin },
    log: recordedRunLog(
      scenario,
      state.seed,
      state.actions,
      snapshot.tS,
      snapshot.finished,
      state.parameters,
      state.leftPaths.map((p) => p.branch),
    ),
    speed: state.speed,
    paused: state.status !== 'running',
    screen: state.screen,
  };
}
