// Small helpers for the browser benchmark's figures: percentiles and formatting.

import { quantile } from 'd3-array';

/**
 * The p-th percentile (0–100) of `values` (d3-array's quantile, linear between order statistics as
 * everywhere else in ColdBoot); NaN when there are none.
 */
export function percentile(values: readonly number[], p: number): number {
  return quantile(values, p / 100) ?? Number.NaN;
}

export const median = (values: readonly number[]): number => percentile(values, 50);

export function ms(value: number, digits = 0): string {
  return Number.isFinite(value) ? `${value.toFixed(digits)} ms` : 'n/a';
}

export const KB = 1000;
export const MB = 1024 * 1024;

export function kB(bytes: number): string {
  return `${(bytes / KB).toFixed(1)} kB`;
}

export function mb(bytes: number): string {
  return Number.isFinite(bytes) ? `${(bytes / MB).toFixed(0)} MB` : 'n/a';
}

/** "met" or "NOT met", as the command-line benchmark prints it. */
export function met(ok: boolean): string {
  return ok ? 'met' : 'NOT met';
}

/** "a–b" range of values, each formatted. */
export function range(values: readonly number[], format: (v: number) => string): string {
  if (values.length === 0) return 'n/a';
  return `${format(Math.min(...values))}–${format(Math.max(...values))}`;
}
