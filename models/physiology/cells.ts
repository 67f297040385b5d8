// Cells of the brain, the heart and the hands and feet: the mechanism ColdBoot teaches.
//
// - Energy (ATP charge, 0–1) follows the share of oxygen demand that is met: it falls within minutes
//   without oxygen at 37 °C and more slowly when cold (Q10; the brain's fall has its own, steeper Q10,
//   as the time to ischaemic depolarisation), and recovers when oxygen returns.
// - Derangement ("out of spec" load, in equivalent minutes of warm energy failure) builds while energy
//   has failed, faster when warm (Q10 ≈ 3), and is repaired by energised cells (first order, slower
//   when cold).
// - Cells differ in how much derangement they tolerate (log-normal across the population). A cell whose
//   tolerance is exceeded is at risk. If it has energy and its self-check is running (a steep logistic
//   function of temperature), it commits to autolysis. Without energy it can also die slowly
//   (necrosis), faster when warm. Re-oxygenated cold, at-risk cells repair before the check wakes.
// Plasma potassium, consciousness, spontaneous breathing and the neurological outcome follow.

import { C, S, type State } from '../core/state.ts';
import type { ParameterValues } from '../parameters/index.ts';
import { exp, log, pow, RememberedExp } from '../math/detmath.ts';
import { q10Factor } from './q10.ts';

/** The three cell populations and where their state and conditions live. */
export const CELL_GROUPS = [
  {
    name: 'brain',
    compartment: C.brain,
    energy: S.brainEnergy,
    derangement: S.brainDerangementMin,
    autolysed: S.brainAutolysedFraction,
  },
  {
    name: 'heart',
    compartment: C.heart,
    energy: S.heartEnergy,
    derangement: S.heartDerangementMin,
    autolysed: S.heartAutolysedFraction,
  },
  {
    name: 'extremity',
    compartment: C.extremities,
    energy: S.extremityEnergy,
    derangement: S.extremityDerangementMin,
    autolysed: S.extremityAutolysedFraction,
  },
] as const;

export type CellGroupName = (typeof CELL_GROUPS)[number]['name'];

/** Error function (Abramowitz & Stegun 7.1.26, |error| < 1.5e-7). */
function erf(x: number): number {
  const sign = x < 0 ? -1 : 1;
  const a = Math.abs(x);
  const t = 1 / (1 + 0.3275911 * a);
  const y =
    1 -
    ((((1.061405429 * t - 1.453152027) * t + 1.421413741) * t - 0.284496736) * t + 0.254829592) *
      t *
      exp(-a * a);
  return sign * y;
}

/** Fraction of cells whose tolerance is below a derangement load (log-normal CDF). */
export function fractionOutOfSpec(
  derangementMin: number,
  medianMin: number,
  spread: number,
): number {
  if (!(derangementMin > 0)) return 0;
  return 0.5 * (1 + erf(log(derangementMin / medianMin) / (spread * Math.SQRT2)));
}

/** Activity of the cell self-check at a temperature, 0–1 (logistic, half at selfCheckHalfTempC). */
export function selfCheckActivity(tempC: number, v: ParameterValues): number {
  return 1 / (1 + exp(-(tempC - v.selfCheckHalfTempC) / v.selfCheckWidthK));
}

/**
 * Time for out-of-spec cells without energy to die of the ischaemia itself at 37 °C, min: geometric
 * interpolation between the essay's view (hypothesisBalance 0: dormant for hours) and the
 * conventional one (hypothesisBalance 1: dead within minutes).
 */
export function necrosisTimeMin(v: ParameterValues): number {
  const w = v.hypothesisBalance;
  return pow(v.necrosisTimeDormantMin, 1 - w) * pow(v.necrosisTimeConventionalMin, w);
}

/** Median tolerance of a group, equivalent minutes of warm energy failure. */
export function toleranceMedianMin(group: CellGroupName, v: ParameterValues): number {
  return group === 'brain'
    ? v.brainToleranceMedianMin
    : group === 'heart'
      ? v.heartToleranceMedianMin
      : v.extremityToleranceMedianMin;
}

function energyFallTimeS(group: CellGroupName, v: ParameterValues): number {
  return group === 'brain'
    ? v.brainEnergyFallTimeS
    : group === 'heart'
      ? v.heartEnergyFallTimeS
      : v.extremityEnergyFallTimeS;
}

/** Viable, at-risk and autolysed fractions of a group, which add up to 1. */
export interface CellFractions {
  readonly viable: number;
  readonly atRisk: number;
  readonly autolysed: number;
}

