// The command line under careless and hostile input: valid files that once hung the engine, patients
// the model cannot build, files that are not regular files, and floods of errors. Each must end with
// a clear message and the documented exit code.

import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { emptyRunLog, parseScenario, runLogToJson } from '../../models/index.ts';
import { main } from '../../src/cli/main.ts';

const ROOT = join(import.meta.dirname, '..', '..');
const drowning = join(ROOT, 'public', 'scenarios', 'warm-water-drowning.yaml');

async function cli(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await main(argv, { stdout: (t) => (out += t), stderr: (t) => (err += t) });
  return { code, out, err };
}

function tempDir(): string {
  return mkdtempSync(join(tmpdir(), 'coldboot-robust-'));
}

const MINIMAL = `format: coldboot/scenario@1
title: Edge
briefing: A scenario at the edges.
patient: { preset: adult-male }
start: { environment: { medium: air, temperatureC: 20 } }
`;

describe('coldboot run at times between model steps', () => {
  it('runs a built-in two-hour scenario to 7200 s from a log with a 7 s step', async () => {
    const dir = tempDir();
    const scenario = parseScenario(readFileSync(drowning, 'utf8'), 'warm-water-drowning.yaml');
    const logPath = join(dir, 'step7.json');
    writeFileSync(logPath, runLogToJson(emptyRunLog(scenario, { stepSeconds: 7 })));
    const { code, out, err } = await cli('run', drowning, '--log', logPath, '--every', '600');
    expect(err).toBe('');
    expect(code).toBe(0);
    const times = out
      .trim()
      .split('\n')
      .slice(1)
      .map((row) => Number(row.split(',')[0]));
    expect(times.at(-1)).toBe(7200);
  });

  it('runs a scenario whose end falls between steps (end at 100.5 s) to that end', async () => {
    const dir = tempDir();
    const path = join(dir, 'half.yaml');
    writeFileSync(path, `${MINIMAL}end: { at: 100.5 }\n`);
    const { code, out } = await cli('summary', path);
    expect(code).toBe(0);
    expect(JSON.parse(out)).toMatchObject({ end_reason: 'time' });
    const run = await cli('run', path, '--every', '60');
    expect(run.code).toBe(0);
    // Rows at 0 and 60 s, then the end (t_s is printed in whole seconds).
    expect(run.out.trim().split('\n').slice(1)).toHaveLength(3);
  });
});

describe('model steps: one range everywhere', () => {
  it('refuses ensemble --step outside the engine range (0.1 to 10 s)', async () => {
    for (const step of ['0.001', '0', '10.5']) {
      const { code, err } = await cli('ensemble', drowning, '--members', '2', '--step', step);
      expect(code).toBe(2);
      expect(err).toContain(
        `--step: expected a model step in seconds, from 0.1 to 10, found "${step}"`,
      );
    }
  });
});

describe('patients the engine cannot build', () => {
  const scenarioWith = (patient: string): string => {
    const path = join(tempDir(), 'patient.yaml');
    writeFileSync(
      path,
      MINIMAL.replace('patient: { preset: adult-male }', `patient: ${patient}`) +
        "end: { at: '10:00' }\n",
    );
    return path;
  };

  it.each([
    ['{ sex: male, ageYears: 22, massKg: 8, heightCm: 70 }', /resting blood flows exceed cardiac/],
    ['{ preset: adult-male, massKg: 8, heightCm: 230 }', /too little lean mass/],
  ])('validate refuses %s with exit 2 at the patient line', async (patient, why) => {
    const { code, out, err } = await cli('validate', scenarioWith(patient));
    expect(out).toBe('');
    expect(code).toBe(2);
    expect(err).toMatch(/^patient\.yaml:4: patient: expected a patient the model can build/);
    expect(err).toMatch(why);
    expect(err).not.toMatch(/unexpected error|at .*\.ts:\d+/);
  });

  it('run refuses a patient made impossible by --set with exit 2 and no stack', async () => {
    const path = scenarioWith('{ sex: male, ageYears: 22, massKg: 10, heightCm: 80 }');
    expect((await cli('validate', path)).code).toBe(0);
    const { code, err } = await cli('run', path, '--set', 'brainBloodFlowMlPer100gPerMin=60');
    expect(code).toBe(2);
    expect(err).toMatch(
      /^coldboot: patient: a 22-year-old man of 10 kg and 80 cm cannot be simulated: .*\(with the model parameters given\)\n$/,
    );
  });
});

describe('coldboot with input that is not a regular file, or full of mistakes', () => {
  it('refuses a directory with exit 2 and a one-line message, no stack', async () => {
    const dir = tempDir();
    const { code, out, err } = await cli('validate', dir);
    expect(out).toBe('');
    expect(code).toBe(2);
    expect(err).toMatch(
      /^coldboot-robust-\w+: expected a readable scenario file, found a directory, not a regular file\n$/,
    );
  });

  it('refuses /dev/zero at once instead of reading it for ever', async () => {
    const { code, err } = await cli('validate', '/dev/zero');
    expect(code).toBe(2);
    expect(err).toBe(
      'zero: expected a readable scenario file, found a device, not a regular file\n',
    );
  });

  it('refuses a named pipe with no writer at once instead of waiting for one', async () => {
    const fifo = join(tempDir(), 'pipe.yaml');
    execFileSync('mkfifo', [fifo]);
    const { code, err } = await cli('validate', fifo);
    expect(code).toBe(2);
    expect(err).toBe(
      'pipe.yaml: expected a readable scenario file, found a named pipe, not a regular file\n',
    );
    // The same for a run log given to --log.
    const run = await cli('run', drowning, '--log', fifo);
    expect(run.code).toBe(2);
    expect(run.err).toMatch(/^pipe\.yaml: expected a readable run log file, found a named pipe/);
  });

  it('prints at most 50 problems of a log with 2,001 bad actions, and says how many more', async () => {
    const scenario = parseScenario(readFileSync(drowning, 'utf8'), 'warm-water-drowning.yaml');
    const log = {
      ...emptyRunLog(scenario),
      actions: Array.from({ length: 2001 }, (_, i) => ({
        atS: i,
        source: 'learner',
        action: { do: 'ventilate', fio2: 5 },
      })),
    };
    const path = join(tempDir(), 'bad.json');
    writeFileSync(path, JSON.stringify(log));
    const { code, err } = await cli('run', drowning, '--log', path);
    expect(code).toBe(2);
    const lines = err.trim().split('\n');
    expect(lines).toHaveLength(51);
    expect(lines[0]).toMatch(/^bad\.json(:\d+)?: actions\[0\]\.action\.fio2: expected/);
    expect(lines[50]).toBe('bad.json: … and 1951 more problems (the first 50 of 2001 are shown)');
    expect(err.length).toBeLessThan(20_000);
  });
});
