// "What if?": the paths a learner left by rewinding, compared with the path they kept. Each path
// left is a branch of the run log (runLog.ts), replayed on its own with the log's seed, step and
// parameters; the comparison is made at the same moment on both paths (the earlier of where each
// stopped), so a path left early is not weighed against a longer one. Pure data, part of the
// debrief (debrief.ts), so the app and `coldboot debrief` show the same thing.

import type { TimedAction } from '../core/actions.ts';
import { formatClock } from '../core/clock.ts';
import type { Outcome } from '../engine/outputs.ts';
import { createSimulation, type Simulation } from '../engine/simulation.ts';
import {
  branchRunLog,
  firstDifferentEntry,
  replayOptions,
  replayRun,
  runLogStopS,
  type RunBranch,
  type RunLog,
} from './runLog.ts';
import type { Scenario } from './types.ts';

/** One path at the moment of the comparison. */
export interface PathState {
  /** Where the path stands, s (earlier than asked when it ended there, on its end condition). */
  readonly atS: number;
  /** The path had ended (its end time or its end condition) by then. */
  readonly ended: boolean;
  readonly outcome: Outcome;
  /** Brain cells viable, 0–1. */
  readonly brainViableFraction: number;
  readonly brainTempC: number;
  readonly coreTempC: number;
  /** The heart's rhythm in words ("Sinus rhythm", "Ventricular fibrillation"). */
  readonly rhythm: string;
}

/** One action, in words, with who did it. */
export interface PathAction {
  readonly atS: number;
  readonly source: TimedAction['source'];
  readonly action: TimedAction['action'];
}

/** The first learner or instructor action where two paths part (null on a side with none left). */
export interface PathDifference {
  /** When they part, s: the earlier of the two actions. */
  readonly atS: number;
  /** This run's action there. */
  readonly taken: PathAction | null;
  /** The path left's action there. */
  readonly left: PathAction | null;
}

export interface PathComparison {
  /** The moment the run was rewound to, s. */
  readonly fromS: number;
  /** Where the path left stood when it was left (or the scenario's end, when it had run there), s. */
  readonly leftStopS: number;
  /** The moment of the comparison, s: the earlier of where this run and the path left stop. */
  readonly atS: number;
  /** This run at that moment. */
  readonly taken: PathState;
  /** The path left at that moment. */
  readonly left: PathState;
  /** The first action where they part; null when they did the same things (and differ only in length). */
  readonly firstDifference: PathDifference | null;
}

/** Every path left in the log compared with the log's own path, oldest first (none: no branches). */
export function comparePaths(scenario: Scenario, log: RunLog): PathComparison[] {
  const branches = log.branches ?? [];
  if (branches.length === 0) return [];
  const takenStopS = runLogStopS(log, scenario);
  const moments = branches.map((branch) => Math.min(takenStopS, runLogStopS(branch, scenario)));
  // This run is replayed once, stopping at each moment in turn.
  const takenAt = new Map<number, PathState>();
  const sim = createSimulation(scenario, replayOptions(log));
  for (const atS of [...new Set(moments)].sort((a, b) => a - b)) {
    advanceTo(sim, atS);
    takenAt.set(atS, pathState(sim));
  }
  return branches.map((branch, i) => {
    const atS = moments[i]!;
    const left = replayRun(scenario, { ...branchRunLog(log, branch), endS: atS });
    return {
      fromS: branch.fromS,
      leftStopS: runLogStopS(branch, scenario),
      atS,
      taken: takenAt.get(atS)!,
      left: pathState(left),
      firstDifference: firstDifference(log.actions, branch.actions),
    };
  });
}

function advanceTo(sim: Simulation, atS: number): void {
  if (atS > sim.timeS()) sim.advance(atS - sim.timeS());
}

function pathState(sim: Simulation): PathState {
  const snapshot = sim.snapshot();
  return {
    atS: snapshot.tS,
    ended: sim.isFinished(),
    outcome: sim.outcome(),
    brainViableFraction: snapshot.brainViableFraction,
    brainTempC: snapshot.brainTempC,
    coreTempC: snapshot.coreTempC,
    rhythm: snapshot.rhythmLabel,
  };
}

/**
 * The first learner or instructor action where two paths part (the scenario's own entries follow
 * from them), or null when their actions are the same.
 */
export function firstDifference(
  taken: readonly TimedAction[],
  left: RunBranch['actions'],
): PathDifference | null {
  const people = (entries: readonly TimedAction[]) =>
    entries.filter((e) => e.source !== 'scenario');
  const a = people(taken);
  const b = people(left);
  const i = firstDifferentEntry(a, b);
  if (i < 0) return null;
  const x = a[i];
  const y = b[i];
  const atS = Math.min(x?.atS ?? Infinity, y?.atS ?? Infinity);
  return { atS, taken: x ? pathAction(x) : null, left: y ? pathAction(y) : null };
}

