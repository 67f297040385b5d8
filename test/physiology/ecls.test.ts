// The risk of dying after ECLS rewarming (issue 15, item 8): bleeding, lung injury and organ failure
// are not simulated; a risk from CPR time, admission potassium and asphyxia stands in for them,
// calibrated against the HOPE score (validation cases P8a–P8c).

import { describe, expect, it } from 'vitest';
import { createSimulation, parameterValues } from '../../models/index.ts';
import { eclsLateDeathRisk } from '../../models/physiology/ecls.ts';
import { testScenario } from '../helpers.ts';

const v = parameterValues();
const admission = (cprMin: number, potassiumMmolPerL: number, asphyxia: boolean) => ({
  cprMin,
  potassiumMmolPerL,
  asphyxia,
});

describe('the risk of dying after ECLS', () => {
  it('is the reference risk after an hour of CPR at a normal potassium without asphyxia', () => {
    expect(eclsLateDeathRisk(admission(60, 4, false), v)).toBeCloseTo(
      v.eclsLateDeathRiskReference,
      12,
    );
  });

  it('grows with the time compressions lasted, so four hours of CPR cost what one does not', () => {
    const oneHour = eclsLateDeathRisk(admission(60, 4, false), v);
    const fourHours = eclsLateDeathRisk(admission(240, 4, false), v);
    expect(fourHours).toBeGreaterThan(oneHour + 0.2);
  });

  it('grows with the potassium at admission and after an asphyxial arrest', () => {
    const base = eclsLateDeathRisk(admission(90, 4, false), v);
    expect(eclsLateDeathRisk(admission(90, 12, false), v)).toBeGreaterThan(base + 0.2);
    expect(eclsLateDeathRisk(admission(90, 4, true), v)).toBeGreaterThan(base + 0.3);
  });

  it('is none without ECLS after an arrest', () => {
    expect(eclsLateDeathRisk(null, v)).toBe(0);
  });

  it('does not touch planned bypass on a beating heart', () => {
    const sim = createSimulation(
      testScenario({
        timeline: [
          { atS: 0, action: { do: 'cannulate', mode: 'cpb' } },
          { atS: 400, action: { do: 'setOxygenator', fio2: 0.6, sweepLPerMin: 4.5 } },
          { atS: 400, action: { do: 'setPumpFlow', flowLPerMin: 4.5 } },
        ],
        endS: 1200,
      }),
    );
    sim.advance(1200);
    const outcome = sim.outcome();
    expect(outcome.late_death_risk).toBe(0);
    expect(outcome.survival_probability).toBe(outcome.survived ? 1 : 0);
  });

  it('counts an hour of compressions before the pump and an asphyxial arrest after a stop in breathing', () => {
    const sim = createSimulation(
      testScenario({
        timeline: [
          { atS: 0, action: { do: 'stopBreathing' } },
          { atS: 900, action: { do: 'startCpr', mode: 'mechanical' } },
          { atS: 900, action: { do: 'ventilate', fio2: 1 } },
          { atS: 3600, action: { do: 'cannulate', mode: 'va-ecmo' } },
          { atS: 4400, action: { do: 'setOxygenator', fio2: 1, sweepLPerMin: 4.5 } },
          { atS: 4500, action: { do: 'setPumpFlow', flowLPerMin: 4.5 } },
        ],
        endS: 5400,
      }),
    );
    sim.advance(5400);
    const outcome = sim.outcome();
    // 60 min of CPR (15:00 to 1:15:00) and an asphyxial arrest: well above the reference risk.
    expect(outcome.late_death_risk).toBeGreaterThan(0.7);
  });
});
