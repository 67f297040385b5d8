// Golden traces: a scenario's expert run (or the scenario alone, without one) sampled every 60 s on a
// few outputs, stored as a small baseline and compared within stated tolerances, so an unintended
// change to the model or the engine shows up as a test failure that names the output and the time.
// `npm run rebase` rewrites the baselines on purpose (scripts/rebase.ts).

import { formatClock } from '../core/clock.ts';
import { createSimulation } from '../engine/simulation.ts';
import { outputValue } from './condition.ts';
import { scenarioHash } from './hash.ts';
import { emptyRunLog, expertRunLog, replayOptions } from './runLog.ts';
import type { Scenario } from './types.ts';
import { pow } from '../math/detmath.ts';

export const GOLDEN_FORMAT = 'coldboot/golden@1';
/** Sampling interval of golden traces, s. */
export const GOLDEN_EVERY_S = 60;

/**
 * Outputs stored in a golden trace, with the largest difference tolerated from the baseline and
 * the decimals stored (a tenth of the tolerance or finer). Words (the rhythm) must match exactly.
 */
export const GOLDEN_OUTPUTS: readonly {
  readonly output: string;
  readonly tolerance: number;
  readonly decimals: number;
}[] = [
  { output: 'brain_temp_c', tolerance: 0.05, decimals: 3 },
  { output: 'heart_temp_c', tolerance: 0.05, decimals: 3 },
  { output: 'core_temp_c', tolerance: 0.05, decimals: 3 },
  { output: 'heart_rate_bpm', tolerance: 1, decimals: 1 },
  { output: 'cardiac_output_l_min', tolerance: 0.05, decimals: 3 },
  { output: 'arterial_po2_mmhg', tolerance: 2, decimals: 1 },
  { output: 'brain_energy', tolerance: 0.01, decimals: 4 },
  { output: 'brain_autolysed_fraction', tolerance: 0.005, decimals: 4 },
  { output: 'potassium_mmol_l', tolerance: 0.05, decimals: 3 },
  { output: 'rhythm', tolerance: 0, decimals: 0 },
];

export interface GoldenTrace {
  readonly format: typeof GOLDEN_FORMAT;
  readonly title: string;
  /** Hash of what the scenario simulates: a different hash means the scenario itself changed. */
  readonly hash: string;
  /** "expert" when the scenario's expert run was replayed, "scenario" when it has none. */
  readonly run: 'expert' | 'scenario';
  readonly every_s: number;
  readonly end_s: number;
  readonly end_reason: string | null;
  /** Times of the samples, s. */
  readonly t_s: readonly number[];
  /** One list per output, aligned with t_s. */
  readonly series: Readonly<Record<string, readonly (number | string)[]>>;
}

function round(value: number, decimals: number): number {
  const factor = pow(10, decimals);
  const rounded = Math.round(value * factor) / factor;
  return Object.is(rounded, -0) ? 0 : rounded;
}

/** Runs the scenario's expert log (or the scenario alone) and samples its golden trace. */
export function goldenTrace(scenario: Scenario): GoldenTrace {
  const expert = expertRunLog(scenario);
  const log = expert ?? emptyRunLog(scenario);
  const sim = createSimulation(scenario, replayOptions(log));
  const t_s: number[] = [];
  const series: Record<string, (number | string)[]> = {};
  for (const o of GOLDEN_OUTPUTS) series[o.output] = [];
  const sample = (): void => {
    const snapshot = sim.snapshot();
    t_s.push(snapshot.tS);
    for (const o of GOLDEN_OUTPUTS) {
      const value = outputValue(snapshot, o.output);
      series[o.output]!.push(
        typeof value === 'number' ? round(value, o.decimals) : (value ?? 'missing'),
      );
    }
  };
  sample();
  while (!sim.isFinished()) {
    sim.advance(GOLDEN_EVERY_S);
    if (sim.timeS() > t_s.at(-1)!) sample();
  }
  return {
    format: GOLDEN_FORMAT,
    title: scenario.title,
    hash: scenarioHash(scenario),
    run: expert !== undefined ? 'expert' : 'scenario',
    every_s: GOLDEN_EVERY_S,
    end_s: sim.timeS(),
    end_reason: sim.endReason(),
    t_s,
    series,
  };
}