export function cellFractions(
  state: State,
  group: (typeof CELL_GROUPS)[number],
  v: ParameterValues,
): CellFractions {
  // Ice crystals tear cells apart: frozen hands and feet count as lost whatever their energy.
  const frozen = group.name === 'extremity' ? state[S.frostbiteFraction]! : 0;
  const autolysed = Math.max(state[group.autolysed]!, frozen);
  const outOfSpec = fractionOutOfSpec(
    state[group.derangement]!,
    toleranceMedianMin(group.name, v),
    v.toleranceSpread,
  );
  const atRisk = Math.max(0, outOfSpec - autolysed);
  return { viable: Math.max(0, 1 - autolysed - atRisk), atRisk, autolysed };
}

/** Sets every cell population to normal: full energy, no derangement, none lost. */
export function initialiseCells(state: State, v: ParameterValues): void {
  for (const g of CELL_GROUPS) {
    state[g.energy] = 1;
    state[g.derangement] = 0;
    state[g.autolysed] = 0;
  }
  state[S.potassiumMmolPerL] = v.potassiumBaselineMmolPerL;
  state[S.conscious] = 1;
}

/**
 * Whether neurons still fire: cerebral blood flow at least ~18–20 of a normal ~50 mL/100 g/min, or,
 * just after flow falls, a brain tissue PO2 still above ~10 mmHg (the store lasts seconds). Compressions
 * alone do not keep a patient awake, breathing or shivering.
 */
export function brainPerfused(
  state: State,
  restingBrainFlowLPerMin: number,
  v: ParameterValues,
): boolean {
  return (
    state[S.brainFlowLPerMin]! >= v.electricalFailureFlowFraction * restingBrainFlowLPerMin ||
    state[S.brainPo2MmHg]! >= v.electricalFailureBrainPo2MmHg
  );
}

/**
 * How much of the shivering ceiling the brain can drive, 0–1. Shivering is generated centrally (the
 * hypothalamus and brainstem drive the motor neurons): it needs a perfused brain that could be awake.
 * It fades as the brain's own oxygen supply fails (from full at shiveringFullBrainAerobicFraction to
 * none at the aerobic fraction where consciousness is lost), stops within seconds of a cardiac arrest
 * (or with compressions alone), and never returns in a dead brain.
 */
export function shiveringBrainDrive(
  state: State,
  restingBrainFlowLPerMin: number,
  v: ParameterValues,
): number {
  if (!brainPerfused(state, restingBrainFlowLPerMin, v)) return 0;
  if (state[S.brainAutolysedFraction]! >= v.brainDeathAutolysedFraction) return 0;
  const a = state[S.brainAerobicFraction]!;
  const full = v.shiveringFullBrainAerobicFraction;
  const none = v.consciousnessLossAerobicFraction;
  return Math.min(1, Math.max(0, (a - none) / (full - none)));
}

/**
 * The cells' rate constants that depend only on the parameters: computed once per run (buildPatient)
 * rather than in every step, since a logarithm or a power costs more than the step's arithmetic.
 */
export interface CellRates {
  /** ln(energyQ10), ln(brainEnergyFallQ10), ln(derangementQ10), ln(commitQ10). */
  readonly logEnergyQ10: number;
  readonly logBrainFallQ10: number;
  readonly logDerangementQ10: number;
  readonly logCommitQ10: number;
  /** necrosisTimeMin(v), min. */
  readonly necrosisMin: number;
  /**
   * Per group (in CELL_GROUPS' order), a derangement, min, at or below which no cell is out of spec
   * to the last bit: the median tolerance × e^(−7·spread·√2), where fractionOutOfSpec's erf argument,
   * ln(derangement/median)/(spread·√2), is −7 or less and erf() is exactly −1 (its tail, under
   * e^(−49), is lost in rounding 1 − tail). The fraction is then exactly 0, and the step skips its
   * logarithm and erf.
   */
  readonly noneOutOfSpecMin: Float64Array;
}

export function cellRates(v: ParameterValues): CellRates {
  return {
    logEnergyQ10: log(v.energyQ10),
    logBrainFallQ10: log(v.brainEnergyFallQ10),
    logDerangementQ10: log(v.derangementQ10),
    logCommitQ10: log(v.commitQ10),
    necrosisMin: necrosisTimeMin(v),
    noneOutOfSpecMin: Float64Array.from(
      CELL_GROUPS,
      (g) => toleranceMedianMin(g.name, v) * exp(-7 * v.toleranceSpread * Math.SQRT2),
    ),
  };
}

