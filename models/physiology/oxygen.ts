// Oxygen: inspired gas, a lung store, arterial blood (saturation by the Severinghaus curve shifted by
// temperature, plus dissolved oxygen whose solubility rises in the cold), delivery to each tissue by its
// blood flow, small tissue stores, consumption that falls only when tissue PO2 nears zero, a mixed
// venous pool, and a small diffusive supply that needs no flow. The stores are stiff (seconds), so each
// is stepped semi-implicitly (one linearised backward-Euler step), which is stable at any model step.

import { C, COMPARTMENT_COUNT, S, type State } from '../core/state.ts';
import type { ParameterValues } from '../parameters/index.ts';
import { effectiveSweepLPerMin } from '../devices/heartLungMachine.ts';
import { exp, RememberedExp } from '../math/detmath.ts';

/** Dry inspired gas: PO2 = FiO2 × (barometric − water vapour). */
/** Standard atmosphere at sea level, mmHg (a definition, not a parameter). */
const SEA_LEVEL_PRESSURE_MMHG = 760;

export function dryGasPressureMmHg(v: ParameterValues): number {
  return v.barometricPressureMmHg - v.waterVapourPressureMmHg;
}

/** Severinghaus 1979 standard curve at 37 °C, pH 7.40 (P50 26.8 mmHg). */
function severinghaus(po2At37: number): number {
  if (po2At37 <= 0) return 0;
  return 1 / (23400 / (po2At37 * po2At37 * po2At37 + 150 * po2At37) + 1);
}

/**
 * Multiplier that turns a PO2 measured at tempC into the PO2 giving the same saturation at 37 °C
 * (cold shifts the curve to the left), including a P50 other than the standard 26.8 mmHg.
 */
export function po2ShiftFactor(tempC: number, v: ParameterValues): number {
  return po2ShiftOfExp(exp(po2ShiftExponent(tempC, v)), v);
}

// Each temperature term below in two parts: the exponent, and the factor made from its exponential
// (stepOxygen takes the exponentials of a step together, each remembered: termExp).
function po2ShiftExponent(tempC: number, v: ParameterValues): number {
  return Math.LN10 * v.p50TemperatureCoefficientLog10PerK * (37 - tempC);
}
function po2ShiftOfExp(e: number, v: ParameterValues): number {
  return (26.8 / v.p50MmHg) * e;
}
function solubilityExponent(tempC: number, v: ParameterValues): number {
  return v.o2SolubilityTemperatureCoefficientPerK * (37 - tempC);
}
function solubilityOfExp(e: number, v: ParameterValues): number {
  return v.o2SolubilityMlPerDlPerMmHg * e;
}
/** The diffusive conductance's temperature term (its exponent; its factor multiplies the 37 °C value). */
function diffusionExponent(tempC: number, v: ParameterValues): number {
  return v.o2DiffusionTemperatureCoefficientPerK * (tempC - 37);
}

/** Haemoglobin saturation, 0–1, at a PO2 (mmHg) and temperature (°C). */
export function haemoglobinSaturation(po2MmHg: number, tempC: number, v: ParameterValues): number {
  return severinghaus(po2MmHg * po2ShiftFactor(tempC, v));
}

/** P50 at a temperature, mmHg: the PO2 at which haemoglobin is half saturated. */
export function p50AtTemperatureMmHg(tempC: number, v: ParameterValues): number {
  return 26.8 / po2ShiftFactor(tempC, v);
}

/** Oxygen solubility in blood, mL O2/dL/mmHg, at a temperature. */
export function o2SolubilityMlPerDlPerMmHg(tempC: number, v: ParameterValues): number {
  return solubilityOfExp(exp(solubilityExponent(tempC, v)), v);
}

