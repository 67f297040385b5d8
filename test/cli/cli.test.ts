import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.ts';

const skier = join(import.meta.dirname, '..', 'fixtures', 'skier-under-ice.yaml');

async function cli(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await main(argv, { stdout: (t) => (out += t), stderr: (t) => (err += t) });
  return { code, out, err };
}

function parseCsv(text: string): Record<string, string>[] {
  const [header, ...rows] = text.trim().split('\n');
  const columns = header!.split(',');
  return rows.map((row) =>
    Object.fromEntries(row.split(',').map((value, i) => [columns[i]!, value])),
  );
}

describe('coldboot run', () => {
  it('prints a CSV cooling curve with the documented column names', async () => {
    const { code, out, err } = await cli('run', skier, '--every', '600');
    expect(err).toBe('');
    expect(code).toBe(0);
    const rows = parseCsv(out);
    expect(Object.keys(rows[0]!)).toEqual(
      expect.arrayContaining([
        't_s',
        'brain_temp_c',
        'heart_temp_c',
        'core_temp_c',
        'muscle_temp_c',
        'limb_temp_c',
        'skin_temp_c',
        'extremity_temp_c',
        'blood_temp_c',
        'shivering',
        // The body columns of DESIGN.md.
        'heart_rate_bpm',
        'rhythm',
        'cardiac_output_l_min',
        'map_mmhg',
        'arterial_po2_mmhg',
        'arterial_sat',
        'brain_po2_mmhg',
        'brain_vo2_ml_min',
        'body_vo2_ml_min',
        'brain_energy',
        'brain_viable_fraction',
        'brain_autolysed_fraction',
        'potassium_mmol_l',
        'conscious',
      ]),
    );
    expect(rows[0]!.rhythm).toBe('sinus');
    expect(rows.map((r) => Number(r.t_s))).toEqual(Array.from({ length: 19 }, (_, i) => i * 600));
    const core = rows.map((r) => Number(r.core_temp_c));
    expect(core[0]).toBeCloseTo(37, 0);
    // In 3 °C water the core cools steadily, and by 3 hours it is deeply hypothermic.
    for (let i = 3; i < core.length; i++) expect(core[i]!).toBeLessThan(core[i - 1]!);
    expect(core.at(-1)!).toBeLessThan(28);
  });

  it('prints JSON with the series and the applied timeline when asked', async () => {
    const { code, out } = await cli(
      'run',
      skier,
      '--every',
      '3600',
      '--format',
      'json',
      '--seed',
      '7',
    );
    expect(code).toBe(0);
    const result = JSON.parse(out) as {
      seed: number;
      series: { t_s: number }[];
      events: { do: string; t_s: number }[];
    };
    expect(result.seed).toBe(7);
    expect(result.series.map((r) => r.t_s)).toEqual([0, 3600, 7200, 10800]);
    expect(result.events.map((e) => e.do)).toEqual(['immerse', 'message', 'extricate', 'message']);
  });

  it('is deterministic: two runs print the same bytes', async () => {
    const a = await cli('run', skier, '--every', '60', '--seed', '3');
    const b = await cli('run', skier, '--every', '60', '--seed', '3');
    expect(a.out).toBe(b.out);
  });

  it('applies --set overrides and refuses bad ones with exit 2', async () => {
    const lean = await cli(
      'run',
      skier,
      '--every',
      '3600',
      '--set',
      'waterHeatTransferWPerM2K=600',
    );
    const base = await cli('run', skier, '--every', '3600');
    expect(parseCsv(lean.out)[1]!.core_temp_c).not.toBe(parseCsv(base.out)[1]!.core_temp_c);
    const bad = await cli('run', skier, '--set', 'waterHeatTransferWPerM2K=5000');
    expect(bad.code).toBe(2);
    expect(bad.err).toMatch(/waterHeatTransferWPerM2K.*from 50 to 600/);
  });

  it.each([
    [['run'], /run takes one scenario file, found none/],
    [
      ['run', skier, '--every', '0'],
      /--every: expected a number of seconds from 1 to 86400, found "0"/,
    ],
    [['run', skier, '--format', 'xml'], /--format: expected csv or json, found "xml"/],
    [['run', skier, '--colour'], /unknown option --colour/],
    [['frobnicate'], /unknown command "frobnicate"/],
  ])('exits 2 with a clear message for %j', async (argv, message) => {
    const { code, err } = await cli(...argv);
    expect(code).toBe(2);
    expect(err).toMatch(message);
  });
});

