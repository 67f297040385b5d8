// The scenario as the engine sees it, after loading and validation: plain data, times in seconds.

import type { Action, Medium } from '../engine/actions.ts';
import type { PatientSpec } from '../parameters/body.ts';

export const SCENARIO_FORMAT = 'coldboot/scenario@1';

/** Surroundings at time zero. Water here means immersed to the neck, breathing. */
export interface StartEnvironment {
  readonly medium: Medium;
  /** °C */
  readonly temperatureC: number;
  /** m/s */
  readonly windMPerS?: number;
  /** clo */
  readonly clothingClo?: number;
  /** clo; default clothingClo */
  readonly extremityClothingClo?: number;
}

/** Conditions at time zero. */
export interface StartConditions {
  readonly environment: StartEnvironment;
  /** Core temperature at time zero, °C (default 37); the other compartments follow a resting profile. */
  readonly coreTempC?: number;
  /** Inspired O2 fraction when the patient is already on a ventilator at time zero (theatre, ICU). */
  readonly ventilationFio2?: number;
}

/** One timeline entry: an action at a time. */
export interface TimelineEntry {
  /** Simulated time, s. */
  readonly atS: number;
  readonly action: Action;
}

export interface Scenario {
  readonly format: typeof SCENARIO_FORMAT;
  readonly title: string;
  readonly briefing: string;
  readonly patient: PatientSpec;
  readonly start: StartConditions;
  /** Sorted by time; entries at the same time keep their file order. */
  readonly timeline: readonly TimelineEntry[];
  readonly end: { readonly atS: number };
}
