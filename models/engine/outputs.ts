// Builds what people and files see from the state vector: the snapshot (every output at one moment)
// and the outcome (what `coldboot summary` prints).

import {
  CELL_GROUPS,
  cellFractions,
  neurologicalOutcome,
  selfCheckActivity,
} from '../physiology/cells.ts';
import { isPerfusingRhythm, rhythmName } from '../physiology/circulation.ts';
import { eclsAdmission, eclsLateDeathRisk } from '../physiology/ecls.ts';
import { haemoglobinSaturation, po2FromContentMmHg } from '../physiology/oxygen.ts';
import type { PatientBody } from '../physiology/patient.ts';
import type { Snapshot } from './snapshot.ts';
import { activeAlarms } from '../devices/alarms.ts';
import { LAVAGE, vasodilatorActive } from '../devices/bedside.ts';
import { CIRCUIT, FAULT_KINDS, hasFault } from '../devices/heartLungMachine.ts';
import { pending, S, type State } from './state.ts';

const RHYTHM_LABELS = {
  sinus: 'sinus rhythm',
  af: 'atrial fibrillation',
  vf: 'ventricular fibrillation',
  asystole: 'asystole',
  pea: 'pulseless electrical activity',
} as const;

/** Heart rate below which sinus rhythm is called bradycardia, /min (adults; children scale). */
const BRADYCARDIA_FRACTION_OF_RESTING = 60 / 70;

