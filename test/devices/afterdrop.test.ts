// Afterdrop after bypass rewarming: a patient cooled in cold water (cold periphery) is rewarmed on
// cardiopulmonary bypass to a core of 36 °C and taken off; the core then falls as the cold limbs and
// skin draw heat from it. A vasodilator during rewarming warms the periphery too and lessens the drop.

import { beforeAll, describe, expect, it } from 'vitest';
import { createSimulation, type Snapshot } from '../../models/index.ts';
import { guidelineWaterTempC } from '../../models/validation/runs.ts';
import { testScenario } from '../helpers.ts';

interface AfterdropRun {
  /** At the moment the pump stopped. */
  readonly off: Snapshot;
  /** Lowest core in the 3 h after, °C. */
  readonly lowestCoreC: number;
  /** Core 3 h after, °C. */
  readonly coreAfter3hC: number;
  readonly vasodilatorGiven: boolean;
}

function bypassThenOff(vasodilator: boolean): AfterdropRun {
  const sim = createSimulation(
    testScenario({
      start: {
        environment: { medium: 'air', temperatureC: 20, clothingClo: 1 },
        ventilationFio2: 0.5,
      },
      timeline: [{ atS: 0, action: { do: 'immerse', waterTemperatureC: 5, headAboveWater: true } }],
      endS: 12 * 3600,
    }),
    { seed: 1 },
  );
  let s = sim.snapshot();
  while (s.coreTempC > 28) {
    sim.advance(60);
    s = sim.snapshot();
  }
  sim.apply({ do: 'extricate', airTemperatureC: 20 });
  sim.apply({ do: 'cannulate', mode: 'cpb', durationS: 0 });
  const flow = 2.4 * sim.body.thermal.composition.surfaceAreaM2;
  sim.apply({ do: 'setOxygenator', fio2: 0.6, sweepLPerMin: flow });
  sim.apply({ do: 'setHeaterCooler', waterTemperatureC: guidelineWaterTempC(sim.snapshot()) });
  sim.apply({ do: 'startPump', flowLPerMin: flow });
  let vasodilatorGiven = false;
  while (s.coreTempC < 36) {
    // A vasodilator in the second half of rewarming, as in practice (one dose acts for an hour).
    if (vasodilator && !vasodilatorGiven && s.coreTempC >= 32) sim.apply({ do: 'giveVasodilator' });
    sim.apply({ do: 'setHeaterCooler', waterTemperatureC: guidelineWaterTempC(sim.snapshot()) });
    sim.advance(60);
    s = sim.snapshot();
    vasodilatorGiven ||= s.vasodilator;
  }
  sim.apply({ do: 'stopPump' });
  sim.apply({ do: 'decannulate' });
  const off = sim.snapshot();
  let lowestCoreC = off.coreTempC;
  for (let m = 0; m < 180; m++) {
    sim.advance(60);
    lowestCoreC = Math.min(lowestCoreC, sim.snapshot().coreTempC);
  }
  return { off, lowestCoreC, coreAfter3hC: sim.snapshot().coreTempC, vasodilatorGiven };
}

describe('afterdrop after bypass rewarming', () => {
  let plain: AfterdropRun;
  let dilated: AfterdropRun;
  beforeAll(() => {
    plain = bypassThenOff(false);
    dilated = bypassThenOff(true);
  });

  it('rewarms the core while the periphery stays colder', () => {
    // Anaesthesia on the pump opens the periphery once the blood passes 34.5 °C, so it warms on the
    // pump (shell 28.7 °C, hands and feet 27.3 °C, limb muscle 30.2 °C at separation; 26.1, 23.7 and
    // 26.8 °C before), but it stays well below the core, as after bypass (Rajek 1998: core to
    // peripheral tissue 3.5–4.6 °C at the end of rewarming).
    expect(plain.off.coreTempC).toBeGreaterThanOrEqual(36);
    expect(plain.off.limbTempC).toBeLessThan(plain.off.coreTempC - 3);
    expect(plain.off.shellTempC).toBeLessThan(plain.off.coreTempC - 5);
    expect(plain.off.extremityTempC).toBeLessThan(plain.off.coreTempC - 5);
    expect(plain.off.cannulated).toBe(0);
    expect(plain.off.pumpFlowLPerMin).toBe(0);
  });

  it('lets the core fall once the pump stops', () => {
    const drop = plain.off.coreTempC - plain.lowestCoreC;
    expect(drop).toBeGreaterThan(0.2);
  });

  it('gives a smaller afterdrop when a vasodilator was given during rewarming', () => {
    expect(dilated.vasodilatorGiven).toBe(true);
    // The vasodilator lets the periphery take more of the heat while on the pump.
    expect(dilated.off.shellTempC).toBeGreaterThan(plain.off.shellTempC);
    const plainDrop = plain.off.coreTempC - plain.lowestCoreC;
    const dilatedDrop = dilated.off.coreTempC - dilated.lowestCoreC;
    // 0.66 against 0.60 °C today. Before anaesthesia opened the periphery on the pump it was 1.18
    // against 1.00 °C: the vasodilator now acts only on what constriction is left, and the model's
    // vasodilator cannot open vessels beyond their resting tone (issue 15, item 5, left open).
    expect(dilatedDrop).toBeLessThan(plainDrop - 0.03);
  });
});
