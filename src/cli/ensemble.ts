// `coldboot ensemble`: runs one scenario (with a learner's action log, the expert run, or nothing) many
// times with the model's uncertain parameters drawn by Latin hypercube, across worker threads, and
// prints the spread of outcomes as text or JSON, saying which actions were replayed; optionally writes
// every member's parameters and outcome as CSV. The numbers depend only on the scenario, the actions,
// the options and the seed, never on the number of threads.

import { readInputFile } from './files.ts';
import { closeSync, openSync, writeSync } from 'node:fs';
import { basename } from 'node:path';
import { formatClock } from '../../models/core/clock.ts';
import {
  STEP_LIMITS_S,
  allParameters,
  isParameterName,
  ScenarioError,
  stepSecondsProblem,
  type Parameter,
  type Scenario,
} from '../../models/index.ts';
import {
  DEFAULT_MEMBER_STEP_S,
  DEFAULT_FAN_KEYS,
  EnsembleMemberError,
  MAX_MEMBERS,
  continuationActions,
  ensembleDesign,
  memberTableHeader,
  memberTableRow,
  outcomeColumns,
  parseActionLog,
  sampledParameters,
  type EnsembleDesign,
  type EnsembleRequest,
  type EnsembleResult,
  type Distribution,
  type ParameterSensitivity,
  type ReplayAction,
} from '../../models/ensemble/index.ts';
import type { Outcome } from '../../models/engine/outputs.ts';
import {
  RUN_LOG_FORMAT,
  MAX_RUN_LOG_BYTES,
  checkRunLogMatches,
  parseRunLog,
} from '../../models/scenario/runLog.ts';
import { numberFlag, parameterOverrides, parseArgs } from './args.ts';
import { EXIT_FAILURE, EXIT_OK, UsageError, type CliIo } from './io.ts';
import { defaultWorkerCount, runEnsembleInWorkers } from './ensemblePool.ts';

/** Parameters listed per outcome in the text summary. */
const TOP_PARAMETERS = 8;
const MAX_WORKERS = 64;

/**
 * The command. `loadScenario` reads and validates a scenario file (main.ts passes its own, so that
 * every command reports file problems the same way).
 */
