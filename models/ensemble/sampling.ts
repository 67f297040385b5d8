// Latin hypercube sampling of the model's uncertain parameters. Every parameter whose range is not a
// single point is sampled: uniform on [min, max], or log-uniform when the range spans a factor of ten
// or more (rates and time constants known only to an order of magnitude). Members are drawn so that
// each of the N equal-probability strata of every parameter holds exactly one member (McKay, Beckman
// & Conover, Technometrics 1979). A few pairs of parameters must keep their order (a patient cannot
// stop breathing before losing consciousness as the brain cools); members that break an order are
// repaired, see ORDERED_PAIRS. doc/uncertainty.md explains the choices for instructors.

import {
  allParameters,
  isParameterName,
  parameterValues,
  type Parameter,
  type ParameterName,
} from '../parameters/index.ts';
import { createRandom, hashSeed, randomPermutation, type Random } from './random.ts';
import { exp, log } from '../math/detmath.ts';

/** How a parameter is spread over its range. */
export type SamplingScale = 'uniform' | 'log-uniform';

/** A range at least this wide (max ÷ min) is sampled log-uniformly. */
export const LOG_UNIFORM_MIN_RATIO = 10;

/**
 * Largest ensemble accepted. The design takes members × parameters × 8 bytes (20,000 members of
 * about 200 parameters: 32 MB); a member takes some 40 ms of one core at a 1 s step.
 */
export const MAX_MEMBERS = 20_000;

export interface SampledParameter {
  readonly name: ParameterName;
  readonly unit: string;
  /** Best estimate (the default of a single run). */
  readonly value: number;
  readonly min: number;
  readonly max: number;
  readonly scale: SamplingScale;
}

/**
 * Uniform, or log-uniform when min > 0 and max ÷ min ≥ 10. Temperatures in °C are always uniform:
 * their zero is arbitrary, so ratios of them mean nothing.
 */
export function samplingScale(p: Parameter): SamplingScale {
  return p.unit !== '°C' && p.min > 0 && p.max / p.min >= LOG_UNIFORM_MIN_RATIO
    ? 'log-uniform'
    : 'uniform';
}

/** The value at cumulative probability u ∈ [0, 1) of a parameter's sampling distribution. */
export function valueAtProbability(p: SampledParameter, u: number): number {
  const x =
    p.scale === 'log-uniform'
      ? exp(log(p.min) + u * (log(p.max) - log(p.min)))
      : p.min + u * (p.max - p.min);
  // Rounding must never step outside the range (parameterValues would refuse the value).
  return Math.min(p.max, Math.max(p.min, x));
}

/** The cumulative probability of a value under a parameter's sampling distribution, 0–1. */
export function probabilityOfValue(p: SampledParameter, x: number): number {
  if (p.max === p.min) return 0;
  const u =
    p.scale === 'log-uniform'
      ? (log(x) - log(p.min)) / (log(p.max) - log(p.min))
      : (x - p.min) / (p.max - p.min);
  return Math.min(1, Math.max(0, u));
}

/** 2^-40, exactly (written as a quotient: models/ computes no powers with `**`). */
const TWO_TO_MINUS_40 = 1 / 1099511627776;

/**
 * A Latin hypercube on the unit cube: `members` rows × `dimensions` columns, row-major. In every
 * column, each interval [k/N, (k+1)/N) holds exactly one row; within its interval a point is uniform.
 * Columns are shuffled independently. Draws are in a fixed order, so the design depends only on the
 * generator's sequence.
 */
export function latinHypercube(members: number, dimensions: number, random: Random): Float64Array {
  const design = new Float64Array(members * dimensions);
  for (let j = 0; j < dimensions; j++) {
    const strata = randomPermutation(random, members);
    for (let i = 0; i < members; i++) {
      const u = (strata[i]! + random()) / members;
      // (k + r)/N can round up to (k+1)/N; keep the point inside its stratum.
      design[i * dimensions + j] = Math.min(u, (strata[i]! + 1 - TWO_TO_MINUS_40) / members);
    }
  }
  return design;
}

