// The command line's scenario-and-log side: reading run logs, choosing what to replay (--log FILE,
// --expert or nothing), writing logs (--save-log), and the grade, debrief and schema commands.

import { readInputFile } from './files.ts';
import { writeFileSync } from 'node:fs';
import { basename } from 'node:path';
import {
  ScenarioError,
  createSimulation,
  type Scenario,
  type Simulation,
  type Snapshot,
} from '../../models/index.ts';
import { formatClock } from '../../models/core/clock.ts';
import { createGrader, observeRun, type Grade } from '../../models/scenario/assessment.ts';
import { debriefMarkdown, debriefRun } from '../../models/scenario/debrief.ts';
import {
  MAX_RUN_LOG_BYTES,
  checkRunLogMatches,
  emptyRunLog,
  expertRunLog,
  parseRunLog,
  replayDifference,
  replayOptions,
  runLogJsonSchema,
  runLogOf,
  runLogToJson,
  type RunLog,
} from '../../models/scenario/runLog.ts';
import { scenarioJsonSchema } from '../../models/scenario/scenarioSchema.ts';
import { numberFlag, parameterOverrides, parseArgs, type ParsedArgs } from './args.ts';
import { EXIT_OK, UsageError, type CliIo } from './io.ts';

/** Reads and validates a run log file; file problems are reported like schema problems. */
export function loadRunLogFile(path: string): RunLog {
  const { name, text } = readInputFile(path, 'run log file', MAX_RUN_LOG_BYTES);
  return parseRunLog(text, name);
}

/**
 * What to replay on the scenario: the log of --log FILE, the scenario's expert run (--expert), or
 * no actions at all. --seed and --set override the log's seed and parameters (a "what if" run; the
 * replay is then no longer the recorded run).
 */
export function runInput(args: ParsedArgs, scenario: Scenario, scenarioPath: string): RunLog {
  const logPath = args.flags.get('log')?.at(-1);
  const expert = args.flags.has('expert');
  let log: RunLog;
  if (logPath !== undefined && expert) {
    throw new UsageError('--log and --expert replay different runs; give one of them');
  } else if (logPath !== undefined) {
    log = loadRunLogFile(logPath);
    checkRunLogMatches(log, scenario, basename(logPath), basename(scenarioPath));
  } else if (expert) {
    const expertLog = expertRunLog(scenario);
    if (expertLog === undefined)
      throw new ScenarioError(basename(scenarioPath), [
        {
          path: 'expert',
          expected: 'an expert run (expert: { actions: [...] }) for --expert',
          found: 'nothing',
        },
      ]);
    log = expertLog;
  } else {
    log = emptyRunLog(scenario);
  }
  const seed = numberFlag(args, 'seed', log.seed, (n) => Number.isInteger(n), 'a whole number');
  return { ...log, seed, parameters: { ...log.parameters, ...parameterOverrides(args) } };
}

/** Where a run stops: where the log stopped, or the scenario's end. */
export function stopTimeS(log: RunLog, scenario: Scenario): number {
  return Math.min(log.endS ?? scenario.end.atS, scenario.end.atS);
}

/** Creates the simulation that replays `log`. */
export function replaySimulation(scenario: Scenario, log: RunLog): Simulation {
  return createSimulation(scenario, replayOptions(log));
}

/** As runSampled, but stops at `stopS` (a log that stopped before the end). */
export function runSampledUntil(
  sim: Simulation,
  everyS: number,
  stopS: number,
  onSample: (snapshot: Snapshot) => void,
): void {
  onSample(sim.snapshot());
  let lastSampleS = sim.timeS();
  while (!sim.isFinished() && sim.timeS() < stopS - 1e-9) {
    sim.advance(Math.min(everyS, stopS - sim.timeS()));
    const now = sim.timeS();
    if (now > lastSampleS) {
      onSample(sim.snapshot());
      lastSampleS = now;
    }
  }
}

/** After a replay: a note on stderr when it departs from the recorded log (model or scenario changed). */
export function noteReplayDifference(
  args: ParsedArgs,
  log: RunLog,
  sim: Simulation,
  io: CliIo,
): void {
  const logPath = args.flags.get('log')?.at(-1);
  if (logPath === undefined) return;
  const difference = replayDifference(log.actions, sim.log());
  if (difference !== undefined)
    io.stderr(
      `coldboot: note: the replay of ${basename(logPath)} differs from the recorded run at ${difference}\n`,
    );
}