export function buildSnapshot(state: State, body: PatientBody, finished: boolean): Snapshot {
  const v = body.values;
  const immersedFraction = state[S.immersedFraction]!;
  const inWater = immersedFraction > 0.5;
  const headUnderWater = state[S.headUnderWater]! === 1;
  const rhythm = rhythmName(state[S.rhythm]!);
  const heartRateBpm = state[S.heartRateBpm]!;
  const rhythmLabel =
    rhythm === 'sinus' &&
    heartRateBpm < BRADYCARDIA_FRACTION_OF_RESTING * body.circulation.restingHeartRateBpm
      ? 'sinus bradycardia'
      : RHYTHM_LABELS[rhythm];
  const bloodTempC = state[S.bloodTempC]!;
  const haemoglobinGPerDl = body.oxygen.haemoglobinGPerDl * state[S.haemodilutionFactor]!;
  const arterialContent = state[S.arterialO2ContentMlPerDl]!;
  const arterialPo2MmHg = po2FromContentMmHg(arterialContent, bloodTempC, haemoglobinGPerDl, v);
  const venousPo2MmHg = po2FromContentMmHg(
    state[S.venousO2ContentMlPerDl]!,
    bloodTempC,
    haemoglobinGPerDl,
    v,
  );
  const alarms = activeAlarms(state[S.alarms]!);
  const now = state[S.timeS]!;
  const circuitCode = state[S.circuitMode]!;
  const forcedAirC = state[S.forcedAirTempC]!;
  const lavage = state[S.lavageSite]!;
  const [brain, heart, extremity] = CELL_GROUPS.map((g) => cellFractions(state, g, v)) as [
    ReturnType<typeof cellFractions>,
    ReturnType<typeof cellFractions>,
    ReturnType<typeof cellFractions>,
  ];
  const cpr = state[S.cprMode]!;
  return {
    tS: state[S.timeS]!,
    brainTempC: state[S.brainTempC]!,
    heartTempC: state[S.heartTempC]!,
    coreTempC: state[S.coreTempC]!,
    muscleTempC: state[S.muscleTempC]!,
    limbTempC: state[S.limbTempC]!,
    shellTempC: state[S.shellTempC]!,
    skinTempC: state[S.meanSkinTempC]!,
    extremityTempC: state[S.extremityTempC]!,
    bloodTempC,
    cardiacOutputLPerMin: state[S.cardiacOutputLPerMin]!,
    metabolicHeatW: state[S.metabolicRateW]!,
    heatLossW: state[S.heatLossW]!,
    skinBloodFlowFraction: state[S.skinBloodFlowFraction]!,
    shivering:
      state[S.shiveringCeilingW]! > 0 ? state[S.shiveringHeatW]! / state[S.shiveringCeilingW]! : 0,
    shiveringHeatW: state[S.shiveringHeatW]!,
    respiratoryHeatLossW: state[S.respiratoryHeatLossW]!,
    heartRateBpm,
    rhythm,
    rhythmLabel,
    mapMmHg: state[S.meanArterialPressureMmHg]!,
    cpr: cpr === 1 ? 'manual' : cpr === 2 ? 'mechanical' : 'none',
    breathing: state[S.breathing]!,
    ventilationFio2: state[S.ventilationFio2]!,
    alveolarPo2MmHg: state[S.alveolarPo2MmHg]!,
    arterialPo2MmHg,
    arterialSat: haemoglobinSaturation(arterialPo2MmHg, bloodTempC, v),
    arterialO2ContentMlPerDl: state[S.arterialO2ContentMlPerDl]!,
    venousO2ContentMlPerDl: state[S.venousO2ContentMlPerDl]!,
    brainPo2MmHg: state[S.brainPo2MmHg]!,
    brainBloodFlowLPerMin: state[S.brainFlowLPerMin]!,
    brainVo2MlPerMin: state[S.brainVo2MlPerMin]!,
    bodyVo2MlPerMin: state[S.bodyVo2MlPerMin]!,
    diffusiveO2MlPerMin: state[S.diffusiveO2MlPerMin]!,
    brainEnergy: state[S.brainEnergy]!,
    brainDerangementMin: state[S.brainDerangementMin]!,
    brainSelfCheck: selfCheckActivity(state[S.brainTempC]!, v),
    brainViableFraction: brain.viable,
    brainAtRiskFraction: brain.atRisk,
    brainAutolysedFraction: brain.autolysed,
    heartEnergy: state[S.heartEnergy]!,
    heartViableFraction: heart.viable,
    heartAutolysedFraction: heart.autolysed,
    extremityEnergy: state[S.extremityEnergy]!,
    extremityViableFraction: extremity.viable,
    extremityAutolysedFraction: extremity.autolysed,
    extremityFrozenFraction: state[S.extremityFrozenFraction]!,
    frostbiteFraction: state[S.frostbiteFraction]!,
    potassiumMmolPerL: state[S.potassiumMmolPerL]!,
    conscious: state[S.conscious]!,
    arterialPo2At37MmHg: po2FromContentMmHg(arterialContent, 37, haemoglobinGPerDl, v),
    haemoglobinGPerDl,
    venousSat: haemoglobinSaturation(venousPo2MmHg, bloodTempC, v),
    circuit:
      circuitCode === CIRCUIT.cpb ? 'cpb' : circuitCode === CIRCUIT['va-ecmo'] ? 'va-ecmo' : 'none',
    cannulated: state[S.cannulated]!,
    cannulationRemainingS: pending(state[S.cannulationDoneS]!)
      ? Math.max(0, state[S.cannulationDoneS]! - now)
      : 0,
    pumpFlowLPerMin: state[S.pumpFlowLPerMin]!,
    pumpFlowSetLPerMin: state[S.pumpFlowSetLPerMin]!,
    pumpMaxFlowLPerMin: body.circuit.maxFlowLPerMin,
    arterialOutletTempC: state[S.arterialOutletTempC]!,
    venousTempC: state[S.venousInletTempC]!,
    outletVenousGradientC: state[S.arterialOutletTempC]! - state[S.venousInletTempC]!,
    outletRateCPerMin: state[S.outletRateCPerMin]!,
    heaterWaterTempC: state[S.heaterWaterTempC]!,
    heaterSetTempC: state[S.heaterSetTempC]!,
    pumpHeatW: state[S.pumpHeatW]!,
    oxygenatorFio2: state[S.oxygenatorFio2]!,
    sweepLPerMin: state[S.sweepLPerMin]!,
    postOxygenatorPo2MmHg: state[S.pumpFlowLPerMin]! > 0 ? state[S.postOxygenatorPo2MmHg]! : 0,
    alarms: alarms.map((a) => a.id),
    alarmsText: alarms.length === 0 ? 'none' : alarms.map((a) => a.id).join('+'),
    alarmMessages: alarms.map((a) => a.message),
    alarmCount: state[S.alarmCount]!,
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
    externalHeatW: state[S.externalHeatW]!,
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
  /** Brain cells autolysed, plus those still at risk while the self-check can run, 0–1. */
  readonly brain_autolysed_fraction: number;
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
    brain_autolysed_fraction: lost,
    brain_at_risk_fraction: brain.atRisk,
    min_core_temp_c: state[S.minCoreTempC]!,
    max_potassium_mmol_l: state[S.maxPotassiumMmolPerL]!,
    arrest_count: state[S.arrestCount]!,
    frostbite_fraction: state[S.frostbiteFraction]!,
    alarm_count: state[S.alarmCount]!,
  };
}