describe('coldboot validate', () => {
  it('exits 0 for a valid scenario', async () => {
    const { code, out } = await cli('validate', skier);
    expect(code).toBe(0);
    expect(out).toContain('skier-under-ice.yaml: valid');
  });

  it('exits 2 and prints file, line, field, expected and found for an invalid one', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'coldboot-'));
    const file = join(dir, 'broken.yaml');
    writeFileSync(
      file,
      'format: coldboot/scenario@1\ntitle: Broken\nbriefing: b\npatient: { sex: male, ageYears: 40, massKg: 80, heightCm: 180 }\nstart: { environment: { medium: air, temperatureC: 5 } }\nend: { at: "1:00:00" }\ntimeline:\n  - { at: 0, do: immerse, waterTemperatureC: -20 }\n',
    );
    const { code, err } = await cli('validate', file);
    expect(code).toBe(2);
    expect(err).toBe(
      'broken.yaml:8: timeline[0].waterTemperatureC: expected a number from -2 to 45 (°C), found -20 (a number)\n',
    );
  });

  it('exits 2 for a missing file', async () => {
    const { code, err } = await cli('validate', '/no/such/file.yaml');
    expect(code).toBe(2);
    expect(err).toContain('no such file');
  });
});

describe('the coldboot executable', () => {
  it('runs from bin/coldboot.js as npx would, with exit codes', async () => {
    const { spawnSync } = await import('node:child_process');
    const bin = join(import.meta.dirname, '..', '..', 'bin', 'coldboot.js');
    const ok = spawnSync(process.execPath, [bin, 'validate', skier], { encoding: 'utf8' });
    expect(ok.status).toBe(0);
    expect(ok.stdout).toContain('valid');
    const bad = spawnSync(process.execPath, [bin, 'run'], { encoding: 'utf8' });
    expect(bad.status).toBe(2);
  });

  it('stops quietly when the program reading its output closes early, as `| head` does', async () => {
    const { spawn } = await import('node:child_process');
    const bin = join(import.meta.dirname, '..', '..', 'bin', 'coldboot.js');
    const child = spawn(process.execPath, [bin, 'run', skier, '--every', '1'], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let err = '';
    child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
    // Read the first chunk of CSV, then close the pipe while the run is still writing.
    await new Promise<void>((resolve) => child.stdout.once('data', () => resolve()));
    child.stdout.destroy();
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(err).not.toContain('EPIPE');
    expect(code).toBe(0);
  });
});

describe('coldboot summary', () => {
  it('prints the outcome JSON fields of DESIGN.md', async () => {
    const { code, out, err } = await cli('summary', skier);
    expect(err).toBe('');
    expect(code).toBe(0);
    const outcome = JSON.parse(out) as Record<string, unknown>;
    for (const key of [
      'survived',
      'rosc_time_s',
      'neuro_outcome_cpc',
      'brain_lost_fraction',
      'min_core_temp_c',
      'max_potassium_mmol_l',
      'alarm_count',
    ]) {
      expect(outcome, key).toHaveProperty(key);
    }
    expect(typeof outcome.survived).toBe('boolean');
    expect([1, 2, 3, 4, 5]).toContain(outcome.neuro_outcome_cpc);
    // The skier's core falls far below 28 °C in three hours under the ice.
    expect(outcome.min_core_temp_c as number).toBeLessThan(28);
    expect(outcome.max_potassium_mmol_l as number).toBeGreaterThanOrEqual(3.5);
  });

  it('gives the same outcome for the same seed', async () => {
    const a = await cli('summary', skier, '--seed', '3');
    const b = await cli('summary', skier, '--seed', '3');
    expect(a.out).toBe(b.out);
  });
});
