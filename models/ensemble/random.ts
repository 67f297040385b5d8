// Deterministic random numbers for ensembles: pure functions of a seed, independent of the engine's
// generator (which lives in a run's state vector). Mulberry32 (Tommy Ettinger, public domain), as in
// models/core/rng.ts, with its state in a closure; seeds for members come from a SplitMix32-style
// hash so neighbouring member numbers get unrelated streams.

/** A generator of numbers in [0, 1). */
export type Random = () => number;

/** A generator seeded by any integer (the same seed always gives the same sequence). */
export function createRandom(seed: number): Random {
  let a = hashSeed(seed, 0x2545f491);
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Mixes a seed and a stream number into a well-scrambled unsigned 32-bit integer. */
export function hashSeed(seed: number, stream: number): number {
  // Seeds beyond 32 bits keep their high part (JavaScript integers are exact to 2^53).
  const low = Math.trunc(seed) >>> 0;
  const high = Math.floor(Math.trunc(seed) / 4294967296) >>> 0;
  let h = (low ^ Math.imul(high, 0x85ebca6b) ^ Math.imul(stream >>> 0, 0x9e3779b9)) >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x21f0aaad) >>> 0;
  h = Math.imul(h ^ (h >>> 15), 0x735a2d97) >>> 0;
  return (h ^ (h >>> 15)) >>> 0;
}

/** A random integer in [0, n) (n ≤ 2^32). */
export function randomInt(random: Random, n: number): number {
  return Math.floor(random() * n);
}

/** Fisher–Yates shuffle of 0..n−1. */
export function randomPermutation(random: Random, n: number): Int32Array {
  const p = new Int32Array(n);
  for (let i = 0; i < n; i++) p[i] = i;
  for (let i = n - 1; i > 0; i--) {
    const j = randomInt(random, i + 1);
    const t = p[i]!;
    p[i] = p[j]!;
    p[j] = t;
  }
  return p;
}
