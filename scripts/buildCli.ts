// Builds the command line into dist-cli/ (ignored by git): src/cli/main.ts as dist-cli/coldboot.js,
// which bin/coldboot.js imports, and the worker threads' entry points (ensembleWorker.js,
// debriefWorker.js) beside it, with the code they share in chunks. esbuild bundles the TypeScript of
// src/ and models/ (about a second); npm packages stay imports (all of them dependencies, checked
// here), so better-sqlite3's native module and ws load as installed. Run by `npm ci` (prepare), by
// `npm run build` and before the unit tests (test/globalSetup.ts), so the CLI the tests spawn is the
// sources' as they are.
//
//   npm run build:cli

import { build, type Metafile } from 'esbuild';
import { readFileSync, renameSync, rmSync } from 'node:fs';
import { isBuiltin } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
export const CLI_OUT_DIR = join(ROOT, 'dist-cli');

/** Builds the CLI into dist-cli/ (replacing it); returns the files written, for a message. */
export async function buildCli(): Promise<string[]> {
  // Built aside and swapped in, so a coldboot running from dist-cli/ never sees half a build.
  const staging = `${CLI_OUT_DIR}.tmp-${process.pid}`;
  rmSync(staging, { recursive: true, force: true });
  try {
    const result = await build({
      absWorkingDir: ROOT,
      entryPoints: {
        coldboot: 'src/cli/main.ts',
        ensembleWorker: 'src/cli/ensembleWorker.ts',
        debriefWorker: 'src/classroom/debriefWorker.ts',
      },
      outdir: staging,
      bundle: true,
      // Chunks keep `import()` lazy: the classroom server (and SQLite, ws) loads only for `classroom`.
      splitting: true,
      format: 'esm',
      platform: 'node',
      target: 'node20',
      packages: 'external',
      sourcemap: 'linked',
      metafile: true,
      logLevel: 'warning',
    });
    checkExternals(result.metafile);
    rmSync(CLI_OUT_DIR, { recursive: true, force: true });
    renameSync(staging, CLI_OUT_DIR);
    return Object.keys(result.metafile.outputs).filter((f) => f.endsWith('.js'));
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
}

/** Every npm package the built CLI imports must be a dependency (not a dev one): they stay imports. */
function checkExternals(metafile: Metafile): void {
  const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
    dependencies?: Record<string, string>;
  };
  const dependencies = new Set(Object.keys(manifest.dependencies ?? {}));
  const missing = new Set<string>();
  for (const output of Object.values(metafile.outputs)) {
    for (const imported of output.imports) {
      if (!imported.external || isBuiltin(imported.path)) continue;
      const parts = imported.path.split('/');
      const name = imported.path.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0]!;
      if (!dependencies.has(name)) missing.add(name);
    }
  }
  if (missing.size > 0) {
    throw new Error(
      `the command line imports ${[...missing].join(', ')}, not in package.json's dependencies`,
    );
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const started = performance.now();
  const files = await buildCli();
  console.log(
    `dist-cli/: ${files.length} files (${files.map((f) => f.split('/').pop()).join(', ')}) in ${Math.round(performance.now() - started)} ms`,
  );
}
