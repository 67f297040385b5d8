// The coldboot command line: run, summary, validate, grade, debrief, schema, ensemble and bench.
// Same engine as the browser app.

import { readInputFile } from './files.ts';
import { basename } from 'node:path';
import {
  MAX_SCENARIO_BYTES,
  PatientError,
  ScenarioError,
  parseScenario,
  type Scenario,
  type TimedAction,
} from '../../models/index.ts';
import { numberFlag, parseArgs } from './args.ts';
import { classroomCommand } from './classroom.ts';
import { ensembleCommand } from './ensemble.ts';
import {
  debriefCommand,
  gradeCommand,
  noteReplayDifference,
  replaySimulation,
  runInput,
  runSampledUntil,
  saveLogIfAsked,
  schemaCommand,
  stopTimeS,
  summaryOf,
} from './scenarioCommands.ts';
import { scenarioHash } from '../../models/scenario/hash.ts';
import { csvHeader, csvRow, jsonRow } from './format.ts';
import { EXIT_BAD_INPUT, EXIT_FAILURE, EXIT_OK, UsageError, type CliIo } from './io.ts';

const USAGE = `coldboot — hypothermic resuscitation simulator

Usage:
  coldboot run <scenario> [--every S] [--format csv|json] [--seed N] [--set param=value ...]
               [--log run.json | --expert] [--save-log out.json]
      Run a scenario headless and print a time series (default every 60 s, CSV). --log replays
      a recorded run's learner actions (bit-identical); --expert replays the scenario's expert run;
      --save-log writes this run's log (coldboot/run-log@1).
  coldboot summary <scenario> [--seed N] [--set param=value ...] [--log run.json | --expert]
      Run a scenario to its end and print the outcome as JSON (survival, neurological outcome,
      brain cells lost, lowest core temperature, highest potassium ..., and score when the
      scenario has objectives).
  coldboot validate <scenario>
      Check a scenario file; exit 0 if valid, 2 with the errors if not.
  coldboot grade <scenario> <run.json | --expert> [--format text|json] [--seed N]
                 [--set param=value ...]
      Score a run log against the scenario's objectives (0-100 by weight; each met or missed, why).
  coldboot debrief <scenario> <run.json | --expert> [--format md|json] [--instructor] [--seed N]
                   [--set param=value ...]
      The run's actions against the physiology, objectives, teaching points and the comparison
      with the scenario's expert run. --instructor adds the instructor-only notes. In grade and
      debrief, --seed and --set replace the log's seed and model parameters (a what-if replay).
  coldboot schema [scenario|run-log]
      Print the JSON Schema of scenario files (default) or run logs, for editors.
  coldboot ensemble <scenario> --members N [--log run.json] [--expert] [--seed S]
                    [--format text|json] [--workers K] [--step S] [--set param=value ...]
                    [--vary param ...] [--collapse] [--shared-seed] [--fan S]
                    [--members-out members.csv]
      Run the scenario N times with the uncertain parameters drawn from their ranges (Latin
      hypercube), across K worker threads (default one per core), and print the spread of outcomes
      and the parameters that matter most, saying which actions were replayed. Without --log or
      --expert nobody acts: only the scenario's own timeline. --log replays a learner's action
      log; --expert replays the scenario's expert run; both together follow the expert's plan from
      where a recorded run stopped (a run log with endS). --members-out writes one CSV row per
      member: number, seed, every sampled parameter and the outcome. See doc/uncertainty.md.
  coldboot classroom [--port N] [--host ADDR] [--data DIR] [--scenario FILE] [--new]
                     [--dist DIR]
      Run a live class: serves the built app (dist/ of this checkout, or --dist DIR) and a
      realtime endpoint, prints the join address, code and QR code and the instructor's console
      address (secret). Port 8080 (0: any free one), host 127.0.0.1 (0.0.0.0 for a classroom
      network). Session data in --data (default ./classroom-data); a restart with the same --data
      carries on, --new ends it and starts a new class. See doc/classroom.md.
  coldboot bench
      Print the engine's figures: speed (simulated seconds per wall-clock second) on every
      built-in scenario and a 12-hour run, memory, and a 1,000-member ensemble across worker
      threads. Figures against their targets, not a test; see doc/benchmarks.md.
  coldboot help (or --help, -h)
      Show this text.

Scenario files are YAML or JSON (format: coldboot/scenario@1); see doc/scenario-format.md.
Exit codes: 0 success, 2 bad input (usage, scenario, run log or parameter), 1 an unexpected error.
`;

