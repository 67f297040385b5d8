// Run logs (coldboot/run-log@1): everything needed to replay a run bit for bit, namely the scenario
// (title and content hash), the seed, the model step, parameter overrides and every action stamped
// with its simulated time and source. Written by `coldboot run --save-log` and the app, read by
// `run/summary --log`, `grade` and `debrief`, and checked with the same kind of clear errors as
// scenario files. A log also holds the paths a learner left by rewinding ("What if?"): each branch
// is a whole path of its own (every action from time zero, and where it stood when it was left), so
// it replays on its own with the log's seed, step and parameters. Logs without branches are as before.

import type { TimedAction } from '../core/actions.ts';
import { formatClock } from '../core/clock.ts';
import {
  STEP_LIMITS_S,
  createSimulation,
  type Simulation,
  type SimulationOptions,
} from '../engine/simulation.ts';
import { allParameters, isParameterName, type Parameter } from '../parameters/index.ts';
import { ScenarioError, type ScenarioIssue } from './errors.ts';
import { scenarioHash } from './hash.ts';
import { readDataFile, validateFile } from './load.ts';
import { MAX_SCENARIO_DURATION_S, actionEntrySchema } from './scenarioSchema.ts';
import {
  INVALID,
  describeFound,
  didYouMean,
  field,
  fieldNames,
  formatPath,
  list,
  number,
  object,
  oneOf,
  optional,
  report,
  text,
  type Path,
  type Schema,
} from './schema.ts';
import type { Scenario } from './types.ts';

export const RUN_LOG_FORMAT = 'coldboot/run-log@1';
/** Largest run log accepted, bytes. */
export const MAX_RUN_LOG_BYTES = 4 * 1024 * 1024;
export const MAX_RUN_LOG_ACTIONS = 20000;
/** Most paths left (branches) a log holds. */
export const MAX_RUN_LOG_BRANCHES = 20;

/**
 * A path the learner left by rewinding: the moment rewound to, where the path stood when it was
 * left, and every one of its actions from time zero (so it replays without the log's other paths).
 * The path left and the path taken share everything before `fromS`.
 */
export interface RunBranch {
  /** The moment the run was rewound to, s. */
  readonly fromS: number;
  /** Where the path stood when it was left, s; absent when it had run to the scenario's end. */
  readonly endS?: number;
  /** Every action of the path from time zero, in the order applied (as `RunLog.actions`). */
  readonly actions: readonly TimedAction[];
}

export interface RunLog {
  readonly format: typeof RUN_LOG_FORMAT;
  /** The scenario the run belongs to: its title, and the hash of what it simulates. */
  readonly scenario: { readonly title: string; readonly hash: string };
  readonly seed: number;
  readonly stepSeconds: number;
  /** Parameter overrides by name. */
  readonly parameters: Readonly<Record<string, number>>;
  /** Where the recorded run stopped, s; absent when it ran to the scenario's end. */
  readonly endS?: number;
  /** Every action from time zero, from the scenario and from people, in the order applied. */
  readonly actions: readonly TimedAction[];
  /** The paths left by rewinding, oldest first; absent when there are none. */
  readonly branches?: readonly RunBranch[];
}

const SOURCES = ['scenario', 'learner', 'instructor'] as const;

const hashSchema: Schema<string> = {
  expected: 'a hash "sha256:" followed by 64 hexadecimal digits',
  validate(value, path, ctx) {
    if (typeof value === 'string' && /^sha256:[0-9a-f]{64}$/.test(value)) return value;
    return report(ctx, path, hashSchema.expected, describeFound(value));
  },
  jsonSchema: () => ({ type: 'string', pattern: '^sha256:[0-9a-f]{64}$' }),
};