/**
 * Pairs of parameters whose values must keep an order (lower + gap ≤ upper). Their ranges overlap or
 * touch, so independent sampling could break the order.
 */
export const ORDERED_PAIRS: readonly {
  readonly lower: ParameterName;
  readonly upper: ParameterName;
  /** Smallest allowed upper − lower, in the parameters' unit. */
  readonly gap: number;
  readonly reason: string;
}[] = [
  {
    lower: 'shiveringStopCoreTempC',
    upper: 'shiveringFullCoreTempC',
    gap: 0.1,
    reason:
      'shivering fades between these two core temperatures; equal values would divide by zero',
  },
  {
    lower: 'consciousnessLossAerobicFraction',
    upper: 'shiveringFullBrainAerobicFraction',
    gap: 0.02,
    reason:
      'the brain drives shivering in full above the oxygen level at which consciousness is lost; equal values would divide by zero',
  },
  {
    lower: 'apnoeaBrainTempC',
    upper: 'consciousnessLossTempC',
    gap: 0,
    reason: 'as the brain cools, consciousness is lost before breathing stops (Swiss staging)',
  },
  {
    lower: 'asystoleTempC',
    upper: 'arrhythmiaOnsetTempC',
    gap: 0,
    reason: 'asystole comes at a colder heart than the first arrhythmias',
  },
  {
    lower: 'restingHeartRateAdultBpm',
    upper: 'restingHeartRateChildBpm',
    gap: 0,
    reason: 'resting heart rate falls with age',
  },
  {
    lower: 'restingHeartRateChildBpm',
    upper: 'restingHeartRateToddlerBpm',
    gap: 0,
    reason: 'resting heart rate falls with age',
  },
  {
    lower: 'cpc2AutolysedFraction',
    upper: 'cpc3AutolysedFraction',
    gap: 0,
    reason: 'the outcome categories are ordered by lost brain cells',
  },
  {
    lower: 'cpc3AutolysedFraction',
    upper: 'cpc4AutolysedFraction',
    gap: 0,
    reason: 'the outcome categories are ordered by lost brain cells',
  },
  {
    lower: 'cpc4AutolysedFraction',
    upper: 'brainDeathAutolysedFraction',
    gap: 0,
    reason: 'the outcome categories are ordered by lost brain cells',
  },
  {
    lower: 'potassiumBaselineMmolPerL',
    upper: 'potassiumCeilingMmolPerL',
    gap: 0,
    reason: 'leaking cells raise potassium above its baseline',
  },
];

export interface EnsembleDesignOptions {
  /** Number of members, 1 to MAX_MEMBERS. */
  readonly members: number;
  /** Seed of the design and of the members' own random generators (any safe integer). Default 1. */
  readonly seed?: number;
  /**
   * 'sampled' (default): every parameter with a range is sampled. 'collapsed': every range is
   * collapsed to its best estimate, so members differ only by their random seed (or not at all with
   * `seeds: 'shared'`).
   */
  readonly ranges?: 'sampled' | 'collapsed';
  /** Parameters held at a value for every member (not sampled), as `--set` does for one run. */
  readonly fixed?: Readonly<Record<string, number>>;
  /**
   * Sample only these parameters (each must have a range); every other one is held at its best
   * estimate or its `fixed` value. Default: every parameter with a range. A single name gives a
   * stratified sweep of that parameter, e.g. of the self-check temperature.
   */
  readonly vary?: readonly string[];
  /**
   * 'per-member' (default): each member has its own seed for the engine's random events (rhythm
   * changes), derived from `seed`. 'shared': every member runs with `seed` itself.
   */
  readonly seeds?: 'per-member' | 'shared';
}