/** Oxygen content of blood, mL O2/dL: bound to haemoglobin plus dissolved. */
export function o2ContentMlPerDl(
  po2MmHg: number,
  tempC: number,
  haemoglobinGPerDl: number,
  v: ParameterValues,
): number {
  const p = Math.max(0, po2MmHg);
  return (
    v.hufnerMlO2PerG * haemoglobinGPerDl * haemoglobinSaturation(p, tempC, v) +
    o2SolubilityMlPerDlPerMmHg(tempC, v) * p
  );
}

/** The PO2 (mmHg) of blood with a given O2 content at a temperature (inverse of o2ContentMlPerDl). */
export function po2FromContentMmHg(
  contentMlPerDl: number,
  tempC: number,
  haemoglobinGPerDl: number,
  v: ParameterValues,
): number {
  if (!(contentMlPerDl > 0)) return 0;
  // o2ContentMlPerDl at this temperature, with its temperature terms computed once (the same
  // operations in the same order: the same result to the bit). Written out, not as a closure: a
  // closure made on every call costs more than it saves.
  const boundMlPerDl = v.hufnerMlO2PerG * haemoglobinGPerDl;
  const shift = po2ShiftFactor(tempC, v);
  const solubility = o2SolubilityMlPerDlPerMmHg(tempC, v);
  let lo = 0;
  let hi = 2000;
  if (boundMlPerDl * severinghaus(hi * shift) + solubility * hi <= contentMlPerDl) return hi;
  for (let i = 0; i < 50; i++) {
    const mid = 0.5 * (lo + hi);
    if (boundMlPerDl * severinghaus(mid * shift) + solubility * mid < contentMlPerDl) lo = mid;
    else hi = mid;
  }
  return 0.5 * (lo + hi);
}

/** Constants of one patient's oxygen transport, computed once when a run starts. */
export interface OxygenBody {
  readonly haemoglobinGPerDl: number;
  /** O2 capacity of full haemoglobin, mL/dL. */
  readonly boundCapacityMlPerDl: number;
  /** Lung gas volume, mL. */
  readonly lungGasMl: number;
  /** Alveolar ventilation at rest, mL/min, and per mL/min of O2 demand while breathing. */
  readonly restingAlveolarVentilationMlPerMin: number;
  readonly alveolarVentilationPerO2: number;
  /** Resting whole-body O2 demand at 37 °C, mL/min. */
  readonly restingVo2MlPerMin: number;
  /** Mixed venous blood pool, dL. */
  readonly venousPoolDl: number;
  /** Per tissue compartment: water volume, dL, and blood volume, dL (their O2 is the tissue store). */
  readonly tissueWaterDl: Float64Array;
  readonly tissueBloodDl: Float64Array;
  /** Per tissue: diffusive conductance at 37 °C, mL/min/mmHg. */
  readonly diffusionMlPerMinPerMmHg: Float64Array;
  /** Per tissue: resting O2 use at 37 °C, mL/s (scales the capillary-to-tissue PO2 gradient). */
  readonly restingO2MlPerS: Float64Array;
  readonly values: ParameterValues;
}

/** Normal starting values: tissue PO2, alveolar PO2 on air. */
export const NORMAL_TISSUE_PO2_MMHG = 25;

