// Model runs behind the validation cases (models/validation/cases.ts): settled states at a chosen
// temperature, a ventilated state settled at a held temperature, an ensemble of untreated patients
// cooling in cold water, and rewarming runs on the heart-lung machine and with bedside devices. Pure
// TypeScript: runs in Node and in the browser. Results are cached per module, so cases sharing a run
// pay for it once.

import { createSimulation, type Simulation } from '../engine/simulation.ts';
import type { Action, CircuitMode } from '../core/actions.ts';
import type { Snapshot } from '../engine/snapshot.ts';
import type { PatientSpec } from '../parameters/body.ts';
import type { Scenario, StartEnvironment } from '../scenario/types.ts';
import { quantileSorted } from '../ensemble/statistics.ts';

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
 * apnoeaBrainTempC). No heart-lung machine: flows follow the patient's own heart.
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

/** Median of the numbers (null and NaN entries are ignored); NaN when there are none. */
export function median(values: readonly (number | null)[]): number {
  return quantile(values, 0.5);
}

/**
 * The q-quantile (0–1) by linear interpolation between order statistics (Hyndman & Fan type 7, as
 * d3-array; null and NaN entries are ignored); NaN when empty.
 */
export function quantile(values: readonly (number | null)[], q: number): number {
  const sorted = Float64Array.from(
    values.filter((v): v is number => v !== null && !Number.isNaN(v)),
  ).sort();
  return sorted.length === 0 ? Number.NaN : quantileSorted(sorted, Math.min(1, Math.max(0, q)));
}

// --- The heart-lung machine and rewarming: reference cases 4, 5 and 6 -------------------------

/** A 70 kg man: the body of the energy bound of reference case 5 (otherwise the reference man). */
export const SEVENTY_KG_MAN: PatientSpec = { sex: 'male', ageYears: 35, massKg: 70, heightCm: 176 };

/** An operating theatre: 20 °C air, the patient uncovered. */
export const THEATRE_AIR: StartEnvironment = { medium: 'air', temperatureC: 20 };

/** A ward or emergency room: 22 °C air, the patient under blankets (2.5 clo). */
export const BLANKETS_AIR: StartEnvironment = { medium: 'air', temperatureC: 22, clothingClo: 2.5 };

/** Seconds the cannulae take to go in: the heater-cooler water settles at its first setting meanwhile. */
export const PUMP_CANNULATION_S = 300;

/** The four alarms of the 2015 STS/SCA/AmSECT temperature limits (models/devices/alarms.ts). */
export const GUIDELINE_ALARMS: readonly string[] = [
  'outlet-above-37',
  'gradient-above-10',
  'warm-gradient-above-4',
  'rewarming-too-fast',
];

/**
 * The heater-cooler water temperature a perfusionist who keeps to the 2015 STS/SCA/AmSECT limits
 * (Engelman 2015) chooses, from what the monitor shows. While the outlet stays clear of 30 °C the
 * water may be up to 10 °C warmer than the venous blood; once the outlet would reach 30 °C (with a
 * 1 °C margin: venous + effectiveness × 10 ≥ 29 °C, the effectiveness read from the monitor as
 * gradient ÷ (water − venous), 1 until the pump runs) the water is at most 4 °C warmer than the venous
 * blood, and held where it is while the outlet warms faster than 0.4 °C/min (the limit is 0.5). The
 * water never goes above 37 °C. The phases depend on the venous temperature, which only rises, so the
 * controller does not flip back to the wide gradient when the outlet dips below 30 °C.
 */
export function guidelineWaterTempC(s: Snapshot): number {
  const venous = s.venousTempC;
  const drive = s.heaterWaterTempC - venous;
  const effectiveness =
    s.pumpFlowLPerMin > 0 && Math.abs(drive) > 0.5
      ? Math.min(1, Math.max(0, s.outletVenousGradientC / drive))
      : 1;
  if (venous + 10 * effectiveness < 29) return Math.min(37, venous + 10);
  let water = Math.min(37, venous + 4);
  if (s.outletRateCPerMin > 0.4) water = Math.min(water, s.heaterWaterTempC);
  return water;
}

/** A careless perfusionist: the water at the heater-cooler's highest, 42 °C, from the start. */
export function carelessWaterTempC(): number {
  return 42;
}

export interface PumpRewarmingOptions {
  readonly patient?: PatientSpec;
  readonly environment: StartEnvironment;
  readonly coreTempC: number;
  readonly ventilationFio2?: number;
  readonly mode: CircuitMode;
  /** Pump flow, L/min, or (when flowLPerMinPerM2 is given) per m² of body surface. */
  readonly flowLPerMin?: number;
  readonly flowLPerMinPerM2?: number;
  /** The water temperature chosen each minute from the snapshot. */
  readonly water: (s: Snapshot) => number;
  /** Stop once the core reaches this, °C. */
  readonly untilCoreC: number;
  /** Longest run after the pump starts, s. */
  readonly maxS: number;
}

