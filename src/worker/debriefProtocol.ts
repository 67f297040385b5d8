// Messages between the app and the debrief worker, which replays a finished (or stopped) run and
// the scenario's expert run off the main thread and returns the report, its Markdown and the
// temperature traces for the debrief chart.

import type { Debrief, RunLog, Scenario } from '../../models/index.ts';

export interface DebriefRequest {
  readonly type: 'debrief';
  /** Echoed in the answer, so a late answer to an older request is recognised. */
  readonly id: number;
  readonly scenario: Scenario;
  readonly log: RunLog;
}

/** Brain and core temperature against simulated time, °C (parallel arrays). */
export interface TemperatureTrace {
  readonly tS: readonly number[];
  readonly brainC: readonly number[];
  readonly coreC: readonly number[];
}

export interface DebriefReport {
  readonly debrief: Debrief;
  /** The same report as Markdown (what `coldboot debrief` prints). */
  readonly markdown: string;
  readonly run: TemperatureTrace;
  /** The expert's run over the same span, when the scenario has one. */
  readonly expert?: TemperatureTrace;
}

export type DebriefResponse =
  | { readonly type: 'debrief'; readonly id: number; readonly report: DebriefReport }
  | { readonly type: 'debriefError'; readonly id: number; readonly message: string };
