// Thermal physiology: heat made by metabolism (Q10-scaled), carried by blood, conducted between
// neighbouring compartments and exchanged between skin and air or water; cold vasoconstriction of the
// skin and extremities. One explicit step conserves heat exactly: every flux leaves one place and
// enters another, and the two accumulators in the state record what enters and leaves the body.

import { C, COMPARTMENT_COUNT, RHYTHM, S, type State } from '../core/state.ts';
import { bodyComposition, type BodyComposition, type PatientSpec } from '../parameters/body.ts';
import { PatientError, roundedForMessage } from '../parameters/patientError.ts';
import type { ParameterValues } from '../parameters/index.ts';
import { isPerfusingRhythm } from './circulation.ts';
import { vasodilatorActive } from '../devices/bedside.ts';
import { shiveringBrainDrive } from './cells.ts';
import { exp, log, pow, RememberedExp } from '../math/detmath.ts';
import { q10Factor } from './q10.ts';

const KCAL_PER_DAY_IN_W = 4184 / 86400;

/** Constants of one patient's thermal body, computed once when a run starts. */
export interface ThermalBody {
  readonly composition: BodyComposition;
  /** Heat capacity of each compartment, J/K. */
  readonly heatCapacityJPerK: Float64Array;
  /** Resting metabolic heat of each compartment at 37 °C, W. */
  readonly restingMetabolismW: Float64Array;
  /** Natural log of each compartment's Q10 (brain differs from the rest). */
  readonly logQ10: Float64Array;
  /** Resting blood flow through each tissue compartment as a heat conductance ρ·c·flow, W/K (blood: 0). */
  readonly restingPerfusionWPerK: Float64Array;
  /** Highest skin-and-fat perfusion under heat stress, as a heat conductance, W/K. */
  readonly maxShellPerfusionWPerK: number;
  /** Most extra heat shivering can add, W (less with age). */
  readonly shiveringCeilingW: number;
  /** Multiplier of the cold vasoconstriction signal: 1 when young, less with age. */
  readonly vasoconstrictionAgeFactor: number;
  /** Volumetric heat capacity of blood, J/L/K. */
  readonly bloodHeatCapacityJPerLK: number;
  /** Brain blood flow at rest, L/min (shivering needs a perfused brain). */
  readonly restingBrainFlowLPerMin: number;
  readonly coreToMuscleWPerK: number;
  readonly heartToCoreWPerK: number;
  readonly heartToBloodWPerK: number;
  /** Conduction from the brain through the skull to the scalp, W/K. */
  readonly brainToScalpWPerK: number;
  /** Head skin area, m². */
  readonly headAreaM2: number;
  /** Blood to head-skin conductance at resting flow (scalp and face do not vasoconstrict), W/K. */
  readonly scalpWPerK: number;
  readonly trunkToLimbWPerK: number;
  readonly extremityToLimbWPerK: number;
  /** Conductance from trunk muscle through the lean layer and half the fat to the shell, W/K. */
  readonly muscleToShellWPerK: number;
  /** Conductance from limb muscle through the lean layer and half the fat to the shell, W/K. */
  readonly limbToShellWPerK: number;
  /** Countercurrent efficiency of the limbs under full vasoconstriction, 0–1. */
  readonly limbCountercurrentEfficiency: number;
  /** Share of shivering heat (and its extra flow) in the limbs; the rest is in trunk muscle. */
  readonly shiveringLimbShare: number;
  /** Skin area of the shell (all but head, hands and feet), m². */
  readonly shellAreaM2: number;
  /** Skin area of hands and feet, m². */
  readonly extremityAreaM2: number;
  /** Insulation between the shell's mean temperature and its skin surface, m²·K/W. */
  readonly shellInternalInsulationM2KPerW: number;
  /** Insulation between the extremities' mean temperature and their skin surface, m²·K/W. */
  readonly extremityInternalInsulationM2KPerW: number;
  /** Extra muscle blood flow per watt of shivering (to carry its oxygen), L/min/W. */
  readonly shiveringFlowLPerMinPerW: number;
  /** Whole-body O2 use at rest and 37 °C, mL/min. */
  readonly restingVo2MlPerMin: number;
  /** Water in the hands and feet that can freeze, kg. */
  readonly extremityWaterKg: number;
  readonly values: ParameterValues;
}

