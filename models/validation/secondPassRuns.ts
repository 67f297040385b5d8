// Model runs behind the validation cases of the physiology's second pass (issue 15): a body without
// circulation in cold water and in room air (shivering and potassium), and the porcine comparison of
// potassium after asphyxia-first and cooling-first arrests. Pure TypeScript: runs in Node and in the
// browser. Results are cached per module, so cases sharing a run pay for it once.

import { createSimulation } from '../engine/simulation.ts';
import type { Snapshot } from '../engine/snapshot.ts';
import type { StartEnvironment } from '../scenario/types.ts';
import { BEFORE_IMMERSION_AIR, isArrest, validationScenario } from './runs.ts';

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
