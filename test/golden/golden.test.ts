import { existsSync, readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseScenario } from '../../models/index.ts';
import {
  GOLDEN_OUTPUTS,
  compareGolden,
  goldenFromJson,
  goldenToJson,
  goldenTrace,
  type GoldenTrace,
} from '../../models/scenario/golden.ts';
import { goldenCases, readText } from './goldenFiles.ts';

const cases = goldenCases();

describe('golden traces', () => {
  it('covers the example scenarios under scenarios/', () => {
    expect(cases.filter((c) => c.name.startsWith('scenarios/')).length).toBeGreaterThanOrEqual(2);
  });

  it.each(cases)(
    '$name matches its baseline within tolerances',
    ({ name, scenarioPath, baselinePath }) => {
      expect(
        existsSync(baselinePath),
        `no baseline for ${name}: run npm run rebase to create it`,
      ).toBe(true);
      const baseline = goldenFromJson(readFileSync(baselinePath, 'utf8'));
      const trace = goldenTrace(parseScenario(readText(scenarioPath), basename(scenarioPath)));
      const differences = compareGolden(baseline, trace);
      expect(
        differences,
        `${name} differs from its baseline (npm run rebase if on purpose)`,
      ).toEqual([]);
    },
  );

  it('keeps baselines small', () => {
    for (const c of cases) {
      if (!existsSync(c.baselinePath)) continue;
      expect(readFileSync(c.baselinePath).length, c.name).toBeLessThan(64 * 1024);
    }
  });
});

describe('compareGolden', () => {
  const trace: GoldenTrace = {
    format: 'coldboot/golden@1',
    title: 'T',
    hash: 'sha256:0',
    run: 'expert',
    every_s: 60,
    end_s: 120,
    end_reason: 'time',
    t_s: [0, 60, 120],
    series: Object.fromEntries(
      GOLDEN_OUTPUTS.map((o) => [
        o.output,
        o.output === 'rhythm' ? ['sinus', 'sinus', 'vf'] : [30, 29.5, 29],
      ]),
    ),
  };
  const withSeries = (output: string, values: (number | string)[]): GoldenTrace => ({
    ...trace,
    series: { ...trace.series, [output]: values },
  });

  it('accepts differences within the tolerance', () => {
    expect(compareGolden(trace, withSeries('brain_temp_c', [30.04, 29.46, 29]))).toEqual([]);
  });

  it('names the output, time and both values beyond the tolerance', () => {
    expect(compareGolden(trace, withSeries('brain_temp_c', [30, 29.6, 29]))).toEqual([
      'brain_temp_c at 1:00: baseline 29.5, now 29.6 (tolerance ±0.05)',
    ]);
  });

  it('requires words to match exactly, and the same end and scenario', () => {
    expect(compareGolden(trace, withSeries('rhythm', ['sinus', 'af', 'vf']))).toEqual([
      'rhythm at 1:00: baseline sinus, now af',
    ]);
    expect(compareGolden(trace, { ...trace, end_s: 60, end_reason: 'condition' })[0]).toMatch(
      /^end: baseline 2:00 \(time\), now 1:00 \(condition\)/,
    );
    expect(compareGolden(trace, { ...trace, hash: 'sha256:1' })[0]).toMatch(/scenario changed/);
  });

  it('writes traces as JSON that reads back to the same trace', () => {
    expect(goldenFromJson(goldenToJson(trace))).toEqual(trace);
  });
});
