// The built-in scenario library (public/scenarios): the index the app reads matches the files, every
// scenario is complete and valid, its expert run scores best against an empty run and plausible
// wrong runs, and replaying the expert run gives the same numbers twice.

import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseScenario, type Action, type Scenario, type TimedAction } from '../../models/index.ts';
import { createGrader, observeRun } from '../../models/scenario/assessment.ts';
import { emptyRunLog, expertRunLog, type RunLog } from '../../models/scenario/runLog.ts';

const LIBRARY = join(import.meta.dirname, '..', '..', 'public', 'scenarios');
const FILES = readdirSync(LIBRARY)
  .filter((name) => name.endsWith('.yaml'))
  .sort();

interface IndexEntry {
  readonly file: string;
  readonly title: string;
  readonly summary: string;
  readonly level: string;
  readonly durationS: number;
}

const scenarios = new Map<string, Scenario>();
function load(file: string): Scenario {
  let scenario = scenarios.get(file);
  if (scenario === undefined) {
    scenario = parseScenario(readFileSync(join(LIBRARY, file), 'utf8'), file);
    scenarios.set(file, scenario);
  }
  return scenario;
}

/** Seconds from "h:mm:ss" or "m:ss". */
function seconds(clock: string): number {
  return clock.split(':').reduce((total, part) => total * 60 + Number(part), 0);
}

type Step = readonly [at: string, action: Action];

/** A learner's log of the scenario: these actions, seed 1, the default 1 s step. */
function learnerLog(scenario: Scenario, steps: readonly Step[]): RunLog {
  const actions: TimedAction[] = steps.map(([at, action]) => ({
    atS: seconds(at),
    source: 'learner',
    action,
  }));
  return { ...emptyRunLog(scenario), actions };
}