export function buildThermalBody(patient: PatientSpec, v: ParameterValues): ThermalBody {
  const body = bodyComposition(patient, v);
  const heatCapacityJPerK = new Float64Array(COMPARTMENT_COUNT);
  heatCapacityJPerK[C.brain] = body.brainKg * v.brainSpecificHeatJPerKgK;
  heatCapacityJPerK[C.heart] = body.heartKg * v.heartSpecificHeatJPerKgK;
  heatCapacityJPerK[C.core] = body.coreKg * v.coreSpecificHeatJPerKgK;
  heatCapacityJPerK[C.muscle] = body.muscleKg * v.muscleSpecificHeatJPerKgK;
  heatCapacityJPerK[C.limbs] = body.limbsKg * v.muscleSpecificHeatJPerKgK;
  heatCapacityJPerK[C.shell] =
    body.skinKg * v.skinSpecificHeatJPerKgK + body.fatKg * v.fatSpecificHeatJPerKgK;
  heatCapacityJPerK[C.extremities] = body.extremitiesKg * v.extremitySpecificHeatJPerKgK;
  heatCapacityJPerK[C.blood] = body.bloodKg * v.bloodSpecificHeatJPerKgK;

  const restingMetabolismW = new Float64Array(COMPARTMENT_COUNT);
  restingMetabolismW[C.brain] = body.brainKg * v.brainMetabolismKcalPerKgPerDay * KCAL_PER_DAY_IN_W;
  restingMetabolismW[C.heart] = body.heartKg * v.heartMetabolismKcalPerKgPerDay * KCAL_PER_DAY_IN_W;
  const otherCoreKg = Math.max(0, body.coreKg - body.liverKg - body.kidneysKg);
  restingMetabolismW[C.core] =
    (body.liverKg * v.liverMetabolismKcalPerKgPerDay +
      body.kidneysKg * v.kidneyMetabolismKcalPerKgPerDay +
      otherCoreKg * v.residualMetabolismKcalPerKgPerDay) *
    KCAL_PER_DAY_IN_W;
  restingMetabolismW[C.muscle] =
    body.muscleKg * v.muscleMetabolismKcalPerKgPerDay * KCAL_PER_DAY_IN_W;
  restingMetabolismW[C.limbs] =
    body.limbsKg * v.muscleMetabolismKcalPerKgPerDay * KCAL_PER_DAY_IN_W;
  restingMetabolismW[C.shell] =
    (body.skinKg * v.residualMetabolismKcalPerKgPerDay +
      body.fatKg * v.adiposeMetabolismKcalPerKgPerDay) *
    KCAL_PER_DAY_IN_W;
  restingMetabolismW[C.extremities] =
    body.extremitiesKg * v.residualMetabolismKcalPerKgPerDay * KCAL_PER_DAY_IN_W;
  restingMetabolismW[C.blood] = 0;

  const logQ10 = new Float64Array(COMPARTMENT_COUNT).fill(log(v.bodyQ10));
  logQ10[C.brain] = log(v.brainQ10);

  // Blood flows at rest, L/min, turned into heat conductances ρ·c·Q (W/K).
  const bloodHeatCapacityJPerLK = v.bloodDensityKgPerL * v.bloodSpecificHeatJPerKgK;
  const cardiacOutputLPerMin = v.cardiacIndexLPerMinPerM2 * body.surfaceAreaM2;
  const brainFlow = (v.brainBloodFlowMlPer100gPerMin * body.brainKg * 10) / 1000;
  const heartFlow = v.heartBloodFlowFractionOfCardiacOutput * cardiacOutputLPerMin;
  // Muscle flow is shared between trunk and limbs by mass.
  const allMuscleFlow = v.muscleBloodFlowFractionOfCardiacOutput * cardiacOutputLPerMin;
  const limbFlow = (allMuscleFlow * body.limbsKg) / (body.limbsKg + body.muscleKg);
  const muscleFlow = allMuscleFlow - limbFlow;
  const shellFlow = v.shellBloodFlowFractionOfCardiacOutput * cardiacOutputLPerMin;
  const extremityFlow = v.extremityBloodFlowFractionOfCardiacOutput * cardiacOutputLPerMin;
  const coreFlow =
    cardiacOutputLPerMin - brainFlow - heartFlow - allMuscleFlow - shellFlow - extremityFlow;
  if (coreFlow <= 0) {
    throw new PatientError(
      patient,
      `the brain (${roundedForMessage(body.brainKg)} kg, set by age and sex) and the other organs need ${roundedForMessage(cardiacOutputLPerMin - coreFlow)} L/min of blood at rest, more than the ${roundedForMessage(cardiacOutputLPerMin)} L/min a body of ${roundedForMessage(body.surfaceAreaM2)} m² pumps (resting blood flows exceed cardiac output)`,
    );
  }
  const restingPerfusionWPerK = new Float64Array(COMPARTMENT_COUNT);
  const perMinute = bloodHeatCapacityJPerLK / 60;
  restingPerfusionWPerK[C.brain] = brainFlow * perMinute;
  restingPerfusionWPerK[C.heart] = heartFlow * perMinute;
  restingPerfusionWPerK[C.core] = coreFlow * perMinute;
  restingPerfusionWPerK[C.muscle] = muscleFlow * perMinute;
  restingPerfusionWPerK[C.limbs] = limbFlow * perMinute;
  restingPerfusionWPerK[C.shell] = shellFlow * perMinute;
  restingPerfusionWPerK[C.extremities] = extremityFlow * perMinute;

  const headAreaM2 = body.surfaceAreaM2 * v.headSurfaceFraction;
  const shellAreaM2 = body.surfaceAreaM2 * (1 - v.extremitySurfaceFraction) - headAreaM2;
  const extremityAreaM2 = body.surfaceAreaM2 * v.extremitySurfaceFraction;
  const limbShellAreaM2 = body.surfaceAreaM2 * v.limbSurfaceFraction;
  const trunkShellAreaM2 = shellAreaM2 - limbShellAreaM2;
  const halfFatInsulation = (0.5 * body.fatThicknessM) / v.fatConductivityWPerMK;
  const leanToShellInsulation = v.leanShellInsulationM2KPerW + halfFatInsulation;
  let restingTotalW = 0;
  for (let i = 0; i < COMPARTMENT_COUNT; i++) restingTotalW += restingMetabolismW[i]!;
  return {
    shiveringCeilingW:
      (v.shiveringCeilingTimesResting - 1) *
      restingTotalW *
      Math.max(0.3, 1 - v.shiveringLossPerYearAbove25 * Math.max(0, patient.ageYears - 25)),
    vasoconstrictionAgeFactor: Math.max(
      0.3,
      1 - v.vasoconstrictionLossPerYearAbove40 * Math.max(0, patient.ageYears - 40),
    ),
    maxShellPerfusionWPerK: Math.max(shellFlow, v.maxSkinBloodFlowLPerMin) * perMinute,
    composition: body,
    heatCapacityJPerK,
    restingMetabolismW,
    logQ10,
    restingPerfusionWPerK,
    bloodHeatCapacityJPerLK,
    restingBrainFlowLPerMin: brainFlow,
    coreToMuscleWPerK: v.coreToMuscleConductanceWPerKPerM2 * body.surfaceAreaM2,
    heartToCoreWPerK: v.heartToCoreConductanceWPerK,
    heartToBloodWPerK: v.heartToChamberBloodConductanceWPerK,
    brainToScalpWPerK: v.brainToScalpConductanceWPerK,
    headAreaM2,
    scalpWPerK: headAreaM2 / v.scalpInsulationM2KPerW,
    trunkToLimbWPerK: v.trunkToLimbConductanceWPerK,
    extremityToLimbWPerK: v.extremityToLimbConductanceWPerK,
    muscleToShellWPerK: trunkShellAreaM2 / leanToShellInsulation,
    limbToShellWPerK: limbShellAreaM2 / leanToShellInsulation,
    shiveringLimbShare: v.shiveringLimbShare,
    limbCountercurrentEfficiency: v.limbCountercurrentEfficiency,
    shellAreaM2,
    extremityAreaM2,
    shellInternalInsulationM2KPerW: halfFatInsulation + v.skinInsulationM2KPerW,
    extremityInternalInsulationM2KPerW: v.skinInsulationM2KPerW,
    shiveringFlowLPerMinPerW: shiveringFlowLPerMinPerW(v),
    extremityWaterKg: body.extremitiesKg * v.extremityWaterFraction,
    restingVo2MlPerMin: (restingTotalW / v.oxygenEnergyEquivalentJPerMl) * 60,
    values: v,
  };
}

/**
 * Muscle blood flow needed per watt of shivering, L/min/W: the oxygen for one watt (1/20.1 mL/s)
 * carried by arterial blood (~20 mL/dL) at ~70 % extraction [derived].
 */
function shiveringFlowLPerMinPerW(v: ParameterValues): number {
  const extractedMlPerL = 200 * 0.7;
  return 60 / v.oxygenEnergyEquivalentJPerMl / extractedMlPerL;
}

/** Cardiac output at rest, L/min. */
export function restingCardiacOutputLPerMin(body: ThermalBody): number {
  let total = 0;
  for (let i = 0; i < COMPARTMENT_COUNT; i++) total += body.restingPerfusionWPerK[i]!;
  return (total * 60) / body.bloodHeatCapacityJPerLK;
}

/** Heat-transfer coefficient of skin to air, W/m²/K: convection (still or wind) plus radiation. */
export function airHeatTransferWPerM2K(v: ParameterValues, windMPerS: number): number {
  const forced = windMPerS > 0 ? v.airConvectionWindCoefficient * pow(windMPerS, 0.6) : 0;
  return Math.max(v.airConvectionStillWPerM2K, forced) + v.radiationWPerM2K;
}

