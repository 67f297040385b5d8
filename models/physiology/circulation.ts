// Circulation and rhythm. Sinus rate falls with myocardial temperature (about halved at 28 °C). As the
// myocardium cools below ~32 °C, atrial fibrillation, ventricular fibrillation and (below ~20 °C)
// asystole become likely: hazards that double every ~1 °C, sampled from the seeded generator in the
// state so runs stay deterministic. A heart without energy stops (PEA, then asystole once fibrillation
// has spent what was left). Compressions give a fraction of normal output. On rewarming, a myocardium
// that is warm enough and has energy again can restart by itself; a shock works mostly above ~30 °C.
// Hyperkalaemia (plasma potassium above ~8 mmol/L) makes a beating heart arrest and a stopped one
// restart (or respond to a shock) less readily: not at all above ~12 mmol/L.

import { nextRandom } from '../core/rng.ts';
import { RHYTHM, RHYTHM_NAMES, S, type RhythmName, type State } from '../core/state.ts';
import type { ParameterValues } from '../parameters/index.ts';
import { exp, log, pow } from '../math/detmath.ts';

export interface CirculationBody {
  /** Sinus rate at 37 °C, at rest, /min. */
  readonly restingHeartRateBpm: number;
  /** Cardiac output at rest and 37 °C, L/min. */
  readonly restingCardiacOutputLPerMin: number;
  /** ln(heartRateQ10), computed once per run. */
  readonly logHeartRateQ10: number;
}

/** Resting heart rate by age, /min: toddler and child values from parameters, adult from 16 years. */
export function restingHeartRateBpm(ageYears: number, v: ParameterValues): number {
  if (ageYears >= 16) return v.restingHeartRateAdultBpm;
  // Interpolate between the toddler (2.5 y), child (6 y) and adult (16 y) anchors.
  if (ageYears <= 2.5) return v.restingHeartRateToddlerBpm;
  if (ageYears <= 6)
    return (
      v.restingHeartRateToddlerBpm +
      ((v.restingHeartRateChildBpm - v.restingHeartRateToddlerBpm) * (ageYears - 2.5)) / 3.5
    );
  return (
    v.restingHeartRateChildBpm +
    ((v.restingHeartRateAdultBpm - v.restingHeartRateChildBpm) * (ageYears - 6)) / 10
  );
}

/** True for rhythms that pump blood (sinus, atrial fibrillation). */
export function isPerfusingRhythm(code: number): boolean {
  return code === RHYTHM.sinus || code === RHYTHM.af;
}

/** Sinus rate of a healthy, energised heart at a myocardial temperature, before any shivering, /min. */
export function sinusRateBpm(heartTempC: number, body: CirculationBody): number {
  return body.restingHeartRateBpm * exp((body.logHeartRateQ10 * (heartTempC - 37)) / 10);
}

/** Changes the rhythm, keeping the record of arrests and of the first return of circulation. */
export function setRhythm(state: State, code: number): void {
  const before = state[S.rhythm]!;
  if (before === code) return;
  state[S.rhythm] = code;
  const now = state[S.timeS]!;
  if (isPerfusingRhythm(before) && !isPerfusingRhythm(code)) {
    state[S.arrestStartS] = now;
    state[S.arrestCount] = state[S.arrestCount]! + 1;
    // A heart that stops while short of energy stopped for lack of oxygen: an asphyxial arrest.
    if (state[S.heartEnergy]! < RESTART_ENERGY) state[S.asphyxialArrest] = 1;
  } else if (!isPerfusingRhythm(before) && isPerfusingRhythm(code)) {
    state[S.arrestStartS] = -1;
    if (state[S.roscTimeS]! < 0) state[S.roscTimeS] = now;
  }
}

/** Per-hour hazard that doubles every `doublingK` degrees of cooling below `refC`. */
function coldHazardPerHour(
  ratePerHour: number,
  refC: number,
  tempC: number,
  doublingK: number,
): number {
  return ratePerHour * exp((Math.LN2 * (refC - tempC)) / doublingK);
}