export interface PumpRewarmingRun {
  readonly flowLPerMin: number;
  /** Core temperature when the pump starts, °C (after the prime has mixed in). */
  readonly coreAtPumpStartC: number;
  /** Time from the pump start to a core of 35 °C and to the run's target, s (null: not reached). */
  readonly timeTo35S: number | null;
  readonly timeToTargetS: number | null;
  /** Alarm ids seen at any step, in the order of their first onset. */
  readonly alarmsSeen: readonly string[];
  /** When each alarm was first seen, s after the pump start, and the core then, °C. */
  readonly firstSeen: readonly {
    readonly id: string;
    readonly atS: number;
    readonly coreC: number;
  }[];
  readonly alarmCount: number;
  readonly maxOutletC: number;
  /** Largest |outlet − venous|, °C; largest gradient and outlet rate with the outlet ≥ 30 °C. */
  readonly maxGradientC: number;
  readonly maxWarmGradientC: number;
  readonly maxWarmRateCPerMin: number;
  readonly minVenousSat: number;
  readonly maxBodyVo2MlPerMin: number;
  readonly maxShivering: number;
  readonly rhythmAtEnd: string;
}

/**
 * Cannulation (5 min, the pump set to start when the cannulae are in, the oxygenator at FiO2 0.6 with
 * sweep equal to flow), then rewarming with the water chosen each minute by a controller, sampled
 * every second until the core reaches a target. Seed 1.
 */
export function pumpRewarming(options: PumpRewarmingOptions): PumpRewarmingRun {
  const sim = createSimulation(
    validationScenario({
      ...(options.patient === undefined ? {} : { patient: options.patient }),
      environment: options.environment,
      coreTempC: options.coreTempC,
      ...(options.ventilationFio2 === undefined
        ? {}
        : { ventilationFio2: options.ventilationFio2 }),
      endS: PUMP_CANNULATION_S + options.maxS,
    }),
    { seed: 1 },
  );
  const flow =
    options.flowLPerMinPerM2 !== undefined
      ? options.flowLPerMinPerM2 * sim.body.thermal.composition.surfaceAreaM2
      : (options.flowLPerMin ?? 0);
  sim.apply({ do: 'cannulate', mode: options.mode, durationS: PUMP_CANNULATION_S });
  sim.apply({ do: 'setOxygenator', fio2: 0.6, sweepLPerMin: flow });
  sim.apply({ do: 'startPump', flowLPerMin: flow });
  // The heater-cooler is set while the cannulae go in.
  for (let t = 0; t < PUMP_CANNULATION_S; t += 60) {
    sim.apply({ do: 'setHeaterCooler', waterTemperatureC: options.water(sim.snapshot()) });
    sim.advance(Math.min(60, PUMP_CANNULATION_S - t));
  }
  const start = sim.snapshot();
  const startS = start.tS;
  const seen: { id: string; atS: number; coreC: number }[] = [];
  let timeTo35S: number | null = null;
  let timeToTargetS: number | null = null;
  let maxOutletC = -Infinity;
  let maxGradientC = 0;
  let maxWarmGradientC = 0;
  let maxWarmRateCPerMin = 0;
  let minVenousSat = Infinity;
  let maxBodyVo2MlPerMin = 0;
  let maxShivering = 0;
  let s = start;
  while (!sim.isFinished() && timeToTargetS === null) {
    if ((s.tS - startS) % 60 === 0) {
      sim.apply({ do: 'setHeaterCooler', waterTemperatureC: options.water(s) });
    }
    sim.advance(1);
    s = sim.snapshot();
    const atS = s.tS - startS;
    for (const id of s.alarms) {
      if (!seen.some((x) => x.id === id)) seen.push({ id, atS, coreC: s.coreTempC });
    }
    maxOutletC = Math.max(maxOutletC, s.arterialOutletTempC);
    maxGradientC = Math.max(maxGradientC, Math.abs(s.outletVenousGradientC));
    if (s.arterialOutletTempC >= 30) {
      maxWarmGradientC = Math.max(maxWarmGradientC, s.outletVenousGradientC);
      maxWarmRateCPerMin = Math.max(maxWarmRateCPerMin, s.outletRateCPerMin);
    }
    if (s.pumpFlowLPerMin > 0) minVenousSat = Math.min(minVenousSat, s.venousSat);
    maxBodyVo2MlPerMin = Math.max(maxBodyVo2MlPerMin, s.bodyVo2MlPerMin);
    maxShivering = Math.max(maxShivering, s.shivering);
    if (timeTo35S === null && s.coreTempC >= 35) timeTo35S = atS;
    if (s.coreTempC >= options.untilCoreC) timeToTargetS = atS;
  }
  return {
    flowLPerMin: flow,
    coreAtPumpStartC: start.coreTempC,
    timeTo35S,
    timeToTargetS,
    alarmsSeen: seen.map((x) => x.id),
    firstSeen: seen,
    alarmCount: s.alarmCount,
    maxOutletC,
    maxGradientC,
    maxWarmGradientC,
    maxWarmRateCPerMin,
    minVenousSat,
    maxBodyVo2MlPerMin,
    maxShivering,
    rhythmAtEnd: s.rhythm,
  };
}

const bypassCache = new Map<string, PumpRewarmingRun>();

/**
 * Reference case 4: the reference man at 18 °C, ventilated (FiO2 0.5) in a 20 °C theatre, on
 * cardiopulmonary bypass at 2.4 L/min/m², rewarmed to 36 °C core by a controller.
 */