const parametersSchema: Schema<Record<string, number>> = {
  expected: 'a group of parameter names with numbers (see coldboot help)',
  validate(value, path, ctx) {
    if (typeof value !== 'object' || value === null || Array.isArray(value))
      return report(ctx, path, parametersSchema.expected, describeFound(value));
    const record = value as Record<string, unknown>;
    const keys = fieldNames(record, path, ctx);
    if (keys === INVALID) return INVALID;
    const out: Record<string, number> = {};
    let ok = true;
    const names = Object.keys(allParameters);
    for (const name of keys) {
      const raw = record[name];
      if (!isParameterName(name)) {
        report(
          ctx,
          [...path, name],
          'a parameter of the model (doc/model.md)',
          `an unknown parameter "${name}"${didYouMean(name, names)}`,
        );
        ok = false;
        continue;
      }
      const p: Parameter = allParameters[name];
      const result = number({ min: p.min, max: p.max, unit: p.unit }).validate(
        raw,
        [...path, name],
        ctx,
      );
      if (result === INVALID) ok = false;
      else out[name] = result;
    }
    return ok ? out : INVALID;
  },
  jsonSchema: () => ({
    type: 'object',
    propertyNames: { enum: Object.keys(allParameters) },
    additionalProperties: { type: 'number' },
  }),
};

/** An action on its own (no time): `{ do: ventilate, fio2: 1 }`. */
const actionSchema = actionEntrySchema({}, {});

/** A simulated time of the run, s: from time zero to the longest scenario. */
const runTimeS = number({ min: 0, max: MAX_SCENARIO_DURATION_S, unit: 's' });

/** One entry, shaped as the engine's TimedAction, so `Simulation.log()` is written as it is. */
const logEntry = object({
  atS: field(runTimeS, 'simulated time at which the action took effect'),
  source: field(oneOf(SOURCES), 'who acted: the scenario, a learner or an instructor'),
  action: field(actionSchema, 'the action, e.g. { "do": "ventilate", "fio2": 1 }'),
});

/** A path left by rewinding. */
const branchEntry = object({
  fromS: field(runTimeS, 'the simulated time the run was rewound to, where this path was left'),
  endS: optional(
    runTimeS,
    'simulated time where this path stood when it was left (default: it ran to the end)',
  ),
  actions: field(
    list(logEntry, { maxItems: MAX_RUN_LOG_ACTIONS }),
    'every action of this path from time zero, in the order applied',
  ),
});

export const runLogSchema = object(
  {
    format: field(oneOf([RUN_LOG_FORMAT] as const), 'file format and version'),
    scenario: field(
      object({
        title: field(text({ maxLength: 120 }), 'title of the scenario'),
        hash: field(
          hashSchema,
          'hash of what the scenario simulates (coldboot validate prints it)',
        ),
      }),
      'the scenario this run belongs to',
    ),
    seed: optional(
      number({ min: -2147483648, max: 4294967295, integer: true }),
      'seed of the random generator (default 1)',
    ),
    stepSeconds: optional(
      number({ min: STEP_LIMITS_S.min, max: STEP_LIMITS_S.max, unit: 's' }),
      'model step (default 1)',
    ),
    parameters: optional(parametersSchema, 'parameter overrides (default none)'),
    endS: optional(
      runTimeS,
      'simulated time where the recorded run stopped (default: it ran to the end of the scenario)',
    ),
    actions: field(
      list(logEntry, { maxItems: MAX_RUN_LOG_ACTIONS }),
      'every action from time zero, in the order applied',
    ),
    branches: optional(
      list(branchEntry, { maxItems: MAX_RUN_LOG_BRANCHES }),
      'the paths left by rewinding, oldest first (default none)',
    ),
  },
  { description: 'A ColdBoot run log (coldboot/run-log@1)' },
);

/** JSON Schema of run logs. */
export function runLogJsonSchema(): Record<string, unknown> {
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    $id: 'https://coldboot.example/run-log.schema.json',
    title: 'ColdBoot run log',
    ...runLogSchema.jsonSchema(),
  };
}

/**
 * One action written as YAML or JSON, `{ do: setEnvironment, medium: air, temperatureC: 20 }`, checked
 * as run logs check theirs (the instructor's free-form event). Errors name `where` and the field.
 */
export function parseAction(text: string, where: string): TimedAction['action'] {
  const { data, lineOf } = readDataFile(text, where, {
    maxBytes: 4096,
    emptyExpected: 'an action, e.g. { do: ventilate, fio2: 1 }',
  });
  const issues: ScenarioIssue[] = [];
  const result = actionSchema.validate(data, [], { issues, lineOf });
  if (result === INVALID || issues.length > 0) throw new ScenarioError(where, issues);
  return result as unknown as TimedAction['action'];
}

export function parseRunLog(text: string, fileName: string): RunLog {
  const { data, lineOf } = readDataFile(text, fileName, {
    maxBytes: MAX_RUN_LOG_BYTES,
    emptyExpected: 'a run log (format, scenario, actions)',
  });
  return validateRunLog(data, fileName, lineOf);
}