/** Hazard of asystole from deep cold, /h (2 /h at asystoleTempC, doubling per °C). */
const ASYSTOLE_HAZARD_AT_THRESHOLD_PER_H = 2;
/** Atrial fibrillation reverts once the myocardium is rewarmed above the arrhythmia onset, /h. */
const AF_REVERSION_PER_H = 2;
/** A fibrillating heart that has spent its energy becomes asystolic, /h. */
const VF_EXHAUSTION_PER_H = 30;
/** Fibrillation rarely stops by itself: its restart hazard is this share of the asystole/PEA one. */
const VF_SELF_TERMINATION_SHARE = 0.05;
/** Energy below which fibrillation cannot continue. */
const VF_EXHAUSTION_ENERGY = 0.1;
/** Energy a stopped heart needs to restart or respond to a shock. */
const RESTART_ENERGY = 0.6;
/** Heart autolysed fraction above which it cannot restart. */
const RESTART_MAX_AUTOLYSED = 0.5;

/**
 * Share of a stopped heart's chance to restart, and of a shock's chance to work, that plasma potassium
 * leaves: 1 up to hyperkalaemiaOnsetMmolPerL, falling linearly to 0 at hyperkalaemiaRestartLimitMmolPerL
 * (no restart and no successful shock above it).
 */
export function hyperkalaemiaRestartFactor(potassiumMmolPerL: number, v: ParameterValues): number {
  return Math.min(
    1,
    Math.max(
      0,
      (v.hyperkalaemiaRestartLimitMmolPerL - potassiumMmolPerL) /
        (v.hyperkalaemiaRestartLimitMmolPerL - v.hyperkalaemiaOnsetMmolPerL),
    ),
  );
}

/**
 * Hazard that hyperkalaemia stops a beating heart, /h: none up to the onset, reached in full 1 mmol/L
 * above it, hyperkalaemiaArrestHazardAt10PerHour at 10 mmol/L, doubling every
 * hyperkalaemiaHazardDoublingMmolPerL.
 */
export function hyperkalaemiaArrestHazardPerHour(
  potassiumMmolPerL: number,
  v: ParameterValues,
): number {
  const above = potassiumMmolPerL - v.hyperkalaemiaOnsetMmolPerL;
  if (!(above > 0)) return 0;
  return (
    v.hyperkalaemiaArrestHazardAt10PerHour *
    exp((Math.LN2 * (potassiumMmolPerL - 10)) / v.hyperkalaemiaHazardDoublingMmolPerL) *
    Math.min(1, above)
  );
}

/**
 * Samples rhythm changes over one step of dtS seconds from temperature-, energy- and
 * potassium-dependent hazards (per hour). At most one change per step.
 */
