// Builds what people and files see from the state vector: the snapshot (every output at one moment,
// read by the output table's readers, plus the app's own fields) and the outcome (what `coldboot
// summary` prints).

import {
  CELL_GROUPS,
  cellFractions,
  neurologicalOutcome,
  selfCheckActivity,
} from '../physiology/cells.ts';
import { isPerfusingRhythm, rhythmName } from '../physiology/circulation.ts';
import { eclsAdmission, eclsLateDeathRisk } from '../physiology/ecls.ts';
import type { PatientBody } from './patient.ts';
import type { Snapshot } from './snapshot.ts';
import { activeAlarms } from '../devices/alarms.ts';
import { LAVAGE, vasodilatorActive } from '../devices/bedside.ts';
import { FAULT_KINDS, hasFault } from '../devices/heartLungMachine.ts';
import {
  NUMERIC_OUTPUT_TABLE,
  TEXT_OUTPUT_TABLE,
  type NumericOutputs,
  type TextOutputs,
} from './outputTable.ts';
import { pending, S, type State } from '../core/state.ts';

/** Each rhythm in words for people (sinus rhythm is called bradycardia when slow). */
export const RHYTHM_LABELS = {
  sinus: 'sinus rhythm',
  af: 'atrial fibrillation',
  vf: 'ventricular fibrillation',
  asystole: 'asystole',
  pea: 'pulseless electrical activity',
} as const;

/** Heart rate below which sinus rhythm is called bradycardia, /min (adults; children scale). */
const BRADYCARDIA_FRACTION_OF_RESTING = 60 / 70;

export function buildSnapshot(state: State, body: PatientBody, finished: boolean): Snapshot {
  const outputs: Record<string, number | string> = {};
  for (const o of NUMERIC_OUTPUT_TABLE) outputs[o.key] = o.read(state, body);
  for (const o of TEXT_OUTPUT_TABLE) outputs[o.key] = o.read(state, body);
  const immersedFraction = state[S.immersedFraction]!;
  const inWater = immersedFraction > 0.5;
  const headUnderWater = state[S.headUnderWater]! === 1;
  const rhythm = rhythmName(state[S.rhythm]!);
  const rhythmLabel =
    rhythm === 'sinus' &&
    state[S.heartRateBpm]! < BRADYCARDIA_FRACTION_OF_RESTING * body.circulation.restingHeartRateBpm
      ? 'sinus bradycardia'
      : RHYTHM_LABELS[rhythm];
  const alarms = activeAlarms(state[S.alarms]!);
  const now = state[S.timeS]!;
  const forcedAirC = state[S.forcedAirTempC]!;
  const lavage = state[S.lavageSite]!;
  return {
    ...(outputs as unknown as NumericOutputs & TextOutputs),
    rhythmLabel,
    cannulationRemainingS: pending(state[S.cannulationDoneS]!)
      ? Math.max(0, state[S.cannulationDoneS]! - now)
      : 0,
    pumpFlowSetLPerMin: state[S.pumpFlowSetLPerMin]!,
    pumpMaxFlowLPerMin: body.circuit.maxFlowLPerMin,
    heaterSetTempC: state[S.heaterSetTempC]!,
    alarms: alarms.map((a) => a.id),
    alarmMessages: alarms.map((a) => a.message),
    faults: FAULT_KINDS.filter((k) => hasFault(state, k)),
    icePacks: state[S.icePacks]! === 1,
    forcedAirTempC: Number.isNaN(forcedAirC) ? null : forcedAirC,
    lavage:
      lavage === LAVAGE.bladder
        ? 'bladder'
        : lavage === LAVAGE.gastric
          ? 'gastric'
          : lavage === LAVAGE.thoracic
            ? 'thoracic'
            : null,
    fluidRemainingMl: state[S.fluidRemainingMl]!,
    vasodilator: vasodilatorActive(state),
    environment: {
      medium: inWater ? 'water' : 'air',
      temperatureC: inWater ? state[S.waterTempC]! : state[S.airTempC]!,
      airTempC: state[S.airTempC]!,
      waterTempC: state[S.waterTempC]!,
      immersedFraction,
      windMPerS: state[S.windMPerS]!,
      headUnderWater,
      canBreathe: !headUnderWater || state[S.airPocket]! === 1,
    },
    finished,
  };
}

/** The outcome of a run so far; field names as in DESIGN.md's `coldboot summary`. */
export interface Outcome {
  /** Circulation present (spontaneous) and the brain not dead, at the end of the run. */
  readonly survived: boolean;
  /**
   * Risk of dying later of bleeding, lung injury or organ failure after ECLS rewarming following an
   * arrest, 0–1 (0 without ECLS after an arrest; models/physiology/ecls.ts).
   */
  readonly late_death_risk: number;
  /** Chance of leaving hospital alive: survived × (1 − late_death_risk); what ensembles average. */
  readonly survival_probability: number;
  /** First return of spontaneous circulation after an arrest, s; null if none. */
  readonly rosc_time_s: number | null;
  /** Cerebral Performance Category 1–5. */
  readonly neuro_outcome_cpc: 1 | 2 | 3 | 4 | 5;
  /**
   * Brain cells lost, 0–1: those autolysed, plus those still at risk in proportion to how active the
   * self-check is (a warm brain will commit them). Not the `brain_autolysed_fraction` output of
   * `coldboot run` and of conditions, which counts autolysed cells only. Called
   * `brain_autolysed_fraction` before issue 18.
   */
  readonly brain_lost_fraction: number;
  readonly brain_at_risk_fraction: number;
  readonly min_core_temp_c: number;
  readonly max_potassium_mmol_l: number;
  readonly arrest_count: number;
  readonly frostbite_fraction: number;
  readonly alarm_count: number;
}

export function buildOutcome(state: State, body: PatientBody): Outcome {
  const v = body.values;
  const brain = cellFractions(state, CELL_GROUPS[0], v);
  // Cells still at risk are counted as lost in proportion to how awake their self-check is: a warm
  // brain will commit them; a cold one may still repair them.
  const lost = brain.autolysed + brain.atRisk * selfCheckActivity(state[S.brainTempC]!, v);
  const circulation = isPerfusingRhythm(state[S.rhythm]!);
  const cpc = neurologicalOutcome(lost, circulation, v);
  const survived = circulation && cpc < 5;
  const lateDeathRisk = eclsLateDeathRisk(eclsAdmission(state), v);
  return {
    survived,
    late_death_risk: lateDeathRisk,
    survival_probability: survived ? 1 - lateDeathRisk : 0,
    rosc_time_s: state[S.roscTimeS]! >= 0 ? state[S.roscTimeS]! : null,
    neuro_outcome_cpc: cpc,
    brain_lost_fraction: lost,
    brain_at_risk_fraction: brain.atRisk,
    min_core_temp_c: state[S.minCoreTempC]!,
    max_potassium_mmol_l: state[S.maxPotassiumMmolPerL]!,
    arrest_count: state[S.arrestCount]!,
    frostbite_fraction: state[S.frostbiteFraction]!,
    alarm_count: state[S.alarmCount]!,
  };
}