/** Saturation vapour pressure of water, kPa, at a temperature in °C (Tetens 1930). */
export function saturationVapourPressureKPa(temperatureC: number): number {
  return 0.6108 * exp((17.27 * temperatureC) / (temperatureC + 237.3));
}

/** The mean skin temperature the Tikuisis & Giesbrecht shivering fit is referenced to, °C (part of the fit). */
const SHIVERING_FIT_SKIN_REFERENCE_C = 33;

// Scratch arrays for one step; module-level so the inner loop allocates nothing.
const netHeatW = new Float64Array(COMPARTMENT_COUNT);
const heatPerfusionWPerK = new Float64Array(COMPARTMENT_COUNT);
/** The shivering lag's decay over one step: the same argument every step (the same bits). */
const onsetExp = new RememberedExp();

/**
 * The values one thermal step's pieces hand to the pieces after them (stepThermal calls them in
 * order; each writes its own fields before any later piece reads them). Module-level and reused so
 * that a step allocates nothing; meaningless between steps.
 */
const stepValues = {
  // surfaceConductances
  /** Skin-to-air heat-transfer coefficient, W/m²/K. */
  hAir: 0,
  /** Insulation from the shell's skin to the air (boundary layer and clothing), m²·K/W. */
  airSurfaceInsulation: 0,
  /** Insulation from the hands' and feet's skin to the air, m²·K/W. */
  extremityAirInsulation: 0,
  /** Insulation from skin to water, m²·K/W. */
  waterSurfaceInsulation: 0,
  /** 1 when the head is under water. */
  headWet: 0,
  /** Immersed fraction of the body below the head, 0–1, and the rest (dry = 1 − wet). */
  wet: 0,
  dry: 0,
  tAir: 0,
  tWater: 0,
  /** Internal insulation of the shell and of the extremities, m²·K/W. */
  shellR: 0,
  extR: 0,
  tShell: 0,
  tExt: 0,
  /** Heat from the immersed hands and feet to the water, W. */
  extWaterLossW: 0,
  // surfaceTemperatures
  /** Skin surface temperatures of the shell and extremities, in water and in air, °C. */
  shellSurfaceWater: 0,
  shellSurfaceAir: 0,
  extSurfaceWater: 0,
  extSurfaceAir: 0,
  airVapourKPa: 0,
  /** Resistance to vapour from skin to air, m²·kPa/W. */
  evaporativeResistance: 0,
  // headSkinNode
  /** Heat from the blood and from the brain into the head's skin node, and their sum (lost), W. */
  headBloodW: 0,
  headBrainW: 0,
  headLossW: 0,
  /** Skin area of shell and extremities (the head apart), m². */
  totalArea: 0,
  meanSkinTempC: 0,
  // vasomotorControl
  coreError: 0,
  skinError: 0,
  /** On the heart-lung machine (cannulated): anaesthetised. */
  anaesthetised: false,
  /** Cold vasoconstriction signal (≥ 0). */
  signal: 0,
  shellRestingWPerK: 0,
  maxShellFraction: 0,
  /** Reflex flow fractions of resting: skin and fat, muscle, hands and feet. */
  shellFlowFraction: 0,
  muscleFlowFraction: 0,
  extremityFlowFraction: 0,
  // localHeating
  /** Extra flow of locally heated skin, through the skin node, W/K. */
  localSkinWPerK: 0,
  // sweating
  sweatW: 0,
  // shivering
  shiveringW: 0,
  // metabolismAndPerfusion
  metabolicW: 0,
  perfusionTotalWPerK: 0,
  /** Blood's heat capacity per L/min of flow, W/K per L/min. */
  perMinute: 0,
  // skinHeatFlows
  tArterial: 0,
  pumpHeatW: 0,
  wetSkinFlow: 0,
  drySkinFlow: 0,
  wetSkinC: 0,
  drySkinC: 0,
  shellLossW: 0,
  shellToSkinW: 0,
  extToDrySkinW: 0,
  extLossW: 0,
  evaporationW: 0,
  // bloodAndDeviceHeat
  externalW: 0,
  // breathingAndConduction
  respiratoryW: 0,
};

/**
 * Advances temperatures by dtS seconds (explicit Euler). Updates the energy accumulators and the
 * derived values kept in the state (metabolic rate, heat loss, skin flow, mean skin temperature).
 * The pieces below run in this order and pass their results on through `stepValues`.
 */
export function stepThermal(state: State, body: ThermalBody, dtS: number): void {
  surfaceConductances(state, body);
  surfaceTemperatures(state, body);
  headSkinNode(state, body);
  vasomotorControl(state, body);
  localHeating(state, body);
  sweating(body);
  shivering(state, body, dtS);
  metabolismAndPerfusion(state, body);
  skinHeatFlows(state, body);
  bloodAndDeviceHeat(state);
  breathingAndConduction(state, body);
  integrate(state, body, dtS);
}

/**
 * Surface conductances (W/K) from each skin region's mean temperature to air and to water: the
 * insulations of air, clothing and water, how much of the body is immersed, and the immersed hands'
 * and feet's loss to the water.
 */
function surfaceConductances(state: State, body: ThermalBody): void {
  const v = body.values;
  const hAir = state[S.airHeatTransferWPerM2K]!;
  const airSurfaceInsulation = 1 / hAir + state[S.clothingClo]! * v.cloToM2KPerW;
  const extremityAirInsulation = 1 / hAir + state[S.extremityClothingClo]! * v.cloToM2KPerW;
  const waterSurfaceInsulation = 1 / v.waterHeatTransferWPerM2K;
  // The head is under water or in air; the immersed fraction of the rest of the body follows.
  const headWet = state[S.headUnderWater]!;
  const headFraction = v.headSurfaceFraction;
  const wet = Math.min(
    1,
    Math.max(0, (state[S.immersedFraction]! - headWet * headFraction) / (1 - headFraction)),
  );
  const dry = 1 - wet;
  const tAir = state[S.airTempC]!;
  const tWater = state[S.waterTempC]!;
  const shellR = body.shellInternalInsulationM2KPerW;
  const extR = body.extremityInternalInsulationM2KPerW;
  const extToWater = (wet * body.extremityAreaM2) / (extR + waterSurfaceInsulation);

  const tShell = state[S.shellTempC]!;
  const tExt = state[S.extremityTempC]!;
  stepValues.extWaterLossW = extToWater * (tExt - tWater);
  stepValues.hAir = hAir;
  stepValues.airSurfaceInsulation = airSurfaceInsulation;
  stepValues.extremityAirInsulation = extremityAirInsulation;
  stepValues.waterSurfaceInsulation = waterSurfaceInsulation;
  stepValues.headWet = headWet;
  stepValues.wet = wet;
  stepValues.dry = dry;
  stepValues.tAir = tAir;
  stepValues.tWater = tWater;
  stepValues.shellR = shellR;
  stepValues.extR = extR;
  stepValues.tShell = tShell;
  stepValues.tExt = tExt;
}

