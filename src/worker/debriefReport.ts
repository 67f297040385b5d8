// The debrief report of a run: debriefRun's data and Markdown, plus the brain and core temperature
// of the run and of the expert's run, sampled for the debrief chart. Pure (no worker globals), so it
// is tested in Node; the debrief worker only wires it to messages.

import {
  debriefMarkdown,
  debriefRun,
  expertRunLog,
  observeRun,
  type RunLog,
  type Scenario,
} from '../../models/index.ts';
import type { DebriefReport, TemperatureTrace } from './debriefProtocol.ts';

/** Points per trace at most (about one per pixel of a wide chart). */
export const MAX_TRACE_POINTS = 720;

/** Seconds between trace points for a run of this length: a multiple of 10 s, at least 10 s. */
export function traceIntervalS(durationS: number): number {
  return Math.max(10, Math.ceil(durationS / MAX_TRACE_POINTS / 10) * 10);
}

/** Replays a log and samples brain and core temperature every `intervalS` (and at the end). */
export function temperatureTrace(
  scenario: Scenario,
  log: RunLog,
  intervalS: number,
): TemperatureTrace {
  const tS: number[] = [];
  const brainC: number[] = [];
  const coreC: number[] = [];
  let last: { tS: number; brain: number; core: number } | undefined;
  observeRun(scenario, log, [
    {
      step(s) {
        last = { tS: s.tS, brain: s.brainTempC, core: s.coreTempC };
        if (Math.abs(s.tS / intervalS - Math.round(s.tS / intervalS)) < 1e-9) {
          tS.push(s.tS);
          brainC.push(s.brainTempC);
          coreC.push(s.coreTempC);
        }
      },
    },
  ]);
  if (last !== undefined && tS.at(-1) !== last.tS) {
    tS.push(last.tS);
    brainC.push(last.brain);
    coreC.push(last.core);
  }
  return { tS, brainC, coreC };
}

/** The whole report of a run on its scenario. */
export function debriefReport(scenario: Scenario, log: RunLog): DebriefReport {
  const debrief = debriefRun(scenario, log);
  const intervalS = traceIntervalS(debrief.endS);
  const run = temperatureTrace(scenario, log, intervalS);
  const expertLog = expertRunLog(scenario, { seed: log.seed, parameters: log.parameters });
  const expert =
    expertLog === undefined
      ? undefined
      : temperatureTrace(
          scenario,
          {
            ...expertLog,
            // Over the same span as the run, so the two lines compare like with like.
            endS: Math.min(debrief.endS, scenario.end.atS),
            actions: expertLog.actions.filter((a) => a.atS <= debrief.endS),
          },
          intervalS,
        );
  return {
    debrief,
    markdown: debriefMarkdown(debrief),
    run,
    ...(expert !== undefined ? { expert } : {}),
  };
}
