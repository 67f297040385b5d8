// Reduces the outcomes of an ensemble's members to what instructors read: the chance of survival,
// the neurological outcome categories, percentiles of the brain cells lost, of the time to return of
// spontaneous circulation, of the lowest core temperature and the highest potassium, and which
// uncertain parameters the result depends on most (Spearman rank correlation).

import type { Outcome } from '../engine/outputs.ts';
import type { EnsembleDesign, SamplingScale } from './sampling.ts';
import {
  correlationNoiseLevel,
  mean,
  percentiles,
  spearman,
  wilsonInterval,
  type Percentiles,
} from './statistics.ts';

/** The part of a member's outcome an ensemble summarises. */
export type MemberOutcome = Pick<
  Outcome,
  | 'survived'
  | 'survival_probability'
  | 'rosc_time_s'
  | 'neuro_outcome_cpc'
  | 'brain_lost_fraction'
  | 'min_core_temp_c'
  | 'max_potassium_mmol_l'
  | 'arrest_count'
>;

/** Plasma potassium above which no hypothermic patient has been reported to survive, mmol/L. */
export const POTASSIUM_NO_SURVIVOR_MMOL_PER_L = 12;

export interface Distribution extends Percentiles {
  readonly mean: number;
}

export interface ParameterSensitivity {
  readonly parameter: string;
  readonly unit: string;
  readonly scale: SamplingScale;
  /** Spearman's ρ with the brain autolysed fraction (null when either does not vary). */
  readonly rho_brain_lost_fraction: number | null;
  /** Spearman's ρ with each member's chance of survival, 0–1 (null when either does not vary). */
  readonly rho_survived: number | null;
}

export interface EnsembleSummary {
  readonly members: number;
  readonly seed: number;
  readonly ranges: 'sampled' | 'collapsed';
  readonly seeds: 'per-member' | 'shared';
  readonly sampled_parameters: number;
  readonly held_parameters: Readonly<Record<string, number>>;
  /** Members whose sampled values were reordered to respect a required order, by pair. */
  readonly reordered_members: Readonly<Record<string, number>>;
  readonly survival: {
    /** Mean over members of their chance of leaving hospital alive (Outcome.survival_probability). */
    readonly probability: number;
    /** Expected survivors: the sum of those chances (not a whole number once risks after ECLS count). */
    readonly survivors: number;
    /** Wilson 95 % interval of the probability from the finite number of members. */
    readonly ci95: readonly [number, number];
  };
  /** Members in each Cerebral Performance Category, and their share. */
  readonly neuro_outcome_cpc: Readonly<
    Record<'1' | '2' | '3' | '4' | '5', { readonly count: number; readonly fraction: number }>
  >;
  readonly brain_lost_fraction: Distribution;
  readonly rosc_time_s: {
    /** Members with a return of spontaneous circulation after an arrest. */
    readonly members_with_rosc: number;
    /** Members without one: never arrested, or arrested and did not recover. */
    readonly members_without_rosc: number;
    /** Of those without, members whose heart never stopped. */
    readonly members_without_arrest: number;
    /** Percentiles among the members with a return of circulation; null if none had one. */
    readonly distribution: Distribution | null;
  };
  readonly min_core_temp_c: Distribution;
  readonly max_potassium_mmol_l: Distribution & {
    readonly members_above_12: number;
  };
  readonly sensitivity: {
    readonly method: 'spearman';
    /** |ρ| below this is indistinguishable from no correlation at the 5 % level. */
    readonly noise_level: number | null;
    /** Every sampled parameter, most influential on the autolysed fraction first. */
    readonly brain_lost_fraction: readonly ParameterSensitivity[];
    /** Every sampled parameter, most influential on survival first. */
    readonly survived: readonly ParameterSensitivity[];
  };
}

function distribution(values: ArrayLike<number>): Distribution | null {
  const p = percentiles(values);
  return p === null ? null : { ...p, mean: mean(values)! };
}

/** Orders by |ρ| (largest first), nulls last, ties by design order. */
function byStrength(
  list: readonly ParameterSensitivity[],
  key: 'rho_brain_lost_fraction' | 'rho_survived',
): ParameterSensitivity[] {
  return list
    .map((entry, index) => ({ entry, index }))
    .sort((a, b) => {
      const ra = a.entry[key];
      const rb = b.entry[key];
      const sa = ra === null ? -1 : Math.abs(ra);
      const sb = rb === null ? -1 : Math.abs(rb);
      return sb - sa || a.index - b.index;
    })
    .map(({ entry }) => entry);
}

/** Summarises member outcomes, in member order (outcomes[i] belongs to design member i). */
export function summariseEnsemble(
  design: EnsembleDesign,
  outcomes: readonly MemberOutcome[],
): EnsembleSummary {
  const n = outcomes.length;
  if (n !== design.members) {
    throw new Error(`summary: expected ${design.members} member outcomes, found ${n}`);
  }
  const survived = new Float64Array(n);
  const autolysed = new Float64Array(n);
  const minCore = new Float64Array(n);
  const maxK = new Float64Array(n);
  const rosc: number[] = [];
  const cpcCounts = [0, 0, 0, 0, 0];
  let withoutArrest = 0;
  let aboveK = 0;
  outcomes.forEach((o, i) => {
    // Alive at the end and not dead later of the risks after ECLS: each member counts its chance.
    survived[i] = o.survival_probability;
    autolysed[i] = o.brain_lost_fraction;
    minCore[i] = o.min_core_temp_c;
    maxK[i] = o.max_potassium_mmol_l;
    if (o.rosc_time_s !== null) rosc.push(o.rosc_time_s);
    else if (o.arrest_count === 0) withoutArrest++;
    cpcCounts[o.neuro_outcome_cpc - 1]!++;
    if (o.max_potassium_mmol_l > POTASSIUM_NO_SURVIVOR_MMOL_PER_L) aboveK++;
  });
  const survivors = survived.reduce((a, b) => a + b, 0);

  const count = design.parameters.length;
  const column = new Float64Array(n);
  const sensitivities: ParameterSensitivity[] = design.parameters.map((p, j) => {
    for (let i = 0; i < n; i++) column[i] = design.values[i * count + j]!;
    return {
      parameter: p.name,
      unit: p.unit,
      scale: p.scale,
      rho_brain_lost_fraction: spearman(column, autolysed),
      rho_survived: spearman(column, survived),
    };
  });

  const cpc = (k: number) => ({ count: cpcCounts[k - 1]!, fraction: cpcCounts[k - 1]! / n });
  return {
    members: n,
    seed: design.seed,
    ranges: design.ranges,
    seeds: design.seeds,
    sampled_parameters: count,
    held_parameters: design.fixed,
    reordered_members: design.repairs,
    survival: { probability: survivors / n, survivors, ci95: wilsonInterval(survivors, n) },
    neuro_outcome_cpc: { '1': cpc(1), '2': cpc(2), '3': cpc(3), '4': cpc(4), '5': cpc(5) },
    brain_lost_fraction: distribution(autolysed)!,
    rosc_time_s: {
      members_with_rosc: rosc.length,
      members_without_rosc: n - rosc.length,
      members_without_arrest: withoutArrest,
      distribution: distribution(rosc),
    },
    min_core_temp_c: distribution(minCore)!,
    max_potassium_mmol_l: { ...distribution(maxK)!, members_above_12: aboveK },
    sensitivity: {
      method: 'spearman',
      noise_level: correlationNoiseLevel(n),
      brain_lost_fraction: byStrength(sensitivities, 'rho_brain_lost_fraction'),
      survived: byStrength(sensitivities, 'rho_survived'),
    },
  };
}