/** Writes the log of a run to --save-log FILE, if asked. */
export function saveLogIfAsked(args: ParsedArgs, sim: Simulation, log: RunLog): void {
  const path = args.flags.get('save-log')?.at(-1);
  if (path === undefined) return;
  try {
    writeFileSync(path, runLogToJson(runLogOf(sim, log.parameters)));
  } catch (error) {
    throw new UsageError(
      `--save-log: cannot write ${path}: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
}

/** The outcome JSON of `coldboot summary`, with `score` when the scenario has objectives. */
export function summaryOf(
  scenario: Scenario,
  log: RunLog,
): { summary: Record<string, unknown>; sim: Simulation } {
  if ((scenario.objectives ?? []).length > 0) {
    const grader = createGrader(scenario);
    const run = observeRun(scenario, log, [grader.observer]);
    const grade = grader.grade(run.final);
    return {
      sim: run.sim,
      summary: {
        title: scenario.title,
        seed: log.seed,
        end_s: run.sim.timeS(),
        end_reason: run.endReason,
        ...run.outcome,
        score: grade.score,
      },
    };
  }
  const sim = replaySimulation(scenario, log);
  sim.advance(stopTimeS(log, scenario));
  return {
    sim,
    summary: {
      title: scenario.title,
      seed: log.seed,
      end_s: sim.timeS(),
      end_reason: sim.endReason(),
      ...sim.outcome(),
    },
  };
}

/** `<scenario> <log>` or `<scenario> --expert`. */
function scenarioAndLog(
  args: ParsedArgs,
  command: string,
  loadScenario: (path: string) => Scenario,
): { scenario: Scenario; scenarioPath: string; log: RunLog } {
  const expected = args.flags.has('expert') ? 1 : 2;
  if (args.positional.length !== expected) {
    throw new UsageError(
      `${command} takes a scenario file and a run log (or --expert), found ${args.positional.length === 0 ? 'none' : args.positional.join(' ')}`,
    );
  }
  const scenarioPath = args.positional[0]!;
  const scenario = loadScenario(scenarioPath);
  const logArgs: ParsedArgs =
    expected === 2
      ? {
          positional: [],
          flags: new Map([...args.flags, ['log', [args.positional[1]!]]]),
        }
      : args;
  return { scenario, scenarioPath, log: runInput(logArgs, scenario, scenarioPath) };
}

function formatFlag<const T extends string>(args: ParsedArgs, choices: readonly T[]): T {
  const format = args.flags.get('format')?.at(-1) ?? choices[0]!;
  if (!(choices as readonly string[]).includes(format))
    throw new UsageError(`--format: expected ${choices.join(' or ')}, found "${format}"`);
  return format as T;
}

/** `coldboot grade <scenario> <log> [--format text|json]`: the score and each objective. */
export function gradeCommand(
  argv: readonly string[],
  io: CliIo,
  loadScenario: (path: string) => Scenario,
): number {
  const args = parseArgs(argv, ['format', 'seed', 'set'], ['expert']);
  const format = formatFlag(args, ['text', 'json'] as const);
  const { scenario, scenarioPath, log } = scenarioAndLog(args, 'grade', loadScenario);
  if ((scenario.objectives ?? []).length === 0)
    throw new ScenarioError(basename(scenarioPath), [
      { path: 'objectives', expected: 'objectives to grade the run against', found: 'none' },
    ]);
  const grader = createGrader(scenario);
  const run = observeRun(scenario, log, [grader.observer]);
  const grade = grader.grade(run.final);
  noteReplayDifference(args, log, run.sim, io);
  if (format === 'json') {
    io.stdout(
      JSON.stringify(
        {
          title: scenario.title,
          seed: log.seed,
          end_s: run.final.tS,
          score: grade.score,
          objectives: grade.objectives,
          outcome: run.outcome,
        },
        null,
        2,
      ) + '\n',
    );
  } else {
    io.stdout(gradeText(scenario.title, grade, run.final.tS));
  }
  return EXIT_OK;
}

/** The grade for people: score, then each objective met or missed with why. */
export function gradeText(title: string, grade: Grade, endS: number): string {
  const lines = [`${title}: score ${grade.score} / 100 (run ended at ${formatClock(endS)})`];
  for (const o of grade.objectives) {
    lines.push(`  ${o.met ? 'met   ' : 'missed'}  ${o.id} (weight ${o.weight}): ${o.text}`);
    lines.push(`          ${o.why}`);
  }
  return lines.join('\n') + '\n';
}

/** `coldboot debrief <scenario> <log> [--format md|json] [--instructor]`. */
export function debriefCommand(
  argv: readonly string[],
  io: CliIo,
  loadScenario: (path: string) => Scenario,
): number {
  const args = parseArgs(argv, ['format', 'seed', 'set'], ['expert', 'instructor']);
  const format = formatFlag(args, ['md', 'json'] as const);
  const { scenario, log } = scenarioAndLog(args, 'debrief', loadScenario);
  const debrief = debriefRun(scenario, log, { instructor: args.flags.has('instructor') });
  io.stdout(format === 'json' ? JSON.stringify(debrief, null, 2) + '\n' : debriefMarkdown(debrief));
  return EXIT_OK;
}

/** `coldboot schema [scenario|run-log]`: the JSON Schema, for editors. */
export function schemaCommand(argv: readonly string[], io: CliIo): number {
  const args = parseArgs(argv, []);
  if (args.positional.length > 1)
    throw new UsageError(`schema takes at most one name, found ${args.positional.join(' ')}`);
  const which = args.positional[0] ?? 'scenario';
  if (which !== 'scenario' && which !== 'run-log')
    throw new UsageError(`schema: expected scenario or run-log, found "${which}"`);
  const schema = which === 'scenario' ? scenarioJsonSchema() : runLogJsonSchema();
  io.stdout(JSON.stringify(schema, null, 2) + '\n');
  return EXIT_OK;
}