export function buildOxygenBody(
  massesKg: ArrayLike<number>,
  restingMetabolismW: ArrayLike<number>,
  bloodVolumeL: number,
  haemoglobinGPerDl: number,
  massKg: number,
  v: ParameterValues,
): OxygenBody {
  let restingW = 0;
  for (let i = 0; i < COMPARTMENT_COUNT; i++) restingW += restingMetabolismW[i]!;
  const restingVo2MlPerMin = (restingW / v.oxygenEnergyEquivalentJPerMl) * 60;
  // The ventilatory equivalent is a property of the body, set at sea level: at altitude the same
  // ventilation gives a lower alveolar PO2. (Dividing by the altitude's dry gas pressure instead made
  // the ventilation negative below ~507 mmHg, where air holds less oxygen than the sea-level alveolar
  // target, and the lung store then diverged.)
  const seaLevelDry = SEA_LEVEL_PRESSURE_MMHG - v.waterVapourPressureMmHg;
  const alveolarVentilationPerO2 = 1 / (0.21 - v.restingAlveolarPo2OnAirMmHg / seaLevelDry);
  const tissueWaterDl = new Float64Array(COMPARTMENT_COUNT);
  const tissueBloodDl = new Float64Array(COMPARTMENT_COUNT);
  const diffusionMlPerMinPerMmHg = new Float64Array(COMPARTMENT_COUNT);
  let tissueBloodTotalDl = 0;
  const restingO2MlPerS = new Float64Array(COMPARTMENT_COUNT);
  for (let i = 0; i < COMPARTMENT_COUNT; i++) {
    if (i === C.blood) continue;
    restingO2MlPerS[i] = restingMetabolismW[i]! / v.oxygenEnergyEquivalentJPerMl;
    const kg = massesKg[i]!;
    tissueWaterDl[i] = kg * v.tissueWaterFraction * 10;
    tissueBloodDl[i] = kg * v.tissueBloodVolumeLPerKg * 10;
    tissueBloodTotalDl += tissueBloodDl[i]!;
    diffusionMlPerMinPerMmHg[i] = kg * v.diffusiveO2MlPerMinPerKgPerMmHg;
  }
  // The venous pool is the blood not held in tissues or the arteries (arterial ≈ 15 % of volume).
  const venousPoolDl = Math.max(
    0.3 * bloodVolumeL * 10,
    bloodVolumeL * 10 * 0.85 - tissueBloodTotalDl,
  );
  return {
    haemoglobinGPerDl,
    boundCapacityMlPerDl: v.hufnerMlO2PerG * haemoglobinGPerDl,
    lungGasMl: v.functionalResidualCapacityMlPerKg * massKg,
    restingAlveolarVentilationMlPerMin: restingVo2MlPerMin * alveolarVentilationPerO2,
    alveolarVentilationPerO2,
    restingVo2MlPerMin,
    venousPoolDl,
    tissueWaterDl,
    tissueBloodDl,
    diffusionMlPerMinPerMmHg,
    restingO2MlPerS,
    values: v,
  };
}

/** Aerobic fraction of demand met at a mean tissue PO2 (1 − e^(−P/Pk), half at consumptionHalfPo2). */
export function aerobicFraction(po2MmHg: number, v: ParameterValues): number {
  return 1 - exp((-Math.LN2 * Math.max(0, po2MmHg)) / v.consumptionHalfPo2MmHg);
}

/** Sets the oxygen part of the state to a resting, normally oxygenated body breathing air. */
export function initialiseOxygen(state: State, body: OxygenBody): void {
  const v = body.values;
  state[S.alveolarPo2MmHg] = v.restingAlveolarPo2OnAirMmHg;
  for (let i = 0; i < COMPARTMENT_COUNT; i++) {
    state[S.brainPo2MmHg + i] = i === C.blood ? 0 : NORMAL_TISSUE_PO2_MMHG;
    state[S.brainAerobicFraction + i] = 1;
  }
  const ca = o2ContentMlPerDl(v.restingAlveolarPo2OnAirMmHg, 37, body.haemoglobinGPerDl, v);
  state[S.arterialO2ContentMlPerDl] = ca;
  state[S.venousO2ContentMlPerDl] = ca - 5;
  state[S.venousPo2MmHg] = 40;
  state[S.venousSat] = 0.75;
  state[S.bodyVo2MlPerMin] = body.restingVo2MlPerMin;
}

const SEVERINGHAUS_DERIVATIVE_STEP_MMHG = 0.01;

/**
 * Content and its slope dC/dP at one PO2, given the temperature's curve shift and solubility (finite difference on the smooth curve).
 * Writes into `out` [content, slope] to avoid allocation.
 */
