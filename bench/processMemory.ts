// Memory and CPU time of the Chromium processes this benchmark started, read from /proc (Linux):
// every descendant of this Node process whose program is chromium or chrome.
//
// Memory, three ways (from /proc/<pid>/smaps_rollup):
// - private: pages only this process uses (Private_Clean + Private_Dirty), close to what Chrome's
//   task manager calls its memory footprint;
// - PSS: private pages plus a share of the pages it shares with others (the Chromium binary, shared
//   memory); summed over processes it gives the memory actually used;
// - RSS: every page in memory, shared ones counted in full in each process (a sum overstates).

import { readdirSync, readFileSync } from 'node:fs';

export interface ChromiumProcess {
  readonly pid: number;
  /** Chromium's process type: "browser", "renderer", "gpu-process", "utility", "zygote"… */
  readonly type: string;
  readonly rssBytes: number;
  readonly pssBytes: number;
  readonly privateBytes: number;
  /** User and system CPU time so far, s. */
  readonly cpuS: number;
}

/** Clock ticks per second of /proc/<pid>/stat times (USER_HZ: 100 on Linux). */
const CLOCK_TICKS = 100;

function readText(path: string): string | null {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return null;
  }
}

/** Fields of /proc/<pid>/stat after "pid (comm)": [0] is the state, [1] the parent's pid. */
function statFields(pid: number): string[] | null {
  const stat = readText(`/proc/${pid}/stat`);
  // comm may hold spaces and parentheses: the last ")" ends it.
  return stat === null ? null : stat.slice(stat.lastIndexOf(')') + 2).split(' ');
}

function kbField(text: string, name: string): number {
  const match = new RegExp(`^${name}:\\s+(\\d+) kB`, 'm').exec(text);
  return match ? Number(match[1]) * 1024 : 0;
}

/** The Chromium processes under this Node process, with their memory and CPU time now. */
export function chromiumProcesses(root: number = process.pid): ChromiumProcess[] {
  let pids: number[];
  try {
    pids = readdirSync('/proc')
      .filter((name) => /^\d+$/.test(name))
      .map(Number);
  } catch {
    return []; // not Linux
  }
  const children = new Map<number, number[]>();
  const fields = new Map<number, string[]>();
  for (const pid of pids) {
    const f = statFields(pid);
    if (f === null) continue;
    fields.set(pid, f);
    const ppid = Number(f[1]);
    children.set(ppid, [...(children.get(ppid) ?? []), pid]);
  }
  const out: ChromiumProcess[] = [];
  const queue = [...(children.get(root) ?? [])];
  while (queue.length > 0) {
    const pid = queue.shift()!;
    queue.push(...(children.get(pid) ?? []));
    const cmdline = readText(`/proc/${pid}/cmdline`);
    if (cmdline === null || !/chrom/i.test(cmdline.split('\0')[0] ?? '')) continue;
    const rollup = readText(`/proc/${pid}/smaps_rollup`);
    if (rollup === null) continue;
    const f = fields.get(pid)!;
    out.push({
      pid,
      type: /--type=([\w-]+)/.exec(cmdline)?.[1] ?? 'browser',
      rssBytes: kbField(rollup, 'Rss'),
      pssBytes: kbField(rollup, 'Pss'),
      privateBytes: kbField(rollup, 'Private_Clean') + kbField(rollup, 'Private_Dirty'),
      // utime and stime are fields 14 and 15 of stat, [11] and [12] here.
      cpuS: (Number(f[11]) + Number(f[12])) / CLOCK_TICKS,
    });
  }
  return out;
}

/** Sums over the renderer processes (where pages and their workers run) and over all of Chromium. */
export interface ChromiumMemory {
  rendererPrivate: number;
  rendererPss: number;
  rendererRss: number;
  totalPss: number;
  totalRss: number;
}

const EMPTY: ChromiumMemory = {
  rendererPrivate: 0,
  rendererPss: 0,
  rendererRss: 0,
  totalPss: 0,
  totalRss: 0,
};

function memoryOf(processes: readonly ChromiumProcess[]): ChromiumMemory {
  const sum = (list: readonly ChromiumProcess[], key: 'rssBytes' | 'pssBytes' | 'privateBytes') =>
    list.reduce((total, p) => total + p[key], 0);
  const renderers = processes.filter((p) => p.type === 'renderer');
  return {
    rendererPrivate: sum(renderers, 'privateBytes'),
    rendererPss: sum(renderers, 'pssBytes'),
    rendererRss: sum(renderers, 'rssBytes'),
    totalPss: sum(processes, 'pssBytes'),
    totalRss: sum(processes, 'rssBytes'),
  };
}

export function chromiumMemoryNow(): ChromiumMemory {
  return memoryOf(chromiumProcesses());
}

/** CPU time of Chromium's processes, s: the renderers' and all of them. */
export interface ChromiumCpu {
  readonly renderer: number;
  readonly total: number;
}

/** CPU time used between two readings of chromiumProcesses() (processes present in both). */
export function cpuBetween(
  before: readonly ChromiumProcess[],
  after: readonly ChromiumProcess[],
): ChromiumCpu {
  const start = new Map(before.map((p) => [p.pid, p.cpuS]));
  let renderer = 0;
  let total = 0;
  for (const p of after) {
    const used = p.cpuS - (start.get(p.pid) ?? 0);
    total += used;
    if (p.type === 'renderer') renderer += used;
  }
  return { renderer, total };
}

/** Samples the memory every `everyMs` until stopped; returns the largest sums seen. */
export function watchChromiumMemory(everyMs = 200): { stop(): ChromiumMemory } {
  const peaks: ChromiumMemory = { ...EMPTY };
  const sample = () => {
    const now = chromiumMemoryNow();
    for (const key of Object.keys(peaks) as (keyof ChromiumMemory)[]) {
      peaks[key] = Math.max(peaks[key], now[key]);
    }
  };
  sample();
  const timer = setInterval(sample, everyMs);
  return {
    stop() {
      clearInterval(timer);
      sample();
      return peaks;
    },
  };
}