/** What an ensemble runs: one row of parameter values and one engine seed per member. */
export interface EnsembleDesign {
  readonly members: number;
  readonly seed: number;
  readonly ranges: 'sampled' | 'collapsed';
  readonly seeds: 'per-member' | 'shared';
  /** The sampled parameters, in design column order. */
  readonly parameters: readonly SampledParameter[];
  /** Held parameters and their values. */
  readonly fixed: Readonly<Record<string, number>>;
  /** Sampled values, members × parameters, row-major, in each parameter's unit. */
  readonly values: Float64Array;
  /** Engine seed of each member. */
  readonly memberSeeds: readonly number[];
  /** Members whose values were reordered to respect ORDERED_PAIRS, by pair ("lower<upper"). */
  readonly repairs: Readonly<Record<string, number>>;
}

/**
 * The parameters an ensemble samples: every one with min < max that is not held (or, with `vary`,
 * those named there), in the order of the parameter registry.
 */
export function sampledParameters(
  fixed: Readonly<Record<string, number>> = {},
  vary?: readonly string[],
): SampledParameter[] {
  for (const name of vary ?? []) {
    if (!isParameterName(name)) throw new Error(`unknown parameter "${name}"`);
    const p: Parameter = allParameters[name];
    if (!(p.min < p.max)) {
      throw new Error(`parameter "${name}" has no range to sample (${p.min} ${p.unit})`);
    }
    if (Object.prototype.hasOwnProperty.call(fixed, name)) {
      throw new Error(`parameter "${name}" cannot be both held at a value and varied`);
    }
  }
  const out: SampledParameter[] = [];
  for (const [name, p] of Object.entries(allParameters) as [ParameterName, Parameter][]) {
    if (!(p.min < p.max) || Object.prototype.hasOwnProperty.call(fixed, name)) continue;
    if (vary && !vary.includes(name)) continue;
    out.push({
      name,
      unit: p.unit,
      value: p.value,
      min: p.min,
      max: p.max,
      scale: samplingScale(p),
    });
  }
  return out;
}

export function ensembleDesign(options: EnsembleDesignOptions): EnsembleDesign {
  const { members } = options;
  const seed = options.seed ?? 1;
  const ranges = options.ranges ?? 'sampled';
  const seeds = options.seeds ?? 'per-member';
  if (!(Number.isInteger(members) && members >= 1 && members <= MAX_MEMBERS)) {
    throw new Error(`members: expected a whole number from 1 to ${MAX_MEMBERS}, found ${members}`);
  }
  if (!Number.isSafeInteger(seed)) {
    throw new Error(`seed: expected a whole number, found ${seed}`);
  }
  const fixed = { ...(options.fixed ?? {}) };
  // Checks names and ranges with the same messages as --set on a single run.
  parameterValues(fixed);
  checkFixedOrder(fixed);
  const parameters = ranges === 'collapsed' ? [] : sampledParameters(fixed, options.vary);
  const count = parameters.length;
  // The unit design becomes the values in place (one array of members × parameters).
  const values = latinHypercube(members, count, createRandom(hashSeed(seed, 1)));
  for (let i = 0; i < members; i++) {
    for (let j = 0; j < count; j++) {
      values[i * count + j] = valueAtProbability(parameters[j]!, values[i * count + j]!);
    }
  }
  const repairs = repairOrder(parameters, fixed, values, members);
  const memberSeeds: number[] = [];
  for (let i = 0; i < members; i++) {
    // Engine seeds are positive 31-bit integers, distinct streams per member.
    memberSeeds.push(seeds === 'shared' ? seed : hashSeed(seed, 2 + i) >>> 1);
  }
  return { members, seed, ranges, seeds, parameters, fixed, values, memberSeeds, repairs };
}

/** What one member runs with: its number, its engine seed and its parameter values. */
export interface MemberPlan {
  readonly member: number;
  readonly seed: number;
  readonly parameters: Readonly<Record<string, number>>;
}

export function memberPlan(design: EnsembleDesign, member: number): MemberPlan {
  return {
    member,
    seed: design.memberSeeds[member]!,
    parameters: memberParameters(design, member),
  };
}

