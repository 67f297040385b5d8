// The browser benchmark (`npm run bench:browser`; `npm run bench` runs it after the engine figures).
// Builds the app into dist-bench/, serves it with `vite preview` on localhost and drives Debian's
// Chromium (headless, no GPU) with playwright-core. Prints figures with their targets next to them;
// asserts nothing. See doc/benchmarks.md.
//
//   tsx bench/browser.ts [--only load,frames,ensemble] [--seconds N] [--keep]
//
// Without Chromium it prints why the browser figures were skipped and exits 0.

import { availableParallelism, cpus, loadavg } from 'node:os';
import type { Browser } from 'playwright-core';
import type { PreviewServer } from 'vite';
import { ensembleFigures } from './ensemble.ts';
import { firstLoadFigures } from './firstLoad.ts';
import { frameProbeFigures } from './frameProbe.ts';
import {
  BENCH_DIST,
  CHROMIUM,
  CHROMIUM_ARGS,
  buildForBench,
  chromiumMissing,
  launchChromium,
  removeBenchBuild,
  serveBenchBuild,
} from './setup.ts';

const PARTS = ['load', 'frames', 'ensemble'] as const;
type Part = (typeof PARTS)[number];

interface Options {
  readonly parts: ReadonlySet<Part>;
  readonly seconds: number;
  readonly keep: boolean;
}

function parseOptions(argv: readonly string[]): Options {
  let parts = new Set<Part>(PARTS);
  let seconds = 10;
  let keep = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--keep') keep = true;
    else if (arg === '--only') {
      const names = (argv[++i] ?? '').split(',').filter(Boolean);
      const unknown = names.filter((n) => !PARTS.includes(n as Part));
      if (unknown.length > 0 || names.length === 0) {
        throw new Error(`--only takes some of ${PARTS.join(',')}; found ${argv[i] ?? 'nothing'}`);
      }
      parts = new Set(names as Part[]);
    } else if (arg === '--seconds') {
      seconds = Number(argv[++i]);
      if (!(seconds > 0)) throw new Error('--seconds takes a positive number');
    } else throw new Error(`unknown option ${arg}`);
  }
  return { parts, seconds, keep };
}

const print = (lines: readonly string[]) => process.stdout.write(lines.join('\n') + '\n');

async function main(): Promise<void> {
  const options = parseOptions(process.argv.slice(2));
  const missing = chromiumMissing();
  if (missing !== null) {
    print([
      `Browser benchmark skipped: ${missing}. (The engine figures of \`coldboot bench\` do not need it.)`,
    ]);
    return;
  }

  const buildStart = performance.now();
  await buildForBench();
  const buildS = (performance.now() - buildStart) / 1000;

  let server: PreviewServer | undefined;
  let browser: Browser | undefined;
  try {
    const served = await serveBenchBuild();
    server = served.server;
    const { baseUrl } = served;
    browser = await launchChromium();
    const cpu = cpus()[0]?.model.trim() ?? 'unknown CPU';
    print([
      `ColdBoot browser benchmark: Chromium ${browser.version()} (${CHROMIUM}), headless, software ` +
        `rendering (--disable-gpu), ${availableParallelism()} cores (${cpu}), load average before ` +
        `${loadavg()[0]!.toFixed(1)}`,
      `  app built into ${BENCH_DIST}/ in ${buildS.toFixed(1)} s and served by vite preview at ${baseUrl}; ` +
        `flags: ${CHROMIUM_ARGS.join(' ')}`,
    ]);

    if (options.parts.has('load')) print(await firstLoadFigures(browser, baseUrl));
    if (options.parts.has('frames')) {
      print(await frameProbeFigures(browser, baseUrl, options.seconds));
    }
    if (options.parts.has('ensemble')) {
      // A fresh browser, so the process memory is the ensemble's and not the earlier pages'.
      await browser.close();
      browser = await launchChromium();
      print(await ensembleFigures(browser, baseUrl));
    }
    print([`  (load average after: ${loadavg()[0]!.toFixed(1)})`]);
  } finally {
    await browser?.close();
    await server?.close();
    if (!options.keep) await removeBenchBuild();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(
    `Browser benchmark failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  process.exitCode = 1;
});