export async function ensembleCommand(
  argv: readonly string[],
  io: CliIo,
  loadScenario: (path: string) => Scenario,
): Promise<number> {
  const args = parseArgs(
    argv,
    ['members', 'log', 'seed', 'format', 'workers', 'step', 'set', 'vary', 'fan', 'members-out'],
    ['collapse', 'shared-seed', 'expert'],
  );
  if (args.positional.length !== 1) {
    throw new UsageError(
      `ensemble takes one scenario file, found ${args.positional.length === 0 ? 'none' : args.positional.join(' ')}`,
    );
  }
  if (!args.flags.has('members')) {
    throw new UsageError('ensemble needs --members N (for example --members 1000)');
  }
  const members = numberFlag(
    args,
    'members',
    0,
    (n) => Number.isInteger(n) && n >= 1 && n <= MAX_MEMBERS,
    `a whole number from 1 to ${MAX_MEMBERS}`,
  );
  const seed = numberFlag(args, 'seed', 1, (n) => Number.isSafeInteger(n), 'a whole number');
  const workers = numberFlag(
    args,
    'workers',
    defaultWorkerCount(),
    (n) => Number.isInteger(n) && n >= 0 && n <= MAX_WORKERS,
    `a whole number of threads from 0 to ${MAX_WORKERS}`,
  );
  const scenarioPath = args.positional[0]!;
  const scenario = loadScenario(scenarioPath);
  const logPath = args.flags.get('log')?.at(-1);
  const log: LoadedActionLog =
    logPath !== undefined
      ? readActionLog(logPath, scenario, scenarioPath)
      : { actions: [], parameters: {} };
  const replayed = replayedActions(scenario, scenarioPath, logPath, log, args.flags.has('expert'));
  const membersOut = args.flags.get('members-out')?.at(-1);
  const stepSeconds = numberFlag(
    args,
    'step',
    DEFAULT_MEMBER_STEP_S,
    (n) => stepSecondsProblem(n) === undefined,
    `a model step in seconds, from ${STEP_LIMITS_S.min} to ${STEP_LIMITS_S.max}`,
  );
  const format = args.flags.get('format')?.at(-1) ?? 'text';
  if (format !== 'text' && format !== 'json') {
    throw new UsageError(`--format: expected text or json, found "${format}"`);
  }
  const fanEveryS = args.flags.has('fan')
    ? numberFlag(
        args,
        'fan',
        0,
        (n) => n >= 60 && n <= 86400,
        'a number of seconds from 60 to 86400',
      )
    : undefined;
  // A recorded run's parameter overrides are held; --set wins over them.
  const fixed = { ...log.parameters, ...parameterOverrides(args) };
  const vary = args.flags.get('vary');
  if (vary) {
    try {
      sampledParameters(fixed, vary);
    } catch (error) {
      throw new UsageError(`--vary: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  const actions = replayed.actions;

  const request: EnsembleRequest = {
    scenario,
    actions,
    members,
    seed,
    stepSeconds,
    fixed,
    ...(vary ? { vary } : {}),
    ranges: args.flags.has('collapse') ? 'collapsed' : 'sampled',
    seeds: args.flags.has('shared-seed') ? 'shared' : 'per-member',
    ...(fanEveryS !== undefined ? { fan: { everyS: fanEveryS, keys: DEFAULT_FAN_KEYS } } : {}),
  };
  // The design is computed once here: the members' table needs its values.
  const design = membersOut !== undefined ? ensembleDesign(request) : undefined;
  const outcomes: Outcome[] = [];
  let result: EnsembleResult;
  try {
    result = await runEnsembleInWorkers(request, {
      workers,
      ...(design
        ? {
            design,
            onMember: (member: number, r: { outcome: Outcome }) => (outcomes[member] = r.outcome),
          }
        : {}),
    });
  } catch (error) {
    if (!(error instanceof EnsembleMemberError)) throw error;
    const sets = Object.entries(error.parameters)
      .map(([name, value]) => `--set ${name}=${value}`)
      .join(' ');
    const replay =
      replayed.what === 'expert'
        ? ' --expert'
        : replayed.what === 'none'
          ? ''
          : ` (replaying ${replayed.description})`;
    const step = stepSeconds !== 1 ? ` with a ${stepSeconds} s step` : '';
    io.stderr(
      `coldboot: ${error.message}\n` +
        `That member is: coldboot summary ${scenarioPath} --seed ${error.seed} ${sets}${replay}${step}\n`,
    );
    return EXIT_FAILURE;
  }
  if (design && membersOut !== undefined) writeMemberTable(membersOut, design, outcomes);
  const context: Context = {
    scenario,
    stepSeconds,
    replayed,
    ...(membersOut !== undefined ? { membersOut } : {}),
  };
  io.stdout(
    format === 'json'
      ? JSON.stringify(ensembleJson(result, context), null, 2) + '\n'
      : ensembleText(result, context),
  );
  return EXIT_OK;
}

/** What a --log file gives an ensemble. */
export interface LoadedActionLog {
  readonly actions: ReplayAction[];
  /** Parameter overrides of a recorded run (coldboot/run-log@1), held in every member. */
  readonly parameters: Readonly<Record<string, number>>;
  /** Where a recorded run stopped before the scenario's end, s (a run log's endS). */
  readonly endS?: number;
}

/** The actions every member replays, where they come from, and that in words. */
export interface ReplayedActions {
  /** none; a --log file; the expert run (--expert); a log that stopped, then the expert's plan. */
  readonly what: 'none' | 'log' | 'expert' | 'log-then-expert';
  readonly actions: readonly ReplayAction[];
  /** E.g. "the expert run (13 actions)", "the 7 actions of run.json". */
  readonly description: string;
  readonly logActions: number;
  readonly expertActions: number;
  /** The time from which the expert's plan is followed, s (--log with --expert). */
  readonly fromS?: number;
}

function actionCount(n: number): string {
  return `${n} action${n === 1 ? '' : 's'}`;
}

/**
 * Chooses what to replay. --expert alone replays the scenario's expert run. --log with --expert
 * continues a recorded run that stopped before the end (a run log with endS, as the app saves a run
 * in progress) with the expert's plan from where it stopped: the odds dialog's "if the rest follows
 * the expert's plan". A log that ran to the end, or a plain action log, has no such point: refused.
 */
export function replayedActions(
  scenario: Scenario,
  scenarioPath: string,
  logPath: string | undefined,
  log: LoadedActionLog,
  expert: boolean,
): ReplayedActions {
  if (expert && scenario.expert === undefined) {
    throw new ScenarioError(basename(scenarioPath), [
      {
        path: 'expert',
        expected: 'an expert run (expert: { actions: [...] }) for --expert',
        found: 'nothing',
      },
    ]);
  }
  if (logPath === undefined && !expert) {
    return {
      what: 'none',
      actions: [],
      description: "none: only the scenario's own timeline, nobody acts (no --log or --expert)",
      logActions: 0,
      expertActions: 0,
    };
  }
  if (logPath === undefined) {
    const actions = scenario.expert!.actions;
    return {
      what: 'expert',
      actions,
      description: `the expert run (${actionCount(actions.length)})`,
      logActions: 0,
      expertActions: actions.length,
    };
  }
  const name = basename(logPath);
  if (!expert) {
    const stopped =
      log.endS !== undefined
        ? `, which stopped at ${formatClock(log.endS, true)}; nothing more is done after it`
        : '';
    return {
      what: 'log',
      actions: log.actions,
      description: `the ${actionCount(log.actions.length)} of ${name}${stopped}`,
      logActions: log.actions.length,
      expertActions: 0,
    };
  }
  if (log.endS === undefined) {
    throw new UsageError(
      `--log with --expert follows the expert's plan from where a recorded run stopped, but ${name} ` +
        'has no such point (it ran to the end, or it is a plain action log); give one of them',
    );
  }
  const c = continuationActions(scenario, log.actions, log.endS, 'expert');
  return {
    what: 'log-then-expert',
    actions: c.actions,
    description:
      `the ${actionCount(c.runActions)} of ${name} to ${formatClock(log.endS, true)}, where it ` +
      `stopped, then the expert run's ${actionCount(c.expertActions)} from there`,
    logActions: c.runActions,
    expertActions: c.expertActions,
    fromS: log.endS,
  };
}

/** Writes --members-out: a header, then one line per member in member order. */
function writeMemberTable(
  path: string,
  design: EnsembleDesign,
  outcomes: readonly Outcome[],
): void {
  let fd: number | undefined;
  try {
    fd = openSync(path, 'w');
    const columns = outcomeColumns(outcomes[0]!);
    writeSync(fd, memberTableHeader(design, outcomes[0]!));
    // In chunks: 20,000 members of ~200 columns would make one string of tens of MB.
    let chunk = '';
    for (let member = 0; member < design.members; member++) {
      chunk += memberTableRow(design, member, outcomes[member]!, columns);
      if (chunk.length > 1 << 20) {
        writeSync(fd, chunk);
        chunk = '';
      }
    }
    writeSync(fd, chunk);
  } catch (error) {
    throw new UsageError(
      `--members-out: cannot write ${path}: ${error instanceof Error ? error.message : String(error)}`,
    );
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/**
 * Reads a --log file: a run log (coldboot/run-log@1, checked against the scenario as `summary --log`
 * does), or a plain action log `{ "actions": [...] }` / `[...]` of timed actions. Problems are
 * reported like scenario problems: file, field, expected, found.
 */
export function readActionLog(
  path: string,
  scenario: Scenario,
  scenarioPath: string,
): LoadedActionLog {
  const { name, text } = readInputFile(path, 'action log (JSON)', MAX_RUN_LOG_BYTES);
  let data: unknown;
  let jsonError: string | undefined;
  try {
    data = JSON.parse(text);
  } catch (error) {
    jsonError = error instanceof Error ? error.message : String(error);
  }
  const isRunLog =
    typeof data === 'object' && data !== null && 'format' in data
      ? (data as { format: unknown }).format === RUN_LOG_FORMAT
      : jsonError !== undefined && text.includes(RUN_LOG_FORMAT);
  if (isRunLog) {
    const log = parseRunLog(text, name);
    checkRunLogMatches(log, scenario, name, basename(scenarioPath));
    return {
      actions: log.actions.filter((entry) => entry.source !== 'scenario'),
      parameters: log.parameters,
      ...(log.endS !== undefined ? { endS: log.endS } : {}),
    };
  }
  if (jsonError !== undefined) {
    throw new ScenarioError(name, [{ path: '', expected: 'valid JSON', found: jsonError }]);
  }
  return { actions: parseActionLog(data, name, scenario), parameters: {} };
}

interface Context {
  readonly scenario: Scenario;
  readonly stepSeconds: number;
  readonly replayed: ReplayedActions;
  /** Where --members-out wrote the members. */
  readonly membersOut?: string;
}

function ensembleJson(result: EnsembleResult, context: Context): Record<string, unknown> {
  const r = context.replayed;
  return {
    title: context.scenario.title,
    end_s: context.scenario.end.atS,
    step_s: context.stepSeconds,
    actions_replayed: r.actions.length,
    replayed: {
      what: r.what,
      description: r.description,
      log_actions: r.logActions,
      expert_actions: r.expertActions,
      ...(r.fromS !== undefined ? { expert_from_s: r.fromS } : {}),
    },
    ...(context.membersOut !== undefined ? { members_out: context.membersOut } : {}),
    ...result.summary,
    ...(result.fanBands ? { fan_bands: result.fanBands } : {}),
  };
}

const CPC_LABELS = {
  '1': 'good recovery',
  '2': 'moderate disability',
  '3': 'severe disability',
  '4': 'coma or vegetative state',
  '5': 'brain death or death',
} as const;

function percent(fraction: number): string {
  return `${(100 * fraction).toFixed(1)} %`;
}

function row(label: string, d: Distribution, format: (x: number) => string): string {
  const cells = [d.p5, d.p25, d.p50, d.p75, d.p95].map((x) => format(x).padStart(9));
  return `  ${label.padEnd(38)}${cells.join('')}`;
}

function rangeText(name: string): string {
  if (!isParameterName(name)) return '';
  const p: Parameter = allParameters[name];
  return p.unit === '1' ? `${p.min}–${p.max}` : `${p.min}–${p.max} ${p.unit}`;
}

function sensitivityLines(
  list: readonly ParameterSensitivity[],
  key: 'rho_brain_lost_fraction' | 'rho_survived',
  noise: number | null,
): string[] {
  const shown = list.filter((s) => s[key] !== null).slice(0, TOP_PARAMETERS);
  if (shown.length === 0) return ['    (no variation: every member had the same result)'];
  const width = Math.max(...shown.map((s) => s.parameter.length)) + 3;
  return shown.map((s) => {
    const rho = s[key]!;
    const sign = rho < 0 ? '−' : '+';
    const weak = noise !== null && Math.abs(rho) < noise ? '  (noise)' : '';
    return `    ${s.parameter.padEnd(width)}${sign}${Math.abs(rho).toFixed(2)}   ${rangeText(s.parameter)}${weak}`;
  });
}

export function ensembleText(result: EnsembleResult, context: Context): string {
  const s = result.summary;
  const lines: string[] = [];
  const sampled =
    s.ranges === 'collapsed'
      ? 'every parameter held at its best estimate (--collapse)'
      : `${s.sampled_parameters} parameters sampled by Latin hypercube`;
  lines.push(
    `Ensemble: ${context.scenario.title}`,
    `  ${s.members} members, seed ${s.seed}, ${sampled}; model step ${context.stepSeconds} s; ` +
      `${s.seeds === 'shared' ? 'one shared random seed' : 'a random seed per member'}`,
  );
  const held = Object.entries(s.held_parameters);
  if (held.length > 0) lines.push(`  held: ${held.map(([k, v]) => `${k}=${v}`).join(', ')}`);
  lines.push(`  actions replayed: ${context.replayed.description}`);
  const reordered = Object.entries(s.reordered_members);
  if (reordered.length > 0) {
    lines.push(
      `  reordered to keep required orders: ${reordered.map(([k, n]) => `${k} (${n})`).join(', ')}`,
    );
  }
  const [lo, hi] = s.survival.ci95;
  lines.push(
    '',
    `Survival: ${percent(s.survival.probability)} (${Number(s.survival.survivors.toFixed(1))} of ${s.members}; ` +
      `95 % interval ${percent(lo)} to ${percent(hi)})`,
    '',
    'Neurological outcome (Cerebral Performance Category)',
  );
  for (const k of ['1', '2', '3', '4', '5'] as const) {
    const c = s.neuro_outcome_cpc[k];
    lines.push(
      `  CPC ${k} ${CPC_LABELS[k].padEnd(26)}${String(c.count).padStart(7)}${percent(c.fraction).padStart(10)}`,
    );
  }
  lines.push(
    '',
    `  ${''.padEnd(38)}${['5 %', '25 %', '50 %', '75 %', '95 %'].map((h) => h.padStart(9)).join('')}`,
    row('Brain cells lost (fraction)', s.brain_lost_fraction, (x) => x.toFixed(3)),
  );
  const rosc = s.rosc_time_s;
  if (rosc.distribution) {
    lines.push(
      row(`Time to ROSC (h:mm:ss, ${rosc.members_with_rosc} members)`, rosc.distribution, (x) =>
        formatClock(x, true),
      ),
    );
  }
  lines.push(
    row('Lowest core temperature (°C)', s.min_core_temp_c, (x) => x.toFixed(1)),
    row('Highest potassium (mmol/L)', s.max_potassium_mmol_l, (x) => x.toFixed(1)),
    `  Return of spontaneous circulation: ${rosc.members_with_rosc} members; none in ${rosc.members_without_rosc}` +
      ` (of whom ${rosc.members_without_arrest} never arrested)`,
    `  Potassium above 12 mmol/L (no reported hypothermic survivor): ${s.max_potassium_mmol_l.members_above_12} members`,
  );
  if (s.ranges === 'sampled' && s.sampled_parameters > 0) {
    const noise = s.sensitivity.noise_level;
    lines.push(
      '',
      'What matters most (Spearman rank correlation ρ with the sampled value' +
        (noise !== null ? `; |ρ| below ${noise.toFixed(2)} is noise` : '') +
        ')',
      '  brain cells lost:',
      ...sensitivityLines(s.sensitivity.brain_lost_fraction, 'rho_brain_lost_fraction', noise),
      '  survival:',
      ...sensitivityLines(s.sensitivity.survived, 'rho_survived', noise),
    );
  }
  if (result.fanBands) {
    const f = result.fanBands;
    lines.push(
      '',
      'Fan bands (5 % / 50 % / 95 %)',
      `  ${'time'.padEnd(10)}${DEFAULT_FAN_KEYS.map((k) => k.padStart(27)).join('')}`,
    );
    f.times.forEach((t, i) => {
      const cells = DEFAULT_FAN_KEYS.map((k) => {
        const b = f.bands[k];
        if (!b) return ''.padStart(27);
        const d = k === 'brainAutolysedFraction' ? 3 : 1;
        return `${b.p5[i]!.toFixed(d)} / ${b.p50[i]!.toFixed(d)} / ${b.p95[i]!.toFixed(d)}`.padStart(
          27,
        );
      });
      lines.push(`  ${formatClock(t, true).padEnd(10)}${cells.join('')}`);
    });
  }
  if (context.membersOut !== undefined) {
    lines.push('', `Members (parameters and outcome of each, CSV): ${context.membersOut}`);
  }
  lines.push('');
  return lines.join('\n');
}