export function validateRunLog(
  data: unknown,
  fileName: string,
  lineOf: (path: Path) => number | undefined = () => undefined,
): RunLog {
  const { result, issues } = validateFile(runLogSchema, data, fileName, lineOf);
  const actions = timedActions(result.actions);
  checkActionOrder(actions, ['actions'], issues, lineOf);
  checkEndAfterActions(result.endS, actions, ['endS'], issues);
  const branches: RunBranch[] = (result.branches ?? []).map((entry, b) => {
    const branchActions = timedActions(entry.actions);
    checkActionOrder(branchActions, ['branches', b, 'actions'], issues, lineOf);
    checkEndAfterActions(entry.endS, branchActions, ['branches', b, 'endS'], issues);
    if (entry.endS !== undefined && entry.fromS > entry.endS) {
      const line = lineOf(['branches', b, 'fromS']);
      issues.push({
        path: formatPath(['branches', b, 'fromS']),
        expected: `a time no later than where the path was left (endS, ${formatClock(entry.endS)})`,
        found: formatClock(entry.fromS),
        ...(line !== undefined ? { line } : {}),
      });
    }
    return {
      fromS: entry.fromS,
      ...(entry.endS !== undefined ? { endS: entry.endS } : {}),
      actions: branchActions,
    };
  });
  if (issues.length > 0) throw new ScenarioError(fileName, issues);
  return {
    format: result.format,
    scenario: result.scenario,
    seed: result.seed ?? 1,
    stepSeconds: result.stepSeconds ?? 1,
    parameters: result.parameters ?? {},
    ...(result.endS !== undefined ? { endS: result.endS } : {}),
    actions,
    ...(branches.length > 0 ? { branches } : {}),
  };
}

function timedActions(
  entries: readonly { atS: number; source: TimedAction['source']; action: unknown }[],
): TimedAction[] {
  return entries.map((entry) => ({
    atS: entry.atS,
    source: entry.source,
    action: entry.action as TimedAction['action'],
  }));
}

/** Times must not go backwards: a log is the order in which actions took effect. */
function checkActionOrder(
  actions: readonly TimedAction[],
  path: Path,
  issues: ScenarioIssue[],
  lineOf: (path: Path) => number | undefined,
): void {
  for (let i = 1; i < actions.length; i++) {
    if (actions[i]!.atS < actions[i - 1]!.atS) {
      const line = lineOf([...path, i, 'atS']);
      issues.push({
        path: formatPath([...path, i, 'atS']),
        expected: `a time no earlier than the action before (${formatClock(actions[i - 1]!.atS)})`,
        found: formatClock(actions[i]!.atS),
        ...(line !== undefined ? { line } : {}),
      });
      return;
    }
  }
}

/** Where a path stopped cannot come before its last action. */
function checkEndAfterActions(
  endS: number | undefined,
  actions: readonly TimedAction[],
  path: Path,
  issues: ScenarioIssue[],
): void {
  if (endS !== undefined && actions.length > 0 && actions.at(-1)!.atS > endS) {
    issues.push({
      path: formatPath(path),
      expected: `a time no earlier than the last action (${actions.at(-1)!.atS} s)`,
      found: `${endS} s`,
    });
  }
}

/**
 * Checks that a log belongs to a scenario: the same simulated content (hash) and no action after
 * the scenario's end. Errors name the log file.
 */
export function checkRunLogMatches(
  log: RunLog,
  scenario: Scenario,
  logFileName: string,
  scenarioFileName: string,
): void {
  const issues: ScenarioIssue[] = [];
  const hash = scenarioHash(scenario);
  if (log.scenario.hash !== hash) {
    issues.push({
      path: 'scenario.hash',
      expected: `the hash of ${scenarioFileName} (${hash})`,
      found: `${log.scenario.hash} (the log was recorded with another scenario, or another version of it)`,
    });
  }
  const endS = scenario.end.atS;
  const late = log.actions.findIndex((entry) => entry.atS > endS);
  if (late >= 0) {
    issues.push({
      path: `actions[${late}].atS`,
      expected: `a time no later than the end of ${scenarioFileName} (${formatClock(endS)})`,
      found: formatClock(log.actions[late]!.atS),
    });
  }
  const lateEnd = (path: string, atS: number | undefined): void => {
    if (atS === undefined || atS <= endS) return;
    issues.push({
      path,
      expected: `a time no later than the end of ${scenarioFileName} (${formatClock(endS)})`,
      found: formatClock(atS),
    });
  };
  lateEnd('endS', log.endS);
  (log.branches ?? []).forEach((branch, b) => {
    const lateAction = branch.actions.findIndex((entry) => entry.atS > endS);
    if (lateAction >= 0)
      lateEnd(`branches[${b}].actions[${lateAction}].atS`, branch.actions[lateAction]!.atS);
    lateEnd(`branches[${b}].endS`, branch.endS);
    lateEnd(`branches[${b}].fromS`, branch.fromS);
  });
  if (issues.length > 0) throw new ScenarioError(logFileName, issues);
}

