// Deterministic random numbers whose whole state is one 32-bit integer stored in the state vector,
// so a saved state resumes the same sequence. Mulberry32 (Tommy Ettinger, public domain).

import { S, type State } from './state.ts';

/** Seeds the generator from any integer seed. */
export function seedRandom(state: State, seed: number): void {
  state[S.rngState] = (Math.trunc(seed) ^ 0x9e3779b9) >>> 0;
}

/** Returns a number in [0, 1) and advances the generator held in `state`. */
export function nextRandom(state: State): number {
  const a = ((state[S.rngState]! >>> 0) + 0x6d2b79f5) >>> 0;
  state[S.rngState] = a;
  let t = a;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}
