// The perfusionist's remedies (models/devices/remedies.ts) and how the debrief times the learners'
// response to each fault (models/scenario/faultResponse.ts): a remedy fixes its own fault, a wrong one
// is applied with its cost and fixes nothing, and replays give the same times.

import { describe, expect, it } from 'vitest';
import {
  REMEDIES,
  createSimulation,
  debriefMarkdown,
  debriefRun,
  parameterValues,
  type Simulation,
} from '../../models/index.ts';
import { runLogOf } from '../../models/scenario/runLog.ts';
import { testScenario } from '../helpers.ts';

const scenario = testScenario({
  start: { environment: { medium: 'air', temperatureC: 20 }, coreTempC: 30, ventilationFio2: 0.5 },
  endS: 3600,
});

function onBypass(): Simulation {
  const sim = createSimulation(scenario, { seed: 1 });
  sim.apply({ do: 'cannulate', mode: 'cpb', durationS: 0 });
  sim.apply({ do: 'setHeaterCooler', waterTemperatureC: 32 });
  sim.apply({ do: 'setOxygenator', fio2: 0.6, sweepLPerMin: 4.5 });
  sim.apply({ do: 'startPump', flowLPerMin: 4.5 });
  sim.advance(120);
  return sim;
}

describe('remedies', () => {
  it('each remedy fixes its own fault', () => {
    for (const remedy of REMEDIES) {
      const sim = onBypass();
      sim.apply({ do: 'fault', kind: remedy.fixes }, 'instructor');
      sim.advance(5);
      expect(sim.snapshot().faults).toEqual([remedy.fixes]);
      sim.apply({ do: 'remedy', remedy: remedy.id });
      sim.advance(1);
      expect(sim.snapshot().faults, remedy.id).toEqual([]);
    }
  });

  it('a wrong remedy is applied with its cost and fixes nothing', () => {
    const sim = onBypass();
    sim.apply({ do: 'fault', kind: 'venous-kink' }, 'instructor');
    sim.advance(5);
    sim.apply({ do: 'remedy', remedy: 'change-oxygenator' });
    sim.advance(5);
    const clamped = sim.snapshot();
    expect(clamped.faults).toEqual(['venous-kink']);
    expect(clamped.pumpFlowLPerMin).toBe(0);
    sim.advance(parameterValues().oxygenatorChangeOutS);
    expect(sim.snapshot().pumpFlowLPerMin).toBeGreaterThan(0);
    expect(sim.snapshot().faults).toEqual(['venous-kink']);
    sim.apply({ do: 'remedy', remedy: 'check-lines' });
    sim.advance(1);
    expect(sim.snapshot().faults).toEqual([]);
    expect(sim.snapshot().pumpFlowLPerMin).toBeCloseTo(4.5, 9);
  });

  it('the debrief times detection and the fix, and says which remedies did not fix it', () => {
    const sim = onBypass();
    sim.apply({ do: 'fault', kind: 'sweep-disconnect' }, 'instructor');
    sim.advance(30);
    sim.apply({ do: 'acknowledgeAlarms' });
    sim.advance(30);
    sim.apply({ do: 'remedy', remedy: 'check-lines' });
    sim.advance(30);
    sim.apply({ do: 'remedy', remedy: 'check-gas-line' });
    sim.advance(30);
    const debrief = debriefRun(scenario, runLogOf(sim, {}));
    expect(debrief.faults).toHaveLength(1);
    const f = debrief.faults![0]!;
    expect(f.kind).toBe('sweep-disconnect');
    expect(f.injectedS).toBe(120);
    expect(f.firstAlarmS).not.toBeNull();
    expect(f.firstAlarmS!).toBeLessThanOrEqual(150);
    expect(f.detectedS).toBe(150);
    expect(f.detectedBy).toBe('alarm acknowledged');
    expect(f.fixedS).toBe(210);
    expect(f.fixedBy).toBe('learner');
    expect(f.attempts.map((a) => [a.remedy, a.fixed])).toEqual([
      ['check-lines', false],
      ['check-gas-line', true],
    ]);
    const text = debriefMarkdown(debrief);
    expect(text).toContain('## Faults');
    expect(text).toContain('detected 0:30 after (alarm acknowledged)');
    expect(text).toContain('fixed 1:30 after');
    expect(text).toContain('did not fix it: check the lines (3:00)');
  });

  it('a fault never answered is neither detected nor fixed; one the instructor clears says so', () => {
    const sim = onBypass();
    sim.apply({ do: 'fault', kind: 'heater-cooler-failure' }, 'instructor');
    sim.advance(60);
    sim.apply({ do: 'clearFault', kind: 'heater-cooler-failure' }, 'instructor');
    sim.apply({ do: 'fault', kind: 'oxygenator-failure' }, 'instructor');
    sim.advance(60);
    const faults = debriefRun(scenario, runLogOf(sim, {})).faults!;
    expect(faults.map((f) => [f.kind, f.detectedS, f.fixedBy])).toEqual([
      ['heater-cooler-failure', null, 'instructor'],
      ['oxygenator-failure', null, null],
    ]);
  });
});