/** Where a log's run stops, s: its endS, or the scenario's end. */
export function runLogStopS(log: Pick<RunLog, 'endS'>, scenario: Scenario): number {
  return Math.min(log.endS ?? scenario.end.atS, scenario.end.atS);
}

/**
 * The log after rewinding to `toS` ("What if?"): the actions before `toS` stay (the scenario's
 * entries and the instructor's faults and events too: they are the run's history before that
 * moment, and a replay makes them again exactly as a reload does); the run stands at `toS`; the path
 * it was on becomes the newest branch, whole, so it can be replayed and compared. Actions at `toS`
 * itself and after it belong to the path left.
 */
export function rewindRunLog(log: RunLog, toS: number): RunLog {
  if (!(toS >= 0) || !Number.isFinite(toS)) {
    throw new Error(`rewind: expected a time ≥ 0 s, found ${toS}`);
  }
  if (log.endS !== undefined && toS > log.endS) {
    throw new Error(
      `rewind: ${formatClock(toS)} is later than where the run stands (${formatClock(log.endS)})`,
    );
  }
  const left: RunBranch = {
    fromS: toS,
    ...(log.endS !== undefined ? { endS: log.endS } : {}),
    actions: log.actions,
  };
  return {
    ...log,
    endS: toS,
    actions: log.actions.filter((entry) => entry.atS < toS),
    branches: [...(log.branches ?? []), left],
  };
}

/** The log of one path left: its own actions and stop, with the log's scenario, seed, step and parameters. */
export function branchRunLog(log: RunLog, branch: RunBranch): RunLog {
  return {
    format: log.format,
    scenario: log.scenario,
    seed: log.seed,
    stepSeconds: log.stepSeconds,
    parameters: log.parameters,
    ...(branch.endS !== undefined ? { endS: branch.endS } : {}),
    actions: branch.actions,
  };
}

/** The log of a simulation so far (stopped early when not finished). */
export function runLogOf(sim: Simulation, parameters: Readonly<Record<string, number>>): RunLog {
  return {
    format: RUN_LOG_FORMAT,
    scenario: { title: sim.scenario.title, hash: scenarioHash(sim.scenario) },
    seed: sim.seed,
    stepSeconds: sim.stepSeconds,
    parameters: { ...parameters },
    ...(sim.isFinished() ? {} : { endS: sim.timeS() }),
    actions: sim.log(),
  };
}

/** A log of the scenario's expert run (seed 1, step 1 s, no overrides), or undefined without one. */
export function expertRunLog(
  scenario: Scenario,
  options: { readonly seed?: number; readonly parameters?: Readonly<Record<string, number>> } = {},
): RunLog | undefined {
  if (scenario.expert === undefined) return undefined;
  return {
    format: RUN_LOG_FORMAT,
    scenario: { title: scenario.title, hash: scenarioHash(scenario) },
    seed: options.seed ?? 1,
    stepSeconds: 1,
    parameters: { ...(options.parameters ?? {}) },
    actions: scenario.expert.actions,
  };
}

/** A log with no learner actions: the scenario on its own. */
export function emptyRunLog(
  scenario: Scenario,
  options: {
    readonly seed?: number;
    readonly stepSeconds?: number;
    readonly parameters?: Readonly<Record<string, number>>;
  } = {},
): RunLog {
  return {
    format: RUN_LOG_FORMAT,
    scenario: { title: scenario.title, hash: scenarioHash(scenario) },
    seed: options.seed ?? 1,
    stepSeconds: options.stepSeconds ?? 1,
    parameters: { ...(options.parameters ?? {}) },
    actions: [],
  };
}

