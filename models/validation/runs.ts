// Model runs behind the validation cases (models/validation/cases.ts): settled states at a chosen
// temperature, a ventilated state settled at a held temperature (the nearest this version gets to a patient on
// bypass), and an ensemble of untreated patients cooling in cold water. Pure TypeScript: runs in Node
// and in the browser. Results are cached per module, so cases sharing a run pay for it once.

import { createSimulation, type Simulation } from '../engine/simulation.ts';
import type { Action } from '../engine/actions.ts';
import type { Snapshot } from '../engine/snapshot.ts';
import type { PatientSpec } from '../parameters/body.ts';
import type { Scenario, StartEnvironment } from '../scenario/types.ts';

/** ICRP Publication 89 reference man: 35 years, 73 kg, 176 cm (body fat by Deurenberg, ≈ 20 %). */
export const REFERENCE_MAN: PatientSpec = { sex: 'male', ageYears: 35, massKg: 73, heightCm: 176 };

/** Lean young man for the shivering ceiling (Eyolfson 2001 studied young adults). */
export const LEAN_YOUNG_MAN: PatientSpec = {
  sex: 'male',
  ageYears: 22,
  massKg: 75,
  heightCm: 180,
  bodyFatPercent: 12,
};

/** Thermoneutral surroundings for a resting, lightly clothed person: no shivering at 37 °C core. */
export const THERMONEUTRAL_AIR: StartEnvironment = {
  medium: 'air',
  temperatureC: 28,
  clothingClo: 1,
};

/** Where a patient is before falling into cold water: indoors-like air, ordinary clothes. */
export const BEFORE_IMMERSION_AIR: StartEnvironment = {
  medium: 'air',
  temperatureC: 20,
  clothingClo: 1,
};

export interface ScenarioOptions {
  readonly patient?: PatientSpec;
  readonly environment: StartEnvironment;
  readonly coreTempC?: number;
  readonly ventilationFio2?: number;
  readonly timeline?: readonly { readonly atS: number; readonly action: Action }[];
  readonly endS: number;
}

/** A scenario built in code. */
export function validationScenario(options: ScenarioOptions): Scenario {
  return {
    format: 'coldboot/scenario@1',
    title: 'Validation run',
    briefing: 'A run built by the validation cases.',
    patient: options.patient ?? REFERENCE_MAN,
    start: {
      environment: options.environment,
      ...(options.coreTempC === undefined ? {} : { coreTempC: options.coreTempC }),
      ...(options.ventilationFio2 === undefined
        ? {}
        : { ventilationFio2: options.ventilationFio2 }),
    },
    timeline: options.timeline ?? [],
    end: { atS: options.endS },
  };
}

// --- Settled states ---------------------------------------------------------------------------

const settledCache = new Map<string, Snapshot>();

/**
 * The snapshot at time zero of the reference man, breathing air in thermoneutral surroundings, with
 * the engine's start profile settled at a start core (blood) temperature. No random rhythm changes
 * happen before time zero, so the heart is in sinus rhythm.
 */
export function settledBreathing(startCoreTempC: number): Snapshot {
  const key = `breathing:${startCoreTempC}`;
  let snapshot = settledCache.get(key);
  if (snapshot === undefined) {
    const sim = createSimulation(
      validationScenario({
        environment: THERMONEUTRAL_AIR,
        coreTempC: startCoreTempC,
        endS: 60,
      }),
    );
    snapshot = sim.snapshot();
    settledCache.set(key, snapshot);
  }
  return snapshot;
}

/**
 * The reference man on a ventilator (FiO2 as given) from before time zero, with the start profile
 * settled at a blood temperature, in thermoneutral air, heart in sinus rhythm. Ventilated because
 * below 24 °C brain temperature a patient left to breathe alone stops breathing (parameter
 * apnoeaBrainTempC). This version of ColdBoot has no heart-lung machine: flows still follow the
 * patient's own heart.
 */
export function settledVentilated(bloodTempC: number, fio2: number): Snapshot {
  const key = `ventilated:${fio2}:${bloodTempC}`;
  let snapshot = settledCache.get(key);
  if (snapshot === undefined) {
    const sim = createSimulation(
      validationScenario({
        environment: THERMONEUTRAL_AIR,
        coreTempC: bloodTempC,
        ventilationFio2: fio2,
        endS: 60,
      }),
    );
    snapshot = sim.snapshot();
    settledCache.set(key, snapshot);
  }
  return snapshot;
}