export function bypassRewarming(controller: 'guideline' | 'careless'): PumpRewarmingRun {
  let run = bypassCache.get(controller);
  if (run === undefined) {
    run = pumpRewarming({
      environment: THEATRE_AIR,
      coreTempC: 18,
      ventilationFio2: 0.5,
      mode: 'cpb',
      flowLPerMinPerM2: 2.4,
      water: controller === 'guideline' ? guidelineWaterTempC : carelessWaterTempC,
      untilCoreC: 36,
      maxS: 4 * 3600,
    });
    bypassCache.set(controller, run);
  }
  return run;
}

export interface PumpHeatRun {
  readonly flowLPerMin: number;
  /** Outlet − venous gradient and heat from the exchanger at the first sample on the pump. */
  readonly gradientC: number;
  readonly pumpHeatW: number;
  /** Heat from the exchanger per 10 °C of gradient, W. */
  readonly heatPer10CW: number;
  /** Fastest rise of the mean body temperature in any 10-s interval on the pump, °C/min. */
  readonly maxMeanRateCPerMin: number;
  /** That interval's mean outlet − venous gradient, °C, and its heat from the pump and metabolism less
   * the heat lost, W. */
  readonly atGradientC: number;
  readonly atNetHeatW: number;
  /** Largest gradient seen, °C. */
  readonly maxGradientC: number;
  /** Heat capacity of the whole body, J/K, and body mass, kg. */
  readonly heatCapacityJPerK: number;
  readonly massKg: number;
}

let pumpHeatCache: PumpHeatRun | null = null;

/**
 * Reference case 5: a 70 kg man at 24 °C, ventilated in a 20 °C theatre, cannulated for VA-ECMO
 * (5 min) while the heater-cooler water goes to 42 °C, then 4 L/min: at the first second on the pump
 * the outlet is ≈ 10 °C warmer than the venous blood, and the gradient only falls after that. Sampled
 * every 10 s for 10 min; the mean body temperature's rate is the change of sim.heatBalance().storedJ
 * ÷ the body's heat capacity (the sum over its compartments).
 */
export function pumpHeatRun(): PumpHeatRun {
  if (pumpHeatCache !== null) return pumpHeatCache;
  const flow = 4;
  const sim = createSimulation(
    validationScenario({
      patient: SEVENTY_KG_MAN,
      environment: THEATRE_AIR,
      coreTempC: 24,
      ventilationFio2: 0.5,
      endS: PUMP_CANNULATION_S + 600,
    }),
    { seed: 1 },
  );
  let heatCapacityJPerK = 0;
  for (const c of sim.body.thermal.heatCapacityJPerK) heatCapacityJPerK += c;
  sim.apply({ do: 'cannulate', mode: 'va-ecmo', durationS: PUMP_CANNULATION_S });
  sim.apply({ do: 'setHeaterCooler', waterTemperatureC: 42 });
  sim.apply({ do: 'setOxygenator', fio2: 0.6, sweepLPerMin: flow });
  sim.apply({ do: 'startPump', flowLPerMin: flow });
  sim.advance(PUMP_CANNULATION_S + 1);
  const first = sim.snapshot();
  let previous = first;
  let previousHeat = sim.heatBalance();
  let maxMeanRateCPerMin = -Infinity;
  let atGradientC = Number.NaN;
  let atNetHeatW = Number.NaN;
  let maxGradientC = first.outletVenousGradientC;
  while (!sim.isFinished()) {
    sim.advance(10);
    const s = sim.snapshot();
    const heat = sim.heatBalance();
    const dtS = s.tS - previous.tS;
    const rateCPerMin = ((heat.storedJ - previousHeat.storedJ) / heatCapacityJPerK / dtS) * 60;
    maxGradientC = Math.max(maxGradientC, s.outletVenousGradientC);
    if (rateCPerMin > maxMeanRateCPerMin) {
      maxMeanRateCPerMin = rateCPerMin;
      atGradientC = 0.5 * (s.outletVenousGradientC + previous.outletVenousGradientC);
      atNetHeatW =
        (heat.producedJ +
          heat.addedJ -
          heat.lostJ -
          (previousHeat.producedJ + previousHeat.addedJ - previousHeat.lostJ)) /
        dtS;
    }
    previous = s;
    previousHeat = heat;
  }
  pumpHeatCache = {
    flowLPerMin: flow,
    gradientC: first.outletVenousGradientC,
    pumpHeatW: first.pumpHeatW,
    heatPer10CW: (first.pumpHeatW / first.outletVenousGradientC) * 10,
    maxMeanRateCPerMin,
    atGradientC,
    atNetHeatW,
    maxGradientC,
    heatCapacityJPerK,
    massKg: sim.body.thermal.composition.massKg,
  };
  return pumpHeatCache;
}

export interface BedsideRewarmingRun {
  readonly startCoreC: number;
  /** Time to a core of 35 °C, s (null: not within the run). */
  readonly timeTo35S: number | null;
  readonly endCoreC: number;
  readonly endS: number;
  /** Mean core rewarming rate from the start to 35 °C (or to the end of the run), °C/h. */
  readonly rateCPerH: number;
  /** Rhythms seen, in order of first appearance. */
  readonly rhythms: readonly string[];
  readonly maxShivering: number;
}

