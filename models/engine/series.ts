// Runs a simulation to its end, sampling a snapshot every so many simulated seconds. Shared by the
// command line, benchmarks and tests.

import type { Simulation } from './simulation.ts';
import type { Snapshot } from './snapshot.ts';

/** Calls `onSample` at time zero, every `everyS` seconds, and at the end. */
export function runSampled(
  sim: Simulation,
  everyS: number,
  onSample: (snapshot: Snapshot) => void,
): void {
  if (!(everyS > 0))
    throw new Error(`every: expected a positive number of seconds, found ${everyS}`);
  onSample(sim.snapshot());
  let lastSampleS = sim.timeS();
  while (!sim.isFinished()) {
    sim.advance(everyS);
    const now = sim.timeS();
    if (now > lastSampleS) {
      onSample(sim.snapshot());
      lastSampleS = now;
    }
  }
}