/** A temperature read from a snapshot. */
export type TemperatureSite = 'brainTempC' | 'heartTempC' | 'coreTempC';

/**
 * A quantity of a settled state at the moment a chosen site (brain, heart, core) sits at a target
 * temperature. The site settles a little above or below the held blood temperature, so the start
 * temperature is corrected once by that offset (a secant step) and the quantity is interpolated
 * linearly between the two settled states to the target.
 */
export function atSiteTemperature(
  targetC: number,
  site: TemperatureSite,
  settle: (startC: number) => Snapshot,
  read: (snapshot: Snapshot) => number,
): number {
  const first = settle(targetC);
  const offset = first[site] - targetC;
  if (Math.abs(offset) < 1e-9) return read(first);
  const second = settle(roundTo(targetC - offset, 1e-6));
  const t0 = first[site];
  const t1 = second[site];
  if (Math.abs(t1 - t0) < 1e-9) return read(first);
  const w = (targetC - t0) / (t1 - t0);
  return read(first) + w * (read(second) - read(first));
}

function roundTo(x: number, step: number): number {
  return Math.round(x / step) * step;
}

// --- Sampled runs -----------------------------------------------------------------------------

/** Runs a simulation, calling `onSample` at time zero and every `everyS`; stop by returning true. */
export function sampleUntil(
  sim: Simulation,
  everyS: number,
  onSample: (snapshot: Snapshot) => boolean | void,
): void {
  if (onSample(sim.snapshot()) === true) return;
  while (!sim.isFinished()) {
    sim.advance(everyS);
    if (onSample(sim.snapshot()) === true) return;
  }
}

/** True for rhythms in which the heart does not pump: the patient is in cardiac arrest. */
export function isArrest(snapshot: Snapshot): boolean {
  return snapshot.rhythm === 'vf' || snapshot.rhythm === 'asystole' || snapshot.rhythm === 'pea';
}

/**
 * The value of `x` where a sampled quantity crosses a level, interpolated linearly between two
 * samples (y0 at x0, y1 at x1).
 */
export function crossing(level: number, x0: number, y0: number, x1: number, y1: number): number {
  if (y1 === y0) return x1;
  return x0 + ((level - y0) * (x1 - x0)) / (y1 - y0);
}

// --- Untreated cooling in cold water: the ensemble behind reference cases 7 and 8 -------------

/** Water temperature of the cooling ensemble, °C. */
export const ENSEMBLE_WATER_C = 10;
/** Runs in the ensemble (seeds 1…N). */
export const ENSEMBLE_RUNS = 40;
/** Longest run, s; every run so far has arrested well before. */
const ENSEMBLE_MAX_S = 12 * 3600;
/** Sampling interval, s (core cools at most ~0.1 °C/min here, so ≤ 0.02 °C between samples). */
const ENSEMBLE_SAMPLE_S = 10;
/** Shivering counts as stopped below this fraction of its ceiling. */
export const SHIVERING_ABSENT_FRACTION = 0.05;

export interface CoolingRun {
  readonly seed: number;
  /** Core temperature where shivering last fell below 5 % of its ceiling, after its peak, °C. */
  readonly shiveringStopCoreC: number | null;
  /** Highest shivering, fraction of the ceiling. */
  readonly shiveringPeak: number;
  /** Core temperature at the first sample without consciousness, °C. */
  readonly unconsciousCoreC: number | null;
  /** Core and myocardial temperatures at the first sample in arrest (VF, asystole, PEA), °C. */
  readonly arrestCoreC: number | null;
  readonly arrestHeartC: number | null;
  readonly arrestRhythm: string | null;
  /** Simulated time of the first arrest, s. */
  readonly arrestS: number | null;
  /** Core temperature when breathing stopped, °C. */
  readonly apnoeaCoreC: number | null;
  /** Highest plasma potassium before the first arrest, mmol/L. */
  readonly maxPotassiumBeforeArrest: number;
  /** Core temperature when plasma potassium first exceeded 5 mmol/L, °C. */
  readonly potassiumAbove5CoreC: number | null;
}