/** Start core of the reference case 6 patients, °C (middle of 28–32 °C). */
export const MODERATE_HYPOTHERMIA_C = 30;
const BEDSIDE_MAX_S = 8 * 3600;
const bedsideCache = new Map<string, BedsideRewarmingRun>();

/**
 * Reference case 6: the reference man at a core of 30 °C, breathing, heart beating (sinus at time
 * zero), under blankets (2.5 clo) in 22 °C air; the actions start at time zero. Sampled every minute
 * until the core reaches 35 °C or 8 h pass. Seed 1.
 */
export function bedsideRewarming(key: string, actions: readonly Action[]): BedsideRewarmingRun {
  const cached = bedsideCache.get(key);
  if (cached !== undefined) return cached;
  const sim = createSimulation(
    validationScenario({
      environment: BLANKETS_AIR,
      coreTempC: MODERATE_HYPOTHERMIA_C,
      endS: BEDSIDE_MAX_S,
    }),
    { seed: 1 },
  );
  for (const action of actions) sim.apply(action, 'learner');
  const start = sim.snapshot();
  const rhythms: string[] = [];
  let timeTo35S: number | null = null;
  let maxShivering = 0;
  let last = start;
  sampleUntil(sim, 60, (s) => {
    if (!rhythms.includes(s.rhythm)) rhythms.push(s.rhythm);
    maxShivering = Math.max(maxShivering, s.shivering);
    last = s;
    if (s.coreTempC >= 35) {
      timeTo35S = s.tS;
      return true;
    }
    return false;
  });
  const reached = timeTo35S as number | null;
  const run: BedsideRewarmingRun = {
    startCoreC: start.coreTempC,
    timeTo35S: reached,
    endCoreC: last.coreTempC,
    endS: last.tS,
    rateCPerH:
      reached !== null
        ? (35 - start.coreTempC) / (reached / 3600)
        : (last.coreTempC - start.coreTempC) / (last.tS / 3600),
    rhythms,
    maxShivering,
  };
  bedsideCache.set(key, run);
  return run;
}

let eclsCache: PumpRewarmingRun | null = null;

/**
 * Reference case 6, extracorporeal: the same 30 °C patient (breathing, under blankets in 22 °C air) on
 * VA-ECMO at 4 L/min, the water chosen by the guideline controller, until the core reaches 36 °C.
 */
export function eclsRewarming(): PumpRewarmingRun {
  if (eclsCache === null) {
    eclsCache = pumpRewarming({
      environment: BLANKETS_AIR,
      coreTempC: MODERATE_HYPOTHERMIA_C,
      mode: 'va-ecmo',
      flowLPerMin: 4,
      water: guidelineWaterTempC,
      untilCoreC: 36,
      maxS: 4 * 3600,
    });
  }
  return eclsCache;
}

export interface VolunteerRewarmingRun {
  /** Core when rewarming started, °C, and the minutes in 15 °C water it took to get there. */
  readonly startCoreC: number;
  readonly coolingMin: number;
  /** Fall of the core below its value at the start of rewarming, °C, and when it bottomed out, min. */
  readonly afterdropC: number;
  readonly nadirMin: number;
  /** Mean core rewarming rate over the 30 min after the nadir, °C/h. */
  readonly rateCPerH: number;
  /** Steepest core rise over any 10 min in the 2 h of rewarming, °C/h. */
  readonly steepestCPerH: number;
  /** Core temperature 60 min after rewarming began, °C. */
  readonly coreAt60MinC: number;
}

const volunteerCache = new Map<string, VolunteerRewarmingRun>();

/** Giesbrecht 1994: volunteers immersed in 8 °C water until the oesophageal core was 34.6 °C (mean). */
export const SHIVERING_ONLY_WATER_C = 8;
export const SHIVERING_ONLY_CORE_C = 34.6;

/**
 * Reference case 6, mildly hypothermic volunteers (Aviat Space Environ Med 1992): the reference man,
 * from thermoneutral air, in 15 °C water to the neck until his core reaches 36 °C (at most 2 h), then
 * rewarmed under blankets (22 °C air, 2.5 clo) or in a 42 °C bath to the neck; sampled every 10 s for
 * 2 h.
 */
