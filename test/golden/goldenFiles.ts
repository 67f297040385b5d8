// Where golden traces come from and where their baselines live: every scenario under scenarios/ and
// public/scenarios/ (the built-in library), each with a baseline at test/golden/<its path>.json.
// Shared by the golden test and `npm run rebase` (scripts/rebase.ts).

import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

export const ROOT = join(import.meta.dirname, '..', '..');
export const GOLDEN_DIR = join(ROOT, 'test', 'golden');
/** Folders whose scenarios have golden traces, relative to the repository. */
export const SCENARIO_DIRS = ['scenarios', join('public', 'scenarios')];

export interface GoldenCase {
  /** Path of the scenario relative to the repository, e.g. "scenarios/through-the-ice.yaml". */
  readonly name: string;
  readonly scenarioPath: string;
  readonly baselinePath: string;
}

/** Every scenario file (YAML, or JSON other than the library index) with its baseline's path. */
export function goldenCases(): GoldenCase[] {
  const cases: GoldenCase[] = [];
  for (const dir of SCENARIO_DIRS) {
    const abs = join(ROOT, dir);
    if (!existsSync(abs)) continue;
    for (const file of readdirSync(abs).sort()) {
      if (!/\.(ya?ml|json)$/.test(file) || file === 'index.json') continue;
      const scenarioPath = join(abs, file);
      const name = relative(ROOT, scenarioPath).split('\\').join('/');
      cases.push({
        name,
        scenarioPath,
        baselinePath: join(GOLDEN_DIR, `${name.replace(/\.(ya?ml|json)$/, '')}.json`),
      });
    }
  }
  return cases;
}

export function readText(path: string): string {
  return readFileSync(path, 'utf8');
}
