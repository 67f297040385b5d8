// After ECLS: a patient rewarmed on the heart-lung machine after a cardiac arrest can still die in the
// days that follow, of bleeding (anticoagulated on the circuit), lung injury (aspiration, oedema) or
// the failure of organs that went long without oxygen. None of this is simulated hour by hour; the
// model gives it as a risk at the end of the run, from what is known when the pump starts: how long
// compressions lasted, the potassium then (how much of the body lost its energy), and whether the
// heart stopped for lack of oxygen (asphyxia). Calibrated so that, with the brain and heart the model
// does simulate, survival follows the HOPE score (Pasquier et al., Resuscitation 2018) on a grid of
// cases (validation case P8, doc/validation.md).

import { NOT_PENDING, S, pending, type State } from '../core/state.ts';
import type { ParameterValues } from '../parameters/index.ts';
import { isPerfusingRhythm } from './circulation.ts';
import { exp, log, log2 } from '../math/detmath.ts';

/** Pump flow above which the machine carries a circulation (its start is the admission), L/min. */
const ECLS_FLOW_L_PER_MIN = 0.5;
/** Reference CPR duration and potassium of eclsLateDeathRiskReference: 60 min, 4 mmol/L. */
const REFERENCE_CPR_MIN = 60;
const REFERENCE_POTASSIUM_MMOL_PER_L = 4;

/** No compressions yet, no pump yet, no asphyxial arrest. */
export function initialiseEcls(state: State): void {
  state[S.firstCprS] = NOT_PENDING;
  state[S.eclsStartS] = NOT_PENDING;
  state[S.eclsPotassiumMmolPerL] = 0;
  state[S.eclsAfterArrest] = 0;
  state[S.asphyxialArrest] = 0;
}

/** Records when compressions first start and, when the pump first carries a circulation, the admission. */
export function trackEcls(state: State): void {
  const now = state[S.timeS]!;
  if (!pending(state[S.firstCprS]!) && state[S.cprMode]! !== 0) state[S.firstCprS] = now;
  if (!pending(state[S.eclsStartS]!) && state[S.pumpFlowLPerMin]! > ECLS_FLOW_L_PER_MIN) {
    state[S.eclsStartS] = now;
    state[S.eclsPotassiumMmolPerL] = state[S.potassiumMmolPerL]!;
    state[S.eclsAfterArrest] =
      !isPerfusingRhythm(state[S.rhythm]!) ||
      state[S.arrestCount]! > 0 ||
      pending(state[S.firstCprS]!)
        ? 1
        : 0;
  }
}

/** What the risk after ECLS is computed from (null when the patient was not on ECLS after an arrest). */
export interface EclsAdmission {
  /** Minutes from the first compressions to the pump's start (at least 1). */
  readonly cprMin: number;
  /** Plasma potassium when the pump started, mmol/L. */
  readonly potassiumMmolPerL: number;
  /** The heart stopped for lack of oxygen. */
  readonly asphyxia: boolean;
}

export function eclsAdmission(state: State): EclsAdmission | null {
  if (!pending(state[S.eclsStartS]!) || state[S.eclsAfterArrest]! !== 1) return null;
  const cprS = pending(state[S.firstCprS]!) ? state[S.eclsStartS]! - state[S.firstCprS]! : 0;
  return {
    cprMin: Math.max(1, cprS / 60),
    potassiumMmolPerL: state[S.eclsPotassiumMmolPerL]!,
    asphyxia: state[S.asphyxialArrest]! === 1,
  };
}

/**
 * Risk of dying after ECLS rewarming of bleeding, lung injury or organ failure, 0–1 (0 when the
 * patient was not on ECLS after an arrest). Logistic: the odds at 60 min of CPR, 4 mmol/L and no
 * asphyxia, times an odds ratio per doubling of CPR time, per doubling of potassium, and for asphyxia.
 */
export function eclsLateDeathRisk(admission: EclsAdmission | null, v: ParameterValues): number {
  if (admission === null) return 0;
  const reference = v.eclsLateDeathRiskReference;
  const logOdds =
    log(reference / (1 - reference)) +
    log(v.eclsLateDeathOddsPerCprDoubling) * log2(admission.cprMin / REFERENCE_CPR_MIN) +
    log(v.eclsLateDeathOddsPerPotassiumDoubling) *
      log2(Math.max(1, admission.potassiumMmolPerL) / REFERENCE_POTASSIUM_MMOL_PER_L) +
    (admission.asphyxia ? log(v.eclsLateDeathOddsAsphyxia) : 0);
  return 1 / (1 + exp(-logOdds));
}
