import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { expertRunLog, parseScenario, type RunLog } from '../../models/index.ts';
import { recordedRunLog } from '../../src/state/runRecord.ts';
import { debriefReport, temperatureTrace, traceIntervalS } from '../../src/worker/debriefReport.ts';

const scenario = parseScenario(
  `format: coldboot/scenario@1
title: Short arrest
briefing: A cold arrest.
teachingNotes: Cold brains wait.
patient: { preset: adult-male }
start: { environment: { medium: air, temperatureC: 0, clothingClo: 0.5 } }
timeline:
  - { at: 0, do: cardiacArrest, rhythm: vf }
objectives:
  - { id: cpr, text: Start compressions within 2 minutes, weight: 3, do: startCpr, before: '2:00' }
  - { id: air, text: Ventilate, do: ventilate }
expert:
  note: Compressions at once.
  actions:
    - { at: '0:30', do: startCpr, mode: mechanical }
    - { at: '1:00', do: ventilate, fio2: 1 }
end: { at: '30:00' }
`,
  'short.yaml',
);

describe('the debrief report', () => {
  it('samples brain and core every interval and at the end', () => {
    expect(traceIntervalS(600)).toBe(10);
    expect(traceIntervalS(72 * 3600)).toBe(360);
    const log: RunLog = { ...recordedRunLog(scenario, 1, [], 125, false) };
    const trace = temperatureTrace(scenario, log, 10);
    expect(trace.tS.slice(0, 3)).toEqual([0, 10, 20]);
    expect(trace.tS.at(-1)).toBe(125);
    expect(trace.brainC).toHaveLength(trace.tS.length);
    expect(trace.coreC.every(Number.isFinite)).toBe(true);
  });

  it('grades the run, compares it with the expert over the same span and writes Markdown', () => {
    const log = recordedRunLog(
      scenario,
      1,
      [
        { atS: 0, source: 'scenario', action: { do: 'cardiacArrest', rhythm: 'vf' } },
        { atS: 200, source: 'learner', action: { do: 'startCpr', mode: 'manual' } },
      ],
      600,
      false,
    );
    const report = debriefReport(scenario, log);
    expect(report.debrief.endS).toBe(600);
    expect(report.debrief.grade?.objectives.map((o) => o.met)).toEqual([false, false]);
    expect(report.debrief.teachingNotes).toBe('Cold brains wait.');
    expect(report.debrief.expert?.timing).toEqual(
      expect.arrayContaining([{ action: 'startCpr', learnerS: 200, expertS: 30 }]),
    );
    expect(report.run.tS.at(-1)).toBe(600);
    expect(report.expert?.tS).toEqual(report.run.tS);
    expect(report.markdown).toContain('# Debrief: Short arrest');
    expect(report.markdown).toContain('## What this case teaches');
    // Structured-clone safe (it crosses from the worker).
    expect(structuredClone(report)).toEqual(report);
  });

  it('carries the teaching points on oxygen and rewarming to the screen and the downloaded report', () => {
    const file = join(
      import.meta.dirname,
      '..',
      '..',
      'public',
      'scenarios',
      'dhca-aortic-surgery.yaml',
    );
    const dhca = parseScenario(readFileSync(file, 'utf8'), 'dhca-aortic-surgery.yaml');
    const report = debriefReport(dhca, expertRunLog(dhca)!);
    const points = report.debrief.teachingPoints;
    for (const id of ['oxygen-returned', 'rewarming-rate']) {
      const point = points.find((p) => p.id === id);
      expect(point, id).toBeDefined();
      expect(report.markdown).toContain(point!.text);
    }
    expect(points.map((p) => p.id)).not.toContain('afterdrop');
  });
});
