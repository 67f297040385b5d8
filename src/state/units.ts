// Display helpers: temperature units (the engine and the store always hold °C; only views convert)
// and simulated clock times.

import { formatClock as formatSimulatedClock } from '../../models/core/clock.ts';
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

const CELSIUS_IN_TEXT =
  /([-−]?\d+(?:\.\d+)?)(?:(\s*[–-]\s*)([-−]?\d+(?:\.\d+)?))?\s?°C(\/min|\/h)?/g;
/** Words after a temperature that make it a difference ("4 °C above the venous blood"). */
const DIFFERENCE_AFTER =
  /^\s*(lower|higher|above|below|warmer|colder|cooler|less|more|apart|of each other)\b/;
/**
 * Words before a temperature that make it a difference ("within 10 °C", "by at most 4 °C", "gradient
 * above 10 °C").
 */
const DIFFERENCE_BEFORE =
  /\b(within|by|by at most|by at least|gradient(?: of| above| below)?|difference(?: of| above| below)?|up to)\s*$/;

/** A number with at most one decimal, without a trailing ".0", with a true minus sign. */
function shortNumber(value: number): string {
  const text = String(Math.round(value * 10) / 10);
  return text === '-0' ? '0' : text.replace(/^-/, '\u2212');
}

/**
 * Rewrites the temperatures in a sentence written in °C ("the brain at 24.3 °C", "31–32 °C") in the
 * display unit. Differences and rates ("4 °C above the venous blood", "within 10 °C", "0.5 °C/min")
 * are scaled without the offset. Text in °C is returned unchanged.
 */
export function temperaturesInText(text: string, unit: TemperatureUnit): string {
  if (unit === 'C') return text;
  return text.replace(
    CELSIUS_IN_TEXT,
    (
      match: string,
      a: string,
      dash: string | undefined,
      b: string | undefined,
      rate: string | undefined,
      offset: number,
    ) => {
      const before = text.slice(Math.max(0, offset - 24), offset);
      const after = text.slice(offset + match.length, offset + match.length + 24);
      const difference =
        rate !== undefined || DIFFERENCE_AFTER.test(after) || DIFFERENCE_BEFORE.test(before);
      const convert = (raw: string): string => {
        const celsius = Number(raw.replace('−', '-'));
        return shortNumber(difference ? (celsius * 9) / 5 : (celsius * 9) / 5 + 32);
      };
      const value = b !== undefined ? `${convert(a)}${dash}${convert(b)}` : convert(a);
      return `${value} °F${rate ?? ''}`;
    },
  );
}
