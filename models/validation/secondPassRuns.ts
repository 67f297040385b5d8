// Model runs behind the validation cases of the physiology's second pass (issue 15): a body without
// circulation in cold water and in room air (shivering and potassium), the porcine comparison of
// potassium after asphyxia-first and cooling-first arrests, and asphyxiated patients taken to ECLS. Pure TypeScript: runs in Node and in the
// browser. Results are cached per module, so cases sharing a run pay for it once.

import type { Action } from '../core/actions.ts';
import { createSimulation, type Simulation } from '../engine/simulation.ts';
import type { Outcome } from '../engine/outputs.ts';
import type { Snapshot } from '../engine/snapshot.ts';
import { ensembleDesign, memberParameters } from '../ensemble/sampling.ts';
import type { Scenario, StartEnvironment } from '../scenario/types.ts';
import type { PatientSpec } from '../parameters/body.ts';
import {
  BEFORE_IMMERSION_AIR,
  PUMP_CANNULATION_S,
  REFERENCE_MAN,
  THERMONEUTRAL_AIR,
  isArrest,
  validationScenario,
  type ScenarioOptions,
} from './runs.ts';
import { S } from '../core/state.ts';
import { exp, log, log2 } from '../math/detmath.ts';

/** One decimal place (or as many as asked), for run details. */
export function fmt(x: number | null, decimals = 1): string {
  return x === null || !Number.isFinite(x) ? '—' : x.toFixed(decimals);
}

/** A validation scenario run (seed 1) from time zero to its end: the snapshots at the two. */
function startAndEnd(options: ScenarioOptions): {
  readonly start: Snapshot;
  readonly end: Snapshot;
} {
  const sim = createSimulation(validationScenario(options), { seed: 1 });
  const start = sim.snapshot();
  sim.advance(options.endS);
  return { start, end: sim.snapshot() };
}

// --- A body without circulation: reference cases P3a and P3b -------------------------------------

/** Water of the pulseless-body runs, °C: ice water. */
export const DEAD_BODY_WATER_C = 2;
/** Room air of the pulseless-body runs: 20 °C, dressed (1 clo), as before the immersion runs. */
export const DEAD_BODY_AIR: StartEnvironment = BEFORE_IMMERSION_AIR;
/** How long the pulseless-body runs last, s. */
const DEAD_BODY_S = 3 * 3600;
/** Shivering is counted from this long after the heart stops, s (it may take a step to stop). */
export const DEAD_BODY_SHIVERING_FROM_S = 60;

export interface DeadBodyRun {
  /** Highest shivering, fraction of its ceiling, from 1 min after the arrest to the end. */
  readonly maxShivering: number;
  /** Plasma potassium at the arrest and 1 h after it, mmol/L. */
  readonly potassiumAtArrest: number;
  readonly potassiumAt1h: number;
  /** Core and trunk-muscle temperatures 1 h after the arrest, °C. */
  readonly coreAt1hC: number;
  readonly muscleAt1hC: number;
  /** Core temperature at the end (3 h), °C. */
  readonly coreAtEndC: number;
}

const deadBodyCache = new Map<string, DeadBodyRun>();

/**
 * The reference man, dressed in 20 °C air and settled there, goes into asystole at time zero (no
 * compressions, no breathing) and at the same moment either stays in the 20 °C air or goes into 2 °C
 * water to the neck; sampled every 10 s for 3 h. Seed 1.
 */
export function deadBodyRun(where: 'air' | 'water'): DeadBodyRun {
  const cached = deadBodyCache.get(where);
  if (cached !== undefined) return cached;
  const sim = createSimulation(
    validationScenario({
      environment: DEAD_BODY_AIR,
      timeline: [
        { atS: 0, action: { do: 'cardiacArrest', rhythm: 'asystole' } },
        { atS: 0, action: { do: 'stopBreathing' } },
        ...(where === 'water'
          ? [
              {
                atS: 0,
                action: {
                  do: 'setEnvironment',
                  medium: 'water',
                  temperatureC: DEAD_BODY_WATER_C,
                } as const,
              },
            ]
          : []),
      ],
      endS: DEAD_BODY_S,
    }),
    { seed: 1 },
  );
  let maxShivering = 0;
  let potassiumAtArrest = Number.NaN;
  let at1h: Snapshot | null = null;
  let last: Snapshot = sim.snapshot();
  while (!sim.isFinished()) {
    sim.advance(10);
    last = sim.snapshot();
    if (Number.isNaN(potassiumAtArrest)) potassiumAtArrest = last.potassiumMmolPerL;
    if (last.tS >= DEAD_BODY_SHIVERING_FROM_S)
      maxShivering = Math.max(maxShivering, last.shivering);
    if (at1h === null && last.tS >= 3600) at1h = last;
  }
  const h = at1h ?? last;
  const run: DeadBodyRun = {
    maxShivering,
    potassiumAtArrest,
    potassiumAt1h: h.potassiumMmolPerL,
    coreAt1hC: h.coreTempC,
    muscleAt1hC: h.muscleTempC,
    coreAtEndC: last.coreTempC,
  };
  deadBodyCache.set(where, run);
  return run;
}

export function describeDeadBody(where: 'air' | 'water'): string {
  const r = deadBodyRun(where);
  return `${where === 'air' ? '20 °C air' : `${DEAD_BODY_WATER_C} °C water`}: potassium ${fmt(r.potassiumAtArrest, 2)} → ${fmt(r.potassiumAt1h, 2)} mmol/L in the first hour (core ${fmt(r.coreAt1hC)} °C, trunk muscle ${fmt(r.muscleAt1hC)} °C then); highest shivering after the first minute ${fmt(r.maxShivering, 3)} of its ceiling; core ${fmt(r.coreAtEndC)} °C after 3 h`;
}