export async function main(argv: readonly string[], io: CliIo): Promise<number> {
  const [command, ...rest] = argv;
  try {
    switch (command) {
      case 'run':
        return runCommand(rest, io);
      case 'validate':
        return validateCommand(rest, io);
      case 'summary':
        return summaryCommand(rest, io);
      case 'grade':
        return gradeCommand(rest, io, loadScenarioFile);
      case 'debrief':
        return debriefCommand(rest, io, loadScenarioFile);
      case 'schema':
        return schemaCommand(rest, io);
      case 'ensemble':
        return await ensembleCommand(rest, io, loadScenarioFile);
      case 'classroom':
        return await classroomCommand(rest, io);
      case 'bench':
        parseArgs(rest, []);
        // Loaded when asked for, as the classroom server is: the others start faster without it.
        await (await import('./bench.ts')).runBench(io);
        return EXIT_OK;
      case undefined:
      case 'help':
      case '--help':
      case '-h':
        io.stdout(USAGE);
        return command === undefined ? EXIT_BAD_INPUT : EXIT_OK;
      default:
        throw new UsageError(
          `unknown command "${command}"; expected run, summary, validate, grade, debrief, schema, ensemble, classroom, bench or help`,
        );
    }
  } catch (error) {
    if (error instanceof ScenarioError) {
      io.stderr(`${error.message}\n`);
      return EXIT_BAD_INPUT;
    }
    if (error instanceof UsageError) {
      io.stderr(`coldboot: ${error.message}\nRun "coldboot help" for usage.\n`);
      return EXIT_BAD_INPUT;
    }
    if (error instanceof PatientError) {
      // Valid with the default parameters, impossible with those given (--set, a log's parameters).
      io.stderr(`coldboot: ${error.message} (with the model parameters given)\n`);
      return EXIT_BAD_INPUT;
    }
    if (error instanceof Error && /^(parameter|unknown parameter)/.test(error.message)) {
      io.stderr(`coldboot: --set: ${error.message}\n`);
      return EXIT_BAD_INPUT;
    }
    io.stderr(
      `coldboot: unexpected error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
    return EXIT_FAILURE;
  }
}

/** Reads and validates a scenario file; file problems are reported like schema problems. */
export function loadScenarioFile(path: string): Scenario {
  const { name, text } = readInputFile(path, 'scenario file', MAX_SCENARIO_BYTES);
  return parseScenario(text, name);
}

function scenarioArgument(positional: readonly string[], command: string): string {
  if (positional.length !== 1) {
    throw new UsageError(
      `${command} takes one scenario file, found ${positional.length === 0 ? 'none' : positional.join(' ')}`,
    );
  }
  return positional[0]!;
}

function runCommand(argv: readonly string[], io: CliIo): number {
  const args = parseArgs(argv, ['every', 'format', 'seed', 'set', 'log', 'save-log'], ['expert']);
  const scenarioPath = scenarioArgument(args.positional, 'run');
  const scenario = loadScenarioFile(scenarioPath);
  const everyS = numberFlag(
    args,
    'every',
    60,
    (n) => n > 0 && n <= 86400,
    'a number of seconds from 1 to 86400',
  );
  const format = args.flags.get('format')?.at(-1) ?? 'csv';
  if (format !== 'csv' && format !== 'json')
    throw new UsageError(`--format: expected csv or json, found "${format}"`);
  const log = runInput(args, scenario, scenarioPath);
  const seed = log.seed;
  const sim = replaySimulation(scenario, log);
  const stopS = stopTimeS(log, scenario);

  if (format === 'csv') {
    const lines: string[] = [csvHeader()];
    runSampledUntil(sim, everyS, stopS, (snapshot) => lines.push(csvRow(snapshot)));
    io.stdout(lines.join(''));
  } else {
    const rows: ReturnType<typeof jsonRow>[] = [];
    runSampledUntil(sim, everyS, stopS, (snapshot) => rows.push(jsonRow(snapshot)));
    const asEvent = (entry: TimedAction): Record<string, unknown> => ({
      t_s: entry.atS,
      source: entry.source,
      ...entry.action,
    });
    const history = sim.historyLog().map(asEvent);
    const events = sim.log().map(asEvent);
    io.stdout(
      JSON.stringify(
        {
          title: scenario.title,
          seed,
          every_s: everyS,
          end_reason: sim.endReason(),
          ...(history.length > 0 ? { history } : {}),
          events,
          series: rows,
        },
        null,
        2,
      ) + '\n',
    );
  }
  noteReplayDifference(args, log, sim, io);
  saveLogIfAsked(args, sim, log);
  return EXIT_OK;
}

function summaryCommand(argv: readonly string[], io: CliIo): number {
  const args = parseArgs(argv, ['seed', 'set', 'log'], ['expert']);
  const scenarioPath = scenarioArgument(args.positional, 'summary');
  const scenario = loadScenarioFile(scenarioPath);
  const log = runInput(args, scenario, scenarioPath);
  const { summary, sim } = summaryOf(scenario, log);
  noteReplayDifference(args, log, sim, io);
  io.stdout(JSON.stringify(summary, null, 2) + '\n');
  return EXIT_OK;
}

function validateCommand(argv: readonly string[], io: CliIo): number {
  const args = parseArgs(argv, []);
  const path = scenarioArgument(args.positional, 'validate');
  const scenario = loadScenarioFile(path);
  const count = (n: number, one: string, many: string): string => `${n} ${n === 1 ? one : many}`;
  const triggers = scenario.triggers?.length ?? 0;
  const objectives = scenario.objectives?.length ?? 0;
  const parts = [
    count(scenario.timeline.length, 'timeline entry', 'timeline entries'),
    ...(triggers > 0 ? [count(triggers, 'trigger', 'triggers')] : []),
    ...(objectives > 0 ? [count(objectives, 'objective', 'objectives')] : []),
    ...(scenario.expert ? ['an expert run'] : []),
  ];
  io.stdout(
    `${basename(path)}: valid (${scenario.title}; ${parts.join(', ')}; ${scenarioHash(scenario)})\n`,
  );
  return EXIT_OK;
}