function pathAction(entry: TimedAction): PathAction {
  return { atS: entry.atS, source: entry.source, action: entry.action };
}

// ----- in words (Markdown; the app has its own table) -----

const pct = (fraction: number): string => `${(100 * fraction).toFixed(fraction < 0.1 ? 1 : 0)} %`;
const degrees = (c: number): string => `${c.toFixed(1)} °C`;

/** The rows of a comparison table: label, then the value on a path. */
export const PATH_ROWS: readonly (readonly [string, (p: PathState) => string])[] = [
  ['alive', (p) => (p.outcome.survived ? 'yes' : 'no')],
  ['neurological outcome (CPC)', (p) => String(p.outcome.neuro_outcome_cpc)],
  ['brain cells viable', (p) => pct(p.brainViableFraction)],
  ['brain cells lost', (p) => pct(p.outcome.brain_lost_fraction)],
  ['brain temperature', (p) => degrees(p.brainTempC)],
  ['core temperature', (p) => degrees(p.coreTempC)],
  ['rhythm', (p) => p.rhythm],
];

/** How times and actions are put in words (the command line's defaults, or the app's). */
export interface PathWords {
  /** An action in words. */
  readonly describe: (action: TimedAction['action']) => string;
  /** Who acted, in words (default: the source as it is, "learner"). */
  readonly who?: (source: TimedAction['source']) => string;
  /** A simulated time (default "m:ss", or "h:mm:ss" from an hour). */
  readonly clock?: (s: number) => string;
}

const clockOf = (words?: Pick<PathWords, 'clock'>) =>
  words?.clock ?? ((s: number) => formatClock(s));

/** "ventilate fio2 1 (learner, 30:12)", or "nothing more". */
export function pathActionText(action: PathAction | null, words: PathWords): string {
  if (action === null) return 'nothing more';
  const who = words.who?.(action.source) ?? action.source;
  return `${words.describe(action.action)} (${who}, ${clockOf(words)(action.atS)})`;
}

/** The first difference in a sentence, or what it means that there is none. */
export function differenceText(comparison: PathComparison, words: PathWords): string {
  const d = comparison.firstDifference;
  if (d === null) return 'The same actions on both paths: they differ only in how far each ran.';
  return `First action where they differ, at ${clockOf(words)(d.atS)}: this run ${pathActionText(d.taken, words)}; the path left ${pathActionText(d.left, words)}.`;
}

/** "Path left at 42:10 (rewound to 30:00)". */
export function pathHeading(comparison: PathComparison, words?: Pick<PathWords, 'clock'>): string {
  const clock = clockOf(words);
  return `Path left at ${clock(comparison.leftStopS)} (rewound to ${clock(comparison.fromS)})`;
}

/** The moment of the comparison in words, with what each path did after it. */
export function momentText(comparison: PathComparison, words?: Pick<PathWords, 'clock'>): string {
  const clock = clockOf(words);
  const { atS, leftStopS, taken, left } = comparison;
  const parts = [`Compared at ${clock(atS)}, the earlier of where the two paths stop.`];
  if (leftStopS > atS + 1e-9) parts.push(`The path left went on to ${clock(leftStopS)}.`);
  if (taken.ended && taken.atS < atS - 1e-9) parts.push(`This run ended at ${clock(taken.atS)}.`);
  if (left.ended && left.atS < atS - 1e-9) parts.push(`The path left ended at ${clock(left.atS)}.`);
  return parts.join(' ');
}

/** The "Other paths" section of the debrief in Markdown (no lines when there are none). */
export function pathsMarkdown(
  paths: readonly PathComparison[],
  describe: (action: TimedAction['action']) => string,
): string[] {
  if (paths.length === 0) return [];
  const lines = [
    '## Other paths',
    '',
    `This run was rewound ${paths.length === 1 ? 'once' : `${paths.length} times`}; each path left is compared with this run at the same moment.`,
    '',
  ];
  for (const p of paths) {
    lines.push(`### ${pathHeading(p)}`, '', momentText(p), '');
    lines.push(`| at ${formatClock(p.atS)} | this run | path left |`, '|---|---|---|');
    for (const [label, value] of PATH_ROWS)
      lines.push(`| ${label} | ${value(p.taken)} | ${value(p.left)} |`);
    lines.push('', differenceText(p, { describe }), '');
  }
  return lines;
}
