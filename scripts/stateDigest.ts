// npx tsx scripts/stateDigest.ts: a digest of every built-in scenario at the 1 s and 5 s steps (the
// state vector every simulated minute, the log, the outcome, the end reason and the final snapshot)
// and of 12 h of the benchmark's cold room with triggers. The golden traces compare within
// tolerances; this compares bits, for changes meant to leave results exactly as they were (speed
// work): run it before and after and diff the output.

import { createHash } from 'node:crypto';
import { COLD_ROOM_72H_TRIGGERS, builtInScenarios } from '../src/cli/engineBench.ts';
import { createSimulation } from '../models/index.ts';

const rows = [
  ...builtInScenarios(),
  {
    name: 'cold-room-12h-triggers',
    scenario: { ...COLD_ROOM_72H_TRIGGERS, end: { ...COLD_ROOM_72H_TRIGGERS.end, atS: 12 * 3600 } },
  },
];
const all = createHash('sha256');
for (const { name, scenario } of rows) {
  for (const stepSeconds of [1, 5]) {
    const hash = createHash('sha256');
    const sim = createSimulation(scenario, { stepSeconds });
    while (!sim.isFinished()) {
      sim.advance(60);
      const state = sim.stateVector();
      hash.update(new Uint8Array(state.buffer, state.byteOffset, state.byteLength));
    }
    hash.update(
      JSON.stringify(sim.log()) +
        JSON.stringify(sim.outcome()) +
        String(sim.endReason()) +
        JSON.stringify(sim.snapshot()),
    );
    const digest = hash.digest('hex').slice(0, 16);
    all.update(digest);
    console.log(`${name.padEnd(28)} ${stepSeconds} s  ${digest}`);
  }
}
console.log(`all ${all.digest('hex').slice(0, 16)}`);