function contentAndSlope(
  po2: number,
  boundCapacityMlPerDl: number,
  shift: number,
  solubility: number,
  out: Float64Array,
): void {
  const p = Math.max(0, po2);
  const s0 = severinghaus(p * shift);
  const s1 = severinghaus((p + SEVERINGHAUS_DERIVATIVE_STEP_MMHG) * shift);
  out[0] = boundCapacityMlPerDl * s0 + solubility * p;
  out[1] = (boundCapacityMlPerDl * (s1 - s0)) / SEVERINGHAUS_DERIVATIVE_STEP_MMHG + solubility;
}

const scratch = new Float64Array(2);

const TISSUES = COMPARTMENT_COUNT - 1;
// The step's temperature terms: the curve shift of every compartment (the blood's last), then their
// solubility, then each tissue's diffusion; exponents, then factors. Remembered per term: a
// temperature can stay the same to the bit from one step to the next (a body in balance with its
// surroundings), and then so does its term.
const SHIFT = 0;
const SOLUBILITY = COMPARTMENT_COUNT;
const DIFFUSION = 2 * COMPARTMENT_COUNT;
const TERMS = 2 * COMPARTMENT_COUNT + TISSUES;
const exponents = new Float64Array(TERMS);
const factors = new Float64Array(TERMS);
const termExp = new RememberedExp(TERMS);

// A tissue's PO2 term e^(−P/Pk) is taken at the end of one step and again, for the same PO2, at the
// start of the next: remembered per tissue rather than evaluated twice (the same bits).
const tissueExp = new RememberedExp(COMPARTMENT_COUNT);
/** The oxygenator's transfer term: the same argument while the pump's flow and sweep gas are steady. */
const transferExp = new RememberedExp();

/**
 * One oxygen step of dtS seconds. Reads temperatures, blood flows (L/min), demands (W), inspired gas
 * and ventilation from the state; updates the lung, blood and tissue stores, consumption and the
 * aerobic fraction of each tissue.
 *
 * @param fio2 inspired O2 fraction reaching the alveoli (0 when nothing is breathed)
 * @param alveolarVentilationMlPerMin gas reaching the alveoli, mL/min
 */