/**
 * Skin surface temperatures (for the vasomotor signal and the display): the shell's mean
 * temperature less the drop across its own insulation and, in air, the cooling by what the skin
 * evaporates (the surface's heat balance, evaporatingSurfaceC: never below the wet bulb). The sweat
 * the controller asks for depends on this skin temperature itself: here it is estimated once from
 * the skin before evaporation (one fixed-point step); the surface balance that moves the heat
 * (skinHeatFlows) uses the controller's sweat.
 */
function surfaceTemperatures(state: State, body: ThermalBody): void {
  const v = body.values;
  const tBlood = state[S.bloodTempC]!;
  const { hAir, airSurfaceInsulation, extremityAirInsulation, waterSurfaceInsulation } = stepValues;
  const { dry, tAir, tWater, shellR, extR, tShell, tExt } = stepValues;
  const shellSurfaceWater =
    tShell - (tShell - tWater) * (shellR / (shellR + waterSurfaceInsulation));
  const shellSurfaceDryAir = tShell - (tShell - tAir) * (shellR / (shellR + airSurfaceInsulation));
  const extSurfaceWater = tExt - (tExt - tWater) * (extR / (extR + waterSurfaceInsulation));
  const extSurfaceDryAir = tExt - (tExt - tAir) * (extR / (extR + extremityAirInsulation));
  const airVapourKPa = state[S.airVapourKPa]!;
  const convectiveWPerM2K = hAir - v.radiationWPerM2K;
  // Resistance to vapour from skin to air through clothing and the boundary layer, m²·kPa/W.
  const evaporativeResistance =
    (state[S.clothingClo]! * v.cloToM2KPerW) /
      (v.lewisRelationKPerKPa * v.clothingPermeabilityIndex) +
    1 / (v.lewisRelationKPerKPa * convectiveWPerM2K);
  let shellSurfaceAir = shellSurfaceDryAir;
  let extSurfaceAir = extSurfaceDryAir;
  if (dry > 0) {
    const dryMeanSkinC =
      (body.shellAreaM2 * shellSurfaceDryAir + body.extremityAreaM2 * extSurfaceDryAir) /
      (body.shellAreaM2 + body.extremityAreaM2);
    const sweatEstimateW = Math.max(
      0,
      v.sweatingCoreGainWPerK * (tBlood - 37) +
        v.sweatingSkinGainWPerK * (dryMeanSkinC - v.neutralSkinTempC),
    );
    const perM2KPa = 1 / evaporativeResistance;
    const sweatPerM2W = sweatEstimateW / (body.shellAreaM2 + body.extremityAreaM2);
    shellSurfaceAir = evaporatingSurfaceC(
      1 / shellR,
      tShell / shellR,
      1 / airSurfaceInsulation,
      tAir,
      perM2KPa,
      airVapourKPa,
      v.insensibleSkinWettedness,
      sweatPerM2W,
    );
    extSurfaceAir = evaporatingSurfaceC(
      1 / extR,
      tExt / extR,
      1 / extremityAirInsulation,
      tAir,
      perM2KPa,
      airVapourKPa,
      v.insensibleSkinWettedness,
      sweatPerM2W,
    );
  }
  stepValues.shellSurfaceWater = shellSurfaceWater;
  stepValues.shellSurfaceAir = shellSurfaceAir;
  stepValues.extSurfaceWater = extSurfaceWater;
  stepValues.extSurfaceAir = extSurfaceAir;
  stepValues.airVapourKPa = airVapourKPa;
  stepValues.evaporativeResistance = evaporativeResistance;
}

/**
 * The head's skin: a node between the blood (scalp and face flow, which cold barely constricts), the
 * brain (through the skull) and the surroundings, solved at steady state each step (it holds little
 * heat). Its surface is bare. Then the area-weighted mean skin temperature of the whole body, the
 * controllers' skin input.
 */
function headSkinNode(state: State, body: ThermalBody): void {
  const v = body.values;
  const tBlood = state[S.bloodTempC]!;
  const { hAir, waterSurfaceInsulation, headWet, wet, dry, tAir, tWater } = stepValues;
  const tBrain = state[S.brainTempC]!;
  const tHeadEnv = headWet === 1 ? tWater : tAir;
  const headSurfaceInsulation = headWet === 1 ? waterSurfaceInsulation : 1 / hAir;
  const headToEnv = body.headAreaM2 / (v.skinInsulationM2KPerW + headSurfaceInsulation);
  const bloodToHead = body.scalpWPerK * state[S.cardiacOutputRatio]!;
  const brainToHead = body.brainToScalpWPerK;
  const tHead =
    (bloodToHead * tBlood + brainToHead * tBrain + headToEnv * tHeadEnv) /
    (bloodToHead + brainToHead + headToEnv);
  const headBloodW = bloodToHead * (tBlood - tHead);
  const headBrainW = brainToHead * (tBrain - tHead);
  stepValues.headBloodW = headBloodW;
  stepValues.headBrainW = headBrainW;
  stepValues.headLossW = headBloodW + headBrainW;
  const headSurface =
    tHead -
    (tHead - tHeadEnv) *
      (v.skinInsulationM2KPerW / (v.skinInsulationM2KPerW + headSurfaceInsulation));

  const totalArea = body.shellAreaM2 + body.extremityAreaM2;
  stepValues.totalArea = totalArea;
  stepValues.meanSkinTempC =
    (body.shellAreaM2 * (wet * stepValues.shellSurfaceWater + dry * stepValues.shellSurfaceAir) +
      body.extremityAreaM2 * (wet * stepValues.extSurfaceWater + dry * stepValues.extSurfaceAir) +
      body.headAreaM2 * headSurface) /
    (totalArea + body.headAreaM2);
}

/**
 * Vasomotor control (Stolwijk form): skin flow = (resting + dilation) / (1 + constriction). As in
 * Stolwijk's controller, the core and skin errors are added before either effector acts: a warm
 * skin holds back constriction and shivering while the core is a little cool, and a cool core holds
 * back dilation and sweating while the skin is a little warm, so a resting body in comfortable
 * surroundings neither sweats nor shivers. Sets the errors, the cold signal and the reflex flow
 * fractions of skin and fat, muscle, and hands and feet.
 */