export function volunteerRewarming(
  method: 'blankets' | 'bath' | 'shivering',
): VolunteerRewarmingRun {
  const cached = volunteerCache.get(method);
  if (cached !== undefined) return cached;
  // Shivering only (Giesbrecht 1994): colder water, a deeper core, then the same dry insulation.
  const waterC = method === 'shivering' ? SHIVERING_ONLY_WATER_C : 15;
  const untilCoreC = method === 'shivering' ? SHIVERING_ONLY_CORE_C : 36;
  const sim = createSimulation(
    validationScenario({
      environment: THERMONEUTRAL_AIR,
      timeline: [
        { atS: 0, action: { do: 'immerse', waterTemperatureC: waterC, headAboveWater: true } },
      ],
      endS: 5 * 3600,
    }),
    { seed: 1 },
  );
  let s = sim.snapshot();
  while (s.coreTempC > untilCoreC && s.tS < 2 * 3600) {
    sim.advance(10);
    s = sim.snapshot();
  }
  sim.apply(
    method === 'bath'
      ? { do: 'immerse', waterTemperatureC: 42, headAboveWater: true }
      : { do: 'setEnvironment', medium: 'air', temperatureC: 22, clothingClo: 2.5 },
    'learner',
  );
  const startS = s.tS;
  const startCoreC = s.coreTempC;
  const cores: number[] = [startCoreC];
  for (let k = 0; k < (2 * 3600) / 10; k++) {
    sim.advance(10);
    cores.push(sim.snapshot().coreTempC);
  }
  let nadir = 0;
  for (let i = 1; i < cores.length; i++) if (cores[i]! < cores[nadir]!) nadir = i;
  const after = Math.min(cores.length - 1, nadir + 180);
  let steepest = -Infinity;
  for (let i = 60; i < cores.length; i++)
    steepest = Math.max(steepest, (cores[i]! - cores[i - 60]!) * 6);
  const run: VolunteerRewarmingRun = {
    startCoreC,
    coolingMin: startS / 60,
    afterdropC: startCoreC - cores[nadir]!,
    nadirMin: (nadir * 10) / 60,
    rateCPerH: ((cores[after]! - cores[nadir]!) / ((after - nadir) * 10)) * 3600,
    steepestCPerH: steepest,
    coreAt60MinC: cores[360]!,
  };
  volunteerCache.set(method, run);
  return run;
}

// --- Ischaemia and reperfusion: the two views of brain-cell death (cases H1–H9) ---------------

/** A room: 22 °C air, ordinary clothes (1 clo). Witnessed arrests happen here. */
export const INDOOR_AIR: StartEnvironment = { medium: 'air', temperatureC: 22, clothingClo: 1 };

/**
 * Warm surroundings that hold an arrested body at 37 °C for hours (37 °C air under 2.5 clo): stands in
 * for the warming that held anaesthetised animals at 36–37 °C.
 */
export const WARMED_AIR: StartEnvironment = { medium: 'air', temperatureC: 37, clothingClo: 2.5 };

/** A body left uncovered in a 20 °C room: cools passively after death. */
export const UNCOVERED_ROOM_AIR: StartEnvironment = { medium: 'air', temperatureC: 20 };

/** VA-ECMO flow and sweep gas used to reperfuse, L/min. */
export const REPERFUSION_FLOW_L_PER_MIN = 4.5;
/** Coldest heater-cooler water, used for a cold flush without oxygen, °C. */
const FLUSH_WATER_C = 2;
/** No cell at risk below this fraction: the fate of every cell is settled. */
const SETTLED_AT_RISK = 1e-4;

/** The brain cells at one moment of a run. */
export interface BrainCells {
  /** Simulated time, s (time zero: the arrest, unless said otherwise). */
  readonly tS: number;
  readonly brainTempC: number;
  readonly energy: number;
  readonly viable: number;
  readonly atRisk: number;
  readonly autolysed: number;
}

function brainCells(s: Snapshot): BrainCells {
  return {
    tS: s.tS,
    brainTempC: s.brainTempC,
    energy: s.brainEnergy,
    viable: s.brainViableFraction,
    atRisk: s.brainAtRiskFraction,
    autolysed: s.brainAutolysedFraction,
  };
}

export interface IschaemiaRun {
  /** The brain at named moments of the protocol (e.g. 'reflow'). */
  readonly marks: Readonly<Record<string, BrainCells>>;
  /** The brain at the end: every cell's fate settled (none at risk, energy restored), or the run's end. */
  readonly end: BrainCells;
}

/** What a protocol does to a running simulation. */
interface Driver {
  readonly sim: Simulation;
  /** Runs to an absolute simulated time, s. */
  to(tS: number): void;
  /** Runs second by second until a condition holds or maxS pass. */
  until(condition: (s: Snapshot) => boolean, maxS: number): void;
  /** Records the brain now under a name. */
  mark(name: string): void;
  /** Runs until no cell is at risk and energy is restored, or maxS pass. */
  settle(maxS: number): void;
}

const ischaemiaCache = new Map<string, IschaemiaRun>();

/**
 * Runs a protocol on the reference man (seed 1, 1-s steps) with parameter overrides; cached by key
 * and overrides, so cases sharing a run pay for it once.
 */
function ischaemiaRun(
  key: string,
  options: {
    readonly environment: StartEnvironment;
    readonly ventilationFio2?: number;
    readonly endS: number;
  },
  parameters: Readonly<Record<string, number>>,
  protocol: (d: Driver) => void,
): IschaemiaRun {
  const cacheKey = `${key}|${JSON.stringify(parameters)}`;
  const cached = ischaemiaCache.get(cacheKey);
  if (cached !== undefined) return cached;
  const sim = createSimulation(
    validationScenario({
      environment: options.environment,
      ...(options.ventilationFio2 === undefined
        ? {}
        : { ventilationFio2: options.ventilationFio2 }),
      endS: options.endS,
    }),
    { seed: 1, parameters },
  );
  const marks: Record<string, BrainCells> = {};
  const until = (condition: (s: Snapshot) => boolean, maxS: number): void => {
    const endS = sim.timeS() + maxS;
    while (!condition(sim.snapshot()) && sim.timeS() < endS - 1e-9 && !sim.isFinished()) {
      sim.advance(1);
    }
  };
  protocol({
    sim,
    to: (tS) => sim.advance(Math.max(0, tS - sim.timeS())),
    until,
    mark: (name) => {
      marks[name] = brainCells(sim.snapshot());
    },
    settle: (maxS) =>
      until((s) => s.brainAtRiskFraction < SETTLED_AT_RISK && s.brainEnergy > 0.95, maxS),
  });
  const run: IschaemiaRun = { marks, end: brainCells(sim.snapshot()) };
  ischaemiaCache.set(cacheKey, run);
  return run;
}