// Plausible wrong runs, one or two per scenario: what a learner might do instead of the expert.
const WRONG_RUNS: Readonly<Record<string, Readonly<Record<string, readonly Step[]>>>> = {
  'hlm-tutorial.yaml': {
    'pump first, sweep forgotten': [
      ['0:30', { do: 'cannulate', mode: 'va-ecmo' }],
      ['15:31', { do: 'setPumpFlow', flowLPerMin: 4.5 }],
      ['16:00', { do: 'stopCpr' }],
      ['20:00', { do: 'setHeaterCooler', waterTemperatureC: 28 }],
    ],
    'rewarming at full heat': [
      ['0:30', { do: 'cannulate', mode: 'va-ecmo' }],
      ['15:31', { do: 'setOxygenator', fio2: 1, sweepLPerMin: 4.5 }],
      ['15:31', { do: 'setHeaterCooler', waterTemperatureC: 40 }],
      ['15:32', { do: 'setPumpFlow', flowLPerMin: 4.5 }],
      ['16:00', { do: 'stopCpr' }],
      ['25:00', { do: 'defibrillate' }],
    ],
  },
  'skier-under-ice.yaml': {
    'compressions only, cooled on the pump before oxygen': [
      ['1:00', { do: 'startCpr', mode: 'mechanical' }],
      ['45:00', { do: 'cannulate', mode: 'va-ecmo' }],
      ['1:00:00', { do: 'setHeaterCooler', waterTemperatureC: 15 }],
      ['1:00:00', { do: 'setOxygenator', fio2: 1, sweepLPerMin: 0 }],
      ['1:05:00', { do: 'setPumpFlow', flowLPerMin: 3.5 }],
      ['1:06:00', { do: 'stopCpr' }],
      ['1:30:00', { do: 'setOxygenator', fio2: 1, sweepLPerMin: 3.5 }],
      ['2:00:00', { do: 'setHeaterCooler', waterTemperatureC: 25 }],
      ['3:00:00', { do: 'setHeaterCooler', waterTemperatureC: 32 }],
      ['4:00:00', { do: 'setHeaterCooler', waterTemperatureC: 37 }],
    ],
    'rewarmed fast': [
      ['1:00', { do: 'startCpr', mode: 'mechanical' }],
      ['1:30', { do: 'ventilate', fio2: 1 }],
      ['45:00', { do: 'cannulate', mode: 'va-ecmo' }],
      ['1:00:00', { do: 'setOxygenator', fio2: 1, sweepLPerMin: 3.5 }],
      ['1:00:00', { do: 'setHeaterCooler', waterTemperatureC: 38 }],
      ['1:00:00', { do: 'setPumpFlow', flowLPerMin: 3.5 }],
      ['1:01:00', { do: 'stopCpr' }],
    ],
  },
  'toddler-icy-creek.yaml': {
    'compressions first, breaths late': [
      ['0:30', { do: 'startCpr', mode: 'manual' }],
      ['6:00', { do: 'ventilate', fio2: 1 }],
      ['40:00', { do: 'cannulate', mode: 'va-ecmo' }],
      ['55:00', { do: 'setOxygenator', fio2: 1, sweepLPerMin: 1.1 }],
      ['55:00', { do: 'setHeaterCooler', waterTemperatureC: 26 }],
      ['1:00:00', { do: 'setPumpFlow', flowLPerMin: 1.1 }],
      ['1:01:00', { do: 'stopCpr' }],
    ],
    'adult settings on the machine': [
      ['0:20', { do: 'ventilate', fio2: 1 }],
      ['0:40', { do: 'startCpr', mode: 'manual' }],
      ['40:00', { do: 'cannulate', mode: 'va-ecmo' }],
      ['55:00', { do: 'setOxygenator', fio2: 1, sweepLPerMin: 4.5 }],
      ['55:00', { do: 'setHeaterCooler', waterTemperatureC: 37 }],
      ['55:00', { do: 'setPumpFlow', flowLPerMin: 4.5 }],
      ['56:00', { do: 'stopCpr' }],
    ],
  },
  'warm-water-drowning.yaml': {
    'five minutes late': [
      ['5:00', { do: 'startCpr', mode: 'manual' }],
      ['8:00', { do: 'ventilate', fio2: 1 }],
    ],
    'cooled first on the machine': [
      ['0:30', { do: 'startCpr', mode: 'mechanical' }],
      ['1:00', { do: 'cannulate', mode: 'va-ecmo' }],
      ['16:00', { do: 'setOxygenator', fio2: 1, sweepLPerMin: 0 }],
      ['16:00', { do: 'setHeaterCooler', waterTemperatureC: 15 }],
      ['16:00', { do: 'setPumpFlow', flowLPerMin: 4.5 }],
      ['17:00', { do: 'stopCpr' }],
      ['35:00', { do: 'setOxygenator', fio2: 1, sweepLPerMin: 4.5 }],
    ],
  },
  'avalanche-burial.yaml': {
    'no compressions after the hoist': [
      ['1:00', { do: 'startCpr', mode: 'mechanical' }],
      ['1:30', { do: 'ventilate', fio2: 1 }],
      ['45:00', { do: 'cannulate', mode: 'va-ecmo' }],
      ['1:00:00', { do: 'setOxygenator', fio2: 1, sweepLPerMin: 4.5 }],
      ['1:00:00', { do: 'setHeaterCooler', waterTemperatureC: 25 }],
      ['1:05:00', { do: 'setPumpFlow', flowLPerMin: 4.5 }],
    ],
    'treated as a warm arrest: shocks, then stopped': [
      ['1:00', { do: 'startCpr', mode: 'manual' }],
      ['1:30', { do: 'ventilate', fio2: 1 }],
      ['3:00', { do: 'defibrillate' }],
      ['5:00', { do: 'defibrillate' }],
      ['7:00', { do: 'defibrillate' }],
      ['20:00', { do: 'stopCpr' }],
    ],
  },
  'older-adult-at-home.yaml': {
    'shocks on the scene, no ECMO': [
      ['1:00', { do: 'startCpr', mode: 'manual' }],
      ['2:00', { do: 'defibrillate' }],
      ['4:00', { do: 'defibrillate' }],
      ['6:00', { do: 'defibrillate' }],
      ['8:00', { do: 'ventilate', fio2: 1 }],
    ],
    'compressions without breaths': [
      ['1:00', { do: 'startCpr', mode: 'mechanical' }],
      ['35:00', { do: 'cannulate', mode: 'va-ecmo' }],
      ['50:00', { do: 'setOxygenator', fio2: 1, sweepLPerMin: 4.5 }],
      ['50:00', { do: 'setHeaterCooler', waterTemperatureC: 27 }],
      ['55:00', { do: 'setPumpFlow', flowLPerMin: 4.5 }],
      ['56:00', { do: 'stopCpr' }],
    ],
  },
  'cool-before-oxygen.yaml': {
    'cooled before oxygen, then rewarmed at once with 38 °C water': [
      ['0:15', { do: 'startCpr', mode: 'mechanical' }],
      ['0:30', { do: 'cannulate', mode: 'va-ecmo' }],
      ['14:00', { do: 'setHeaterCooler', waterTemperatureC: 4 }],
      ['15:00', { do: 'setOxygenator', fio2: 1, sweepLPerMin: 0 }],
      ['16:00', { do: 'setPumpFlow', flowLPerMin: 4.5 }],
      ['17:00', { do: 'stopCpr' }],
      ['35:00', { do: 'setOxygenator', fio2: 1, sweepLPerMin: 4 }],
      ['35:00', { do: 'setHeaterCooler', waterTemperatureC: 38 }],
    ],
    'compressions late, the pump at 40 minutes': [
      ['3:00', { do: 'startCpr', mode: 'manual' }],
      ['3:30', { do: 'ventilate', fio2: 1 }],
      ['10:00', { do: 'cannulate', mode: 'va-ecmo' }],
      ['38:00', { do: 'setHeaterCooler', waterTemperatureC: 36 }],
      ['39:00', { do: 'setOxygenator', fio2: 1, sweepLPerMin: 4 }],
      ['40:00', { do: 'setPumpFlow', flowLPerMin: 4.5 }],
      ['41:00', { do: 'stopCpr' }],
    ],
  },
  'dhca-aortic-surgery.yaml': {
    'arrest at a brain of about 22 °C': [
      ['0:00', { do: 'cannulate', mode: 'cpb' }],
      ['30:00', { do: 'setHeaterCooler', waterTemperatureC: 30 }],
      ['30:00', { do: 'setOxygenator', fio2: 0.6, sweepLPerMin: 4.5 }],
      ['30:00', { do: 'setPumpFlow', flowLPerMin: 4.7 }],
      ['32:00', { do: 'setHeaterCooler', waterTemperatureC: 26 }],
      ['36:00', { do: 'setHeaterCooler', waterTemperatureC: 22 }],
      ['40:00', { do: 'setHeaterCooler', waterTemperatureC: 18 }],
      ['48:00', { do: 'stopPump' }],
      ['1:23:00', { do: 'setPumpFlow', flowLPerMin: 4.7 }],
      ['1:50:00', { do: 'setHeaterCooler', waterTemperatureC: 26 }],
      ['2:10:00', { do: 'setHeaterCooler', waterTemperatureC: 32 }],
      ['2:30:00', { do: 'setHeaterCooler', waterTemperatureC: 37 }],
    ],
    'rewarmed hot straight after the arrest': [
      ['0:00', { do: 'cannulate', mode: 'cpb' }],
      ['30:00', { do: 'setHeaterCooler', waterTemperatureC: 15 }],
      ['30:00', { do: 'setOxygenator', fio2: 0.6, sweepLPerMin: 4.5 }],
      ['30:00', { do: 'setPumpFlow', flowLPerMin: 4.7 }],
      ['1:20:00', { do: 'stopPump' }],
      ['1:55:00', { do: 'setPumpFlow', flowLPerMin: 4.7 }],
      ['1:55:00', { do: 'setHeaterCooler', waterTemperatureC: 40 }],
      ['2:25:00', { do: 'setHeaterCooler', waterTemperatureC: 37 }],
    ],
  },
  'field-ice-tub.yaml': {
    'ice packs only': [['1:00', { do: 'applyIcePacks' }]],
    'left in the tub until 37 °C': [
      ['2:00', { do: 'immerse', waterTemperatureC: 2, headAboveWater: true }],
      ['38:00', { do: 'extricate', airTemperatureC: 36 }],
    ],
  },
  'failure-drill.yaml': {
    'alarms ignored': [
      ['0:30', { do: 'setOxygenator', fio2: 1, sweepLPerMin: 4.5 }],
      ['1:00', { do: 'setPumpFlow', flowLPerMin: 4.5 }],
      ['1:30', { do: 'stopCpr' }],
      ['10:00', { do: 'setHeaterCooler', waterTemperatureC: 28 }],
      ['25:00', { do: 'setHeaterCooler', waterTemperatureC: 30 }],
      ['45:00', { do: 'setHeaterCooler', waterTemperatureC: 32 }],
    ],
    'oxygenator changed out without compressions': [
      ['0:30', { do: 'setOxygenator', fio2: 1, sweepLPerMin: 4.5 }],
      ['1:00', { do: 'setPumpFlow', flowLPerMin: 4.5 }],
      ['1:30', { do: 'stopCpr' }],
      ['10:00', { do: 'setHeaterCooler', waterTemperatureC: 28 }],
      ['25:00', { do: 'setHeaterCooler', waterTemperatureC: 30 }],
      ['41:00', { do: 'remedy', remedy: 'change-oxygenator' }],
      ['45:00', { do: 'setHeaterCooler', waterTemperatureC: 32 }],
      ['54:00', { do: 'remedy', remedy: 'change-heater-cooler' }],
      ['1:00:00', { do: 'setHeaterCooler', waterTemperatureC: 34 }],
      ['1:02:00', { do: 'defibrillate' }],
    ],
  },
};