function vasomotorControl(state: State, body: ThermalBody): void {
  const v = body.values;
  const tBlood = state[S.bloodTempC]!;
  // The core temperature the controller senses is the blood's (the hypothalamus is warmed by the
  // arterial blood it is bathed in); the start profile holds the blood at the start's core temperature.
  const coreError = tBlood - 37;
  const skinError = stepValues.meanSkinTempC - v.neutralSkinTempC;
  const dilationWPerK =
    (Math.max(
      0,
      v.vasodilationCoreGainLPerHPerK * coreError + v.vasodilationSkinGainLPerHPerK * skinError,
    ) /
      3600) *
    body.bloodHeatCapacityJPerLK;
  // On the heart-lung machine the patient is anaesthetised (below): anaesthesia lowers the core
  // temperature at which the vessels constrict, so the periphery opens once the blood is rewarmed past
  // it and takes up heat on the pump instead of after it. A vasodilator leaves only part of the cold
  // signal.
  const anaesthetised = state[S.cannulated]! === 1;
  const constrictionError = anaesthetised
    ? tBlood - v.anaesthesiaVasoconstrictionThresholdC
    : coreError;
  const signal =
    (vasodilatorActive(state) ? v.vasodilatorSignalFraction : 1) *
    body.vasoconstrictionAgeFactor *
    Math.max(
      0,
      -v.vasoconstrictionCoreGainPerK * constrictionError -
        v.vasoconstrictionSkinGainPerK * skinError,
    );
  const shellRestingWPerK = body.restingPerfusionWPerK[C.shell]!;
  const maxShellFraction = body.maxShellPerfusionWPerK / shellRestingWPerK;
  // The reflexes' skin-and-fat flow, as a fraction of resting.
  stepValues.shellFlowFraction = Math.min(
    maxShellFraction,
    Math.max(
      v.vasoconstrictionMinFlowFraction,
      (1 + dilationWPerK / shellRestingWPerK) / (1 + signal),
    ),
  );
  stepValues.muscleFlowFraction = Math.max(
    v.muscleMinFlowFraction,
    1 / (1 + v.muscleConstrictionGainRatio * signal),
  );
  stepValues.extremityFlowFraction = Math.max(
    v.vasoconstrictionMinFlowFraction,
    1 / (1 + v.extremityConstrictionGainRatio * signal),
  );
  stepValues.coreError = coreError;
  stepValues.skinError = skinError;
  stepValues.anaesthetised = anaesthetised;
  stepValues.signal = signal;
  stepValues.shellRestingWPerK = shellRestingWPerK;
  stepValues.maxShellFraction = maxShellFraction;
}

/**
 * Locally heated skin dilates its own vessels whatever the reflexes ask (local thermal hyperaemia):
 * from none at the onset temperature to the highest flow at the full one, at the shell's surface.
 * The extra flow runs through the skin's own vessels, at the surface, outside the fat: it is warmed
 * there by what heats the skin, not by the shell's mean temperature (skinHeatFlows).
 */
function localHeating(state: State, body: ThermalBody): void {
  const v = body.values;
  const { wet, dry, maxShellFraction, shellFlowFraction } = stepValues;
  const shellSurface = wet * stepValues.shellSurfaceWater + dry * stepValues.shellSurfaceAir;
  const localHeatingFraction = Math.min(
    1,
    Math.max(
      0,
      (shellSurface - v.localHeatingOnsetSkinTempC) /
        (v.localHeatingFullSkinTempC - v.localHeatingOnsetSkinTempC),
    ),
  );
  stepValues.localSkinWPerK =
    localHeatingFraction *
    Math.max(0, maxShellFraction - shellFlowFraction) *
    stepValues.shellRestingWPerK *
    state[S.cardiacOutputRatio]!;
}

/**
 * The sweat asked for, W: from the core and skin errors (Gagge two-node form); none when no skin is
 * in air. How much of it evaporates, limited by what the air can take at the skin's surface, is
 * settled by the surface balances in skinHeatFlows, which share it between the shell's and the
 * hands' and feet's skin by area.
 */
function sweating(body: ThermalBody): void {
  const v = body.values;
  const { coreError, skinError } = stepValues;
  stepValues.sweatW =
    stepValues.dry > 0
      ? Math.max(0, v.sweatingCoreGainWPerK * coreError + v.sweatingSkinGainWPerK * skinError)
      : 0;
}

/**
 * Shivering heat, W: drive from cold core and cold skin, capped, tapered to zero as the core cools
 * below the level where muscle and nerves can still sustain it, lagged, and held to what the brain
 * can drive. The fit divides the drive by √(body fat %): there it stands in for the insulation of
 * fat (a fat person's core and skin cool less for the same cold). Here the fat's insulation is in the
 * conductances, so the divisor is taken once at the fit's reference fat for everyone: dividing by
 * each person's own fat would count fat twice, and a fat person would shiver too little and cool
 * faster than a lean one in cold water.
 */
function shivering(state: State, body: ThermalBody, dtS: number): void {
  const v = body.values;
  const tCore = state[S.coreTempC]!;
  const skinCold = SHIVERING_FIT_SKIN_REFERENCE_C - stepValues.meanSkinTempC;
  const driveWPerM2 =
    (v.shiveringCoreGainWPerM2K * Math.max(0, 37 - tCore) +
      // Warm skin holds shivering back (the fit's linear term continued above its reference).
      (skinCold > 0
        ? v.shiveringSkinGainWPerM2K * skinCold -
          v.shiveringSkinCurvatureWPerM2K2 * skinCold * skinCold
        : v.shiveringSkinGainWPerM2K * skinCold)) /
    Math.sqrt(v.shiveringFitBodyFatPercent);
  const coldMuscleFactor = Math.min(
    1,
    Math.max(
      0,
      (tCore - v.shiveringStopCoreTempC) / (v.shiveringFullCoreTempC - v.shiveringStopCoreTempC),
    ),
  );
  // On the heart-lung machine the patient is anaesthetised or deeply sedated with neuromuscular
  // blockade: cardiopulmonary bypass in theatre, and VA-ECMO after an arrest (intubated, sedated and,
  // while cooled or rewarmed, paralysed to stop shivering): no shivering.
  const shiveringTargetW = stepValues.anaesthetised
    ? 0
    : Math.min(body.shiveringCeilingW, Math.max(0, driveWPerM2) * body.composition.surfaceAreaM2) *
      coldMuscleFactor;
  // Shivering is driven by the brain: it builds with a lag, but it can be no more than a perfused,
  // oxygenated brain drives, and it stops within seconds of a cardiac arrest (last step's brain flow
  // and oxygen; compressions alone do not keep the brain firing).
  const brainDriveCapW =
    body.shiveringCeilingW * shiveringBrainDrive(state, body.restingBrainFlowLPerMin, v);
  stepValues.shiveringW = Math.min(
    brainDriveCapW,
    state[S.shiveringHeatW]! +
      (shiveringTargetW - state[S.shiveringHeatW]!) *
        (1 - onsetExp.of(-dtS / v.shiveringOnsetTimeConstantS)),
  );
}

/**
 * Metabolism and perfusion: each tissue burns what its oxygen allows (demand × aerobic fraction) and
 * exchanges heat with the blood flowing through it. Flow scales with the heart's output; shivering
 * muscle gets the extra flow that carries its oxygen while the heart pumps; frozen tissue gets none.
 * Writes each tissue's demand and flow to the state, its metabolic heat to netHeatW and its heat
 * conductance to the blood to heatPerfusionWPerK.
 */