/**
 * Cannulation for a circuit that is done at `doneS` (taking at most 5 min), the heater-cooler water,
 * the oxygenator (FiO2 1, sweep as given: 0 cools without oxygen) and the pump flow set meanwhile.
 */
function circuitBy(
  d: Driver,
  mode: CircuitMode,
  doneS: number,
  waterC: number,
  sweepLPerMin: number,
  flowLPerMin = REPERFUSION_FLOW_L_PER_MIN,
): void {
  d.to(Math.max(d.sim.timeS(), doneS - PUMP_CANNULATION_S));
  d.sim.apply({ do: 'cannulate', mode, durationS: doneS - d.sim.timeS() });
  d.sim.apply({ do: 'setHeaterCooler', waterTemperatureC: waterC });
  d.sim.apply({ do: 'setOxygenator', fio2: 1, sweepLPerMin });
  d.sim.apply({ do: 'startPump', flowLPerMin });
  d.to(doneS);
}

function oxygenOn(d: Driver): void {
  d.sim.apply({ do: 'setOxygenator', fio2: 1, sweepLPerMin: REPERFUSION_FLOW_L_PER_MIN });
}

function water(d: Driver, waterTemperatureC: number): void {
  d.sim.apply({ do: 'setHeaterCooler', waterTemperatureC });
}

/**
 * Hossmann's cats (case H1): the reference man, kept warm (37 °C air, 2.5 clo), arrests in VF at time
 * zero; no compressions. VA-ECMO, cannulated during the last 5 min, starts at 60 min with 37 °C water
 * and oxygen (FiO2 1, 4.5 L/min). Marks: 'reflow' (60 min), 'reflow+30' (90 min).
 */
export function hossmannRun(parameters: Readonly<Record<string, number>>): IschaemiaRun {
  return ischaemiaRun('hossmann', { environment: WARMED_AIR, endS: 8 * 3600 }, parameters, (d) => {
    d.sim.apply({ do: 'cardiacArrest', rhythm: 'vf' });
    circuitBy(d, 'va-ecmo', 3600, 37, REPERFUSION_FLOW_L_PER_MIN);
    d.mark('reflow');
    d.to(3600 + 1800);
    d.mark('reflow+30');
    d.settle(6 * 3600);
  });
}

/**
 * BrainEx (case H2): the reference man arrests in VF at time zero, uncovered in a 20 °C room, and
 * stays without flow. Marks: '4 h', '10 h'. With `perfusedAt4h`, VA-ECMO with 37 °C water and oxygen
 * starts at 4 h instead (no '10 h' mark; the run settles).
 */
export function postMortemRun(
  parameters: Readonly<Record<string, number>>,
  perfusedAt4h = false,
): IschaemiaRun {
  return ischaemiaRun(
    `post-mortem:${perfusedAt4h}`,
    { environment: UNCOVERED_ROOM_AIR, endS: 11 * 3600 },
    parameters,
    (d) => {
      d.sim.apply({ do: 'cardiacArrest', rhythm: 'vf' });
      if (perfusedAt4h) {
        circuitBy(d, 'va-ecmo', 4 * 3600, 37, REPERFUSION_FLOW_L_PER_MIN);
        d.mark('4 h');
        d.settle(6 * 3600);
        return;
      }
      d.to(4 * 3600);
      d.mark('4 h');
      d.to(10 * 3600);
      d.mark('10 h');
    },
  );
}

/**
 * Emergency preservation and resuscitation (case H3): the reference man (22 °C room, 1 clo) arrests
 * in VF at time zero. At 2 min a cardiopulmonary bypass circuit (cannulated from 1 min) pumps
 * 4.5 L/min through 2 °C water with the sweep gas off (a cold flush without oxygen) until the brain is
 * at `brainC`; then the pump stops. At `noFlowMin` after the arrest the pump restarts with oxygen
 * (FiO2 1) and the water at `brainC`; 30 min later the water rises 6 °C/h to 34 °C, where it stays (the
 * dogs were held at 34 °C to 12 h). Marks: 'cold' (the brain at its target), 'reflow'.
 */
