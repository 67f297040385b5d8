// Model runs behind the validation cases of the physiology's second pass (issue 15): a body without
// circulation in cold water and in room air (shivering and potassium), the porcine comparison of
// potassium after asphyxia-first and cooling-first arrests, and asphyxiated patients taken to ECLS. Pure TypeScript: runs in Node and in the
// browser. Results are cached per module, so cases sharing a run pay for it once.

import type { Action } from '../engine/actions.ts';
import { createSimulation } from '../engine/simulation.ts';
import type { Snapshot } from '../engine/snapshot.ts';
import { ensembleDesign, memberParameters } from '../ensemble/sampling.ts';
import type { StartEnvironment } from '../scenario/types.ts';
import { BEFORE_IMMERSION_AIR, THERMONEUTRAL_AIR, isArrest, validationScenario } from './runs.ts';
import { exp, log } from '../math/detmath.ts';

/** One decimal place (or as many as asked), for run details. */
export function fmt(x: number | null, decimals = 1): string {
  return x === null || !Number.isFinite(x) ? '—' : x.toFixed(decimals);
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
  readonly cpc: number;
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
  const at = (atS: number, action: Action) => ({ atS, action });
  const scenario = {
    ...validationScenario({
      environment: BEFORE_IMMERSION_AIR,
      timeline: [
        at(0, { do: 'extricate', airTemperatureC: 10 }),
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
      ],
      endS: pumpS + 8 * 3600,
    }),
    history: [
      { atS: -exposure.minutes * 60, action: environment },
      { atS: -exposure.minutes * 60, action: { do: 'stopBreathing' } as const },
    ],
  };
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
  const a = admission ?? sim.snapshot();
  return {
    exposure: exposure.label,
    member,
    admissionPotassium: a.potassiumMmolPerL,
    admissionCoreC: a.coreTempC,
    survived: outcome.survived,
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
  const ks = runs.map((r) => r.admissionPotassium).sort((a, b) => a - b);
  return (
    `${runs.length} runs; admission potassium ${fmt(ks[0]!)}–${fmt(ks.at(-1)!)} mmol/L (median ${fmt(ks[Math.floor(ks.length / 2)]!)}); ` +
    `${above.length} admitted above 12 mmol/L, ${survivors.length} of them survived` +
    (survivors.length > 0
      ? ` (${survivors.map((r) => `${r.exposure}, member ${r.member}: ${fmt(r.admissionPotassium)} mmol/L, CPC ${r.cpc}`).join('; ')})`
      : '') +
    `; ${below.filter((r) => r.survived).length} of the ${below.length} admitted at or below 12 mmol/L survived`
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