function metabolismAndPerfusion(state: State, body: ThermalBody): void {
  const v = body.values;
  const { shellFlowFraction, extremityFlowFraction, muscleFlowFraction } = stepValues;
  const { shiveringW, localSkinWPerK, signal } = stepValues;
  const outputRatio = state[S.cardiacOutputRatio]!;
  const rhythm = state[S.rhythm]!;
  const pumping = isPerfusingRhythm(rhythm);
  // The heart's work: its own output when it pumps; fibrillation burns about as much; none otherwise.
  const heartWork = pumping ? state[S.nativeOutputRatio]! : rhythm === RHYTHM.vf ? 1 : 0;
  const perMinute = body.bloodHeatCapacityJPerLK / 60;
  const limbShare = body.shiveringLimbShare;
  // Cold moves the limbs' venous return to the deep veins beside the arteries: countercurrent exchange
  // hands part of the arterial heat straight back to the returning blood, so the blood carries less
  // heat into (or out of) the limb than its flow alone would; oxygen is delivered in full.
  const limbHeatExchangeFraction = 1 - (body.limbCountercurrentEfficiency * signal) / (1 + signal);
  let metabolicW = 0;
  let perfusionTotalWPerK = 0;
  for (let i = 0; i < COMPARTMENT_COUNT - 1; i++) {
    const t = state[i]!;
    let demandW = body.restingMetabolismW[i]! * q10Factor(body.logQ10[i]!, t, i);
    if (i === C.heart) demandW *= v.heartBasalFraction + (1 - v.heartBasalFraction) * heartWork;
    let perfusion = body.restingPerfusionWPerK[i]! * outputRatio;
    if (i === C.shell) perfusion *= shellFlowFraction;
    else if (i === C.extremities)
      perfusion *= extremityFlowFraction * (1 - state[S.extremityFrozenFraction]!);
    else if (i === C.muscle || i === C.limbs) {
      const shareW = shiveringW * (i === C.limbs ? limbShare : 1 - limbShare);
      perfusion *= muscleFlowFraction;
      demandW += shareW;
      if (pumping) perfusion += shareW * body.shiveringFlowLPerMinPerW * perMinute;
    }
    state[S.brainDemandW + i] = demandW;
    // Locally dilated skin flow carries the shell's oxygen too; its heat goes through the skin node.
    const flowWPerK = i === C.shell ? perfusion + localSkinWPerK : perfusion;
    state[S.brainFlowLPerMin + i] = flowWPerK / perMinute;
    perfusionTotalWPerK += flowWPerK;
    if (i === C.limbs) perfusion *= limbHeatExchangeFraction;
    heatPerfusionWPerK[i] = perfusion;
    const m = demandW * state[S.brainAerobicFraction + i]!;
    metabolicW += m;
    netHeatW[i] = m;
  }
  stepValues.metabolicW = metabolicW;
  stepValues.perfusionTotalWPerK = perfusionTotalWPerK;
  stepValues.perMinute = perMinute;
}

/**
 * The arterial temperature and the heat leaving the shell and the hands and feet through their skin.
 * Each tissue exchanges heat with arterial blood; its venous blood returns to the pool at the
 * tissue's temperature. Arterial temperature is the flow-weighted mix of the circuit's outlet and the
 * heart's own output, never beyond the outlet; pumped blood that the (constricted) tissue flows do
 * not take up returns to the venous pool with its heat, so the exchanger's heat is all accounted for.
 */
function skinHeatFlows(state: State, body: ThermalBody): void {
  const v = body.values;
  const tBlood = state[S.bloodTempC]!;
  const { airSurfaceInsulation, extremityAirInsulation, waterSurfaceInsulation } = stepValues;
  const { wet, dry, tAir, tWater, shellR, extR, tShell, tExt, extWaterLossW } = stepValues;
  const { airVapourKPa, evaporativeResistance, totalArea, sweatW, localSkinWPerK } = stepValues;
  const pumpHeatW = state[S.pumpHeatW]!;
  const pumpFlow = state[S.pumpFlowLPerMin]!;
  const tissueFlow = stepValues.perfusionTotalWPerK / stepValues.perMinute;
  const pumpShare = pumpFlow > 0 && tissueFlow > 0 ? Math.min(1, pumpFlow / tissueFlow) : 0;
  const tArterial = tBlood + pumpShare * (state[S.arterialOutletTempC]! - tBlood);
  // The shell's surface, in water and in air: a skin node between the shell's mean temperature
  // (through the shell's own insulation), the surroundings and the locally dilated skin flow, solved
  // at steady state (it holds little heat). With no such flow this is the series conductance
  // shell → surroundings.
  const toWaterWPerK = (wet * body.shellAreaM2) / waterSurfaceInsulation;
  const toAirWPerK = (dry * body.shellAreaM2) / airSurfaceInsulation;
  const shellToWetSkin = (wet * body.shellAreaM2) / shellR;
  const shellToDrySkin = (dry * body.shellAreaM2) / shellR;
  const wetSkinFlow = localSkinWPerK * wet;
  const drySkinFlow = localSkinWPerK * dry;
  const wetSkinC = skinNodeC(toWaterWPerK, tWater, shellToWetSkin, tShell, wetSkinFlow, tArterial);
  // The dry skin's surface also evaporates: its temperature balances the heat reaching it against
  // convection, radiation and evaporation, so sweat cools it towards the air's wet-bulb temperature
  // and never below it (below the wet bulb the air would give more heat than the water takes away).
  const shellSweatW = (sweatW * body.shellAreaM2) / totalArea;
  const shellEvaporationPerKPa = (dry * body.shellAreaM2) / evaporativeResistance;
  const drySkinC = evaporatingSurfaceC(
    shellToDrySkin + drySkinFlow,
    shellToDrySkin * tShell + drySkinFlow * tArterial,
    toAirWPerK,
    tAir,
    shellEvaporationPerKPa,
    airVapourKPa,
    v.insensibleSkinWettedness,
    shellSweatW,
  );
  const shellEvaporationW = skinEvaporationW(
    drySkinC,
    shellEvaporationPerKPa,
    airVapourKPa,
    v.insensibleSkinWettedness,
    shellSweatW,
  );
  // The node's balance closes exactly: what is not evaporated leaves by convection and radiation.
  const shellDryLossW =
    shellToDrySkin * (tShell - drySkinC) + drySkinFlow * (tArterial - drySkinC) - shellEvaporationW;
  stepValues.shellLossW = toWaterWPerK * (wetSkinC - tWater) + shellDryLossW;
  stepValues.shellToSkinW =
    shellToWetSkin * (tShell - wetSkinC) + shellToDrySkin * (tShell - drySkinC);
  // Hands and feet in air: the same surface balance between the tissue (through its skin) and the air.
  const extToDrySkin = (dry * body.extremityAreaM2) / extR;
  const extSkinToAir = (dry * body.extremityAreaM2) / extremityAirInsulation;
  const extremitySweatW = sweatW - shellSweatW;
  const extremityEvaporationPerKPa = (dry * body.extremityAreaM2) / evaporativeResistance;
  const extDrySkinC = evaporatingSurfaceC(
    extToDrySkin,
    extToDrySkin * tExt,
    extSkinToAir,
    tAir,
    extremityEvaporationPerKPa,
    airVapourKPa,
    v.insensibleSkinWettedness,
    extremitySweatW,
  );
  const extremityEvaporationW = skinEvaporationW(
    extDrySkinC,
    extremityEvaporationPerKPa,
    airVapourKPa,
    v.insensibleSkinWettedness,
    extremitySweatW,
  );
  const extToDrySkinW = extToDrySkin * (tExt - extDrySkinC);
  stepValues.extToDrySkinW = extToDrySkinW;
  stepValues.extLossW = extWaterLossW + extToDrySkinW - extremityEvaporationW;
  stepValues.evaporationW = shellEvaporationW + extremityEvaporationW;
  stepValues.tArterial = tArterial;
  stepValues.pumpHeatW = pumpHeatW;
  stepValues.wetSkinFlow = wetSkinFlow;
  stepValues.drySkinFlow = drySkinFlow;
  stepValues.wetSkinC = wetSkinC;
  stepValues.drySkinC = drySkinC;
}

