// The class debrief, computed by the server from what it holds: each learner's action log replayed
// with the models/ engine in Node (runs are deterministic, so the replay is the learner's run), as
// `coldboot summary <scenario> <log>` replays it. Outcome, objectives met, the brain-temperature
// line, the mistakes the class made (the debrief's teaching rules and the objectives missed) and
// when, and a CSV of results. A log whose replay departs from what the learner's page sent is
// flagged, not trusted.

import {
  RUN_LOG_FORMAT,
  expertRunLog,
  observeRun,
  runLogToJson,
  type RunLog,
  type Scenario,
  type TimedAction,
} from '../../models/index.ts';
import { parameterValues } from '../../models/parameters/index.ts';
import { createGrader } from '../../models/scenario/assessment.ts';
import { teachingRules } from '../../models/scenario/debrief.ts';
import { replayDifference } from '../../models/scenario/runLog.ts';
import type { ClassDebrief, ClassLearnerResult, ClassMistake, LearnerStatus } from './protocol.ts';

/** One sample of the brain-temperature line every this many simulated seconds. */
export const LINE_EVERY_S = 30;

export interface LearnerRun {
  readonly number: number;
  readonly name: string;
  readonly actions: readonly TimedAction[];
  readonly status: LearnerStatus | null;
}

/** A learner's run log as the server holds it: up to where their page last said it stood. */
export function learnerRunLog(
  scenario: Scenario,
  hash: string,
  seed: number,
  run: Pick<LearnerRun, 'actions' | 'status'>,
): RunLog {
  const lastS = run.actions.length > 0 ? run.actions[run.actions.length - 1]!.atS : 0;
  const atS = Math.max(run.status?.tS ?? 0, lastS);
  const finished = run.status?.state === 'finished';
  return {
    format: RUN_LOG_FORMAT,
    scenario: { title: scenario.title.slice(0, 120), hash },
    seed,
    stepSeconds: 1,
    parameters: {},
    ...(finished ? {} : { endS: Math.min(atS, scenario.end.atS) }),
    actions: run.actions,
  };
}

/**
 * The teaching rules (models/scenario/debrief.ts) that name a mistake, in a few words for the class
 * debrief; the others (oxygen returned cold, the brain cooled first, return of circulation) are not.
 */
export const MISTAKE_RULES: Readonly<Record<string, string>> = {
  'reoxygenated-warm': 'Oxygen returned while the brain was warm (its self-check active)',
  'reoxygenated-cool': 'Oxygen returned while the brain was only partly cooled',
  'warm-energy-failure': 'The brain was without energy for minutes while warm',
  'no-flow': 'No blood flow for a minute or more in the arrest',
  'no-reoxygenation': 'The brain was still without oxygen at the end',
  afterdrop: 'The core kept falling after warming began (afterdrop)',
  'cooling-after-rescue': 'The core kept cooling after the rescue',
  potassium: 'Plasma potassium above 12 mmol/L',
  frostbite: 'Frostbite of the hands and feet',
};

/** A mistake's id for an objective missed. */
export const missedObjectiveId = (objectiveId: string) => `objective:${objectiveId}`;

function replay(scenario: Scenario, log: RunLog, withRules: boolean) {
  const grader = createGrader(scenario);
  const rules = withRules ? teachingRules(parameterValues(log.parameters)) : undefined;
  const line: number[] = [];
  let nextSampleS = 0;
  const run = observeRun(scenario, log, [
    grader.observer,
    ...(rules ? [rules.observer] : []),
    {
      step(snapshot) {
        if (snapshot.tS + 1e-9 >= nextSampleS) {
          line.push(Math.round(snapshot.brainTempC * 100) / 100);
          nextSampleS += LINE_EVERY_S;
        }
      },
    },
  ]);
  const grade = (scenario.objectives ?? []).length > 0 ? grader.grade(run.final) : undefined;
  const points = rules ? rules.points(run.final, run.outcome) : [];
  return { run, grade, line, points };
}

/** One learner's run replayed: their result and their run log (as a file's text). */
export interface LearnerReplay {
  readonly result: ClassLearnerResult;
  readonly log: { readonly number: number; readonly json: string };
  readonly actionCount: number;
}

