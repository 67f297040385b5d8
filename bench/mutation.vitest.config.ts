// The tests Stryker runs against each mutant (bench/stryker.config.mjs): with MUTATION_SCOPE=narrow
// the unit tests of the alarm table and the cell model; otherwise the behavioural tests of the
// physiology and the devices (test/physiology, test/devices). Not the golden traces (see the Stryker
// config) and not the e2e suite.
import { defineConfig } from 'vitest/config';

const narrow = process.env.MUTATION_SCOPE === 'narrow';

export default defineConfig({
  test: {
    include: narrow
      ? ['test/devices/alarms.test.ts', 'test/physiology/cells.unit.test.ts']
      : ['test/physiology/**/*.test.ts', 'test/devices/**/*.test.ts'],
    environment: 'node',
    testTimeout: 600_000,
    hookTimeout: 600_000,
  },
});
