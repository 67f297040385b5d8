// The scenario slice: the open scenario (its file, text, title, briefing, origin) and how runs are
// started: loadScenario (fresh, or replaying a run to a time), openRunLog and restoreRun. Loading
// starts a new run, so besides its own fields it writes what a new run starts with in the other
// slices: the run's fields (status, errors, emptyRun's), the debrief and the fan bands. restoreRun
// also sets the screen and forgets the resumable run (navigation), and may start the debrief.

import {
  ScenarioError,
  checkRunLogMatches,
  formatClock,
  parseRunLog,
  parseScenario,
  runLogStopS,
  type RunLog,
  type Scenario,
} from '../../../models/index.ts';
import { clampSpeed } from '../../worker/protocol.ts';
import { type ScenarioOrigin } from '../library.ts';
import { APP_STEP_SECONDS, cachedScenarioHash, logStopS } from '../runRecord.ts';
import type { RestorableRun } from '../savedRun.ts';
import {
  type ScenarioSource,
  type LoadOptions,
  type ErrorKind,
  type Runtime,
  type Slice,
  leftPathsOf,
  detailOf,
  errorText,
} from './shared.ts';
import { emptyRun } from './run.ts';

export interface ScenarioSlice {
  title: string;
  briefing: string;
  fileName: string;
  scenario: Scenario | null;
  /** The scenario file's text (saved with a run, so a reload can restore it). */
  scenarioText: string;
  origin: ScenarioOrigin | null;
  /** A run without a set end (the sandbox): the time axis grows with the run. */
  openEnded: boolean;
  /** Loads a scenario (and replays a run on it, if asked); true when it was valid and sent. */
  loadScenario(source: ScenarioSource, options?: LoadOptions): Promise<boolean>;
  /**
   * Opens a run log: finds its scenario (the open one or a built-in one, by content hash) and replays
   * the log to where it stopped, paused. True when the replay was started.
   */
  openRunLog(text: string, fileName: string): Promise<boolean>;
  /** Restores a saved run: its scenario, replayed to the saved time, paused. */
  restoreRun(run: RestorableRun): Promise<boolean>;
}