/**
 * Heat carried by the blood: each tissue gains from arterial blood, and the blood pool takes back
 * the venous return, the pump's heat and the locally dilated skin flow's exchange; then the bedside
 * devices' heat, per compartment (summed in stepValues.externalW with the pump's).
 */
function bloodAndDeviceHeat(state: State): void {
  const tBlood = state[S.bloodTempC]!;
  const { tArterial, pumpHeatW, wetSkinFlow, drySkinFlow, wetSkinC, drySkinC } = stepValues;
  let toBloodW =
    pumpHeatW + wetSkinFlow * (wetSkinC - tArterial) + drySkinFlow * (drySkinC - tArterial);
  for (let i = 0; i < COMPARTMENT_COUNT - 1; i++) {
    const t = state[i]!;
    const g = heatPerfusionWPerK[i]!;
    netHeatW[i] = netHeatW[i]! + g * (tArterial - t);
    toBloodW += g * (t - tBlood) - g * (tArterial - tBlood);
  }
  netHeatW[C.blood] = toBloodW;
  // Heat from bedside devices, per compartment.
  let externalW = pumpHeatW;
  for (let i = 0; i < COMPARTMENT_COUNT; i++) {
    const w = state[S.brainExternalW + i]!;
    netHeatW[i] = netHeatW[i]! + w;
    externalW += w;
  }
  stepValues.externalW = externalW;
}

/**
 * Breathing (inspired gas warmed to core temperature and saturated with water, taken from the core)
 * and conduction between neighbouring compartments, including the head skin node's draw on the
 * blood and brain and the skin's draw on the shell and the hands and feet, added to netHeatW.
 */
function breathingAndConduction(state: State, body: ThermalBody): void {
  const v = body.values;
  const tBlood = state[S.bloodTempC]!;
  const tCore = state[S.coreTempC]!;
  const { tAir, tShell, tExt, extWaterLossW } = stepValues;
  // Breathing: inspired gas is warmed to core temperature and saturated with water.
  const minuteVolume = respiratoryMinuteVolumeLPerMin(state, body);
  const respiratoryW =
    minuteVolume > 0
      ? respiratoryHeatLossW(minuteVolume, tCore, tAir, state[S.airVapourKPa]!, v)
      : 0;
  netHeatW[C.core] = netHeatW[C.core]! - respiratoryW;
  stepValues.respiratoryW = respiratoryW;

  // Conduction between neighbours.
  const tHeart = state[S.heartTempC]!;
  const tMuscle = state[S.muscleTempC]!;
  const tLimb = state[S.limbTempC]!;
  const coreMuscle = body.coreToMuscleWPerK * (tCore - tMuscle);
  const muscleLimb = body.trunkToLimbWPerK * (tMuscle - tLimb);
  const heartCore = body.heartToCoreWPerK * (tHeart - tCore);
  const heartBlood = body.heartToBloodWPerK * (tHeart - tBlood);
  const extLimb = body.extremityToLimbWPerK * (tExt - tLimb);
  const muscleShell = body.muscleToShellWPerK * (tMuscle - tShell);
  const limbShell = body.limbToShellWPerK * (tLimb - tShell);
  netHeatW[C.core] = netHeatW[C.core]! - coreMuscle + heartCore;
  netHeatW[C.muscle] = netHeatW[C.muscle]! + coreMuscle - muscleLimb - muscleShell;
  netHeatW[C.limbs] = netHeatW[C.limbs]! + muscleLimb + extLimb - limbShell;
  netHeatW[C.heart] = netHeatW[C.heart]! - heartCore - heartBlood;
  netHeatW[C.blood] = netHeatW[C.blood]! + heartBlood - stepValues.headBloodW;
  netHeatW[C.brain] = netHeatW[C.brain]! - stepValues.headBrainW;
  netHeatW[C.shell] = netHeatW[C.shell]! + muscleShell + limbShell - stepValues.shellToSkinW;
  netHeatW[C.extremities] =
    netHeatW[C.extremities]! - extLimb - extWaterLossW - stepValues.extToDrySkinW;
}

/**
 * Integration: moves each compartment's temperature by its net heat over dtS (explicit Euler),
 * freezes or thaws the hands and feet, adds to the energy accumulators and records the step's
 * derived values in the state.
 */
function integrate(state: State, body: ThermalBody, dtS: number): void {
  const { metabolicW, externalW } = stepValues;
  for (let i = 0; i < COMPARTMENT_COUNT; i++) {
    state[i] = state[i]! + (dtS * netHeatW[i]!) / body.heatCapacityJPerK[i]!;
  }
  freezeOrThawExtremities(state, body);

  const lossW =
    stepValues.shellLossW +
    stepValues.extLossW +
    stepValues.headLossW +
    stepValues.evaporationW +
    stepValues.respiratoryW;
  state[S.metabolicHeatJ] = state[S.metabolicHeatJ]! + metabolicW * dtS;
  state[S.environmentHeatLossJ] = state[S.environmentHeatLossJ]! + lossW * dtS;
  state[S.externalHeatJ] = state[S.externalHeatJ]! + externalW * dtS;
  state[S.externalHeatW] = externalW;
  state[S.metabolicRateW] = metabolicW;
  state[S.heatLossW] = lossW;
  state[S.skinBloodFlowFraction] = stepValues.shellFlowFraction;
  state[S.meanSkinTempC] = stepValues.meanSkinTempC;
  state[S.cardiacOutputLPerMin] =
    (stepValues.perfusionTotalWPerK * 60) / body.bloodHeatCapacityJPerLK;
  state[S.shiveringHeatW] = stepValues.shiveringW;
  state[S.shiveringCeilingW] = body.shiveringCeilingW;
  state[S.respiratoryHeatLossW] = stepValues.respiratoryW;
}

/**
 * Steady temperature of a skin node, °C: the conductance-weighted mean of the surroundings, the
 * shell beneath and the arterial blood flowing through it (W/K each). The shell's temperature when
 * the node has no area (none of the skin is in that medium).
 */