/** Masses used to weigh tissues for potassium, kg, and the rate constants of the cells. */
export interface CellBody extends CellRates {
  readonly massKg: number;
  /** Mass of each thermal compartment, kg (index by C). */
  readonly compartmentKg: ArrayLike<number>;
  /** ln(Q10) of each compartment's own metabolism (index by C): cold slows a tissue's leak. */
  readonly logQ10: ArrayLike<number>;
  /** Brain blood flow at rest, L/min. */
  readonly restingBrainFlowLPerMin: number;
}

// Per group, the exponentials of a temperature (and of what follows from it alone, while the energy
// and the aerobic fraction keep their sides): a temperature can stay the same to the bit from one
// step to the next (a body in balance with its surroundings), and then so do these.
const energyExp = new RememberedExp(CELL_GROUPS.length);
const derangementExp = new RememberedExp(CELL_GROUPS.length);
const energyDecayExp = new RememberedExp(CELL_GROUPS.length);
const repairDecayExp = new RememberedExp(CELL_GROUPS.length);

/**
 * Advances the cells, potassium, consciousness and the ability to breathe by dtS seconds. Reads each
 * tissue's temperature and aerobic fraction from the state.
 */
export function stepCells(state: State, body: CellBody, dtS: number, v: ParameterValues): void {
  const minutes = dtS / 60;
  const { logEnergyQ10, logBrainFallQ10, logDerangementQ10, logCommitQ10, necrosisMin } = body;
  const noneOutOfSpecMin = body.noneOutOfSpecMin;
  const awake = v.reawakeningEnergy;
  let deadKgBefore = 0;
  let deadKgAfter = 0;
  // An index, not for…of: the iterator is not always optimised away in this long function.
  for (let gi = 0; gi < CELL_GROUPS.length; gi++) {
    const g = CELL_GROUPS[gi]!;
    const t = state[g.compartment]!;
    const aerobic = state[S.brainAerobicFraction + g.compartment]!;
    // Where the energy Q10 is the tissue's metabolic Q10 (the brain's, by default), its factor is
    // the one the next heat step asks for at this same temperature: through q10.ts. Elsewhere, and
    // for the derangement, remembered per group: a temperature can stay the same to the bit.
    const qEnergy =
      logEnergyQ10 === body.logQ10[g.compartment]
        ? q10Factor(logEnergyQ10, t, g.compartment)
        : energyExp.of((logEnergyQ10 * (t - 37)) / 10, gi);
    const qDerange = derangementExp.of((logDerangementQ10 * (t - 37)) / 10, gi);

    // Energy relaxes toward the aerobic fraction: falling at the tissue's rate, rising at recovery's.
    // The brain's store lasts longer in the cold than its metabolism alone would say (the time to
    // ischaemic depolarisation has a Q10 of about 3): its fall has its own temperature dependence.
    const e = state[g.energy]!;
    const tau =
      aerobic < e
        ? energyFallTimeS(g.name, v) /
          (g.name === 'brain'
            ? // The same argument as qDerange when the two Q10s are equal (as by default): reused.
              logBrainFallQ10 === logDerangementQ10
              ? qDerange
              : exp((logBrainFallQ10 * (t - 37)) / 10)
            : qEnergy)
        : v.energyRecoveryTimeS / qEnergy;
    const eNew = aerobic + (e - aerobic) * energyDecayExp.of(-dtS / tau, gi);
    state[g.energy] = eNew;
    const power = Math.min(1, Math.max(0, (eNew - awake) / (1 - awake)));

    // Derangement: built while energy has failed, repaired while the cell has energy.
    // Repair is first order (a cell restores itself in proportion to how far out of spec it is),
    // integrated exactly over the step so that no step length can overshoot below zero.
    const d = state[g.derangement]!;
    const repairPerMin = (qEnergy * power) / v.repairTimeMin;
    const build = qDerange * (1 - eNew);
    const dNew =
      repairPerMin > 0
        ? build / repairPerMin +
          (d - build / repairPerMin) * repairDecayExp.of(-repairPerMin * minutes, gi)
        : d + minutes * build;
    state[g.derangement] = dNew;

    // Commitment to autolysis (energy and a running self-check) and necrosis (no energy).
    const autolysed = state[g.autolysed]!;
    let autolysedNew = autolysed;
    // (At or below noneOutOfSpecMin the fraction out of spec is exactly 0: nothing to commit.)
    if (dNew > noneOutOfSpecMin[gi]!) {
      const outOfSpec = fractionOutOfSpec(dNew, toleranceMedianMin(g.name, v), v.toleranceSpread);
      const atRisk = outOfSpec - autolysed;
      if (atRisk > 0) {
        const qCommit = exp((logCommitQ10 * (t - 37)) / 10);
        const ratePerMin =
          (selfCheckActivity(t, v) * power * qCommit) / v.commitTimeMin +
          (qDerange * (1 - power)) / necrosisMin;
        autolysedNew = autolysed + atRisk * (1 - exp(-ratePerMin * minutes));
        state[g.autolysed] = autolysedNew;
      }
    }

    const kg = body.compartmentKg[g.compartment]!;
    const frozen = g.name === 'extremity' ? state[S.frostbiteFraction]! : 0;
    deadKgBefore += kg * Math.max(autolysed, frozen);
    deadKgAfter += kg * Math.max(autolysedNew, frozen);
  }

  // Plasma potassium: leaks from energy-failed tissue (all compartments, weighted by mass), jumps with
  // cell death, and is cleared while blood flows.
  // Each failed tissue leaks at its own resting rate slowed by its cold (its Q10 factor): the leak of
  // cells whose pumps have stopped, not the demand of working muscle (a body without circulation does
  // not shiver, and its cold cells leak slowly).
  let ischaemicKgPerMin = 0;
  for (let i = 0; i < C.blood; i++) {
    const failed = 1 - state[S.brainAerobicFraction + i]! / v.potassiumReleaseAerobicFraction;
    if (failed <= 0) continue;
    const coldFactor = q10Factor(body.logQ10[i]!, state[i]!, i);
    ischaemicKgPerMin += body.compartmentKg[i]! * failed * coldFactor;
  }
  const k = state[S.potassiumMmolPerL]!;
  const flowRatio = Math.min(1, state[S.cardiacOutputRatio]!);
  const clearance = ((k - v.potassiumBaselineMmolPerL) * flowRatio) / v.potassiumClearanceTimeMin;
  // Leaking cells approach an equilibrium: release slows as plasma potassium nears its ceiling.
  const headroom =
    Math.max(0, v.potassiumCeilingMmolPerL - k) /
    (v.potassiumCeilingMmolPerL - v.potassiumBaselineMmolPerL);
  const kNew =
    k +
    minutes *
      ((v.ischaemicPotassiumReleaseMmolPerLPerMin * ischaemicKgPerMin * headroom) / body.massKg -
        clearance) +
    (v.potassiumPerDeadMassMmolPerL * Math.max(0, deadKgAfter - deadKgBefore) * headroom) /
      body.massKg;
  state[S.potassiumMmolPerL] = Math.max(0, kNew);
  if (kNew > state[S.maxPotassiumMmolPerL]!) state[S.maxPotassiumMmolPerL] = kNew;

  // Consciousness and the brainstem's drive to breathe.
  const brainT = state[S.brainTempC]!;
  const brainAerobic = state[S.brainAerobicFraction]!;
  const brainDead = state[S.brainAutolysedFraction]! >= v.brainDeathAutolysedFraction;
  // Neurons stop firing when cerebral flow falls below ~18–20 of a normal ~50 mL/100 g/min once the
  // little oxygen left in the brain is used (tissue PO2 below ~10 mmHg): compressions alone do not
  // keep a patient awake or breathing.
  const perfused = brainPerfused(state, body.restingBrainFlowLPerMin, v);
  state[S.conscious] =
    perfused &&
    brainT >= v.consciousnessLossTempC &&
    brainAerobic >= v.consciousnessLossAerobicFraction &&
    state[S.brainAutolysedFraction]! < v.cpc4AutolysedFraction
      ? 1
      : 0;
  const airwayOpen = state[S.headUnderWater]! === 0 || state[S.airPocket]! === 1;
  state[S.breathing] =
    state[S.breathingStopped]! === 0 &&
    airwayOpen &&
    perfused &&
    !brainDead &&
    brainT >= v.apnoeaBrainTempC &&
    state[S.brainEnergy]! >= 0.5
      ? 1
      : 0;
}

/**
 * Cerebral Performance Category from the state: 1 good, 2 moderate disability, 3 severe disability,
 * 4 coma or vegetative state, 5 brain death or death. `alive` is false when the heart is not pumping
 * at the time of asking (including a patient still under compressions).
 */
export function neurologicalOutcome(
  brainAutolysedFraction: number,
  alive: boolean,
  v: ParameterValues,
): 1 | 2 | 3 | 4 | 5 {
  if (!alive || brainAutolysedFraction >= v.brainDeathAutolysedFraction) return 5;
  if (brainAutolysedFraction >= v.cpc4AutolysedFraction) return 4;
  if (brainAutolysedFraction >= v.cpc3AutolysedFraction) return 3;
  if (brainAutolysedFraction >= v.cpc2AutolysedFraction) return 2;
  return 1;
}
