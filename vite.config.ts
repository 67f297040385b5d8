// Vite builds the app (index.html → src/app/main.tsx, with the engine in a module worker); Vitest runs
// two projects: `unit` (Node, everything under test/ but the browser tests) and `e2e` (the built app
// in headless Chromium, one file at a time). precachePlugin lists the built files for the offline
// service worker (public/sw.js; see scripts/precachePlugin.ts).
import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';
import { precachePlugin } from './scripts/precachePlugin.ts';

export default defineConfig({
  plugins: [react(), precachePlugin()],
  worker: { format: 'es' },
  build: {
    target: 'es2022',
    sourcemap: true,
    // The engine (models/) is pure: a module none of whose exports is used can be left out, so the
    // ensemble code the barrel models/index.ts re-exports goes with the lazy odds dialog only.
    rollupOptions: { treeshake: { moduleSideEffects: (id) => !id.includes('/models/') } },
  },
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['test/**/*.test.ts'],
          exclude: ['test/e2e/**', 'node_modules/**'],
          environment: 'node',
          // Builds dist-cli/, which the tests that spawn bin/coldboot.js run.
          globalSetup: ['test/globalSetup.ts'],
          // Tests assert behaviour, not time: many run whole simulations, and CI's two cores may be
          // busy. Speed targets live in `npm run bench`.
          testTimeout: 600_000,
          hookTimeout: 600_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.test.ts'],
          environment: 'node',
          testTimeout: 120_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