/** Score of a log, and (with `traceEveryS`) the run sampled every so many seconds, as text. */
function replay(
  scenario: Scenario,
  log: RunLog,
  traceEveryS = 0,
): { score: number; trace: string } {
  const grader = createGrader(scenario);
  const samples: string[] = [];
  const run = observeRun(scenario, log, [
    grader.observer,
    {
      step(snapshot) {
        if (traceEveryS > 0 && Math.round(snapshot.tS) % traceEveryS === 0)
          samples.push(JSON.stringify(snapshot));
      },
    },
  ]);
  const trace = JSON.stringify({
    samples,
    final: run.final,
    outcome: run.outcome,
    endReason: run.endReason,
    log: run.sim.log(),
  });
  return { score: grader.grade(run.final).score, trace };
}

/** Each scenario's expert trace from the grading test, for the determinism test. */
const expertTraces = new Map<string, string>();

describe('the library index (public/scenarios/index.json)', () => {
  const index = JSON.parse(readFileSync(join(LIBRARY, 'index.json'), 'utf8')) as IndexEntry[];

  it('lists exactly the YAML files of public/scenarios, each once, and at least 8 of them', () => {
    expect(index.map((e) => e.file).sort()).toEqual(FILES);
    expect(FILES.length).toBeGreaterThanOrEqual(8);
  });

  it.each(index.map((e) => [e.file, e] as const))(
    '%s: title, summary, level and duration match the file',
    (file, entry) => {
      const scenario = load(file);
      expect(entry).toEqual({
        file,
        title: scenario.title,
        summary: scenario.summary,
        level: scenario.level,
        durationS: scenario.end.atS,
      });
    },
  );
});