/** Options that make createSimulation replay a log. */
export function replayOptions(log: RunLog): SimulationOptions {
  return {
    seed: log.seed,
    stepSeconds: log.stepSeconds,
    parameters: log.parameters,
    replay: log.actions,
  };
}

/** Replays a log to where it stopped (or the scenario's end); returns the simulation. */
export function replayRun(
  scenario: Scenario,
  log: RunLog,
  extra: Pick<SimulationOptions, 'onAction'> = {},
): Simulation {
  const sim = createSimulation(scenario, { ...replayOptions(log), ...extra });
  sim.advance(Math.min(log.endS ?? scenario.end.atS, scenario.end.atS));
  return sim;
}

/**
 * Where a replay departs from the recorded log, in words, or undefined when they agree. Learner and
 * instructor entries always count; the scenario's own entries only when the log recorded them (a
 * hand-written log may leave them out).
 */
export function replayDifference(
  recorded: readonly TimedAction[],
  replayed: readonly TimedAction[],
): string | undefined {
  const withScenario = recorded.some((entry) => entry.source === 'scenario');
  const keep = (entries: readonly TimedAction[]): TimedAction[] =>
    withScenario ? [...entries] : entries.filter((entry) => entry.source !== 'scenario');
  const a = keep(recorded);
  const b = keep(replayed);
  const i = firstDifferentEntry(a, b);
  if (i < 0) return undefined;
  return `entry ${i + 1}: recorded ${describeEntry(a[i])}, replayed ${describeEntry(b[i])}`;
}

/**
 * Index of the first entry where two lists of actions part (a list that ends first parts there), or
 * -1 when they are the same: each entry at the same time, from the same source, with the same action
 * whatever the order of its fields.
 */
export function firstDifferentEntry(a: readonly TimedAction[], b: readonly TimedAction[]): number {
  const n = Math.max(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a[i];
    const y = b[i];
    if (x === undefined || y === undefined || !sameEntry(x, y)) return i;
  }
  return -1;
}

function sameEntry(a: TimedAction, b: TimedAction): boolean {
  return (
    a.atS === b.atS &&
    a.source === b.source &&
    JSON.stringify(sortedAction(a.action)) === JSON.stringify(sortedAction(b.action))
  );
}

function sortedAction(action: TimedAction['action']): [string, unknown][] {
  return Object.entries(action).sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0));
}

function describeEntry(entry: TimedAction | undefined): string {
  if (entry === undefined) return 'nothing';
  return `${formatClock(entry.atS)} ${entry.source} ${entry.action.do}`;
}

/** A run log as JSON text: one action per line, so logs read well and diff well. */
export function runLogToJson(log: RunLog): string {
  const head: Record<string, unknown> = {
    format: log.format,
    scenario: log.scenario,
    seed: log.seed,
    stepSeconds: log.stepSeconds,
    parameters: log.parameters,
    ...(log.endS !== undefined ? { endS: log.endS } : {}),
  };
  const lines = Object.entries(head).map(
    ([key, value]) => `  ${JSON.stringify(key)}: ${JSON.stringify(value)}`,
  );
  const parts = [...lines, `  "actions": ${actionsJson(log.actions, '  ')}`];
  const branches = log.branches ?? [];
  if (branches.length > 0) {
    const items = branches.map((branch) => {
      const fields = [
        `      "fromS": ${JSON.stringify(branch.fromS)}`,
        ...(branch.endS !== undefined ? [`      "endS": ${JSON.stringify(branch.endS)}`] : []),
        `      "actions": ${actionsJson(branch.actions, '      ')}`,
      ];
      return `    {\n${fields.join(',\n')}\n    }`;
    });
    parts.push(`  "branches": [\n${items.join(',\n')}\n  ]`);
  }
  return `{\n${parts.join(',\n')}\n}\n`;
}

/** A list of actions as JSON, one a line, indented under a field indented by `indent`. */
function actionsJson(actions: readonly TimedAction[], indent: string): string {
  if (actions.length === 0) return '[]';
  const lines = actions.map(
    (entry) =>
      `${indent}  ${JSON.stringify({ atS: entry.atS, source: entry.source, action: entry.action })}`,
  );
  return `[\n${lines.join(',\n')}\n${indent}]`;
}
