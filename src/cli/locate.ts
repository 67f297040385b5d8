// Where the command line finds its files, whether it runs built (dist-cli/, made by
// scripts/buildCli.ts: `coldboot.js`, the two worker entry points and shared chunks, all in one
// folder, so import.meta.url is the built file's) or from its sources (src/cli/*.ts under Vitest
// or tsx). The checkout's root is found by walking up from this module to coldboot's package.json,
// which holds from either place; worker threads start from the built worker file beside the
// bundle, or, from the sources, from the TypeScript file through tsx (a dev dependency).

import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

/** The nearest folder at or above `start` whose package.json is coldboot's. */
export function findProjectRoot(start: string): string {
  for (let dir = start; ; dir = dirname(dir)) {
    const manifest = join(dir, 'package.json');
    if (existsSync(manifest)) {
      try {
        if ((JSON.parse(readFileSync(manifest, 'utf8')) as { name?: unknown }).name === 'coldboot')
          return dir;
      } catch {
        // Not a readable manifest: keep looking above.
      }
    }
    if (dirname(dir) === dir) throw new Error(`no coldboot package.json above ${start}`);
  }
}

/** The checkout: package.json, public/scenarios, dist/ (the built app). */
export const PROJECT_ROOT = findProjectRoot(dirname(fileURLToPath(import.meta.url)));
/** The built-in scenarios (the app's, served from public/). */
export const BUILT_IN_SCENARIOS = join(PROJECT_ROOT, 'public', 'scenarios');
/** The built app `coldboot classroom` serves unless told another folder. */
export const DEFAULT_DIST = join(PROJECT_ROOT, 'dist');

/** What `new Worker(code, { eval })` needs to start a worker thread. */
export interface WorkerEntry {
  readonly code: string | URL;
  readonly eval: boolean;
}

/**
 * How to start the worker thread whose entry module is `name` (ensembleWorker, debriefWorker),
 * seen from `callerUrl` (the import.meta.url of the module starting it). Built, the caller is a
 * file of dist-cli/ and the worker is `dist-cli/<name>.js` beside it. From the sources the worker
 * is `<name>.ts` beside the caller, loaded through tsx registered in that thread (on Node 20 the
 * main thread's loader hooks and `--import` in a worker's execArgv do not reach its entry module).
 */
export function workerEntry(name: string, callerUrl: string): WorkerEntry {
  if (!callerUrl.endsWith('.ts')) return { code: new URL(`./${name}.js`, callerUrl), eval: false };
  const require = createRequire(callerUrl);
  // tsx/esm/api resolves to its CommonJS build here; the ES module build sits beside it.
  const tsxApi = pathToFileURL(require.resolve('tsx/esm/api').replace(/\.cjs$/, '.mjs')).href;
  const entry = new URL(`./${name}.ts`, callerUrl).href;
  return {
    code: `import(${JSON.stringify(tsxApi)}).then(({ register }) => { register(); return import(${JSON.stringify(entry)}); });`,
    eval: true,
  };
}
