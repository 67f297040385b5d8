// npx tsx scripts/abSpeed.ts <old-tree> [runs] [scenarios] [new-tree]: the engine's speed of another
// tree's models/ (e.g. `mkdir dist-ab && git archive <commit> models package.json | tar -x -C
// dist-ab`, inside the checkout so that tsx loads it as ES modules: see doc/benchmarks.md, "A trap
// when measuring") against this checkout's (or new-tree's), in the same process, runs alternating
// old, new, new, old, … after a warm-up of each. Prints the median CPU time of advance() to the end
// as a speed (× real time) for each, and their ratio: on a shared machine the ratio is steadier than
// either speed. Rows: the 72 h cold room of `coldboot bench` and the built-in scenarios named,
// comma-separated (default avalanche-burial). Run it with `node --single-threaded --import tsx`:
// V8 then compiles on the main thread, and each side's runs spread far less under load (see
// doc/benchmarks.md, third round).

import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { COLD_ROOM_72H } from '../src/cli/engineBench.ts';
import type { Scenario } from '../models/index.ts';

type Create = (scenario: Scenario) => {
  advance(seconds: number): void;
  timeS(): number;
};

const oldTree = resolve(process.argv[2] ?? 'dist-ab');
const runs = Number(process.argv[3] ?? 5);
const names = (process.argv[4] ?? 'avalanche-burial').split(',').filter((n) => n !== '');
const oldModels = await import(join(oldTree, 'models/index.ts'));
const newModels = await import(resolve(process.argv[5] ?? '.', 'models/index.ts'));

const rows: { name: string; scenario: Scenario }[] = [
  { name: 'cold room 72 h', scenario: COLD_ROOM_72H },
  ...names.map((name) => ({
    name,
    scenario: newModels.parseScenario(
      readFileSync(join('public/scenarios', `${name}.yaml`), 'utf8'),
      `${name}.yaml`,
    ),
  })),
];

function cpuSpeed(create: Create, scenario: Scenario): number {
  const sim = create(scenario);
  const start = sim.timeS();
  const before = process.cpuUsage();
  sim.advance(scenario.end.atS);
  const used = process.cpuUsage(before);
  return (sim.timeS() - start) / ((used.user + used.system) / 1e6);
}

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 === 1 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};

for (const { name, scenario } of rows) {
  const sides = [
    { label: 'old', create: oldModels.createSimulation as Create, speeds: [] as number[] },
    { label: 'new', create: newModels.createSimulation as Create, speeds: [] as number[] },
  ];
  for (const side of sides) cpuSpeed(side.create, scenario); // warm-up
  for (let i = 0; i < runs; i++) {
    const order = i % 2 === 0 ? sides : [...sides].reverse();
    for (const side of order) side.speeds.push(cpuSpeed(side.create, scenario));
  }
  const [a, b] = sides.map((s) => median(s.speeds)) as [number, number];
  const spread = sides
    .map(
      (s) => `${s.label} ${Math.round(Math.min(...s.speeds))}–${Math.round(Math.max(...s.speeds))}`,
    )
    .join(', ');
  console.log(
    `${name.padEnd(20)} old ${Math.round(a).toLocaleString('en-US').padStart(9)}×  ` +
      `new ${Math.round(b).toLocaleString('en-US').padStart(9)}×  new/old ${(b / a).toFixed(2)}  (${spread})`,
  );
}