export const createScenarioSlice =
  (
    runtime: Runtime,
    fetchText: (url: string) => Promise<string>,
    defaultSeed: number,
    connect: () => void,
  ): Slice<ScenarioSlice> =>
  (set, get) => {
    let loadToken = 0;

    /** Shows a file's problems in the error panel, leaving the current run alone. */
    function fileError(kind: ErrorKind, error: unknown): void {
      set({
        errorKind: kind,
        errorMessage: errorText(error),
        errorDetail: error instanceof ScenarioError ? detailOf(error) : null,
      });
    }

    /** The open scenario or a built-in one whose content hash is the log's. */
    async function scenarioForLog(
      log: RunLog,
    ): Promise<{ source: ScenarioSource & { fileName: string }; scenario: Scenario } | null> {
      const { scenario, scenarioText, fileName, origin } = get();
      if (scenario && cachedScenarioHash(scenario) === log.scenario.hash) {
        return { source: { text: scenarioText, fileName, origin: origin ?? 'file' }, scenario };
      }
      if (get().library === null) await get().loadLibrary();
      for (const entry of get().library ?? []) {
        try {
          const text = await fetchText(get().libraryUrl(entry.file));
          const candidate = parseScenario(text, entry.file);
          if (cachedScenarioHash(candidate) === log.scenario.hash) {
            return {
              source: { text, fileName: entry.file, origin: 'library' },
              scenario: candidate,
            };
          }
        } catch {
          // A library file that cannot be read cannot be the log's scenario.
        }
      }
      return null;
    }

    return {
      title: '',
      briefing: '',
      fileName: '',
      scenario: null,
      scenarioText: '',
      origin: null,
      openEnded: false,
      async loadScenario(source, options = {}) {
        const token = ++loadToken;
        const fileName = source.fileName ?? ('url' in source ? fileNameOf(source.url) : 'scenario');
        const origin: ScenarioOrigin = source.origin ?? ('url' in source ? 'library' : 'file');
        // The current run stops; its ticks are ignored until the new scenario is loaded.
        runtime.detach();
        runtime.debriefWhenLoaded = false;
        set({
          status: 'loading',
          errorKind: null,
          errorMessage: null,
          errorDetail: null,
          fileName,
          debrief: { status: 'idle' },
          fanBands: null,
        });
        let scenario: Scenario;
        let text: string;
        try {
          text = 'text' in source ? source.text : await fetchText(source.url);
          if (token !== loadToken) return false;
          scenario = parseScenario(text, fileName);
        } catch (error) {
          if (token !== loadToken) return false;
          // A scenario that fails to load replaces the previous one: nothing stale stays on screen.
          set((s) => ({
            ...emptyRun(s),
            scenario: null,
            scenarioText: '',
            origin: null,
            openEnded: false,
            title: '',
            briefing: '',
            endS: 0,
            status: 'error',
            errorKind: error instanceof ScenarioError ? 'scenario' : 'load',
            errorMessage: errorText(error),
            errorDetail: error instanceof ScenarioError ? detailOf(error) : null,
          }));
          return false;
        }
        const seed = options.seed ?? defaultSeed;
        // Paths left keep their trace (the same seed and values); the others are traced anew.
        const leftPaths = (options.leftPaths ?? []).map((p) =>
          p.trace !== null ? p : { ...p, id: runtime.nextPathId++ },
        );
        set((s) => ({
          ...emptyRun(s),
          scenario,
          scenarioText: text,
          origin,
          openEnded: origin === 'sandbox',
          title: scenario.title,
          briefing: scenario.briefing,
          endS: scenario.end.atS,
          leftPaths,
          seed,
          parameters: { ...(options.parameters ?? {}) },
          ...(options.speed !== undefined ? { speed: clampSpeed(options.speed) } : {}),
        }));
        connect();
        runtime.lastReplay = options.replay;
        const traces = leftPaths
          .filter((p) => p.trace === null)
          .map((p) => ({
            id: p.id,
            actions: p.branch.actions,
            fromS: p.branch.fromS,
            toS: runLogStopS(p.branch, scenario),
          }));
        runtime.send({
          type: 'load',
          scenario,
          seed,
          parameters: get().parameters,
          ...(options.replay ? { replay: options.replay } : {}),
          ...(traces.length > 0 ? { traces } : {}),
        });
        runtime.send({ type: 'setSpeed', speed: get().speed });
        runtime.send({ type: 'setAutoPause', onAlarm: get().autoPauseOnAlarm });
        return true;
      },
      async openRunLog(text, logFileName) {
        let log: RunLog;
        try {
          log = parseRunLog(text, logFileName);
        } catch (error) {
          fileError('log', error);
          return false;
        }
        const found = await scenarioForLog(log);
        if (found === null) {
          fileError(
            'log',
            new ScenarioError(logFileName, [
              {
                path: 'scenario.hash',
                expected: `the hash of the open scenario or of a built-in one (the log is of "${log.scenario.title}")`,
                found: `${log.scenario.hash}: open the scenario file it was recorded with first, then the log`,
              },
            ]),
          );
          return false;
        }
        const { source, scenario } = found;
        try {
          checkRunLogMatches(log, scenario, logFileName, source.fileName);
        } catch (error) {
          fileError('log', error);
          return false;
        }
        const toS = logStopS(log, scenario);
        const ok = await get().loadScenario(source, {
          seed: log.seed,
          parameters: log.parameters,
          replay: { actions: log.actions, toS },
          leftPaths: leftPathsOf(log),
        });
        if (!ok) return false;
        const paused = `paused at ${formatClock(toS, true)}`;
        if (log.stepSeconds === APP_STEP_SECONDS) {
          get().showNotice('info', `Replayed ${logFileName}: ${paused}.`);
        } else {
          // The app's run loop, trends and saves are built on its own step: say so, never silently.
          get().showNotice(
            'warn',
            `Replayed ${logFileName} with the app's ${APP_STEP_SECONDS} s model step, not the ${log.stepSeconds} s step it was recorded with, so its numbers differ from the recording (coldboot run <scenario> --log ${logFileName} replays it exactly): ${paused}.`,
          );
        }
        return true;
      },
      async restoreRun(run) {
        const { saved, atS } = run;
        const ok = await get().loadScenario(
          {
            text: saved.scenario.text,
            fileName: saved.scenario.fileName,
            origin: saved.scenario.origin,
          },
          {
            seed: saved.log.seed,
            speed: saved.speed,
            parameters: saved.log.parameters,
            replay: { actions: saved.log.actions, toS: atS },
            leftPaths: leftPathsOf(saved.log),
          },
        );
        if (!ok) return false;
        const screen = saved.screen === 'library' ? 'run' : saved.screen;
        if (screen === 'debrief') {
          runtime.debriefWhenLoaded = true;
          set({ debrief: { status: 'computing' } });
        }
        set({ screen, resumable: null });
        get().showNotice('info', `Restored your run at ${formatClock(atS, true)}.`);
        return true;
      },
    };
  };

export function fileNameOf(url: string): string {
  const path = url.split(/[?#]/)[0] ?? url;
  return path.slice(path.lastIndexOf('/') + 1) || url;
}