/** How many differences per output are listed before the rest are counted. */
const MAX_LISTED = 3;

/**
 * Differences between a trace and its baseline beyond the tolerances, in words (empty when they
 * agree): each names the output, the time, the baseline value and the new one.
 */
export function compareGolden(baseline: GoldenTrace, trace: GoldenTrace): string[] {
  const out: string[] = [];
  if (baseline.format !== GOLDEN_FORMAT)
    return [`baseline format: expected ${GOLDEN_FORMAT}, found ${String(baseline.format)}`];
  if (baseline.hash !== trace.hash)
    out.push(
      `the scenario changed since the baseline (hash ${baseline.hash} → ${trace.hash}); if on purpose, run npm run rebase`,
    );
  if (baseline.run !== trace.run) out.push(`run: baseline ${baseline.run}, now ${trace.run}`);
  if (baseline.end_s !== trace.end_s || baseline.end_reason !== trace.end_reason)
    out.push(
      `end: baseline ${formatClock(baseline.end_s)} (${String(baseline.end_reason)}), now ${formatClock(trace.end_s)} (${String(trace.end_reason)})`,
    );
  const n = Math.min(baseline.t_s.length, trace.t_s.length);
  if (baseline.t_s.length !== trace.t_s.length)
    out.push(`samples: baseline ${baseline.t_s.length}, now ${trace.t_s.length}`);
  for (let i = 0; i < n; i++) {
    if (baseline.t_s[i] !== trace.t_s[i]) {
      out.push(`sample ${i}: baseline at ${baseline.t_s[i]} s, now at ${trace.t_s[i]} s`);
      return out;
    }
  }
  for (const o of GOLDEN_OUTPUTS) {
    const was = baseline.series[o.output];
    const now = trace.series[o.output];
    if (was === undefined || now === undefined) {
      out.push(`${o.output}: missing from the ${was === undefined ? 'baseline' : 'trace'}`);
      continue;
    }
    let listed = 0;
    let more = 0;
    for (let i = 0; i < n; i++) {
      const a = was[i];
      const b = now[i];
      const differs =
        typeof a === 'number' && typeof b === 'number'
          ? !(Math.abs(a - b) <= o.tolerance + 1e-12)
          : a !== b;
      if (!differs) continue;
      if (listed < MAX_LISTED) {
        out.push(
          `${o.output} at ${formatClock(trace.t_s[i]!)}: baseline ${String(a)}, now ${String(b)}${o.tolerance > 0 ? ` (tolerance ±${o.tolerance})` : ''}`,
        );
        listed++;
      } else more++;
    }
    if (more > 0) out.push(`${o.output}: ${more} more samples differ`);
  }
  return out;
}

/**
 * A trace as stored: JSON with each series as one line of space-separated values, which keeps the
 * file small and leaves nothing for a formatter to re-wrap.
 */
export function goldenToJson(trace: GoldenTrace): string {
  const { series, t_s, ...head } = trace;
  const lines = Object.entries(head).map(
    ([key, value]) => `  ${JSON.stringify(key)}: ${JSON.stringify(value)}`,
  );
  lines.push(`  "t_s": ${JSON.stringify(t_s.join(' '))}`);
  const seriesLines = Object.entries(series).map(
    ([key, values]) => `    ${JSON.stringify(key)}: ${JSON.stringify(values.join(' '))}`,
  );
  lines.push(`  "series": {\n${seriesLines.join(',\n')}\n  }`);
  return `{\n${lines.join(',\n')}\n}\n`;
}

/** Reads a stored trace (goldenToJson's text); words stay words, everything else is a number. */
export function goldenFromJson(text: string): GoldenTrace {
  const raw = JSON.parse(text) as Omit<GoldenTrace, 't_s' | 'series'> & {
    t_s: string;
    series: Record<string, string>;
  };
  const split = (line: string): string[] => (line === '' ? [] : line.split(' '));
  const series: Record<string, (number | string)[]> = {};
  for (const [key, line] of Object.entries(raw.series ?? {})) {
    series[key] = split(String(line)).map((v) => (/^-?[0-9]/.test(v) ? Number(v) : v));
  }
  return { ...raw, t_s: split(String(raw.t_s ?? '')).map(Number), series };
}
