// Mutation testing of the physiology and the devices (`npm run bench:mutation`; issue 18): Stryker
// changes the code one small edit at a time (a + for a −, a < for a <=, a constant for another) and
// counts the edits that no test notices. A figure for doc/benchmarks.md, not part of `npm test`: the
// full run takes hours on two cores.
//
// Scope: MUTATION_SCOPE=narrow (the run recorded in doc/benchmarks.md) mutates the alarm table and
// the cell model's small functions (lines 60-92 of cells.ts: how far out of spec, the self-check,
// the necrosis time and the tolerances) with their own unit tests only; unset, it mutates all of models/physiology/ and
// models/devices/ against the behavioural tests of bench/mutation.vitest.config.ts. The golden traces
// are left out on purpose: they notice nearly every change to the physiology, which is why the
// issue asked what else does.

import process from 'node:process';

const narrow = process.env.MUTATION_SCOPE === 'narrow';

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  testRunner: 'vitest',
  vitest: { configFile: 'bench/mutation.vitest.config.ts', related: false },
  mutate: narrow
    ? ['models/devices/alarms.ts', 'models/physiology/cells.ts:60-92']
    : ['models/physiology/**/*.ts', 'models/devices/**/*.ts'],
  coverageAnalysis: 'perTest',
  concurrency: 1,
  timeoutMS: 60_000,
  reporters: ['clear-text', 'progress', 'json'],
  jsonReporter: { fileName: 'test-results/mutation/mutation.json' },
  tempDirName: 'test-results/stryker-tmp',
  cleanTempDir: true,
  ignorePatterns: ['dist', 'dist-*', 'test-results', 'coverage', 'doc', 'public/scenarios/*.png'],
  checkers: [],
};