// --- Resting in neutral and in cold air: reference cases P2a and P2b -----------------------------

/** Tikuisis, Bell & Jacobs 1991: resting men in shorts in 10 °C air for 2 h. */
export const TIKUISIS_COLD_AIR =
  'Tikuisis P, Bell DG, Jacobs I, Shivering onset, metabolic response, and convective heat transfer during cold air exposure, J Appl Physiol 1991;70:1996-2002 [read: abstract]: 13 men resting supine in shorts, 10 °C air (42 % humidity, airflow below 0.4 m/s) for 2 h: "rectal temperatures fluctuated slightly but not significantly during exposure", while skin temperature fell greatly and shivering raised the metabolic rate';

/** How long the resting-in-air runs last, s. */
const AIR_REST_S = 2 * 3600;
/** The cold air of Tikuisis 1991, °C, and shorts only, clo. */
export const COLD_AIR_C = 10;
export const SHORTS_CLO = 0.1;

export interface AirRestRun {
  /** Core (trunk organs) at time zero and after 2 h, °C. */
  readonly coreStartC: number;
  readonly coreEndC: number;
  /** Mean skin temperature and shivering heat after 2 h. */
  readonly skinEndC: number;
  readonly shiveringEndW: number;
  /** Sweating-driven evaporation is not in the snapshot; total heat loss after 2 h, W. */
  readonly heatLossEndW: number;
  readonly metabolicEndW: number;
}

const airRestCache = new Map<string, AirRestRun>();

/**
 * The reference man settled in thermoneutral air (28 °C, 1 clo) rests there for 2 h ('neutral'), or
 * at time zero undresses to shorts in 10 °C still air and rests there for 2 h ('cold'). Seed 1.
 */
export function airRestRun(kind: 'neutral' | 'cold'): AirRestRun {
  const cached = airRestCache.get(kind);
  if (cached !== undefined) return cached;
  const { start, end } = startAndEnd({
    environment: THERMONEUTRAL_AIR,
    timeline:
      kind === 'cold'
        ? [
            {
              atS: 0,
              action: {
                do: 'setEnvironment',
                medium: 'air',
                temperatureC: COLD_AIR_C,
                clothingClo: SHORTS_CLO,
              },
            },
          ]
        : [],
    endS: AIR_REST_S,
  });
  const run: AirRestRun = {
    coreStartC: start.coreTempC,
    coreEndC: end.coreTempC,
    skinEndC: end.skinTempC,
    shiveringEndW: end.shiveringHeatW,
    heatLossEndW: end.heatLossW,
    metabolicEndW: end.metabolicHeatW,
  };
  airRestCache.set(kind, run);
  return run;
}

export function describeAirRest(kind: 'neutral' | 'cold'): string {
  const r = airRestRun(kind);
  return `${kind === 'neutral' ? 'thermoneutral air (28 °C, 1 clo)' : `${COLD_AIR_C} °C air in shorts`}: core ${fmt(r.coreStartC, 2)} → ${fmt(r.coreEndC, 2)} °C in 2 h; then mean skin ${fmt(r.skinEndC)} °C, shivering ${fmt(r.shiveringEndW, 0)} W, metabolism ${fmt(r.metabolicEndW, 0)} W against a heat loss of ${fmt(r.heatLossEndW, 0)} W`;
}

// --- Fat and lean in 15 °C water: reference case W4 (issue 15, item 1) -------------------------------

/** Keatinge 1960 and Pugh & Edholm 1955: thin men cool far faster than fat men in 15–16 °C water. */
export const FAT_LEAN_WATER =
  'Keatinge WR, J Physiol 1960;153:166, as summarised by Cannon P, Keatinge WR, J Physiol 1960;154:329 [read]: "the rate at which men\u2019s rectal temperatures fell in water at 15 °C was closely related to their subcutaneous-fat thickness", while their early metabolic response was not; Pugh LGCE, Edholm OG, Lancet 1955;ii:761 [recall]: in 16 °C water a fat Channel swimmer held his rectal temperature for hours while a thin man\u2019s fell by about 2 °C within half an hour; Hayward MG, Keatinge WR, J Physiol 1981;320:229 [read: abstract]: total body insulation in cold water is closely determined by subcutaneous fat thickness (r = 0.92); Appl Human Sci 1996;15:161 [read: abstract]: resting men in 15 °C water cool 3.818 − 0.109 × 15 = 2.2 °C/h, lean faster than obese';

/** The water of the fat-and-lean comparison, °C, and how long the men stay in it, s. */
export const FAT_LEAN_WATER_C = 15;
const FAT_LEAN_S = 3600;

/** Two young men of the same height and mass, one lean and one fat. */
export const LEAN_MAN: PatientSpec = {
  sex: 'male',
  ageYears: 25,
  massKg: 75,
  heightCm: 178,
  bodyFatPercent: 10,
};
export const FAT_MAN: PatientSpec = { ...LEAN_MAN, bodyFatPercent: 30 };

export interface FatLeanRun {
  readonly coreStartC: number;
  readonly coreEndC: number;
  readonly shiveringEndW: number;
  readonly heatLossEndW: number;
}

const fatLeanCache = new Map<string, FatLeanRun>();

/** One of the two men, settled in thermoneutral air, immersed head out in 15 °C water for 1 h. */
export function fatLeanRun(build: 'lean' | 'fat'): FatLeanRun {
  const cached = fatLeanCache.get(build);
  if (cached !== undefined) return cached;
  const { start, end } = startAndEnd({
    patient: build === 'lean' ? LEAN_MAN : FAT_MAN,
    environment: THERMONEUTRAL_AIR,
    timeline: [
      {
        atS: 0,
        action: { do: 'immerse', waterTemperatureC: FAT_LEAN_WATER_C, headAboveWater: true },
      },
    ],
    endS: FAT_LEAN_S,
  });
  const run: FatLeanRun = {
    coreStartC: start.coreTempC,
    coreEndC: end.coreTempC,
    shiveringEndW: end.shiveringHeatW,
    heatLossEndW: end.heatLossW,
  };
  fatLeanCache.set(build, run);
  return run;
}