/** Replays one learner's log (a worker thread does this for its share of the class). */
export function replayLearner(
  scenario: Scenario,
  hash: string,
  seed: number,
  r: LearnerRun,
): LearnerReplay {
  const log = learnerRunLog(scenario, hash, seed, r);
  const { run, grade, line, points } = replay(scenario, log, true);
  const met = (grade?.objectives ?? []).filter((o) => o.met).map((o) => o.id);
  const difference = replayDifference(r.actions, run.sim.log());
  // Each mistake once, at its first time.
  const mistakes = new Map<string, number | null>();
  for (const p of points)
    if (p.id in MISTAKE_RULES && !mistakes.has(p.id)) mistakes.set(p.id, p.atS ?? null);
  for (const o of grade?.objectives ?? [])
    if (!o.met) mistakes.set(missedObjectiveId(o.id), o.atS ?? null);
  return {
    result: {
      number: r.number,
      name: r.name,
      endS: run.final.tS,
      survived: run.outcome.survived,
      cpc: run.outcome.neuro_outcome_cpc,
      brainLost: run.outcome.brain_lost_fraction,
      score: grade?.score ?? null,
      objectivesMet: met,
      brainLine: line,
      flagged: difference === undefined ? null : `the replay departs at ${difference}`,
      mistakes: [...mistakes].map(([id, atS]) => ({ id, atS })),
    },
    log: { number: r.number, json: runLogToJson(log) },
    actionCount: r.actions.length,
  };
}

/** The expert's brain-temperature line and end, when the scenario has an expert run. */
export function replayExpert(scenario: Scenario, seed: number): ClassDebrief['expert'] {
  const expertLog = expertRunLog(scenario, { seed });
  if (!expertLog) return null;
  const { run, line } = replay(scenario, expertLog, false);
  return { brainLine: line, endS: run.final.tS };
}

function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** The class's mistakes, most common first: how many learners made each, and when (median). */
export function classMistakes(
  scenario: Scenario,
  learners: readonly ClassLearnerResult[],
): ClassMistake[] {
  const objectives = new Map((scenario.objectives ?? []).map((o) => [o.id, o.text]));
  const by = new Map<string, { learners: number; times: number[] }>();
  for (const l of learners) {
    for (const m of l.mistakes) {
      const entry = by.get(m.id) ?? { learners: 0, times: [] };
      entry.learners += 1;
      if (m.atS !== null) entry.times.push(m.atS);
      by.set(m.id, entry);
    }
  }
  const text = (id: string) =>
    id.startsWith('objective:')
      ? `Objective missed: ${objectives.get(id.slice('objective:'.length)) ?? id}`
      : (MISTAKE_RULES[id] ?? id);
  return [...by]
    .map(([id, e]) => ({ id, text: text(id), learners: e.learners, medianS: median(e.times) }))
    .sort((a, b) => b.learners - a.learners || a.id.localeCompare(b.id));
}

/** A field for a spreadsheet: quoted when needed, never read as a formula. */
export function csvField(value: string | number | boolean | null): string {
  if (value === null) return '';
  if (typeof value !== 'string') return String(value);
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export const CSV_COLUMNS = [
  'learner',
  'name',
  'end_s',
  'survived',
  'neuro_outcome_cpc',
  'brain_lost_fraction',
  'score',
  'objectives_met',
  'actions',
  'flagged',
] as const;

/** What the class debrief is made from (plain data, so a worker thread can be sent it). */
export interface ClassDebriefInput {
  readonly scenarioText: string;
  readonly scenarioFile: string;
  readonly hash: string;
  readonly seed: number;
  readonly runs: readonly LearnerRun[];
}

export type ClassDebriefResult = Omit<ClassDebrief, 'zip' | 'zipName'> & {
  logs: { number: number; json: string }[];
};

/** The class debrief from every learner's replay (in the class's order) and the expert's. */
export function assembleClassDebrief(
  scenario: Scenario,
  replays: readonly LearnerReplay[],
  expert: ClassDebrief['expert'],
): ClassDebriefResult {
  const learners = replays.map((r) => r.result);
  const objectives = (scenario.objectives ?? []).map((o) => ({
    id: o.id,
    text: o.text,
    met: learners.filter((l) => l.objectivesMet.includes(o.id)).length,
  }));
  const rows = replays.map(({ result: l, actionCount }) =>
    [
      l.number,
      l.name,
      l.endS,
      l.survived,
      l.cpc,
      l.brainLost,
      l.score,
      l.objectivesMet.join(' '),
      actionCount,
      l.flagged,
    ]
      .map(csvField)
      .join(','),
  );
  const csv = [CSV_COLUMNS.join(','), ...rows].join('\n') + '\n';
  return {
    title: scenario.title,
    lineEveryS: LINE_EVERY_S,
    objectives,
    learners,
    expert,
    mistakes: classMistakes(scenario, learners),
    csv,
    logs: replays.map((r) => r.log),
  };
}

/** The class debrief of every learner's run, in this thread (one replay each; the expert's too). */
export function classDebrief(
  scenario: Scenario,
  hash: string,
  seed: number,
  runs: readonly LearnerRun[],
): ClassDebriefResult {
  return assembleClassDebrief(
    scenario,
    runs.map((r) => replayLearner(scenario, hash, seed, r)),
    replayExpert(scenario, seed),
  );
}
