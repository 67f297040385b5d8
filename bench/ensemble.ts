// Figures 3: "What are the odds?" in the browser. The ensemble bench page (bench/ensemble.html) runs
// runOdds, the app's own path (one Web Worker per core), on the 6-hour scenario of the command-line
// ensemble benchmark (src/cli/ensembleBench.ts: same members, same seed, no learner actions beyond
// its timeline). Twice: once with nothing attached but /proc sampling, for the time; once while the
// JavaScript heaps of the page and of every worker are sampled over the DevTools protocol.

import type { Browser, CDPSession } from 'playwright-core';
import { ENSEMBLE_BENCH_SCENARIO } from '../src/cli/ensembleBench.ts';
import type { EnsembleBenchResult } from './ensemblePage.ts';
import {
  chromiumMemoryNow,
  chromiumProcesses,
  cpuBetween,
  watchChromiumMemory,
  type ChromiumCpu,
  type ChromiumMemory,
} from './processMemory.ts';
import { ENSEMBLE_PAGE_PATH } from './setup.ts';
import { MB, mb, met } from './stats.ts';

const MEMBERS = 1000;
const SEED = 1;

interface HeapUsage {
  readonly usedSize: number;
  readonly totalSize: number;
}

/**
 * JavaScript heaps of a page and its dedicated workers, through a DevTools session of the page: it
 * auto-attaches to the workers (non-flat sessions, so commands reach them through
 * Target.sendMessageToTarget) and asks each for Runtime.getHeapUsage.
 */
class HeapSampler {
  private readonly workers = new Map<string, string>();
  private readonly pending = new Map<number, (usage: HeapUsage | null) => void>();
  private nextId = 1;
  private timer: ReturnType<typeof setInterval> | undefined;
  private sampling = false;
  /** Peak used and total heap per target ("page", "worker 1"…), and of their sum. */
  readonly peaks = new Map<string, { used: number; total: number }>();
  peakSumUsed = 0;
  peakSumTotal = 0;
  samples = 0;

  constructor(private readonly cdp: CDPSession) {
    cdp.on('Target.attachedToTarget', (event) => {
      if (event.targetInfo.type === 'worker') {
        this.workers.set(event.sessionId, `worker ${this.workers.size + 1}`);
      }
    });
    cdp.on('Target.detachedFromTarget', (event) => {
      if (event.sessionId) this.workers.delete(event.sessionId);
    });
    cdp.on('Target.receivedMessageFromTarget', (event) => {
      const message = JSON.parse(event.message) as { id?: number; result?: HeapUsage };
      if (message.id === undefined) return;
      this.pending.get(message.id)?.(message.result ?? null);
      this.pending.delete(message.id);
    });
  }

  async start(everyMs: number): Promise<void> {
    await this.cdp.send('Target.setAutoAttach', {
      autoAttach: true,
      waitForDebuggerOnStart: false,
      flatten: false,
    });
    this.timer = setInterval(() => void this.sample(), everyMs);
  }

  async stop(): Promise<void> {
    clearInterval(this.timer);
    while (this.sampling) await new Promise((resolve) => setTimeout(resolve, 20));
  }

  private workerHeap(sessionId: string): Promise<HeapUsage | null> {
    const id = this.nextId++;
    return new Promise((resolve) => {
      const timeout = setTimeout(() => {
        this.pending.delete(id);
        resolve(null);
      }, 2000);
      this.pending.set(id, (usage) => {
        clearTimeout(timeout);
        resolve(usage);
      });
      this.cdp
        .send('Target.sendMessageToTarget', {
          sessionId,
          message: JSON.stringify({ id, method: 'Runtime.getHeapUsage' }),
        })
        .catch(() => {
          clearTimeout(timeout);
          this.pending.delete(id);
          resolve(null);
        });
    });
  }

  private async sample(): Promise<void> {
    if (this.sampling) return;
    this.sampling = true;
    try {
      const targets = [...this.workers];
      const [page, ...workers] = await Promise.all([
        this.cdp.send('Runtime.getHeapUsage').catch(() => null),
        ...targets.map(([sessionId]) => this.workerHeap(sessionId)),
      ]);
      let used = 0;
      let total = 0;
      const record = (label: string, usage: HeapUsage | null) => {
        if (!usage) return;
        used += usage.usedSize;
        total += usage.totalSize;
        const peak = this.peaks.get(label) ?? { used: 0, total: 0 };
        this.peaks.set(label, {
          used: Math.max(peak.used, usage.usedSize),
          total: Math.max(peak.total, usage.totalSize),
        });
      };
      record('page', page);
      targets.forEach(([, label], i) => record(label, workers[i] ?? null));
      this.peakSumUsed = Math.max(this.peakSumUsed, used);
      this.peakSumTotal = Math.max(this.peakSumTotal, total);
      this.samples++;
    } finally {
      this.sampling = false;
    }
  }
}