export function eprRun(
  parameters: Readonly<Record<string, number>>,
  noFlowMin: number,
  brainC: number,
): IschaemiaRun {
  return ischaemiaRun(
    `epr:${noFlowMin}:${brainC}`,
    { environment: INDOOR_AIR, endS: 16 * 3600 },
    parameters,
    (d) => {
      d.sim.apply({ do: 'cardiacArrest', rhythm: 'vf' });
      circuitBy(d, 'cpb', 120, FLUSH_WATER_C, 0);
      d.until((s) => s.brainTempC <= brainC, 3600);
      d.mark('cold');
      d.sim.apply({ do: 'stopPump' });
      d.to(noFlowMin * 60);
      water(d, brainC);
      oxygenOn(d);
      d.sim.apply({ do: 'setPumpFlow', flowLPerMin: REPERFUSION_FLOW_L_PER_MIN });
      d.mark('reflow');
      d.to(d.sim.timeS() + 1800);
      for (let w = brainC; w < 34;) {
        w = Math.min(34, w + 0.1);
        water(d, w);
        d.to(d.sim.timeS() + 60);
      }
      d.settle(10 * 3600);
    },
  );
}

/** How often the cooling servo sets the water, s. */
const SERVO_EVERY_S = 10;
/** Degrees of water below the target per degree of brain above it, in the cooling servo. */
const SERVO_GAIN = 3;

/**
 * The water a servo-controlled cooling device chooses to bring the brain to a target and hold it
 * there: 3 °C below the target per °C the brain is above it, within the heater-cooler's 2–37 °C. It
 * brings the brain from 37 °C to within 0.5 °C of 34 °C in about 3.5 min, then holds it about 0.1 °C
 * above the target.
 */
function servoWaterC(targetC: number, brainC: number): number {
  return Math.min(37, Math.max(FLUSH_WATER_C, targetC - SERVO_GAIN * (brainC - targetC)));
}

/** When and how a warm arrest is reperfused and cooled (cases H4, H5, H6, H9). */
export interface ReperfusionPlan {
  /** Minutes of warm no-flow before the circuit starts. */
  readonly noFlowMin: number;
  /** Brain temperature the cooling servo aims at, °C (none: normothermic, 37 °C water throughout). */
  readonly targetC?: number;
  /**
   * Minutes of cold pumping without oxygen before the sweep gas goes on (cooling before oxygen):
   * water 15 °C below the target until the brain is within 2 °C of it, then the cooling servo.
   * Without it oxygen returns with the flow.
   */
  readonly coolBeforeOxygenMin?: number;
  /** Minutes after oxygen returns when the cooling servo starts (without coolBeforeOxygenMin). */
  readonly coolFromMin?: number;
  /** Minutes after oxygen returns when rewarming (37 °C water) begins. */
  readonly rewarmAtMin?: number;
}

/**
 * A witnessed arrest reperfused on VA-ECMO (cases H4, H5, H6, H9): the reference man (22 °C room,
 * 1 clo) arrests in VF at time zero; no compressions. The circuit (cannulated during the preceding
 * 5 min) starts at `noFlowMin` at 4.5 L/min. Normothermic: 37 °C water and oxygen at once. Cooling
 * after reflow: 37 °C water, then the cooling servo (servoWaterC) from `coolFromMin` after reflow.
 * Cooling before oxygen: the sweep gas off, water 15 °C below the target until the brain is within
 * 2 °C of it, then the servo, and oxygen after `coolBeforeOxygenMin`. Rewarming with 37 °C water at
 * `rewarmAtMin` after oxygen. Marks: 'oxygen' (when oxygen returns), 'target' (the brain first within
 * 0.5 °C of the target).
 */
export function reperfusionRun(
  parameters: Readonly<Record<string, number>>,
  plan: ReperfusionPlan,
): IschaemiaRun {
  return ischaemiaRun(
    `reperfusion:${JSON.stringify(plan)}`,
    { environment: INDOOR_AIR, endS: 12 * 3600 },
    parameters,
    (d) => {
      const target = plan.targetC;
      const beforeOxygen = plan.coolBeforeOxygenMin ?? 0;
      const pumpS = plan.noFlowMin * 60;
      const oxygenS = pumpS + beforeOxygen * 60;
      const reached = (s: Snapshot): boolean =>
        target !== undefined && s.brainTempC <= target + 0.5;
      let targetMarked = false;
      /** Holds the brain at a target with the water (servo, every 10 s) until a time. */
      const servoTo = (targetC: number, untilS: number): void => {
        while (d.sim.timeS() < untilS - 1e-9) {
          const s = d.sim.snapshot();
          if (!targetMarked && reached(s)) {
            d.mark('target');
            targetMarked = true;
          }
          if (Math.round(s.tS) % SERVO_EVERY_S === 0) water(d, servoWaterC(targetC, s.brainTempC));
          d.to(d.sim.timeS() + 1);
        }
      };
      d.sim.apply({ do: 'cardiacArrest', rhythm: 'vf' });
      if (target !== undefined && beforeOxygen > 0) {
        circuitBy(d, 'va-ecmo', pumpS, Math.max(FLUSH_WATER_C, target - 15), 0);
        d.until((s) => s.brainTempC <= target + 2, oxygenS - pumpS);
        servoTo(target, oxygenS);
        oxygenOn(d);
      } else {
        circuitBy(d, 'va-ecmo', pumpS, 37, REPERFUSION_FLOW_L_PER_MIN);
      }
      d.mark('oxygen');
      if (target !== undefined) {
        if (beforeOxygen === 0) d.to(oxygenS + (plan.coolFromMin ?? 0) * 60);
        servoTo(target, oxygenS + (plan.rewarmAtMin ?? 60) * 60);
        water(d, 37);
      }
      d.settle(10 * 3600);
    },
  );
}