export function stepOxygen(
  state: State,
  body: OxygenBody,
  dtS: number,
  fio2: number,
  alveolarVentilationMlPerMin: number,
): void {
  const v = body.values;
  const dry = dryGasPressureMmHg(v);
  for (let i = 0; i < COMPARTMENT_COUNT; i++) {
    const t = state[i]!; // the temperatures lead the state, in compartment order (the blood's last)
    exponents[SHIFT + i] = po2ShiftExponent(t, v);
    exponents[SOLUBILITY + i] = solubilityExponent(t, v);
    if (i < TISSUES) exponents[DIFFUSION + i] = diffusionExponent(t, v);
  }
  for (let k = 0; k < TERMS; k++) factors[k] = termExp.of(exponents[k]!, k);
  const bloodShift = po2ShiftOfExp(factors[SHIFT + C.blood]!, v);
  const bloodSolubility = solubilityOfExp(factors[SOLUBILITY + C.blood]!, v);
  const cv = state[S.venousO2ContentMlPerDl]!;
  // Crystalloid prime dilutes haemoglobin.
  const dilution = state[S.haemodilutionFactor]!;
  const haemoglobin = body.haemoglobinGPerDl * dilution;
  const boundCapacity = body.boundCapacityMlPerDl * dilution;
  let cardiacOutputLPerMin = 0;
  for (let i = 0; i < COMPARTMENT_COUNT - 1; i++)
    cardiacOutputLPerMin += state[S.brainFlowLPerMin + i]!;
  // Blood through the lungs is what the heart (or compressions) moves; the circuit bypasses them.
  const totalRatio = state[S.cardiacOutputRatio]!;
  const nativeShare = totalRatio > 0 ? state[S.nativeOutputRatio]! / totalRatio : 1;
  const pulmonaryDlPerS = (cardiacOutputLPerMin * nativeShare * (1 - v.shuntFraction) * 10) / 60;

  // Lung store (alveolar PO2), semi-implicit.
  const pa = state[S.alveolarPo2MmHg]!;
  const lungCapacityMlPerMmHg = body.lungGasMl / dry;
  const ventMlPerS = alveolarVentilationMlPerMin / 60;
  contentAndSlope(pa, boundCapacity, bloodShift, bloodSolubility, scratch);
  const ccap = scratch[0]!;
  const ccapSlope = scratch[1]!;
  const fLung = ventMlPerS * (fio2 - pa / dry) - pulmonaryDlPerS * (ccap - cv);
  const dfLung = -ventMlPerS / dry - pulmonaryDlPerS * ccapSlope;
  let paNew = pa + (dtS * fLung) / (lungCapacityMlPerMmHg - dtS * dfLung);
  paNew = Math.min(Math.max(paNew, 0), dry);
  state[S.alveolarPo2MmHg] = paNew;

  // Arterial blood: end-capillary blood in equilibrium with the alveoli, plus the shunt, mixed with
  // what the heart-lung machine returns.
  // o2ContentMlPerDl(paNew, tBlood, haemoglobin, v) with the blood's curve shift and solubility
  // computed above (the same operations in the same order: the same bits, two exponentials fewer).
  const pc = Math.max(0, paNew);
  const cc = v.hufnerMlO2PerG * haemoglobin * severinghaus(pc * bloodShift) + bloodSolubility * pc;
  let ca = (1 - v.shuntFraction) * cc + v.shuntFraction * cv;
  if (state[S.pumpFlowLPerMin]! > 0) {
    const cOxy = oxygenatorOutletContent(
      state,
      v,
      cv,
      boundCapacity,
      bloodShift,
      bloodSolubility,
      dry,
    );
    ca = nativeShare * ca + (1 - nativeShare) * cOxy;
  }
  state[S.arterialO2ContentMlPerDl] = ca;

  // Tissues.
  const energyPerMl = v.oxygenEnergyEquivalentJPerMl;
  const pk = v.consumptionHalfPo2MmHg / Math.LN2;
  let returnedO2MlPerS = 0;
  let bodyVo2 = 0;
  let diffusive = 0;
  for (let i = 0; i < TISSUES; i++) {
    const shift = po2ShiftOfExp(factors[SHIFT + i]!, v);
    const solubility = solubilityOfExp(factors[SOLUBILITY + i]!, v);
    const p = state[S.brainPo2MmHg + i]!;
    const flowDlPerS = (state[S.brainFlowLPerMin + i]! * 10) / 60;
    const demandMlPerS = state[S.brainDemandW + i]! / energyPerMl;
    // Oxygen diffuses from capillary to cell down a PO2 gradient proportional to the uptake; more
    // uptake than at rest recruits capillaries instead, so the gradient does not grow beyond rest.
    const uptakeRatio =
      (demandMlPerS * state[S.brainAerobicFraction + i]!) / body.restingO2MlPerS[i]!;
    const gradient = v.tissueToVenousPo2GradientMmHg * Math.min(1, uptakeRatio);
    contentAndSlope(p + gradient, boundCapacity, shift, solubility, scratch);
    const cout = scratch[0]!;
    const coutSlope = scratch[1]!;
    const diffusionMlPerSPerMmHg =
      (body.diffusionMlPerMinPerMmHg[i]! / 60) * factors[DIFFUSION + i]!;
    const diffusionDrive = paNew > p ? diffusionMlPerSPerMmHg : 0;
    const e = tissueExp.of(-Math.max(0, p) / pk, i);
    const f = flowDlPerS * (ca - cout) + diffusionDrive * (paNew - p) - demandMlPerS * (1 - e);
    const df = -flowDlPerS * coutSlope - diffusionDrive - (demandMlPerS * e) / pk;
    const capacity = body.tissueWaterDl[i]! * solubility + body.tissueBloodDl[i]! * coutSlope;
    let pNew = p + (dtS * f) / (capacity - dtS * df);
    if (!(pNew > 0)) pNew = 0;
    state[S.brainPo2MmHg + i] = pNew;
    const fraction = 1 - tissueExp.of(-pNew / pk, i);
    state[S.brainAerobicFraction + i] = fraction;
    const consumedMlPerS = demandMlPerS * fraction;
    bodyVo2 += consumedMlPerS;
    if (i === C.brain) state[S.brainVo2MlPerMin] = consumedMlPerS * 60;
    diffusive += diffusionDrive * Math.max(0, paNew - pNew);
    returnedO2MlPerS += flowDlPerS * Math.max(0, cout + coutSlope * (pNew - p));
  }
  state[S.bodyVo2MlPerMin] = bodyVo2 * 60;
  state[S.diffusiveO2MlPerMin] = diffusive * 60;

  // Mixed venous pool: blood returning from the tissues replaces what flows on to the lungs.
  const totalDlPerS = (cardiacOutputLPerMin * 10) / 60;
  if (totalDlPerS > 0) {
    const mixed = returnedO2MlPerS / totalDlPerS;
    const k = 1 - exp((-dtS * totalDlPerS) / body.venousPoolDl);
    state[S.venousO2ContentMlPerDl] = cv + (mixed - cv) * k;
  }
}

