// npx tsx scripts/profileEngine.ts [runs]: a CPU profile of `advance()` (node:inspector's sampling
// profiler) for the 72 h cold room without triggers and for avalanche-burial (the slowest built-in
// scenario), summarised two ways: by subsystem (each sample counted once, for the innermost step
// function on its stack: stepOxygen, stepThermal, …; "own code" is the step function's own lines and
// what V8 inlined into it) and by function (self time). Only samples under `advance` count. Prints
// shares of those samples; the time per run is wall time and as noisy as the machine. Run it with
// `node --single-threaded --import tsx` for a steadier compilation (see doc/benchmarks.md).

import { Session } from 'node:inspector/promises';
import { COLD_ROOM_72H, builtInScenarios } from '../src/cli/engineBench.ts';
import { createSimulation, type Scenario } from '../models/index.ts';

/** The step functions a sample is charged to, innermost first wins. */
const SUBSYSTEMS = [
  'stepOxygen',
  'stepThermal',
  'stepCells',
  'stepCircuit',
  'stepBedside',
  'updatePump',
  'updatePressure',
  'updateAlarms',
  'trackEcls',
  'stepRhythm',
  'gasExchange',
  'subStepsFor',
  'stepPatientOnce',
  'stepPatient',
  'atBoundary',
  'advance',
];

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount?: number;
  children?: number[];
}

async function profile(scenario: Scenario, runs: number): Promise<ProfileNode[]> {
  createSimulation(scenario).advance(scenario.end.atS); // warm-up, compiled before sampling
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.setSamplingInterval', { interval: 200 });
  const sims = Array.from({ length: runs }, () => createSimulation(scenario));
  await session.post('Profiler.start');
  for (const sim of sims) sim.advance(scenario.end.atS);
  const { profile: p } = await session.post('Profiler.stop');
  session.disconnect();
  return p.nodes as ProfileNode[];
}

function summarise(nodes: ProfileNode[]): {
  bySubsystem: Map<string, number>;
  bySelf: Map<string, number>;
  total: number;
} {
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const bySubsystem = new Map<string, number>();
  const bySelf = new Map<string, number>();
  let total = 0;
  const walk = (id: number, underAdvance: boolean, charged: string | null): void => {
    const n = byId.get(id)!;
    const name = n.callFrame.functionName || '(anonymous)';
    const under = underAdvance || name === 'advance';
    const charge = under && SUBSYSTEMS.includes(name) ? name : charged;
    const hits = n.hitCount ?? 0;
    if (under && hits > 0) {
      total += hits;
      const key = charge ?? '(other)';
      bySubsystem.set(key, (bySubsystem.get(key) ?? 0) + hits);
      bySelf.set(name, (bySelf.get(name) ?? 0) + hits);
    }
    for (const c of n.children ?? []) walk(c, under, charge);
  };
  walk(nodes[0]!.id, false, null);
  return { bySubsystem, bySelf, total };
}

function print(title: string, m: Map<string, number>, total: number, limit: number): void {
  console.log(`  ${title}`);
  [...m.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, limit)
    .forEach(([k, v]) =>
      console.log(`    ${k.padEnd(28)} ${((100 * v) / total).toFixed(1).padStart(5)} %`),
    );
}

const runs = Number(process.argv[2] ?? 4);
const avalanche = builtInScenarios().find((r) => r.name === 'avalanche-burial')!;
for (const [name, scenario] of [
  ['72 h cold room, no triggers', COLD_ROOM_72H],
  ['avalanche-burial', avalanche.scenario],
] as const) {
  const t0 = performance.now();
  const nodes = await profile(scenario, runs);
  const ms = (performance.now() - t0) / runs;
  const { bySubsystem, bySelf, total } = summarise(nodes);
  console.log(
    `${name}: ${runs} runs, ${ms.toFixed(0)} ms wall each (profiler on), ${total} samples`,
  );
  print('by subsystem (innermost step function on the stack)', bySubsystem, total, 20);
  print('by function (self time)', bySelf, total, 14);
}
