// "What if?" in the debrief: each path left by rewinding is replayed and set beside the run at the
// same moment (outcome, brain cells, the first action where they differ), in the debrief's data, its
// Markdown ("Other paths") and `coldboot debrief <scenario> <log>`, all from the same code.

import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  comparePaths,
  createSimulation,
  debriefMarkdown,
  debriefRun,
  firstDifference,
  parseScenario,
  type Simulation,
  type TimedAction,
} from '../../models/index.ts';
import { rewindRunLog, runLogOf, runLogToJson, type RunLog } from '../../models/scenario/runLog.ts';
import { main } from '../../src/cli/main.ts';

const drowningPath = join(import.meta.dirname, '..', '..', 'scenarios', 'warm-water-drowning.yaml');
const drowning = parseScenario(readFileSync(drowningPath, 'utf8'), 'warm-water-drowning.yaml');

/** The learner's actions applied at their moments, the run stopped at `toS`. */
function run(actions: readonly [number, TimedAction['action']][], toS: number): Simulation {
  const sim = createSimulation(drowning);
  let next = 0;
  const due = () => {
    while (next < actions.length && actions[next]![0] <= sim.timeS())
      sim.apply(actions[next++]![1]);
  };
  due();
  while (sim.timeS() < toS) {
    sim.advance(1);
    due();
  }
  return sim;
}

const VENTILATE: TimedAction['action'] = { do: 'ventilate', fio2: 1 };
const CPR: TimedAction['action'] = { do: 'startCpr', mode: 'manual' };

/**
 * A learner who waited: CPR only at 5:00, then rewound to 0:30 and ventilated at once, compressions
 * at 1:00, and stopped at 15:00.
 */
function rewoundLog(): RunLog {
  const waited = runLogOf(run([[300, CPR]], 600), {});
  const rewound = rewindRunLog(waited, 30);
  const again = run(
    [
      [30, VENTILATE],
      [60, CPR],
    ],
    900,
  );
  return { ...runLogOf(again, {}), branches: rewound.branches! };
}

describe('paths compared', () => {
  const log = rewoundLog();

  it('finds the first action where two paths part, or none', () => {
    const taken = log.actions;
    const left = log.branches![0]!.actions;
    expect(firstDifference(taken, left)).toEqual({
      atS: 30,
      taken: { atS: 30, source: 'learner', action: VENTILATE },
      left: { atS: 300, source: 'learner', action: CPR },
    });
    expect(firstDifference(taken, taken)).toBeNull();
    // One path doing more than the other: the other did "nothing more".
    const people = taken.filter((a) => a.source !== 'scenario');
    expect(firstDifference(people, people.slice(0, -1))).toEqual({
      atS: 60,
      taken: { atS: 60, source: 'learner', action: CPR },
      left: null,
    });
  });

  it('compares each path left with the run at the same moment, replayed from the log alone', () => {
    const [path] = comparePaths(drowning, log);
    expect(path).toBeDefined();
    expect(path!.fromS).toBe(30);
    expect(path!.leftStopS).toBe(600);
    // The earlier of where the two stop: the path left stopped at 10:00, this run at 15:00.
    expect(path!.atS).toBe(600);
    expect(path!.taken.atS).toBe(600);
    expect(path!.left.atS).toBe(600);
    // The same moment of the path left as the learner saw it when they left it.
    const left = run([[300, CPR]], 600);
    expect(path!.left.outcome).toEqual(left.outcome());
    expect(path!.left.brainViableFraction).toBe(left.snapshot().brainViableFraction);
    // Oxygen and compressions at once saved brain cells that waiting lost.
    expect(path!.taken.brainViableFraction).toBeGreaterThan(path!.left.brainViableFraction);
    expect(path!.taken.outcome.brain_lost_fraction).toBeLessThan(
      path!.left.outcome.brain_lost_fraction,
    );
    expect(comparePaths(drowning, { ...log, branches: [] })).toEqual([]);
  });

  it('is part of the debrief and its Markdown ("Other paths"), and absent without branches', () => {
    const debrief = debriefRun(drowning, log);
    expect(debrief.paths).toHaveLength(1);
    const md = debriefMarkdown(debrief);
    expect(md).toContain('## Other paths');
    expect(md).toContain('### Path left at 10:00 (rewound to 0:30)');
    expect(md).toContain('| brain cells viable |');
    expect(md).toMatch(
      /First action where they differ, at 0:30: this run Ventilate .*\(learner, 0:30\); the path left startCpr .*\(learner, 5:00\)/i,
    );
    const plain = debriefRun(drowning, { ...log, branches: [] });
    expect(plain).not.toHaveProperty('paths');
    expect(debriefMarkdown(plain)).not.toContain('Other paths');
  });
});

describe('coldboot debrief with a log that holds its branches', () => {
  it('prints "Other paths" (Markdown) and the paths (JSON)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'coldboot-paths-'));
    const logPath = join(dir, 'run.json');
    writeFileSync(logPath, runLogToJson(rewoundLog()));
    let out = '';
    let err = '';
    const io = { stdout: (t: string) => (out += t), stderr: (t: string) => (err += t) };
    expect(await main(['debrief', drowningPath, logPath], io)).toBe(0);
    expect(err).toBe('');
    expect(out).toContain('## Other paths');
    expect(out).toContain('This run was rewound once');
    expect(out).toContain('First action where they differ, at 0:30');
    out = '';
    expect(await main(['debrief', drowningPath, logPath, '--format', 'json'], io)).toBe(0);
    const json = JSON.parse(out) as { paths: { fromS: number; atS: number }[] };
    expect(json.paths.map((p) => [p.fromS, p.atS])).toEqual([[30, 600]]);

    // A branch with a bad field is refused with the file and the field named.
    const bad = JSON.parse(readFileSync(logPath, 'utf8')) as { branches: { fromS: unknown }[] };
    bad.branches[0]!.fromS = 'yesterday';
    writeFileSync(logPath, JSON.stringify(bad, null, 2));
    err = '';
    expect(await main(['debrief', drowningPath, logPath], io)).toBe(2);
    expect(err).toMatch(/run\.json:\d+: branches\[0\]\.fromS: expected a number/);
  });
});