/**
 * Blood leaving the oxygenator, mL O2/dL. Venous blood (PvO2 found by Newton's method from its content,
 * warm-started from the last step) approaches the sweep gas's PO2 as 1 − exp(−k · transfer · sweep/flow);
 * with no sweep gas it leaves as it came. Also records the post-oxygenator PO2 (at the outlet
 * temperature) and the venous saturation.
 */
function oxygenatorOutletContent(
  state: State,
  v: ParameterValues,
  cv: number,
  boundCapacity: number,
  bloodShift: number,
  bloodSolubility: number,
  dryGasMmHg: number,
): number {
  let pv = Math.max(1, state[S.venousPo2MmHg]!);
  for (let n = 0; n < 4; n++) {
    contentAndSlope(pv, boundCapacity, bloodShift, bloodSolubility, scratch);
    pv = Math.max(0.1, pv - (scratch[0]! - cv) / scratch[1]!);
  }
  state[S.venousPo2MmHg] = pv;
  state[S.venousSat] = severinghaus(pv * bloodShift);
  const flow = state[S.pumpFlowLPerMin]!;
  const sweep = effectiveSweepLPerMin(state);
  const transfer =
    1 -
    transferExp.of(
      (-v.oxygenatorTransferPerSweepRatio * state[S.oxygenatorTransfer]! * sweep) / flow,
    );
  // The venous blood's PO2 at the outlet temperature (warming or cooling in the exchanger changes its
  // PO2, not its oxygen), then gas exchange toward the sweep gas's PO2; without sweep gas the blood
  // leaves with the oxygen it came with.
  const outletC = state[S.arterialOutletTempC]!;
  const outletShift = po2ShiftFactor(outletC, v);
  const outletSolubility = o2SolubilityMlPerDlPerMmHg(outletC, v);
  let pvOut = pv;
  for (let n = 0; n < 6; n++) {
    contentAndSlope(pvOut, boundCapacity, outletShift, outletSolubility, scratch);
    pvOut = Math.max(0.1, pvOut - (scratch[0]! - cv) / scratch[1]!);
  }
  const gasPo2 = state[S.oxygenatorFio2]! * dryGasMmHg;
  const post = pvOut + (gasPo2 - pvOut) * transfer;
  state[S.postOxygenatorPo2MmHg] = post;
  const content =
    transfer > 0 ? boundCapacity * severinghaus(post * outletShift) + outletSolubility * post : cv;
  state[S.postOxygenatorO2ContentMlPerDl] = content;
  return content;
}
