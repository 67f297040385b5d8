// The Snapshot type (built by buildSnapshot in outputs.ts) and the catalogue of outputs derived from
// the output table (outputTable.ts): column names for files, keys for code, units and labels.

import type { FaultKind, LavageSite, Medium } from '../core/actions.ts';
import {
  NUMERIC_OUTPUT_TABLE,
  TEXT_OUTPUT_TABLE,
  type NumericOutputs,
  type OutputReader,
  type TextOutputs,
} from './outputTable.ts';

/**
 * Everything people and files see at one moment. The numeric and word outputs come from the output
 * table (models/engine/outputTable.ts); the fields below are for the app only.
 */
export interface Snapshot extends NumericOutputs, TextOutputs {
  /** The rhythm for people, e.g. "sinus bradycardia", "ventricular fibrillation". */
  readonly rhythmLabel: string;
  /** Time left until cannulation is complete, s (0 when not cannulating). */
  readonly cannulationRemainingS: number;
  /** Flow the pump is set to, L/min. */
  readonly pumpFlowSetLPerMin: number;
  /** Most flow the venous line can drain for this patient, L/min. */
  readonly pumpMaxFlowLPerMin: number;
  readonly heaterSetTempC: number;
  /** Ids of the active alarms (models/devices/alarms.ts). */
  readonly alarms: readonly string[];
  /** Their messages, for people. */
  readonly alarmMessages: readonly string[];
  /** Active faults. */
  readonly faults: readonly FaultKind[];
  // --- Bedside ---
  readonly icePacks: boolean;
  /** Forced-air blanket temperature, °C, or null when off. */
  readonly forcedAirTempC: number | null;
  /** Lavage running, or null. */
  readonly lavage: LavageSite | null;
  /** Intravenous fluid still to run, mL. */
  readonly fluidRemainingMl: number;
  readonly vasodilator: boolean;
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

/** Numeric outputs, in the order of CSV columns. `key` reads the snapshot, `read` the state. */
export interface OutputDefinition {
  /** snake_case name used in files and triggers. */
  readonly column: string;
  readonly key: NumericSnapshotKey;
  readonly unit: string;
  readonly label: string;
  /** Decimal places written to files. */
  readonly decimals: number;
  readonly read: OutputReader<number>;
}

export type NumericSnapshotKey = {
  [K in keyof Snapshot]: Snapshot[K] extends number ? K : never;
}[keyof Snapshot];

/** The numeric outputs of the output table, in the order of CSV columns. */
export const OUTPUTS: readonly OutputDefinition[] = NUMERIC_OUTPUT_TABLE;

/** Outputs whose values are words, written after the numeric columns. */
export const TEXT_OUTPUTS = TEXT_OUTPUT_TABLE;

/** Temperatures of the heart-lung machine, not of the body. */
const HEART_LUNG_MACHINE_COLUMNS = new Set([
  'arterial_outlet_temp_c',
  'venous_temp_c',
  'outlet_venous_gradient_c',
  'heater_water_temp_c',
]);

/** Body temperature outputs plotted on trend charts, in display order. */
export const TEMPERATURE_OUTPUTS = OUTPUTS.filter(
  (o) => o.unit === '°C' && !HEART_LUNG_MACHINE_COLUMNS.has(o.column),
);
