// The scenario library: the built-in scenarios listed in public/scenarios/index.json, read
// tolerantly (entries without a file or a title are skipped; summary, level and duration are
// optional), and the shareable link `?scenario=<file>` that opens one of them.

import { SCENARIO_LEVELS, type ScenarioLevel } from '../../models/index.ts';

export interface LibraryEntry {
  /** File name in the scenarios folder, e.g. "skier-under-ice.yaml". */
  readonly file: string;
  readonly title: string;
  readonly summary?: string;
  readonly level?: ScenarioLevel;
  /** Length of the run, simulated s. */
  readonly durationS?: number;
}

/** The query parameter of a link that opens a built-in scenario. */
export const SCENARIO_PARAM = 'scenario';

/**
 * A plain file name of a scenario: letters, digits, dots, dashes and underscores, ending in .yaml,
 * .yml or .json; never a path, so a link can only name a file in the library folder.
 */
export function isScenarioFileName(name: string): boolean {
  return (
    name.length <= 120 &&
    /^[A-Za-z0-9][A-Za-z0-9._-]*\.(ya?ml|json)$/i.test(name) &&
    !name.includes('..') &&
    name.toLowerCase() !== 'index.json'
  );
}

/**
 * The entries of index.json: a list (or `{ scenarios: [...] }`) of objects with `file` and `title`.
 * Anything else in an entry is optional and ignored when malformed; bad entries are skipped, and a
 * file listed twice is kept once.
 */
export function parseLibraryIndex(data: unknown): LibraryEntry[] {
  const list: unknown =
    typeof data === 'object' && data !== null && !Array.isArray(data)
      ? (data as { scenarios?: unknown }).scenarios
      : data;
  if (!Array.isArray(list)) throw new Error('expected a list of scenarios');
  const seen = new Set<string>();
  const entries: LibraryEntry[] = [];
  for (const raw of list) {
    if (typeof raw !== 'object' || raw === null) continue;
    const e = raw as Record<string, unknown>;
    const file = typeof e.file === 'string' ? e.file.trim() : '';
    const title = typeof e.title === 'string' ? e.title.trim() : '';
    if (!isScenarioFileName(file) || title === '' || seen.has(file)) continue;
    seen.add(file);
    const summary = typeof e.summary === 'string' && e.summary.trim() ? e.summary.trim() : '';
    const level = SCENARIO_LEVELS.find((l) => l === e.level);
    const durationS =
      typeof e.durationS === 'number' && Number.isFinite(e.durationS) && e.durationS > 0
        ? e.durationS
        : undefined;
    entries.push({
      file,
      title,
      ...(summary ? { summary } : {}),
      ...(level !== undefined ? { level } : {}),
      ...(durationS !== undefined ? { durationS } : {}),
    });
  }
  return entries;
}

/** The scenario named by a page's query string (`?scenario=file.yaml`), or null. */
export function scenarioParam(search: string): string | null {
  const value = new URLSearchParams(search).get(SCENARIO_PARAM);
  return value === null || value.trim() === '' ? null : value.trim();
}

/**
 * The page's address with `?scenario=<file>` set (or removed when file is null), keeping the path
 * and any other parameters, and never a fragment.
 */
export function urlWithScenario(href: string, file: string | null): string {
  const url = new URL(href);
  url.hash = '';
  if (file === null) url.searchParams.delete(SCENARIO_PARAM);
  else url.searchParams.set(SCENARIO_PARAM, file);
  return url.toString();
}

/** A duration in words for the library: "45 min", "3 h", "1 h 30 min"; "" when unknown. */
export function formatDuration(seconds: number | undefined): string {
  if (seconds === undefined || !Number.isFinite(seconds) || seconds <= 0) return '';
  const minutes = Math.max(1, Math.round(seconds / 60));
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  if (h === 0) return `${m} min`;
  return m === 0 ? `${h} h` : `${h} h ${m} min`;
}

export const LEVEL_LABEL: Record<ScenarioLevel, string> = {
  introductory: 'Introductory',
  intermediate: 'Intermediate',
  advanced: 'Advanced',
};

/** Where the open scenario came from: the library, a file the user opened, or the sandbox. */
export type ScenarioOrigin = 'library' | 'file' | 'sandbox';

export const SCENARIO_ORIGINS: readonly ScenarioOrigin[] = ['library', 'file', 'sandbox'];

/** True when a file's text is a run log (coldboot/run-log@1) rather than a scenario. */
export function isRunLogText(text: string): boolean {
  return /["']?format["']?\s*:\s*["']?coldboot\/run-log@/.test(text.slice(0, 2000));
}
