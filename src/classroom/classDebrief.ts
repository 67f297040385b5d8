// The class debrief, computed by the server from what it holds: each learner's action log replayed
// with the models/ engine in Node (runs are deterministic, so the replay is the learner's run), as
// `coldboot summary <scenario> <log>` replays it. Outcome, objectives met, the brain-temperature
// line, and a CSV of results. A log whose replay departs from what the learner's page sent is
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
import { createGrader } from '../../models/scenario/assessment.ts';
import { replayDifference } from '../../models/scenario/runLog.ts';
import type { ClassDebrief, ClassLearnerResult, LearnerStatus } from './protocol.ts';

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

function replay(scenario: Scenario, log: RunLog) {
  const grader = createGrader(scenario);
  const line: number[] = [];
  let nextSampleS = 0;
  const run = observeRun(scenario, log, [
    grader.observer,
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
  return { run, grade, line };
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
  'brain_autolysed_fraction',
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

export type ClassDebriefResult = ClassDebrief & { logs: { number: number; json: string }[] };

/** The class debrief of every learner's run (one replay each; the expert's too, if any). */
export function classDebrief(
  scenario: Scenario,
  hash: string,
  seed: number,
  runs: readonly LearnerRun[],
): ClassDebriefResult {
  const learners: ClassLearnerResult[] = [];
  const logs: { number: number; json: string }[] = [];
  const objectives = (scenario.objectives ?? []).map((o) => ({ id: o.id, text: o.text, met: 0 }));
  for (const r of runs) {
    const log = learnerRunLog(scenario, hash, seed, r);
    logs.push({ number: r.number, json: runLogToJson(log) });
    const { run, grade, line } = replay(scenario, log);
    const met = (grade?.objectives ?? []).filter((o) => o.met).map((o) => o.id);
    for (const o of objectives) if (met.includes(o.id)) o.met += 1;
    const difference = replayDifference(r.actions, run.sim.log());
    learners.push({
      number: r.number,
      name: r.name,
      endS: run.final.tS,
      survived: run.outcome.survived,
      cpc: run.outcome.neuro_outcome_cpc,
      brainLost: run.outcome.brain_autolysed_fraction,
      score: grade?.score ?? null,
      objectivesMet: met,
      brainLine: line,
      flagged: difference === undefined ? null : `the replay departs at ${difference}`,
    });
  }
  let expert: ClassDebrief['expert'] = null;
  const expertLog = expertRunLog(scenario, { seed });
  if (expertLog) {
    const { run, line } = replay(scenario, expertLog);
    expert = { brainLine: line, endS: run.final.tS };
  }
  const rows = learners.map((l) =>
    [
      l.number,
      l.name,
      l.endS,
      l.survived,
      l.cpc,
      l.brainLost,
      l.score,
      l.objectivesMet.join(' '),
      runs.find((r) => r.number === l.number)?.actions.length ?? 0,
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
    csv,
    logs,
  };
}