interface MeasuredRun {
  readonly result: EnsembleBenchResult;
  readonly before: ChromiumMemory;
  readonly peaks: ChromiumMemory;
  readonly cpu: ChromiumCpu;
}

async function measuredRun(run: () => Promise<EnsembleBenchResult>): Promise<MeasuredRun> {
  const before = chromiumMemoryNow();
  const processes = chromiumProcesses();
  const watch = watchChromiumMemory(200);
  const result = await run();
  const peaks = watch.stop();
  return { result, before, peaks, cpu: cpuBetween(processes, chromiumProcesses()) };
}

function runLines(label: string, m: MeasuredRun, target: boolean): string[] {
  const wallS = m.result.wallMs / 1000;
  const first = m.result.firstResultsMs;
  return [
    `  ${label}: ${wallS.toFixed(1)} s wall, ${(MEMBERS / wallS).toFixed(0)} members/s ` +
      `(first results after ${first === null ? '?' : (first / 1000).toFixed(2)} s)` +
      (target ? `; target under 20 s: ${met(wallS < 20)}` : ''),
    `    CPU: renderer ${m.cpu.renderer.toFixed(1)} s (${((m.cpu.renderer * 1000) / MEMBERS).toFixed(1)} ms per member; ` +
      `${(m.cpu.renderer / wallS).toFixed(2)} cores busy on average), all Chromium ${m.cpu.total.toFixed(1)} s`,
    `    memory (/proc): renderer process (the page and its workers) peak ${mb(m.peaks.rendererPrivate)} private, ` +
      `${mb(m.peaks.rendererPss)} PSS, ${mb(m.peaks.rendererRss)} RSS (before: ${mb(m.before.rendererPrivate)} private, ` +
      `${mb(m.before.rendererPss)} PSS); all Chromium processes peak ${mb(m.peaks.totalPss)} PSS ` +
      `(${mb(m.peaks.totalRss)} summed RSS)` +
      (target
        ? `; target under 200 MB (renderer, private): ${met(m.peaks.rendererPrivate < 200 * MB)}`
        : ''),
  ];
}

export async function ensembleFigures(browser: Browser, baseUrl: string): Promise<string[]> {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    await page.goto(baseUrl + ENSEMBLE_PAGE_PATH);
    await page.waitForFunction('window.coldbootEnsembleBench !== undefined');
    const run = (): Promise<EnsembleBenchResult> =>
      page.evaluate(
        ({ scenario, members, seed }) => window.coldbootEnsembleBench!.run(scenario, members, seed),
        { scenario: ENSEMBLE_BENCH_SCENARIO, members: MEMBERS, seed: SEED },
      );

    // Run 1: nothing attached to the page; /proc is read from outside.
    const timed = await measuredRun(run);

    // Run 2: the same, with the JavaScript heaps sampled every 250 ms over DevTools.
    await page.waitForTimeout(1000);
    const cdp = await context.newCDPSession(page);
    const sampler = new HeapSampler(cdp);
    await sampler.start(250);
    const sampled = await measuredRun(run);
    await sampler.stop();
    await cdp.detach();

    const r = timed.result;
    const heapParts = [...sampler.peaks].map(
      ([label, p]) => `${label} ${mb(p.used)} used / ${mb(p.total)} allocated`,
    );
    const same =
      sampled.result.survival === r.survival &&
      sampled.result.medianBrainLost === r.medianBrainLost &&
      sampled.result.medianMinCoreC === r.medianMinCoreC;
    return [
      `3. Ensemble in the browser: ${MEMBERS.toLocaleString('en-US')} members of the 6-hour benchmark scenario ` +
        `(as \`coldboot bench\`: seed ${SEED}, 5 s step; with the fan bands the app draws), runOdds with ` +
        `${r.workers} Web Worker${r.workers === 1 ? '' : 's'} (${r.workersStarted} started; ` +
        `navigator.hardwareConcurrency ${r.hardwareConcurrency})`,
      ...runLines('run 1', timed, true),
      ...runLines('run 2, JavaScript heaps sampled over DevTools every 250 ms', sampled, false),
      `    JavaScript heaps, peaks over ${sampler.samples} samples: ${heapParts.join('; ')}; ` +
        `sum sampled together ${mb(sampler.peakSumUsed)} used / ${mb(sampler.peakSumTotal)} allocated`,
      `  outcome: survival ${(100 * r.survival).toFixed(1)} %, median brain cells lost ` +
        `${r.medianBrainLost.toFixed(3)}, median lowest core ${r.medianMinCoreC.toFixed(1)} °C ` +
        `(${r.fanPoints} fan-band times; run 2 ${same ? 'identical' : 'DIFFERENT'})`,
    ];
  } finally {
    await context.close();
  }
}