let ensembleCache: readonly CoolingRun[] | null = null;

/**
 * The reference man, dressed, in 20 °C air, falls at time zero into 10 °C water (air over the water
 * also 10 °C), immersed to the neck, head out, breathing; no rescue, no treatment. One run per seed,
 * each until its first cardiac arrest. Deterministic: the same 40 seeds every time.
 */
export function coolingEnsemble(): readonly CoolingRun[] {
  if (ensembleCache !== null) return ensembleCache;
  const runs: CoolingRun[] = [];
  const scenario = validationScenario({
    environment: BEFORE_IMMERSION_AIR,
    timeline: [
      {
        atS: 0,
        action: { do: 'setEnvironment', medium: 'water', temperatureC: ENSEMBLE_WATER_C },
      },
    ],
    endS: ENSEMBLE_MAX_S,
  });
  for (let seed = 1; seed <= ENSEMBLE_RUNS; seed++) {
    runs.push(coolingRun(createSimulation(scenario, { seed }), seed));
  }
  ensembleCache = runs;
  return runs;
}

function coolingRun(sim: Simulation, seed: number): CoolingRun {
  let previous: Snapshot | null = null;
  let shiveringPeak = 0;
  let shiveringStopCoreC: number | null = null;
  let unconsciousCoreC: number | null = null;
  let apnoeaCoreC: number | null = null;
  let arrest: Snapshot | null = null;
  let maxPotassiumBeforeArrest = 0;
  let potassiumAbove5CoreC: number | null = null;
  sampleUntil(sim, ENSEMBLE_SAMPLE_S, (s) => {
    shiveringPeak = Math.max(shiveringPeak, s.shivering);
    if (previous !== null) {
      const level = SHIVERING_ABSENT_FRACTION;
      if (previous.shivering >= level && s.shivering < level && shiveringPeak >= level) {
        shiveringStopCoreC = crossing(
          level,
          previous.coreTempC,
          previous.shivering,
          s.coreTempC,
          s.shivering,
        );
      } else if (s.shivering >= level) {
        shiveringStopCoreC = null;
      }
    }
    if (unconsciousCoreC === null && s.conscious === 0) unconsciousCoreC = s.coreTempC;
    if (apnoeaCoreC === null && s.breathing === 0) apnoeaCoreC = s.coreTempC;
    previous = s;
    if (isArrest(s)) {
      arrest = s;
      return true;
    }
    maxPotassiumBeforeArrest = Math.max(maxPotassiumBeforeArrest, s.potassiumMmolPerL);
    if (potassiumAbove5CoreC === null && s.potassiumMmolPerL > 5)
      potassiumAbove5CoreC = s.coreTempC;
    return false;
  });
  const a = arrest as Snapshot | null;
  return {
    seed,
    shiveringStopCoreC,
    shiveringPeak,
    unconsciousCoreC,
    arrestCoreC: a?.coreTempC ?? null,
    arrestHeartC: a?.heartTempC ?? null,
    arrestRhythm: a?.rhythm ?? null,
    arrestS: a?.tS ?? null,
    apnoeaCoreC,
    maxPotassiumBeforeArrest,
    potassiumAbove5CoreC,
  };
}

// --- Statistics ---------------------------------------------------------------------------------

/** Median of the numbers (null entries are ignored); NaN when there are none. */
export function median(values: readonly (number | null)[]): number {
  const xs = values.filter((x): x is number => x !== null).sort((a, b) => a - b);
  if (xs.length === 0) return Number.NaN;
  const mid = Math.floor(xs.length / 2);
  return xs.length % 2 === 1 ? xs[mid]! : 0.5 * (xs[mid - 1]! + xs[mid]!);
}

/** The q-quantile (0–1) by linear interpolation between order statistics; NaN when empty. */
export function quantile(values: readonly (number | null)[], q: number): number {
  const xs = values.filter((x): x is number => x !== null).sort((a, b) => a - b);
  if (xs.length === 0) return Number.NaN;
  const pos = q * (xs.length - 1);
  const lo = Math.floor(pos);
  const hi = Math.min(xs.length - 1, lo + 1);
  return xs[lo]! + (pos - lo) * (xs[hi]! - xs[lo]!);
}
