// Conditions compiled into readers of the state vector agree with conditionHolds on a snapshot, and
// a run's triggers all see the state of the same moment, before any of them acts.

import { describe, expect, it } from 'vitest';
import { createSimulation, OUTPUTS, TEXT_OUTPUTS, type Scenario } from '../../models/index.ts';
import { compileCondition } from '../../models/engine/compiledCondition.ts';
import { NUMERIC_OUTPUT_TABLE } from '../../models/engine/outputTable.ts';
import { conditionHolds, type Condition } from '../../models/scenario/condition.ts';
import { RHYTHM_NAMES } from '../../models/core/state.ts';
import { iceWaterImmersion, testScenario } from '../helpers.ts';

const scenario: Scenario = testScenario({
  ...iceWaterImmersion,
  timeline: [
    ...iceWaterImmersion.timeline!,
    { atS: 600, action: { do: 'cardiacArrest', rhythm: 'vf' } },
    { atS: 660, action: { do: 'startCpr', mode: 'mechanical' } },
    { atS: 700, action: { do: 'cannulate', mode: 'va-ecmo' } },
    { atS: 1500, action: { do: 'startPump', flowLPerMin: 4 } },
    { atS: 1500, action: { do: 'setHeaterCooler', waterTemperatureC: 30 } },
  ],
  endS: 2400,
});

describe('compiled conditions', () => {
  it('read every output as the snapshot shows it', () => {
    const sim = createSimulation(scenario, { stepSeconds: 5 });
    const words: Record<string, readonly string[]> = {
      rhythm: RHYTHM_NAMES,
      cpr: ['none', 'manual', 'mechanical'],
      circuit: ['none', 'va-ecmo', 'cpb'],
      alarms: ['none'],
    };
    let checked = 0;
    while (!sim.isFinished()) {
      sim.advance(120);
      const snapshot = sim.snapshot();
      const state = sim.stateVector();
      for (const o of OUTPUTS) {
        const value = snapshot[o.key];
        expect(o.read(state, sim.body), o.column).toBe(value);
        const conditions: Condition[] = [
          { kind: 'compare', output: o.column, below: value },
          { kind: 'compare', output: o.column, above: value - 1e-9 },
          { kind: 'compare', output: o.column, below: value + 1, above: value - 1 },
          { kind: 'not', of: { kind: 'compare', output: o.column, above: value + 1 } },
        ];
        for (const c of conditions) {
          expect(compileCondition(c)(state, sim.body), JSON.stringify(c)).toBe(
            conditionHolds(c, snapshot),
          );
          checked++;
        }
      }
      for (const o of TEXT_OUTPUTS) {
        for (const word of words[o.column]!) {
          const c: Condition = { kind: 'is', output: o.column, values: [word] };
          expect(compileCondition(c)(state, sim.body), JSON.stringify(c)).toBe(
            conditionHolds(c, snapshot),
          );
        }
      }
      const both: Condition = {
        kind: 'any',
        of: [
          { kind: 'all', of: [{ kind: 'is', output: 'rhythm', values: ['vf'] }] },
          { kind: 'compare', output: 'pump_flow_l_min', above: 1 },
          { kind: 'compare', output: 'no_such_output', above: 1 },
        ],
      };
      expect(compileCondition(both)(state, sim.body)).toBe(conditionHolds(both, snapshot));
    }
    expect(checked).toBeGreaterThan(OUTPUTS.length * 40);
    expect(NUMERIC_OUTPUT_TABLE.length).toBe(OUTPUTS.length);
  });

  it('never hold for unknown outputs or an output of the other kind', () => {
    const sim = createSimulation(scenario, { stepSeconds: 5 });
    const state = sim.stateVector();
    expect(compileCondition({ kind: 'compare', output: 'nope', below: 1e9 })(state, sim.body)).toBe(
      false,
    );
    expect(
      compileCondition({ kind: 'compare', output: 'rhythm', below: 1e9 })(state, sim.body),
    ).toBe(false);
    expect(
      compileCondition({ kind: 'is', output: 'core_temp_c', values: ['37'] })(state, sim.body),
    ).toBe(false);
  });

  it('are all checked on the state of the same moment, before any trigger acts', () => {
    // The first trigger starts compressions; the second waits for compressions. Both are checked
    // before the first one's action takes effect, so the second fires one step later.
    const sim = createSimulation(
      {
        ...testScenario({ endS: 120 }),
        triggers: [
          {
            when: { kind: 'compare', output: 't_s', above: 29 },
            actions: [{ do: 'startCpr', mode: 'manual' }],
            repeat: false,
          },
          {
            when: { kind: 'is', output: 'cpr', values: ['manual'] },
            actions: [{ do: 'message', text: 'compressions' }],
            repeat: false,
          },
        ],
        end: { atS: 120, when: { kind: 'is', output: 'cpr', values: ['manual'] } },
      },
      { stepSeconds: 1 },
    );
    sim.advance(120);
    const at = (kind: string) => sim.log().find((e) => e.action.do === kind)?.atS;
    expect(at('startCpr')).toBe(30);
    expect(at('message')).toBe(31);
    expect(sim.endReason()).toBe('condition');
    expect(sim.timeS()).toBe(31);
  });
});