export function stepRhythm(state: State, dtS: number, v: ParameterValues): void {
  const rhythm = state[S.rhythm]!;
  const t = state[S.heartTempC]!;
  const energy = state[S.heartEnergy]!;
  const ramp = Math.min(1, Math.max(0, (v.arrhythmiaOnsetTempC - t) / 2));
  const potassium = state[S.potassiumMmolPerL]!;
  const canRestart =
    t >= v.roscMinHeartTempC &&
    energy >= RESTART_ENERGY &&
    state[S.heartAutolysedFraction]! < RESTART_MAX_AUTOLYSED;
  // Hyperkalaemia depolarises the myocardium: a stopped heart restarts less readily, and not at all
  // above the restart limit.
  const restartH = canRestart ? v.roscHazardPerHour * hyperkalaemiaRestartFactor(potassium, v) : 0;
  const asystoleH =
    ramp > 0
      ? coldHazardPerHour(ASYSTOLE_HAZARD_AT_THRESHOLD_PER_H, v.asystoleTempC, t, 1) * ramp
      : 0;

  // Candidate changes and their hazards, /h. Deterministic changes return early.
  let toVf = 0;
  let toAf = 0;
  let toAsystole = 0;
  let toSinus = 0;
  switch (rhythm) {
    case RHYTHM.sinus:
    case RHYTHM.af:
      if (energy < v.hypoxicArrestEnergy) {
        setRhythm(state, RHYTHM.pea);
        return;
      }
      if (ramp > 0) {
        const coldFactor = coldHazardPerHour(1, 28, t, v.arrhythmiaHazardDoublingK) * ramp;
        toVf = v.vfHazardAt28PerHour * coldFactor * (rhythm === RHYTHM.af ? 2 : 1);
        if (rhythm === RHYTHM.sinus) toAf = v.afHazardAt28PerHour * coldFactor;
      }
      toAsystole = asystoleH;
      {
        // A hyperkalaemic arrest: VF or asystole, half each.
        const hyperkalaemic = hyperkalaemiaArrestHazardPerHour(potassium, v);
        toVf += hyperkalaemic / 2;
        toAsystole += hyperkalaemic / 2;
      }
      if (rhythm === RHYTHM.af && t > v.arrhythmiaOnsetTempC) toSinus = AF_REVERSION_PER_H;
      break;
    case RHYTHM.vf:
      toAsystole = asystoleH + (energy < VF_EXHAUSTION_ENERGY ? VF_EXHAUSTION_PER_H : 0);
      toSinus = restartH * VF_SELF_TERMINATION_SHARE;
      break;
    case RHYTHM.asystole:
    case RHYTHM.pea:
      toSinus = restartH;
      if (rhythm === RHYTHM.pea && energy < VF_EXHAUSTION_ENERGY) toAsystole = VF_EXHAUSTION_PER_H;
      break;
  }
  const totalPerH = toVf + toAf + toAsystole + toSinus;
  if (totalPerH <= 0) return;
  // The next change happens when the hazard integrated since the last change reaches an exponential
  // random threshold. This samples the same event times whatever the step (unlike a draw per step),
  // so halving the step converges.
  const accumulated = state[S.rhythmHazardAccumulated]! + (totalPerH * dtS) / 3600;
  if (accumulated < state[S.rhythmHazardThreshold]!) {
    state[S.rhythmHazardAccumulated] = accumulated;
    return;
  }
  drawRhythmThreshold(state);
  // Which change: in proportion to the hazards now.
  const pick = nextRandom(state) * totalPerH;
  if (pick < toVf) setRhythm(state, RHYTHM.vf);
  else if (pick < toVf + toAf) setRhythm(state, RHYTHM.af);
  else if (pick < toVf + toAf + toAsystole) setRhythm(state, RHYTHM.asystole);
  else setRhythm(state, RHYTHM.sinus);
}

/** Starts a new wait for the next rhythm change: an exponential threshold of integrated hazard. */
export function drawRhythmThreshold(state: State): void {
  state[S.rhythmHazardAccumulated] = 0;
  state[S.rhythmHazardThreshold] = -log(1 - nextRandom(state));
}

/**
 * Heart rate and the heart's pumping as a fraction of resting output, from the rhythm, myocardial
 * temperature and energy, shivering and chest compressions.
 */
