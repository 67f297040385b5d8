// Snapshots: plain objects built from the state vector for the UI, the command line and tests, and
// the catalogue of outputs (column names for files, keys for code, units and labels for people).

import type { Medium } from './actions.ts';

export interface Snapshot {
  /** Simulated time, s. */
  readonly tS: number;
  readonly brainTempC: number;
  readonly heartTempC: number;
  /** Trunk organs (oesophageal/bladder-like core), °C. */
  readonly coreTempC: number;
  readonly muscleTempC: number;
  /** Mean temperature of the skin-and-fat shell, °C. */
  readonly shellTempC: number;
  /** Area-weighted mean skin surface temperature, °C. */
  readonly skinTempC: number;
  /** Hands and feet, °C. */
  readonly extremityTempC: number;
  readonly bloodTempC: number;
  /** Cardiac output, L/min. */
  readonly cardiacOutputLPerMin: number;
  /** Metabolic heat production, W. */
  readonly metabolicHeatW: number;
  /** Heat lost to air and water, W. */
  readonly heatLossW: number;
  /** Shivering intensity, 0 (none) to 1 (the body's ceiling). */
  readonly shivering: number;
  /** Extra heat from shivering, W. */
  readonly shiveringHeatW: number;
  /** Skin blood flow as a fraction of its thermoneutral value, 0–1 (lower = more vasoconstricted). */
  readonly skinBloodFlowFraction: number;
  readonly environment: {
    /** Where most of the body is. */
    readonly medium: Medium;
    /** Temperature of that medium, °C. */
    readonly temperatureC: number;
    readonly airTempC: number;
    readonly waterTempC: number;
    /** Fraction of the skin in water, 0–1. */
    readonly immersedFraction: number;
    readonly windMPerS: number;
    readonly headUnderWater: boolean;
    /** False when the face is under water without an air pocket. */
    readonly canBreathe: boolean;
  };
  /** True once the scenario's end time is reached. */
  readonly finished: boolean;
}

/** Numeric outputs, in the order of CSV columns. `key` reads the snapshot. */
export interface OutputDefinition {
  /** snake_case name used in files and triggers. */
  readonly column: string;
  readonly key: NumericSnapshotKey;
  readonly unit: string;
  readonly label: string;
  /** Decimal places written to files. */
  readonly decimals: number;
}

export type NumericSnapshotKey = {
  [K in keyof Snapshot]: Snapshot[K] extends number ? K : never;
}[keyof Snapshot];

export const OUTPUTS: readonly OutputDefinition[] = [
  { column: 't_s', key: 'tS', unit: 's', label: 'Time', decimals: 0 },
  { column: 'brain_temp_c', key: 'brainTempC', unit: '°C', label: 'Brain', decimals: 3 },
  { column: 'heart_temp_c', key: 'heartTempC', unit: '°C', label: 'Heart', decimals: 3 },
  { column: 'core_temp_c', key: 'coreTempC', unit: '°C', label: 'Core', decimals: 3 },
  { column: 'muscle_temp_c', key: 'muscleTempC', unit: '°C', label: 'Muscle', decimals: 3 },
  {
    column: 'shell_temp_c',
    key: 'shellTempC',
    unit: '°C',
    label: 'Skin and fat shell',
    decimals: 3,
  },
  { column: 'skin_temp_c', key: 'skinTempC', unit: '°C', label: 'Skin surface', decimals: 3 },
  {
    column: 'extremity_temp_c',
    key: 'extremityTempC',
    unit: '°C',
    label: 'Hands and feet',
    decimals: 3,
  },
  { column: 'blood_temp_c', key: 'bloodTempC', unit: '°C', label: 'Blood', decimals: 3 },
  {
    column: 'cardiac_output_l_min',
    key: 'cardiacOutputLPerMin',
    unit: 'L/min',
    label: 'Cardiac output',
    decimals: 3,
  },
  {
    column: 'metabolic_heat_w',
    key: 'metabolicHeatW',
    unit: 'W',
    label: 'Metabolic heat',
    decimals: 2,
  },
  {
    column: 'heat_loss_w',
    key: 'heatLossW',
    unit: 'W',
    label: 'Heat loss to surroundings',
    decimals: 2,
  },
  {
    column: 'shivering',
    key: 'shivering',
    unit: '1',
    label: 'Shivering (fraction of maximum)',
    decimals: 3,
  },
  {
    column: 'shivering_heat_w',
    key: 'shiveringHeatW',
    unit: 'W',
    label: 'Shivering heat',
    decimals: 2,
  },
  {
    column: 'skin_blood_flow_fraction',
    key: 'skinBloodFlowFraction',
    unit: '1',
    label: 'Skin blood flow (fraction of neutral)',
    decimals: 3,
  },
];

/** Temperature outputs plotted on trend charts, in display order. */
export const TEMPERATURE_OUTPUTS = OUTPUTS.filter((o) => o.unit === '°C');