export function describeFatLean(): string {
  const part = (build: 'lean' | 'fat'): string => {
    const r = fatLeanRun(build);
    return `${build} (${(build === 'lean' ? LEAN_MAN : FAT_MAN).bodyFatPercent} % fat): core ${fmt(r.coreStartC, 2)} → ${fmt(r.coreEndC, 2)} °C, shivering ${fmt(r.shiveringEndW, 0)} W, heat loss ${fmt(r.heatLossEndW, 0)} W at 1 h`;
  };
  return `${part('lean')}; ${part('fat')}`;
}

// --- Heat after bypass at 31 and 27 °C: reference cases P5a–P5c ------------------------------------

/** Rajek et al. 1998: heat content and afterdrop after bypass at 31 and 27 °C. */
export const RAJEK_BYPASS =
  'Rajek A, Lenhardt R, Sessler DI et al., Tissue heat content and distribution during and after cardiopulmonary bypass at 31 °C and 27 °C, Anesthesiology 1998;88:1511-8 [read: abstract]: patients cooled on bypass to a nasopharyngeal temperature near 31 °C (n = 8) or 27 °C (n = 8), rewarmed by the heat exchanger to about 37.5 °C; 31 °C: body heat content fell 231 ± 93 kcal, at the end of rewarming it was 87 ± 42 kcal more than at the onset of cooling (core heat, taken at the nasopharyngeal temperature, 94 ± 33 above; peripheral 7 ± 27 below), peripheral tissue 34 ± 1.4 °C at the end of bypass, afterdrop 1.5 ± 0.4 °C; 27 °C: heat fell 419 ± 49 kcal, peripheral tissue 32.8 ± 2.1 °C at the end of bypass, afterdrop 2.3 ± 0.9 °C';

export const RAJEK_METHOD =
  'Reference man (35 y, 73 kg, 176 cm) at 37 °C, ventilated (FiO2 0.5) in a 20 °C theatre under a drape (0.5 clo); seed 1. Cardiopulmonary bypass (cannulated in 5 min) at 2.4 L/min/m² with oxygen (FiO2 0.6); the water 8 °C below the target until the brain (the nasopharyngeal probe) reaches it, then at the target for 45 min; then rewarmed with the water 10 °C above the venous blood while it is below 30 °C and 4 °C above after (at most 39 °C) until the brain is at 37.5 °C; then the pump stops and the cannulae come out. Heat content from the model’s heat balance (every compartment, each at its own temperature). Afterdrop: brain at separation − its lowest in the next 2 h.';

export interface RajekRun {
  /** Heat stored since time zero at its lowest and at the end of rewarming, kcal. */
  readonly lowestHeatKcal: number;
  readonly heatAtSeparationKcal: number;
  /** Temperatures at separation, °C. */
  readonly brainAtSeparationC: number;
  readonly coreAtSeparationC: number;
  readonly limbAtSeparationC: number;
  /** Brain at separation − its lowest in the next 2 h, °C, and when that was, min after. */
  readonly afterdropC: number;
  readonly afterdropAtMin: number;
  /** Minutes on the pump. */
  readonly bypassMin: number;
}

const rajekCache = new Map<number, RajekRun>();
const KCAL_J = 4184;

export function rajekRun(targetC: 31 | 27): RajekRun {
  const cached = rajekCache.get(targetC);
  if (cached !== undefined) return cached;
  const sim = createSimulation(
    validationScenario({
      environment: { medium: 'air', temperatureC: 20, clothingClo: 0.5 },
      coreTempC: 37,
      ventilationFio2: 0.5,
      endS: 10 * 3600,
    }),
    { seed: 1 },
  );
  const flow = 2.4 * sim.body.thermal.composition.surfaceAreaM2;
  sim.apply({ do: 'cannulate', mode: 'cpb', durationS: PUMP_CANNULATION_S });
  sim.apply({ do: 'setOxygenator', fio2: 0.6, sweepLPerMin: flow });
  sim.apply({ do: 'startPump', flowLPerMin: flow });
  sim.apply({ do: 'setHeaterCooler', waterTemperatureC: targetC - 8 });
  let s = sim.snapshot();
  let lowest = 0;
  const step = (): void => {
    sim.advance(10);
    s = sim.snapshot();
    lowest = Math.min(lowest, sim.heatBalance().storedJ);
  };
  while (s.brainTempC > targetC && s.tS < 3 * 3600) step();
  sim.apply({ do: 'setHeaterCooler', waterTemperatureC: targetC });
  const holdUntilS = s.tS + 45 * 60;
  while (s.tS < holdUntilS) step();
  while (s.brainTempC < 37.5 && s.tS < 7 * 3600) {
    if (s.tS % 60 === 0) {
      const venous = s.venousTempC;
      sim.apply({
        do: 'setHeaterCooler',
        waterTemperatureC: Math.min(39, venous + (venous < 30 ? 10 : 4)),
      });
    }
    step();
  }
  const separation = s;
  const heatAtSeparation = sim.heatBalance().storedJ;
  sim.apply({ do: 'stopPump' });
  sim.apply({ do: 'decannulate' });
  let lowestBrain = separation.brainTempC;
  let lowestAtS = separation.tS;
  while (s.tS < separation.tS + 2 * 3600) {
    step();
    if (s.brainTempC < lowestBrain) {
      lowestBrain = s.brainTempC;
      lowestAtS = s.tS;
    }
  }
  const run: RajekRun = {
    lowestHeatKcal: lowest / KCAL_J,
    heatAtSeparationKcal: heatAtSeparation / KCAL_J,
    brainAtSeparationC: separation.brainTempC,
    coreAtSeparationC: separation.coreTempC,
    limbAtSeparationC: separation.limbTempC,
    afterdropC: separation.brainTempC - lowestBrain,
    afterdropAtMin: (lowestAtS - separation.tS) / 60,
    bypassMin: (separation.tS - PUMP_CANNULATION_S) / 60,
  };
  rajekCache.set(targetC, run);
  return run;
}

