// Node and Chromium compute the same runs bit for bit (issue 16, item 5): a classroom server replays
// the logs learners export from the browser, so every trend sample must match to the last bit. The
// same module (fixtures/determinismRuns.ts) runs built-in scenarios with their expert's actions and
// members of a sampled ensemble here in Node and, bundled by Vite, in Chromium's page; each sample's
// fingerprint (every number of the snapshot and the whole state vector, as bits) must be equal.
// Needs Chromium only (no build of the app): `npx vitest run --project e2e <this file>`.

import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { build, type Rollup } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, launchChromium } from '../../scripts/browser.ts';
import {
  mathFingerprint,
  runCase,
  sampleAt,
  type CaseResult,
  type DeterminismCase,
} from './fixtures/determinismRuns.ts';

interface PageApi {
  runCase(c: DeterminismCase): CaseResult;
  sampleAt(c: DeterminismCase, timeS: number): string[];
  mathFingerprint(): string;
}
declare global {
  var coldbootDeterminism: PageApi;
}

const scenario = (file: string) => ({
  fileName: file,
  text: readFileSync(`${ROOT}public/scenarios/${file}`, 'utf8'),
});

const CASES: DeterminismCase[] = [
  {
    name: 'the heart-lung machine tutorial, expert run (VA-ECMO), 1 s samples',
    ...scenario('hlm-tutorial.yaml'),
    run: { kind: 'expert' },
    everyS: 1,
  },
  {
    name: 'the skier under the ice, expert run (wind, ice water, CPR, ECMO), 1 s samples',
    ...scenario('skier-under-ice.yaml'),
    run: { kind: 'expert' },
    everyS: 1,
  },
  ...[0, 1].map((member): DeterminismCase => ({
    name: `the toddler in the icy creek, member ${member} of a sampled ensemble at 5 s`,
    ...scenario('toddler-icy-creek.yaml'),
    run: { kind: 'member', members: 24, member, stepSeconds: 5 },
    everyS: 5,
  })),
];

/** determinismPage.ts and the engine as one classic script, as Vite builds the app's code. */
async function pageBundle(): Promise<string> {
  const result = await build({
    configFile: false,
    root: ROOT,
    logLevel: 'error',
    publicDir: false,
    build: {
      write: false,
      target: 'es2022',
      lib: {
        entry: `${ROOT}test/e2e/fixtures/determinismPage.ts`,
        formats: ['iife'],
        name: 'coldbootDeterminismBundle',
        fileName: 'determinism',
      },
    },
  });
  const outputs = (Array.isArray(result) ? result : [result]) as Rollup.RollupOutput[];
  const chunk = outputs[0]!.output.find((o) => o.type === 'chunk');
  if (chunk === undefined || chunk.type !== 'chunk') throw new Error('no bundle built');
  return chunk.code;
}

let browser: Browser;
let page: Page;

beforeAll(async () => {
  const code = await pageBundle();
  browser = await launchChromium();
  page = await browser.newPage();
  await page.goto('about:blank');
  await page.addScriptTag({ content: code });
}, 300_000);

afterAll(async () => {
  await browser?.close();
});

/** Says where two runs first differ: the time, and which numbers of that sample (by position). */
async function firstDifference(
  c: DeterminismCase,
  node: CaseResult,
  chromium: CaseResult,
): Promise<string | null> {
  const i = node.fingerprints.findIndex((f, k) => f !== chromium.fingerprints[k]);
  if (i < 0 && node.fingerprints.length === chromium.fingerprints.length) return null;
  if (i < 0) return `Node took ${node.timesS.length} samples, Chromium ${chromium.timesS.length}`;
  const timeS = node.timesS[i]!;
  const inNode = sampleAt(c, timeS);
  const inChromium = await page.evaluate(
    ([cc, t]) => globalThis.coldbootDeterminism.sampleAt(cc, t),
    [c, timeS] as const,
  );
  const differing = inNode
    .map((bits, k) => (bits === inChromium[k] ? null : `#${k}: ${bits} vs ${inChromium[k]}`))
    .filter((d) => d !== null);
  return (
    `first difference at ${timeS} s (sample ${i} of ${node.timesS.length}); ` +
    `${differing.length} of ${inNode.length} numbers differ (Node vs Chromium): ` +
    differing.slice(0, 5).join(', ')
  );
}

describe('Node and Chromium', () => {
  it('compute the same bits for exp, log and pow (30,000 results)', async () => {
    const inChromium = await page.evaluate(() => globalThis.coldbootDeterminism.mathFingerprint());
    expect(inChromium).toBe(mathFingerprint());
  });

  for (const c of CASES) {
    it(`give every trend sample the same bits: ${c.name}`, async () => {
      const node = runCase(c);
      const chromium = await page.evaluate((cc) => globalThis.coldbootDeterminism.runCase(cc), c);
      expect(node.timesS.length).toBeGreaterThan(1000);
      expect(await firstDifference(c, node, chromium)).toBeNull();
    }, 600_000);
  }
});