/** Brain temperature at which the circulation stops in case H7's deep hypothermic arrest, °C. */
export const DHCA_BRAIN_C = 18;
/** Minutes of circulatory arrest and of cold reperfusion before rewarming in case H7. */
export const DHCA_ARREST_MIN = 35;
export const DHCA_COLD_REPERFUSION_MIN = 30;

/**
 * Cold cardiopulmonary bypass rewarmed at a set rate (case H7), after the project's deep hypothermic
 * arrest scenario (public/scenarios/dhca-aortic-surgery.yaml): the reference man, ventilated (FiO2
 * 0.5) in a 20 °C theatre, uncovered; bypass (cannulated in 5 min) at 2.4 L/min/m² with oxygen (FiO2
 * 1), the water stepped down 30, 26, 22, 18, 15 °C every 5 min until the brain is at 18 °C; the pump
 * stops for 35 min; it restarts with 15 °C water for 30 min of cold reperfusion; then the water rises
 * from the venous temperature at `rateCPerH` to 37 °C. Marks: 'arrest', 'reflow', 'rewarming',
 * 'brain 35' (the brain first at 35 °C).
 */
export function dhcaRewarmingRun(
  parameters: Readonly<Record<string, number>>,
  rateCPerH: number,
): IschaemiaRun {
  return ischaemiaRun(
    `dhca:${rateCPerH}`,
    { environment: THEATRE_AIR, ventilationFio2: 0.5, endS: 14 * 3600 },
    parameters,
    (d) => {
      const flow = 2.4 * d.sim.body.thermal.composition.surfaceAreaM2;
      circuitBy(d, 'cpb', PUMP_CANNULATION_S, 30, flow, flow);
      for (const w of [26, 22, 18, 15]) {
        d.to(d.sim.timeS() + 300);
        water(d, w);
      }
      d.until((s) => s.brainTempC <= DHCA_BRAIN_C, 3600);
      d.sim.apply({ do: 'stopPump' });
      d.mark('arrest');
      d.to(d.sim.timeS() + DHCA_ARREST_MIN * 60);
      d.sim.apply({ do: 'setPumpFlow', flowLPerMin: flow });
      d.mark('reflow');
      d.to(d.sim.timeS() + DHCA_COLD_REPERFUSION_MIN * 60);
      d.mark('rewarming');
      let w = d.sim.snapshot().venousTempC;
      while (w < 37 && d.sim.snapshot().brainTempC < 35) {
        w = Math.min(37, w + rateCPerH / 60);
        water(d, w);
        for (let s = 0; s < 60 && d.sim.snapshot().brainTempC < 35; s++) d.to(d.sim.timeS() + 1);
      }
      d.mark('brain 35');
      while (w < 37) {
        w = Math.min(37, w + rateCPerH / 60);
        water(d, w);
        d.to(d.sim.timeS() + 60);
      }
      d.settle(8 * 3600);
    },
  );
}

/** Minutes of no-flow and of compressions before the circuit starts in case H8. */
export const TTM_NO_FLOW_MIN = 5;
export const TTM_CPR_MIN = 20;
/** Hours after reflow when cooling starts, and when the brain is read, in case H8. */
export const TTM_COOLING_FROM_H = 2;
export const TTM_READ_AT_H = 4;

/**
 * Targeted temperature management (case H8): the reference man (22 °C room, 1 clo) arrests in VF at
 * time zero; after 5 min without flow, manual compressions and ventilation with FiO2 1 for 20 min
 * (25 min to return of circulation, the TTM trial's median); then VA-ECMO (cannulated during the last
 * 5 min of compressions) with 37 °C water and oxygen, compressions stopped. From 2 h after reflow the
 * water is at `targetC` (the circuit stands in for a cooling device); the brain is read 8 h after
 * reflow and, if a cell is still at risk, when none is. Marks: 'reflow', 'cooling'.
 */
export function ttmRun(
  parameters: Readonly<Record<string, number>>,
  targetC: number,
): IschaemiaRun {
  return ischaemiaRun(
    `ttm:${targetC}`,
    { environment: INDOOR_AIR, endS: 20 * 3600 },
    parameters,
    (d) => {
      d.sim.apply({ do: 'cardiacArrest', rhythm: 'vf' });
      d.to(TTM_NO_FLOW_MIN * 60);
      d.sim.apply({ do: 'startCpr', mode: 'manual' });
      d.sim.apply({ do: 'ventilate', fio2: 1 });
      const reflowS = (TTM_NO_FLOW_MIN + TTM_CPR_MIN) * 60;
      circuitBy(d, 'va-ecmo', reflowS, 37, REPERFUSION_FLOW_L_PER_MIN);
      d.sim.apply({ do: 'stopCpr' });
      d.mark('reflow');
      d.to(reflowS + TTM_COOLING_FROM_H * 3600);
      water(d, targetC);
      d.mark('cooling');
      d.to(reflowS + TTM_READ_AT_H * 3600);
      d.settle(8 * 3600);
    },
  );
}