export function describeRajek(targetC: 31 | 27): string {
  const r = rajekRun(targetC);
  return `to ${targetC} °C: ${fmt(r.bypassMin, 0)} min on the pump; heat content at its lowest ${fmt(r.lowestHeatKcal, 0)} kcal, at the end of rewarming ${fmt(r.heatAtSeparationKcal, 0)} kcal; then brain ${fmt(r.brainAtSeparationC)} °C, trunk organs ${fmt(r.coreAtSeparationC)} °C, limb muscle ${fmt(r.limbAtSeparationC)} °C; afterdrop ${fmt(r.afterdropC, 2)} °C, lowest ${fmt(r.afterdropAtMin, 0)} min after separation`;
}

// --- Potassium after asphyxia-first and cooling-first arrests: reference cases P4a–P4c -----------

/** The porcine study of potassium after asphyxia-first and cooling-first arrests. */
export const PORCINE_POTASSIUM =
  'Low plasma potassium in deep hypothermic cardiac arrest indicates that cardiac arrest is secondary to hypothermia: a porcine study, Eur J Emerg Med 2010;17:131-5 (Uppsala) [read: abstract]: 5 pigs cooled on extracorporeal circulation to 20 °C, weaned, arrested and packed in ice: plasma potassium above 10 mmol/L after a median 3.5 h; 5 pigs killed by anoxia at normothermia, then treated alike: after a median 1 h (intermittent compressions mixed the blood for sampling)';

export const PORCINE_METHOD =
  'Reference man (35 y, 73 kg, 176 cm), no compressions: the model’s plasma is one well-mixed pool, so the mixing compressions are not needed; sampled every 10 s; seed 1.';

/** Longest wait for potassium to reach 10 mmol/L after the arrest, s. */
const PORCINE_MAX_S = 12 * 3600;
/** The level whose crossing the porcine study timed, mmol/L. */
export const PORCINE_POTASSIUM_LEVEL = 10;

export interface PorcineRun {
  /** When the heart stopped, s after time zero. */
  readonly arrestS: number;
  /** Plasma potassium when the heart stopped, mmol/L. */
  readonly potassiumAtArrest: number;
  /** Time from the arrest to a plasma potassium of 10 mmol/L, s (null: not within 12 h). */
  readonly timeTo10S: number | null;
  /** Core temperature when potassium reached 10 mmol/L (or at the end), °C. */
  readonly coreAt10C: number;
}

const porcineCache = new Map<string, PorcineRun>();

/**
 * The two arms of the porcine study, on the reference man (no compressions: the model's plasma is one
 * well-mixed pool, so the pigs' intermittent compressions, given to mix the blood for sampling, are not
 * needed). 'anoxia first': settled at 37 °C in 20 °C air on a ventilator (FiO2 0.5); at time zero the
 * ventilator is stopped and he cannot breathe; when the heart stops he is packed in ice (0 °C water to
 * the neck). 'cooling first': settled at a core of 20 °C on the ventilator (as the pigs, cooled on
 * bypass); at time zero the heart fibrillates, the ventilator stops and he is packed in ice. Sampled
 * every 10 s until potassium reaches 10 mmol/L. Seed 1.
 */
export function porcineRun(arm: 'anoxia first' | 'cooling first'): PorcineRun {
  const cached = porcineCache.get(arm);
  if (cached !== undefined) return cached;
  const coolingFirst = arm === 'cooling first';
  const ice = { do: 'setEnvironment', medium: 'water', temperatureC: 0 } as const;
  const sim = createSimulation(
    validationScenario({
      environment: { medium: 'air', temperatureC: 20 },
      ...(coolingFirst ? { coreTempC: 20 } : {}),
      ventilationFio2: 0.5,
      timeline: [
        { atS: 0, action: { do: 'stopVentilation' } },
        { atS: 0, action: { do: 'stopBreathing' } },
        ...(coolingFirst
          ? [
              { atS: 0, action: { do: 'cardiacArrest', rhythm: 'vf' } as const },
              { atS: 0, action: ice },
            ]
          : []),
      ],
      endS: PORCINE_MAX_S,
    }),
    { seed: 1 },
  );
  let arrest: Snapshot | null = null;
  let last = sim.snapshot();
  let timeTo10S: number | null = null;
  while (!sim.isFinished()) {
    sim.advance(10);
    last = sim.snapshot();
    if (arrest === null && isArrest(last)) {
      arrest = last;
      if (!coolingFirst) sim.apply(ice);
    }
    if (arrest !== null && last.potassiumMmolPerL >= PORCINE_POTASSIUM_LEVEL) {
      timeTo10S = last.tS - arrest.tS;
      break;
    }
  }
  const run: PorcineRun = {
    arrestS: arrest?.tS ?? Number.NaN,
    potassiumAtArrest: arrest?.potassiumMmolPerL ?? Number.NaN,
    timeTo10S,
    coreAt10C: last.coreTempC,
  };
  porcineCache.set(arm, run);
  return run;
}