/** Parameter overrides of one member: its sampled values and the held ones. */
export function memberParameters(design: EnsembleDesign, member: number): Record<string, number> {
  if (!(Number.isInteger(member) && member >= 0 && member < design.members)) {
    throw new Error(`member: expected 0 to ${design.members - 1}, found ${member}`);
  }
  const out: Record<string, number> = { ...design.fixed };
  const count = design.parameters.length;
  for (let j = 0; j < count; j++) {
    out[design.parameters[j]!.name] = design.values[member * count + j]!;
  }
  return out;
}

function checkFixedOrder(fixed: Readonly<Record<string, number>>): void {
  for (const pair of ORDERED_PAIRS) {
    const lower = fixed[pair.lower];
    const upper = fixed[pair.upper];
    if (lower !== undefined && upper !== undefined && !(lower + pair.gap <= upper)) {
      throw new Error(orderMessage(pair, lower, upper));
    }
  }
}

function orderMessage(pair: (typeof ORDERED_PAIRS)[number], lower: number, upper: number): string {
  return `parameter "${pair.lower}" (${lower}) must be at least ${pair.gap} below "${pair.upper}" (${upper}): ${pair.reason}`;
}

/**
 * Restores the order of ORDERED_PAIRS in each member. When both values are sampled they are swapped
 * (an inverted pair lies where the two ranges overlap, so each value is inside the other's range and
 * the two marginal distributions change only inside that overlap); otherwise, or if a swap is not
 * enough, the sampled value is moved to the nearest value that keeps the order.
 */
function repairOrder(
  parameters: readonly SampledParameter[],
  fixed: Readonly<Record<string, number>>,
  values: Float64Array,
  members: number,
): Record<string, number> {
  const count = parameters.length;
  const column = new Map<string, number>(parameters.map((p, j) => [p.name, j]));
  const repairs: Record<string, number> = {};
  const pairs = ORDERED_PAIRS.filter((p) => isParameterName(p.lower) && isParameterName(p.upper));
  for (let i = 0; i < members; i++) {
    const row = i * count;
    const read = (name: ParameterName): number => {
      const j = column.get(name);
      return j !== undefined
        ? values[row + j]!
        : (fixed[name] ?? (allParameters[name] as Parameter).value);
    };
    const repaired = new Set<string>();
    // Chains (adult ≤ child ≤ toddler) settle in a few passes.
    let changed = true;
    for (let pass = 0; changed && pass <= pairs.length; pass++) {
      changed = false;
      for (const pair of pairs) {
        let lower = read(pair.lower);
        let upper = read(pair.upper);
        if (lower + pair.gap <= upper) continue;
        const jl = column.get(pair.lower);
        const ju = column.get(pair.upper);
        if (jl === undefined && ju === undefined) {
          // Both held (by --set, or at their best estimate when not varied): nothing to repair.
          throw new Error(orderMessage(pair, lower, upper));
        }
        const pl = allParameters[pair.lower] as Parameter;
        const pu = allParameters[pair.upper] as Parameter;
        if (
          jl !== undefined &&
          ju !== undefined &&
          upper >= pl.min &&
          lower <= pu.max &&
          upper + pair.gap <= lower
        ) {
          [lower, upper] = [upper, lower];
        } else {
          if (jl !== undefined) lower = Math.max(pl.min, upper - pair.gap);
          if (ju !== undefined && !(lower + pair.gap <= upper))
            upper = Math.min(pu.max, lower + pair.gap);
        }
        if (jl !== undefined) values[row + jl] = lower;
        if (ju !== undefined) values[row + ju] = upper;
        repaired.add(`${pair.lower}<${pair.upper}`);
        changed = true;
      }
    }
    if (changed) {
      // Every pair's ranges leave room for its order (a test checks this), so this cannot happen.
      throw new Error(`member ${i}: could not order the parameters ${[...repaired].join(', ')}`);
    }
    for (const key of repaired) repairs[key] = (repairs[key] ?? 0) + 1;
  }
  return repairs;
}
