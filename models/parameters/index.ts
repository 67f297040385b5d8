// The registry of every model constant, and the plain numeric values a run uses (defaults, or
// overridden with --set or by an ensemble member).

import { bodyParameters } from './body.ts';
import type { Parameter } from './parameter.ts';
import { thermalParameters } from './thermal.ts';
import { oxygenParameters } from './oxygen.ts';
import { circulationParameters } from './circulation.ts';
import { cellParameters } from './cells.ts';
import { deviceParameters } from './devices.ts';

export { checkedByText, parameter, type Parameter } from './parameter.ts';
export * from './body.ts';
export { thermalParameters } from './thermal.ts';
export { oxygenParameters } from './oxygen.ts';
export { circulationParameters } from './circulation.ts';
export { cellParameters } from './cells.ts';
export { deviceParameters } from './devices.ts';

/** Every parameter of the model, by name, grouped by subsystem for the model explorer. */
export const parameterGroups = {
  body: bodyParameters,
  thermal: thermalParameters,
  oxygen: oxygenParameters,
  circulation: circulationParameters,
  cells: cellParameters,
  devices: deviceParameters,
} as const;

export const allParameters = {
  ...bodyParameters,
  ...thermalParameters,
  ...oxygenParameters,
  ...circulationParameters,
  ...cellParameters,
  ...deviceParameters,
} as const;
export type ParameterName = keyof typeof allParameters;

/** The numbers a run uses: one per parameter, in the parameter's unit. */
export type ParameterValues = { readonly [K in ParameterName]: number };

export function isParameterName(name: string): name is ParameterName {
  return Object.prototype.hasOwnProperty.call(allParameters, name);
}

/**
 * Default values, with optional overrides. An unknown name or a value outside the parameter's
 * plausible range is an error that names the parameter, its unit and its range.
 */
export function parameterValues(overrides: Readonly<Record<string, number>> = {}): ParameterValues {
  const values: Record<string, number> = {};
  for (const [name, p] of Object.entries(allParameters) as [string, Parameter][])
    values[name] = p.value;
  for (const [name, value] of Object.entries(overrides)) {
    if (!isParameterName(name)) {
      throw new Error(`unknown parameter "${name}"`);
    }
    const p: Parameter = allParameters[name];
    if (!Number.isFinite(value) || value < p.min || value > p.max) {
      throw new Error(
        `parameter "${name}": expected a number from ${p.min} to ${p.max} ${p.unit}, found ${value}`,
      );
    }
    values[name] = value;
  }
  return values as ParameterValues;
}