export function describePorcine(arm: 'anoxia first' | 'cooling first'): string {
  const r = porcineRun(arm);
  return `${arm}: heart stopped ${fmt(r.arrestS / 60)} min after time zero with potassium ${fmt(r.potassiumAtArrest, 2)} mmol/L; 10 mmol/L ${r.timeTo10S === null ? 'not reached in 12 h' : `${fmt(r.timeTo10S / 60)} min after the arrest`}, core ${fmt(r.coreAt10C)} °C then`;
}

// --- Asphyxia, then CPR and ECLS rewarming: reference case P4d ----------------------------------

/** Members of the sampled ensemble behind P4d (each parameter with a range is sampled). */
export const ASPHYXIA_MEMBERS = 24;
/** Seed of the ensemble design. */
const ASPHYXIA_DESIGN_SEED = 1;
/** Model step of the ensemble's runs, s (the ensembles' default). */
const ASPHYXIA_STEP_S = 5;
/** Minutes of CPR from the dig-out to the pump's start. */
export const ASPHYXIA_CPR_MIN = 60;
/** Plasma potassium above which no admitted patient has survived, mmol/L. */
export const POTASSIUM_NO_SURVIVOR_MMOL_PER_L = 12;

/** Where the body lay while it could not breathe, and for how long. */
export interface AsphyxiaExposure {
  readonly label: string;
  readonly medium: 'air' | 'water';
  readonly temperatureC: number;
  readonly minutes: number;
}

/** Two long asphyxias that bring most sampled patients to hospital above 12 mmol/L. */
export const ASPHYXIA_EXPOSURES: readonly AsphyxiaExposure[] = [
  { label: '3 h in 10 °C air', medium: 'air', temperatureC: 10, minutes: 180 },
  { label: '4 h in 10 °C water', medium: 'water', temperatureC: 10, minutes: 240 },
];

export interface AsphyxiaEclsRun {
  readonly exposure: string;
  readonly member: number;
  /** Plasma potassium when the pump starts (the admission sample), mmol/L. */
  readonly admissionPotassium: number;
  readonly admissionCoreC: number;
  readonly survived: boolean;
  /** Outcome.survival_probability: alive, and not dead later of the risks after ECLS. */
  readonly survivalProbability: number;
  readonly cpc: number;
}

/**
 * The ECLS protocol of P4d and the HOPE grid (P8): `first` at time zero (the arrest or the dig-out),
 * then mechanical compressions and ventilation with oxygen at once, 22 °C air (1 clo) from 10 min,
 * VA-ECMO cannulated 15 min before the pump, the heater-cooler water at 25 °C and the oxygenator on
 * (FiO2 1, sweep 4.5 L/min) a minute before it, the pump at 4.5 L/min at `pumpS`, compressions
 * stopped a minute later, and the water 2 °C warmer every 30 min to 37 °C.
 */
function eclsTimeline(first: Action, pumpS: number): { atS: number; action: Action }[] {
  const at = (atS: number, action: Action) => ({ atS, action });
  return [
    at(0, first),
    at(0, { do: 'startCpr', mode: 'mechanical' }),
    at(0, { do: 'ventilate', fio2: 1 }),
    at(600, { do: 'setEnvironment', medium: 'air', temperatureC: 22, clothingClo: 1 }),
    at(pumpS - 900, { do: 'cannulate', mode: 'va-ecmo' }),
    at(pumpS - 60, { do: 'setHeaterCooler', waterTemperatureC: 25 }),
    at(pumpS - 60, { do: 'setOxygenator', fio2: 1, sweepLPerMin: 4.5 }),
    at(pumpS, { do: 'setPumpFlow', flowLPerMin: 4.5 }),
    at(pumpS + 60, { do: 'stopCpr' }),
    ...[27, 29, 31, 33, 35, 37].map((w, i) =>
      at(pumpS + 1800 * (i + 1), { do: 'setHeaterCooler', waterTemperatureC: w }),
    ),
  ];
}

/**
 * Runs an ECLS scenario to its end at the ensembles' 5 s step, sampled every minute, with a shock
 * every 15 min while the heart fibrillates above 30 °C. Returns the simulation, its outcome and the
 * admission sample: the first snapshot at or after `pumpS` (the last one if the run ends before).
 */
function runEcls(
  scenario: Scenario,
  seed: number,
  parameters: Readonly<Record<string, number>>,
  pumpS: number,
): { readonly sim: Simulation; readonly outcome: Outcome; readonly admission: Snapshot } {
  const sim = createSimulation(scenario, { seed, parameters, stepSeconds: ASPHYXIA_STEP_S });
  let admission: Snapshot | null = null;
  while (!sim.isFinished()) {
    sim.advance(60);
    const s = sim.snapshot();
    if (admission === null && s.tS >= pumpS) admission = s;
    if (s.rhythm === 'vf' && s.heartTempC > 30 && s.tS % 900 < 60)
      sim.apply({ do: 'defibrillate' });
  }
  const outcome = sim.outcome();
  return { sim, outcome, admission: admission ?? sim.snapshot() };
}

/**
 * One member: the reference man lies in the air (0.5 clo) or water of the exposure unable to breathe
 * (stopBreathing at the start of the history) until time zero; then mechanical compressions and
 * ventilation with oxygen, 22 °C air from 10 min, cannulation for VA-ECMO at 45 min, the pump at
 * 4.5 L/min with the oxygenator on from 60 min (compressions stop a minute later), the heater-cooler
 * water at 25 °C and 2 °C warmer every 30 min to 37 °C; a shock every 15 min while the heart
 * fibrillates above 30 °C. Run to 8 h after the pump starts, at the ensembles' 5 s step.
 */
