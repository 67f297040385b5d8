// What an ensemble needs to replay the run in the store: its scenario, seed, the learner's and
// instructor's actions (the scenario's own entries are made again by the scenario in every member)
// and the sandbox's edited parameters, held in every member. The odds dialog and the debrief's
// "Which view decides?" both start from it.

import type { ReplayAction } from '../../models/ensemble/index.ts';
import type { Scenario } from '../../models/index.ts';
import type { AppState } from './store.ts';

export interface RunReplay {
  readonly scenario: Scenario | null;
  readonly seed: number;
  readonly actions: readonly ReplayAction[];
  readonly fixed?: Readonly<Record<string, number>>;
}

export function runReplay(state: AppState): RunReplay {
  const log = state.runLog();
  return {
    scenario: state.scenario,
    seed: log?.seed ?? 1,
    actions: (log?.actions ?? []).filter((entry) => entry.source !== 'scenario'),
    ...(Object.keys(state.parameters).length > 0 ? { fixed: state.parameters } : {}),
  };
}
