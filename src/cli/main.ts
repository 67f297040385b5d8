// The coldboot command line: run, validate and bench. Same engine as the browser app.

import { readFileSync, statSync } from 'node:fs';
import { basename } from 'node:path';
import {
  MAX_SCENARIO_BYTES,
  ScenarioError,
  createSimulation,
  parseScenario,
  type Scenario,
} from '../../models/index.ts';
import { runSampled } from '../../models/engine/series.ts';
import { numberFlag, parameterOverrides, parseArgs } from './args.ts';
import { runBench } from './bench.ts';
import { csvHeader, csvRow, jsonRow } from './format.ts';
import { EXIT_BAD_INPUT, EXIT_FAILURE, EXIT_OK, UsageError, type CliIo } from './io.ts';

const USAGE = `coldboot — hypothermic resuscitation simulator

Usage:
  coldboot run <scenario> [--every S] [--format csv|json] [--seed N] [--set param=value ...]
      Run a scenario headless and print a time series (default every 60 s, CSV).
  coldboot summary <scenario> [--seed N] [--set param=value ...]
      Run a scenario to its end and print the outcome as JSON (survival, neurological outcome,
      brain cells lost, lowest core temperature, highest potassium ...).
  coldboot validate <scenario>
      Check a scenario file; exit 0 if valid, 2 with the errors if not.
  coldboot bench
      Print the engine's speed (simulated seconds per wall-clock second).
  coldboot help
      Show this text.

Scenario files are YAML or JSON (format: coldboot/scenario@1); see doc/scenario-format.md.
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
      case 'bench':
        parseArgs(rest, []);
        runBench(io);
        return EXIT_OK;
      case undefined:
      case 'help':
      case '--help':
      case '-h':
        io.stdout(USAGE);
        return command === undefined ? EXIT_BAD_INPUT : EXIT_OK;
      default:
        throw new UsageError(
          `unknown command "${command}"; expected run, summary, validate, bench or help`,
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
  const name = basename(path);
  let size: number;
  try {
    size = statSync(path).size;
  } catch {
    throw new ScenarioError(path, [
      { path: '', expected: 'a readable scenario file', found: 'no such file' },
    ]);
  }
  if (size > MAX_SCENARIO_BYTES) {
    throw new ScenarioError(name, [
      {
        path: '',
        expected: `a file of at most ${MAX_SCENARIO_BYTES / 1024} KiB`,
        found: `${Math.ceil(size / 1024)} KiB`,
      },
    ]);
  }
  return parseScenario(readFileSync(path, 'utf8'), name);
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
  const args = parseArgs(argv, ['every', 'format', 'seed', 'set']);
  const scenario = loadScenarioFile(scenarioArgument(args.positional, 'run'));
  const everyS = numberFlag(
    args,
    'every',
    60,
    (n) => n > 0 && n <= 86400,
    'a number of seconds from 1 to 86400',
  );
  const seed = numberFlag(args, 'seed', 1, (n) => Number.isInteger(n), 'a whole number');
  const format = args.flags.get('format')?.at(-1) ?? 'csv';
  if (format !== 'csv' && format !== 'json')
    throw new UsageError(`--format: expected csv or json, found "${format}"`);
  const sim = createSimulation(scenario, { seed, parameters: parameterOverrides(args) });

  if (format === 'csv') {
    const lines: string[] = [csvHeader()];
    runSampled(sim, everyS, (snapshot) => lines.push(csvRow(snapshot)));
    io.stdout(lines.join(''));
  } else {
    const rows: ReturnType<typeof jsonRow>[] = [];
    runSampled(sim, everyS, (snapshot) => rows.push(jsonRow(snapshot)));
    const events = sim
      .log()
      .map((entry) => ({ t_s: entry.atS, source: entry.source, ...entry.action }));
    io.stdout(
      JSON.stringify(
        { title: scenario.title, seed, every_s: everyS, events, series: rows },
        null,
        2,
      ) + '\n',
    );
  }
  return EXIT_OK;
}

function summaryCommand(argv: readonly string[], io: CliIo): number {
  const args = parseArgs(argv, ['seed', 'set']);
  const scenario = loadScenarioFile(scenarioArgument(args.positional, 'summary'));
  const seed = numberFlag(args, 'seed', 1, (n) => Number.isInteger(n), 'a whole number');
  const sim = createSimulation(scenario, { seed, parameters: parameterOverrides(args) });
  sim.advance(scenario.end.atS);
  const outcome = sim.outcome();
  io.stdout(
    JSON.stringify({ title: scenario.title, seed, end_s: sim.timeS(), ...outcome }, null, 2) + '\n',
  );
  return EXIT_OK;
}

function validateCommand(argv: readonly string[], io: CliIo): number {
  const args = parseArgs(argv, []);
  const path = scenarioArgument(args.positional, 'validate');
  const scenario = loadScenarioFile(path);
  io.stdout(
    `${basename(path)}: valid (${scenario.title}; ${scenario.timeline.length} timeline entries)\n`,
  );
  return EXIT_OK;
}