export function asphyxiaEclsRun(
  exposure: AsphyxiaExposure,
  parameters: Readonly<Record<string, number>>,
  seed: number,
  member: number,
): AsphyxiaEclsRun {
  const pumpS = ASPHYXIA_CPR_MIN * 60;
  const environment =
    exposure.medium === 'air'
      ? ({
          do: 'setEnvironment',
          medium: 'air',
          temperatureC: exposure.temperatureC,
          clothingClo: 0.5,
        } as const)
      : ({ do: 'setEnvironment', medium: 'water', temperatureC: exposure.temperatureC } as const);
  const scenario = {
    ...validationScenario({
      environment: BEFORE_IMMERSION_AIR,
      timeline: eclsTimeline({ do: 'extricate', airTemperatureC: 10 }, pumpS),
      endS: pumpS + 8 * 3600,
    }),
    history: [
      { atS: -exposure.minutes * 60, action: environment },
      { atS: -exposure.minutes * 60, action: { do: 'stopBreathing' } as const },
    ],
  };
  const { outcome, admission: a } = runEcls(scenario, seed, parameters, pumpS);
  return {
    exposure: exposure.label,
    member,
    admissionPotassium: a.potassiumMmolPerL,
    admissionCoreC: a.coreTempC,
    survived: outcome.survived,
    survivalProbability: outcome.survival_probability,
    cpc: outcome.neuro_outcome_cpc,
  };
}

let asphyxiaCache: readonly AsphyxiaEclsRun[] | null = null;

/** Every exposure × every member of a 24-member design over all uncertain parameters (seed 1). */
export function asphyxiaEnsemble(): readonly AsphyxiaEclsRun[] {
  if (asphyxiaCache !== null) return asphyxiaCache;
  const design = ensembleDesign({ members: ASPHYXIA_MEMBERS, seed: ASPHYXIA_DESIGN_SEED });
  const runs: AsphyxiaEclsRun[] = [];
  for (const exposure of ASPHYXIA_EXPOSURES) {
    for (let i = 0; i < design.members; i++) {
      runs.push(asphyxiaEclsRun(exposure, memberParameters(design, i), design.memberSeeds[i]!, i));
    }
  }
  asphyxiaCache = runs;
  return runs;
}

/** Runs admitted above 12 mmol/L. */
export function admittedAbove12(): readonly AsphyxiaEclsRun[] {
  return asphyxiaEnsemble().filter((r) => r.admissionPotassium > POTASSIUM_NO_SURVIVOR_MMOL_PER_L);
}

export function describeAsphyxiaEnsemble(): string {
  const runs = asphyxiaEnsemble();
  const above = admittedAbove12();
  const survivors = above.filter((r) => r.survived);
  const below = runs.filter((r) => r.admissionPotassium <= POTASSIUM_NO_SURVIVOR_MMOL_PER_L);
  const expected = (rs: readonly AsphyxiaEclsRun[]) =>
    rs.reduce((sum, r) => sum + r.survivalProbability, 0);
  const ks = runs.map((r) => r.admissionPotassium).sort((a, b) => a - b);
  return (
    `${runs.length} runs; admission potassium ${fmt(ks[0]!)}–${fmt(ks.at(-1)!)} mmol/L (median ${fmt(ks[Math.floor(ks.length / 2)]!)}); ` +
    `${above.length} admitted above 12 mmol/L, ${survivors.length} of them with a beating heart and a living brain at the end` +
    (survivors.length > 0
      ? ` (${survivors.map((r) => `${r.exposure}, member ${r.member}: ${fmt(r.admissionPotassium)} mmol/L, CPC ${r.cpc}, chance of leaving hospital ${fmt(r.survivalProbability, 2)}`).join('; ')})`
      : '') +
    `, expected survivors ${fmt(expected(above), 2)}; of the ${below.length} admitted at or below 12 mmol/L ${below.filter((r) => r.survived).length} alive at the end, expected survivors ${fmt(expected(below), 2)}`
  );
}

// --- Brain energy in the cold: reference case P7a ---------------------------------------------

/** Brain energy below which the cells have lost their function (the model's reawakeningEnergy). */
export const DEPOLARISATION_ENERGY = 0.3;
/** Inspired oxygen of the ventilated held-temperature state before the arrest. */
const DEPOLARISATION_FIO2 = 0.5;

export interface DepolarisationRun {
  /** Brain temperature when the circulation stops, °C. */
  readonly brainC: number;
  /** Time from the arrest until brain energy falls below 0.3, s. */
  readonly timeS: number;
}

const depolarisationCache = new Map<number, DepolarisationRun>();

/**
 * The reference man settled on a ventilator (FiO2 0.5) with his blood held at a start temperature, in
 * thermoneutral air (as cases 2a–2c); at time zero his heart stops (asystole, no compressions) and the
 * ventilator with it; sampled every second until brain energy falls below 0.3. Seed 1.
 */
export function depolarisationRun(startCoreC: number): DepolarisationRun {
  const key = Math.round(startCoreC * 1e6) / 1e6;
  const cached = depolarisationCache.get(key);
  if (cached !== undefined) return cached;
  const sim = createSimulation(
    validationScenario({
      environment: THERMONEUTRAL_AIR,
      coreTempC: key,
      ventilationFio2: DEPOLARISATION_FIO2,
      timeline: [
        { atS: 0, action: { do: 'cardiacArrest', rhythm: 'asystole' } },
        { atS: 0, action: { do: 'stopVentilation' } },
      ],
      endS: 3 * 3600,
    }),
    { seed: 1 },
  );
  const brainC = sim.snapshot().brainTempC;
  let timeS = Number.NaN;
  let previous = sim.snapshot();
  while (!sim.isFinished()) {
    sim.advance(1);
    const s = sim.snapshot();
    if (s.brainEnergy < DEPOLARISATION_ENERGY) {
      // Interpolate the crossing within the last second.
      const f =
        (previous.brainEnergy - DEPOLARISATION_ENERGY) / (previous.brainEnergy - s.brainEnergy);
      timeS = previous.tS + f * (s.tS - previous.tS);
      break;
    }
    previous = s;
  }
  const run = { brainC, timeS };
  depolarisationCache.set(key, run);
  return run;
}

