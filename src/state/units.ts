// Display helpers: temperature units (the engine and the store always hold °C; only views convert)
// and simulated clock times.

import { formatClock as formatSimulatedClock } from '../../models/engine/clock.ts';
export type TemperatureUnit = 'C' | 'F';

export function toDisplayUnit(celsius: number, unit: TemperatureUnit): number {
  return unit === 'F' ? (celsius * 9) / 5 + 32 : celsius;
}

export function unitSymbol(unit: TemperatureUnit): string {
  return unit === 'F' ? '°F' : '°C';
}

/** "36.9 °C" / "98.4 °F"; an em dash for a missing value. */
export function formatTemperature(
  celsius: number | null | undefined,
  unit: TemperatureUnit,
  decimals = 1,
): string {
  if (celsius === null || celsius === undefined || !Number.isFinite(celsius)) return '—';
  return `${formatTemperatureNumber(celsius, unit, decimals)} ${unitSymbol(unit)}`;
}

/** The number of a temperature in the display unit, without the unit: "36.9", "−5.0"; "—" if missing. */
export function formatTemperatureNumber(
  celsius: number | null | undefined,
  unit: TemperatureUnit,
  decimals = 1,
): string {
  if (celsius === null || celsius === undefined || !Number.isFinite(celsius)) return '—';
  const fixed = toDisplayUnit(celsius, unit).toFixed(decimals);
  // No "-0.0"; and a true minus sign (U+2212) reads better than a hyphen next to digits.
  return Number(fixed) === 0 ? fixed.replace(/^-/, '') : fixed.replace(/^-/, '\u2212');
}

/** Simulated time as h:mm:ss, also under an hour. */
export function formatClock(seconds: number): string {
  return formatSimulatedClock(seconds, true);
}

/** Simulated time as h:mm (axis ticks). */
export function formatHoursMinutes(seconds: number): string {
  const totalMinutes = Math.max(0, Math.round(seconds / 60));
  const h = Math.floor(totalMinutes / 60);
  const m = totalMinutes % 60;
  return `${h}:${String(m).padStart(2, '0')}`;
}

/**
 * A fraction 0–1 as a percentage with one decimal, never rounding a tiny share to zero or a nearly
 * whole one to a hundred: "0 %", "<0.1 %", "12.3 %", ">99.9 %", "100 %"; an em dash when missing.
 */
export function formatFraction(fraction: number | null | undefined): string {
  if (fraction === null || fraction === undefined || !Number.isFinite(fraction)) return '—';
  if (fraction <= 0) return '0 %';
  if (fraction >= 1) return '100 %';
  if (fraction < 0.001) return '<0.1 %';
  if (fraction > 0.999) return '>99.9 %';
  return `${(fraction * 100).toFixed(1)} %`;
}

/** A fraction 0–1 as a whole percentage, "97 %"; an em dash when missing. */
export function formatPercent(fraction: number | null | undefined): string {
  if (fraction === null || fraction === undefined || !Number.isFinite(fraction)) return '—';
  return `${Math.round(Math.min(1, Math.max(0, fraction)) * 100)} %`;
}