function skinNodeC(
  toEnvWPerK: number,
  envC: number,
  fromShellWPerK: number,
  shellC: number,
  flowWPerK: number,
  arterialC: number,
): number {
  const total = toEnvWPerK + fromShellWPerK + flowWPerK;
  return total > 0
    ? (toEnvWPerK * envC + fromShellWPerK * shellC + flowWPerK * arterialC) / total
    : shellC;
}

/**
 * Evaporation from a dry skin surface at a temperature, W: insensible diffusion (a small wetted
 * fraction) plus the sweat asked for, no more than a fully wet skin would give: the vapour pressure
 * difference from skin to air times perKPa (area over the evaporative resistance, W/kPa).
 */
function skinEvaporationW(
  surfaceC: number,
  perKPa: number,
  airKPa: number,
  insensibleWettedness: number,
  sweatW: number,
): number {
  const maxW = perKPa * Math.max(0, saturationVapourPressureKPa(surfaceC) - airKPa);
  return Math.min(maxW, insensibleWettedness * maxW + sweatW);
}

/**
 * Steady temperature of an evaporating skin surface, °C: the heat reaching it from within (inner
 * conductances summing innerWPerK, and the sum of conductance × temperature innerWeightedW) and from
 * the air (airWPerK at airC) equals what it evaporates (skinEvaporationW). Evaporation rises with the
 * surface temperature, so there is one root below the no-evaporation temperature; found by Newton's
 * method kept inside a bracket (a fixed number of steps; the caller closes the balance exactly).
 */
function evaporatingSurfaceC(
  innerWPerK: number,
  innerWeightedW: number,
  airWPerK: number,
  airC: number,
  perKPa: number,
  airKPa: number,
  insensibleWettedness: number,
  sweatW: number,
): number {
  const g = innerWPerK + airWPerK;
  if (g <= 0) return airC;
  const dryC = (innerWeightedW + airWPerK * airC) / g;
  if (perKPa <= 0) return dryC;
  let lo = dryC - 100;
  let hi = dryC;
  let t = dryC;
  for (let i = 0; i < 12; i++) {
    const pSat = saturationVapourPressureKPa(t);
    const maxW = perKPa * Math.max(0, pSat - airKPa);
    const full = insensibleWettedness * maxW + sweatW >= maxW;
    const e = full ? maxW : insensibleWettedness * maxW + sweatW;
    const f = g * (dryC - t) - e;
    if (f > 0) lo = t;
    else hi = t;
    // d(p_sat)/dT of the Tetens form.
    const dP = pSat > airKPa ? (pSat * 17.27 * 237.3) / ((t + 237.3) * (t + 237.3)) : 0;
    const slope = g + perKPa * dP * (full ? 1 : insensibleWettedness);
    const step = f / slope;
    if (Math.abs(step) < 1e-9) return t + step;
    const next = t + step;
    t = next > lo && next < hi ? next : 0.5 * (lo + hi);
  }
  return t;
}

/**
 * Minute ventilation, L/min: a ventilator or bag delivers the resting volume; spontaneous breathing
 * follows the oxygen being consumed; none otherwise.
 */
export function respiratoryMinuteVolumeLPerMin(state: State, body: ThermalBody): number {
  const v = body.values;
  if (state[S.ventilationFio2]! > 0)
    return (v.ventilationPerO2Uptake * body.restingVo2MlPerMin) / 1000;
  if (state[S.breathing]! === 1)
    return (v.ventilationPerO2Uptake * state[S.bodyVo2MlPerMin]!) / 1000;
  return 0;
}

/** Heat spent warming and humidifying breathed gas from air temperature to core temperature, W. */
export function respiratoryHeatLossW(
  minuteVolumeLPerMin: number,
  coreTempC: number,
  airTempC: number,
  airVapourKPa: number,
  v: ParameterValues,
): number {
  const m3PerS = minuteVolumeLPerMin / 1000 / 60;
  const sensible =
    m3PerS * v.airDensityKgPerM3 * AIR_SPECIFIC_HEAT_J_PER_KG_K * (coreTempC - airTempC);
  const waterOut = vapourDensityKgPerM3(saturationVapourPressureKPa(coreTempC), coreTempC);
  const waterIn = vapourDensityKgPerM3(airVapourKPa, airTempC);
  const latent = m3PerS * Math.max(0, waterOut - waterIn) * v.latentHeatOfVaporisationJPerKg;
  return sensible + latent;
}

/** Specific heat of air at constant pressure, J/kg/K (physical constant). */
const AIR_SPECIFIC_HEAT_J_PER_KG_K = 1005;

/** Mass of water vapour per m³ of gas at a vapour pressure (kPa) and temperature (°C), kg/m³. */
function vapourDensityKgPerM3(vapourKPa: number, tempC: number): number {
  return (vapourKPa * 1000 * 0.018015) / (8.314 * (tempC + 273.15));
}

/**
 * Freezing: hands and feet cooled below the tissue freezing point hold there while their water
 * freezes (latent heat), and thaw the same way. The largest frozen fraction is kept as frostbite.
 */
function freezeOrThawExtremities(state: State, body: ThermalBody): void {
  const v = body.values;
  const freezeC = v.tissueFreezingPointC;
  const t = state[S.extremityTempC]!;
  const frozen = state[S.extremityFrozenFraction]!;
  const capacity = body.heatCapacityJPerK[C.extremities]!;
  const latentJ = v.latentHeatOfFusionJPerKg * body.extremityWaterKg;
  if (t < freezeC && frozen < 1) {
    const freezable = ((1 - frozen) * latentJ) / capacity; // °C of cooling it can absorb
    const deficit = freezeC - t;
    const used = Math.min(deficit, freezable);
    state[S.extremityFrozenFraction] = frozen + (used * capacity) / latentJ;
    state[S.extremityTempC] = t + used;
  } else if (t > freezeC && frozen > 0) {
    const thawable = (frozen * latentJ) / capacity;
    const surplus = t - freezeC;
    const used = Math.min(surplus, thawable);
    state[S.extremityFrozenFraction] = Math.max(0, frozen - (used * capacity) / latentJ);
    state[S.extremityTempC] = t - used;
  }
  if (state[S.extremityFrozenFraction]! > state[S.frostbiteFraction]!)
    state[S.frostbiteFraction] = state[S.extremityFrozenFraction]!;
}

/**
 * Heat stored in the body relative to a reference: a set of temperatures and the hands' and feet's
 * frozen fraction then (ice present at the reference is not a change in stored heat), J.
 */
export function storedHeatJ(
  state: State,
  body: ThermalBody,
  referenceTempsC: ArrayLike<number>,
  referenceFrozenFraction = 0,
): number {
  let total = 0;
  for (let i = 0; i < COMPARTMENT_COUNT; i++) {
    total += body.heatCapacityJPerK[i]! * (state[i]! - referenceTempsC[i]!);
  }
  // Ice holds less heat than water at the same temperature.
  return (
    total -
    (state[S.extremityFrozenFraction]! - referenceFrozenFraction) *
      body.values.latentHeatOfFusionJPerKg *
      body.extremityWaterKg
  );
}