/**
 * Time to brain energy failure with the brain at a target temperature when the heart stops, s: the
 * start temperature is corrected once for the brain's offset (a secant step) and ln(time) is
 * interpolated linearly between the two runs.
 */
export function depolarisationTimeAtBrainS(targetC: number): number {
  const first = depolarisationRun(targetC);
  const second = depolarisationRun(targetC - (first.brainC - targetC));
  if (Math.abs(second.brainC - first.brainC) < 1e-9) return first.timeS;
  const w = (targetC - first.brainC) / (second.brainC - first.brainC);
  return exp(log(first.timeS) + w * (log(second.timeS) - log(first.timeS)));
}

export function describeDepolarisation(): string {
  const warm = depolarisationTimeAtBrainS(37);
  const cold = depolarisationTimeAtBrainS(20);
  return `brain energy below ${DEPOLARISATION_ENERGY} ${fmt(warm / 60, 2)} min after the heart stops with the brain at 37 °C, ${fmt(cold / 60, 2)} min at 20 °C (rat 1.37 and 7.30 min, gerbil 0.71 and 5.48 min; the human brain uses oxygen more slowly per gram than a rodent's)`;
}

// --- Survival after ECLS against the HOPE score: reference case P8 ----------------------------

/**
 * HOPE survival probability (Pasquier M et al., Resuscitation 2018;126:58), as implemented by an
 * open-source calculator [read; secondary]: logit = 2.44 − 1.55·male − 1.95·asphyxia − 0.0191·age −
 * 2.07·log2(K) − 0.573·log2(CPR min) + 0.937·T − 0.0247·T². (A secondary summary lists a higher age
 * as favourable, which would make the age term positive; the grid holds age at 35 years.)
 */
export function hopeSurvival(c: {
  readonly male: boolean;
  readonly ageYears: number;
  readonly asphyxia: boolean;
  readonly potassiumMmolPerL: number;
  readonly cprMin: number;
  readonly temperatureC: number;
}): number {
  const x =
    2.44 -
    1.55 * (c.male ? 1 : 0) -
    1.95 * (c.asphyxia ? 1 : 0) -
    0.0191 * c.ageYears -
    2.07 * log2(c.potassiumMmolPerL) -
    0.573 * log2(Math.max(1, c.cprMin)) +
    0.937 * c.temperatureC -
    0.0247 * c.temperatureC * c.temperatureC;
  return 1 / (1 + exp(-x));
}

export const HOPE_SOURCE =
  'Pasquier M, Hugli O, Paal P et al., Hypothermia outcome prediction after extracorporeal life support for hypothermic cardiac arrest patients: the HOPE score, Resuscitation 2018;126:58 [read: abstract]: survival to discharge from sex, age, asphyxia, CPR duration, admission potassium and temperature; formula as implemented by an open-source calculator [read; secondary]: logit = 2.44 − 1.55·male − 1.95·asphyxia − 0.0191·age − 2.07·log2 K − 0.573·log2 CPR min + 0.937·T − 0.0247·T² (a secondary summary calls a higher age favourable, which would flip the age term; the grid holds age at 35); external validation: 42 % survived where HOPE predicted 38 % (Pasquier M et al., Resuscitation 2019;139:321) [read: abstract]';

export const HOPE_METHOD =
  'A grid of HOPE-style cases on the reference man (male, 35 y): a witnessed hypothermic arrest (VF) at a settled core of 24 or 28 °C in 5 °C air with compressions and oxygen at once, or 60 or 120 min of asphyxia buried in 0 °C snow (0 °C water to the neck, no breathing) before the dig-out with compressions and oxygen; then 60, 120 or 240 min of CPR (asphyxia: 60 or 120) to the pump, VA-ECMO at 4.5 L/min with the oxygenator on, the heater-cooler water at 25 °C and 2 °C warmer every 30 min to 37 °C, a shock every 15 min while the heart fibrillates above 30 °C, 6 h on the pump, at the ensembles’ 5 s step. Each row runs the same 8 members of a Latin-hypercube design over every uncertain parameter (seed 1). Model survival: the mean of Outcome.survival_probability (a beating heart and a living brain at the end, times 1 − the risk of dying after ECLS); HOPE: the mean of each member’s HOPE probability from its own admission potassium and core temperature.';

/** One row of the HOPE grid: how the patient arrested, and how long compressions lasted. */
export interface HopeCase {
  readonly label: string;
  /** Hypothermic arrest (witnessed, at a settled core temperature) or asphyxia (no breathing first). */
  readonly mechanism: 'hypothermia' | 'asphyxia';
  /** Hypothermia: the core when the heart stops, °C. Asphyxia: minutes without breathing before the dig-out. */
  readonly value: number;
  /** Minutes of compressions before the pump starts. */
  readonly cprMin: number;
}

export const HOPE_CASES: readonly HopeCase[] = [
  ...[24, 28].flatMap((coreC) =>
    [60, 120, 240].map((cprMin): HopeCase => ({
      label: `hypothermic arrest at ${coreC} °C, ${cprMin} min CPR`,
      mechanism: 'hypothermia',
      value: coreC,
      cprMin,
    })),
  ),
  ...[60, 120].flatMap((minutes) =>
    [60, 120].map((cprMin): HopeCase => ({
      label: `asphyxia ${minutes} min in 0 °C snow, ${cprMin} min CPR`,
      mechanism: 'asphyxia',
      value: minutes,
      cprMin,
    })),
  ),
];

/** Members per row of the HOPE grid (a Latin-hypercube design over every uncertain parameter). */
export const HOPE_MEMBERS = 8;
/** Hours on the pump after it starts. */
const HOPE_PUMP_H = 6;