export function updatePump(state: State, body: CirculationBody, v: ParameterValues): void {
  const rhythm = state[S.rhythm]!;
  let native: number;
  if (isPerfusingRhythm(rhythm)) {
    const energy = state[S.heartEnergy]!;
    const hypoxic = Math.min(
      1,
      Math.max(0.2, (energy - v.hypoxicArrestEnergy) / (0.7 - v.hypoxicArrestEnergy)),
    );
    const base = sinusRateBpm(state[S.heartTempC]!, body) * hypoxic;
    const shivering =
      state[S.shiveringCeilingW]! > 0 ? state[S.shiveringHeatW]! / state[S.shiveringCeilingW]! : 0;
    state[S.heartRateBpm] = base * (1 + v.shiveringHeartRateRise * shivering);
    // Slower beats fill more: stroke volume rises a little as the rate falls.
    native =
      strokeVolumeFactor(base / body.restingHeartRateBpm, 1 - v.strokeVolumeRateExponent) *
      (rhythm === RHYTHM.af ? v.afOutputFraction : 1);
  } else {
    state[S.heartRateBpm] = 0;
    const cpr = state[S.cprMode]!;
    native =
      cpr === 1 ? manualCprOutputFraction(state, v) : cpr === 2 ? v.mechanicalCprOutputFraction : 0;
  }
  // The heart-lung machine drains venous blood before it reaches the heart: on bypass the heart
  // ejects nothing; on VA-ECMO it ejects what the pump leaves it.
  const pump = state[S.pumpFlowLPerMin]! / body.restingCardiacOutputLPerMin;
  if (pump > 0) native = state[S.circuitMode]! === 2 ? 0 : native * Math.max(0, 1 - pump);
  state[S.nativeOutputRatio] = native;
  state[S.cardiacOutputRatio] = native + pump;
}

// The last stroke-volume factor and what it was of: while the heart's temperature stays the same to
// the bit (a body in balance with its surroundings) so does the rate, and the power is not taken
// again. A remembered result is the one pow gives for those numbers: the same bits.
const strokeVolumeMemory = new Float64Array([NaN, NaN, NaN]);

/** rateRatio^exponent, remembered (above). */
function strokeVolumeFactor(rateRatio: number, exponent: number): number {
  const m = strokeVolumeMemory;
  if (rateRatio === m[0] && exponent === m[1]) return m[2]!;
  const factor = pow(rateRatio, exponent);
  m[0] = rateRatio;
  m[1] = exponent;
  m[2] = factor;
  return factor;
}

/** Output of manual compressions, falling toward half as rescuers tire (ratio to resting output). */
function manualCprOutputFraction(state: State, v: ParameterValues): number {
  const minutes = Math.max(0, state[S.timeS]! - state[S.cprStartedS]!) / 60;
  return (
    v.manualCprOutputFraction * (0.5 + 0.5 * exp(-minutes / v.manualCprFatigueTimeConstantMin))
  );
}

/**
 * Mean arterial pressure from the heart's (or compressions') output and cold-raised vascular
 * resistance, mmHg. Extra flow to shivering muscle is matched by its own vasodilation, so it does not
 * raise pressure.
 */
export function updatePressure(state: State, v: ParameterValues): void {
  const flowRatio = state[S.cardiacOutputRatio]!;
  const resistance = Math.min(
    1.6,
    1 + v.coldResistanceRisePerK * Math.max(0, 37 - state[S.coreTempC]!),
  );
  state[S.meanArterialPressureMmHg] =
    v.venousPressureMmHg + (v.restingMapMmHg - v.venousPressureMmHg) * flowRatio * resistance;
}

/** Chance that one shock turns VF into a perfusing rhythm, 0–1. */
export function defibrillationSuccessProbability(state: State, v: ParameterValues): number {
  if (state[S.rhythm]! !== RHYTHM.vf) return 0;
  const t = state[S.heartTempC]!;
  const energyFactor = Math.min(1, Math.max(0, state[S.heartEnergy]! / RESTART_ENERGY));
  return (
    (v.defibrillationSuccessMax *
      energyFactor *
      hyperkalaemiaRestartFactor(state[S.potassiumMmolPerL]!, v)) /
    (1 + exp(-(t - v.defibrillationHalfTempC) / 1))
  );
}

/** Delivers one shock: VF becomes sinus rhythm with the probability above (one random draw). */
export function defibrillate(state: State, v: ParameterValues): boolean {
  if (state[S.rhythm]! !== RHYTHM.vf) return false;
  const success = nextRandom(state) < defibrillationSuccessProbability(state, v);
  if (success) setRhythm(state, RHYTHM.sinus);
  return success;
}

/** Rhythm name for a code stored in the state. */
export function rhythmName(code: number): RhythmName {
  return RHYTHM_NAMES[code] ?? 'sinus';
}