describe('every built-in scenario', () => {
  it.each(FILES)('%s is valid and complete', (file) => {
    const scenario = load(file);
    expect(scenario.summary, 'summary').toMatch(/\S/);
    expect(scenario.summary!.includes('\n'), 'summary on one line').toBe(false);
    expect(scenario.level, 'level').toBeDefined();
    expect(scenario.briefing.trim().length, 'briefing').toBeGreaterThan(200);
    expect((scenario.teachingNotes ?? '').trim().length, 'teachingNotes').toBeGreaterThan(400);
    expect((scenario.instructorNotes ?? '').trim().length, 'instructorNotes').toBeGreaterThan(200);
    expect((scenario.objectives ?? []).length, 'objectives').toBeGreaterThanOrEqual(4);
    expect((scenario.expert?.actions ?? []).length, 'expert actions').toBeGreaterThan(0);
    expect(
      scenario.expert!.actions.every((a) => a.source === 'learner' && a.atS <= scenario.end.atS),
    ).toBe(true);
  });

  it('has plausible wrong runs written for every scenario', () => {
    expect(Object.keys(WRONG_RUNS).sort()).toEqual(FILES);
  });
});

describe('grading the library', () => {
  it.each(FILES)(
    '%s: the expert run scores above the empty run and at least as high as wrong runs',
    (file) => {
      const scenario = load(file);
      const expert = replay(scenario, expertRunLog(scenario)!, 60);
      expertTraces.set(file, expert.trace);
      const empty = replay(scenario, emptyRunLog(scenario)).score;
      expect(expert.score, 'expert above the empty run').toBeGreaterThan(empty);
      for (const [name, steps] of Object.entries(WRONG_RUNS[file] ?? {})) {
        const wrong = replay(scenario, learnerLog(scenario, steps)).score;
        expect(
          expert.score,
          `expert at least as high as "${name}" (${wrong})`,
        ).toBeGreaterThanOrEqual(wrong);
        expect(wrong, `"${name}" loses points`).toBeLessThan(100);
      }
    },
  );
});

describe('determinism', () => {
  it.each(FILES)('%s: replaying the expert run twice gives identical output', (file) => {
    const scenario = load(file);
    const first = expertTraces.get(file) ?? replay(scenario, expertRunLog(scenario)!, 60).trace;
    const second = replay(scenario, expertRunLog(scenario)!, 60).trace;
    expect(second === first).toBe(true);
  });
});