export interface HopeMember {
  /** Heart beating and brain not dead at the end (Outcome.survived). */
  readonly alive: boolean;
  /** Outcome.survival_probability: alive, and not dead later of the risks after ECLS. */
  readonly survivalProbability: number;
  readonly lateDeathRisk: number;
  /** HOPE's inputs at the pump's start: potassium, core temperature, CPR minutes, asphyxial arrest. */
  readonly potassiumMmolPerL: number;
  readonly temperatureC: number;
  readonly cprMin: number;
  readonly asphyxia: boolean;
  readonly hope: number;
}

export interface HopeRow {
  readonly hopeCase: HopeCase;
  readonly members: readonly HopeMember[];
  /** Means over members. */
  readonly hope: number;
  readonly alive: number;
  readonly survival: number;
  readonly potassiumMmolPerL: number;
  readonly temperatureC: number;
}

/**
 * One member of a HOPE row, on the reference man (male, 35 y). Hypothermia: settled at the core of
 * the row in 5 °C air (1 clo), breathing; at time zero the heart fibrillates (witnessed) and
 * compressions with ventilation (oxygen) start at once. Asphyxia: at 37 °C he is buried in 0 °C snow
 * (0 °C water to the neck) unable to breathe for the minutes of the row, then dug out with
 * compressions and ventilation at once. Both: 22 °C air from 10 min, VA-ECMO cannulated 15 min before
 * the pump, which starts at the row's CPR time at 4.5 L/min with the oxygenator on and the
 * heater-cooler water at 25 °C, 2 °C warmer every 30 min to 37 °C; a shock every 15 min while the
 * heart fibrillates above 30 °C; 6 h on the pump; the ensembles' 5 s step.
 */
export function hopeMember(
  hopeCase: HopeCase,
  parameters: Readonly<Record<string, number>>,
  seed: number,
): HopeMember {
  const pumpS = hopeCase.cprMin * 60;
  const hypothermia = hopeCase.mechanism === 'hypothermia';
  const timeline = eclsTimeline(
    hypothermia ? { do: 'cardiacArrest', rhythm: 'vf' } : { do: 'extricate', airTemperatureC: 0 },
    pumpS,
  );
  const base = validationScenario({
    environment: hypothermia
      ? { medium: 'air', temperatureC: 5, clothingClo: 1 }
      : BEFORE_IMMERSION_AIR,
    ...(hypothermia ? { coreTempC: hopeCase.value } : {}),
    timeline,
    endS: pumpS + HOPE_PUMP_H * 3600,
  });
  const scenario = hypothermia
    ? base
    : {
        ...base,
        history: [
          {
            atS: -hopeCase.value * 60,
            action: { do: 'setEnvironment', medium: 'water', temperatureC: 0 } as const,
          },
          { atS: -hopeCase.value * 60, action: { do: 'stopBreathing' } as const },
        ],
      };
  const { sim, outcome, admission: a } = runEcls(scenario, seed, parameters, pumpS);
  const state = sim.stateVector();
  const asphyxia = state[S.asphyxialArrest]! === 1;
  const hopeInputs = {
    male: true,
    ageYears: REFERENCE_MAN.ageYears,
    asphyxia: !hypothermia,
    potassiumMmolPerL: a.potassiumMmolPerL,
    cprMin: hopeCase.cprMin,
    temperatureC: a.coreTempC,
  };
  return {
    alive: outcome.survived,
    survivalProbability: outcome.survival_probability,
    lateDeathRisk: outcome.late_death_risk,
    potassiumMmolPerL: a.potassiumMmolPerL,
    temperatureC: a.coreTempC,
    cprMin: hopeCase.cprMin,
    asphyxia,
    hope: hopeSurvival(hopeInputs),
  };
}

let hopeCache: readonly HopeRow[] | null = null;

/** Every row of the HOPE grid, each with the same 8-member design (seed 1). */
export function hopeGrid(): readonly HopeRow[] {
  if (hopeCache !== null) return hopeCache;
  const design = ensembleDesign({ members: HOPE_MEMBERS, seed: 1 });
  const mean = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
  hopeCache = HOPE_CASES.map((hopeCase) => {
    const members = Array.from({ length: design.members }, (_, i) =>
      hopeMember(hopeCase, memberParameters(design, i), design.memberSeeds[i]!),
    );
    return {
      hopeCase,
      members,
      hope: mean(members.map((m) => m.hope)),
      alive: mean(members.map((m) => (m.alive ? 1 : 0))),
      survival: mean(members.map((m) => m.survivalProbability)),
      potassiumMmolPerL: mean(members.map((m) => m.potassiumMmolPerL)),
      temperatureC: mean(members.map((m) => m.temperatureC)),
    };
  });
  return hopeCache;
}

/** Mean |model survival − HOPE| over the grid's rows. */
export function hopeGridError(): number {
  const rows = hopeGrid();
  return rows.reduce((sum, r) => sum + Math.abs(r.survival - r.hope), 0) / rows.length;
}

/** The grid as a Markdown table for doc/validation.md. */
export function hopeGridTable(): string {
  const pct = (x: number) => `${Math.round(100 * x)} %`;
  const lines = [
    '| HOPE-style case | K at the pump, mmol/L | core at the pump, °C | HOPE | model: heart beating, brain alive | model: survival (after the risks after ECLS) |',
    '| --- | --- | --- | --- | --- | --- |',
    ...hopeGrid().map(
      (r) =>
        `| ${r.hopeCase.label} | ${fmt(r.potassiumMmolPerL)} | ${fmt(r.temperatureC)} | ${pct(r.hope)} | ${pct(r.alive)} | ${pct(r.survival)} |`,
    ),
  ];
  return lines.join('\n');
}
