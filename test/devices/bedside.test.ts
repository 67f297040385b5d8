// Bedside cooling and rewarming (models/devices/bedside.ts): ice packs, forced air, intravenous fluid,
// lavage and a vasodilator each move the temperatures the way they should, compared with the same
// patient left alone; and heat stays conserved in a run that uses every device, the heart-lung machine
// included: produced + added − lost = stored.

import { describe, expect, it } from 'vitest';
import { createSimulation, type Action, type Snapshot } from '../../models/index.ts';
import { testScenario } from '../helpers.ts';

/** The same patient (core as given, 22 °C air, 1 clo), left alone or treated at time zero. */
function treated(coreTempC: number, actions: readonly Action[], seconds: number): Snapshot {
  const sim = createSimulation(
    testScenario({
      start: { environment: { medium: 'air', temperatureC: 22, clothingClo: 1 }, coreTempC },
      endS: 4 * 3600,
    }),
    { seed: 1 },
  );
  for (const action of actions) sim.apply(action);
  sim.advance(seconds);
  return sim.snapshot();
}

describe('bedside devices', () => {
  it('ice packs cool the skin and then the core', () => {
    const alone = treated(37, [], 3600);
    const iced = treated(37, [{ do: 'applyIcePacks' }], 3600);
    expect(iced.icePacks).toBe(true);
    expect(iced.externalHeatW).toBeLessThan(-20);
    expect(iced.shellTempC).toBeLessThan(alone.shellTempC - 0.5);
    expect(iced.coreTempC).toBeLessThan(alone.coreTempC);
    const removed = treated(37, [{ do: 'applyIcePacks' }, { do: 'removeIcePacks' }], 60);
    expect(removed.externalHeatW).toBe(0);
  });

  it('a forced-air blanket warms the skin and the core of a cold patient', () => {
    const alone = treated(33, [], 3600);
    const warmed = treated(33, [{ do: 'startForcedAirWarming', temperatureC: 43 }], 3600);
    expect(warmed.forcedAirTempC).toBe(43);
    expect(warmed.externalHeatW).toBeGreaterThan(20);
    expect(warmed.shellTempC).toBeGreaterThan(alone.shellTempC + 1);
    expect(warmed.coreTempC).toBeGreaterThan(alone.coreTempC);
  });

  it('warm intravenous fluid warms the blood, cold fluid cools it, and the bag runs out', () => {
    const alone = treated(32, [], 300);
    const warm = treated(32, [{ do: 'infuseFluid', volumeMl: 1000, temperatureC: 40 }], 300);
    const cold = treated(32, [{ do: 'infuseFluid', volumeMl: 1000, temperatureC: 4 }], 300);
    expect(warm.externalHeatW).toBeGreaterThan(0);
    expect(warm.bloodTempC).toBeGreaterThan(alone.bloodTempC + 0.05);
    expect(cold.bloodTempC).toBeLessThan(alone.bloodTempC - 0.1);
    expect(warm.fluidRemainingMl).toBeGreaterThan(0);
    expect(warm.fluidRemainingMl).toBeLessThan(1000);
    const finished = treated(32, [{ do: 'infuseFluid', volumeMl: 200, temperatureC: 40 }], 600);
    expect(finished.fluidRemainingMl).toBe(0);
    expect(finished.externalHeatW).toBe(0);
  });

  it('warm lavage warms the core; thoracic lavage warms the heart', () => {
    const alone = treated(30, [], 1800);
    const bladder = treated(30, [{ do: 'startLavage', site: 'bladder', temperatureC: 40 }], 1800);
    const thoracic = treated(30, [{ do: 'startLavage', site: 'thoracic', temperatureC: 40 }], 1800);
    expect(bladder.lavage).toBe('bladder');
    expect(bladder.externalHeatW).toBeGreaterThan(0);
    expect(bladder.coreTempC).toBeGreaterThan(alone.coreTempC + 0.1);
    expect(thoracic.heartTempC).toBeGreaterThan(bladder.heartTempC);
    expect(thoracic.coreTempC).toBeGreaterThan(alone.coreTempC + 0.1);
    const stopped = treated(
      30,
      [{ do: 'startLavage', site: 'gastric', temperatureC: 40 }, { do: 'stopLavage' }],
      60,
    );
    expect(stopped.lavage).toBeNull();
    expect(stopped.externalHeatW).toBe(0);
  });

  it('a vasodilator opens the cold skin for a while', () => {
    const alone = treated(33, [], 600);
    const dilated = treated(33, [{ do: 'giveVasodilator' }], 600);
    expect(dilated.vasodilator).toBe(true);
    expect(dilated.skinBloodFlowFraction).toBeGreaterThan(1.2 * alone.skinBloodFlowFraction);
    const later = treated(33, [{ do: 'giveVasodilator' }], 3 * 3600);
    expect(later.vasodilator).toBe(false);
  });
});

describe('heat conservation with every device', () => {
  it('keeps produced + added − lost = stored within 1e-6 (relative)', () => {
    const timeline: { atS: number; action: Action }[] = [
      { atS: 0, action: { do: 'immerse', waterTemperatureC: 8, headAboveWater: true } },
      { atS: 1800, action: { do: 'extricate', airTemperatureC: 18 } },
      { atS: 1800, action: { do: 'applyIcePacks' } },
      { atS: 2400, action: { do: 'removeIcePacks' } },
      { atS: 2400, action: { do: 'ventilate', fio2: 0.6 } },
      {
        atS: 2400,
        action: { do: 'cannulate', mode: 'va-ecmo', durationS: 600, primeTemperatureC: 10 },
      },
      { atS: 2400, action: { do: 'setHeaterCooler', waterTemperatureC: 15 } },
      { atS: 2400, action: { do: 'setOxygenator', fio2: 0.8, sweepLPerMin: 0 } },
      { atS: 2400, action: { do: 'startPump', flowLPerMin: 4 } },
      { atS: 3600, action: { do: 'setOxygenator', fio2: 0.8, sweepLPerMin: 4 } },
      { atS: 3900, action: { do: 'fault', kind: 'heater-cooler-failure' } },
      { atS: 4500, action: { do: 'clearFault', kind: 'heater-cooler-failure' } },
      { atS: 4500, action: { do: 'setHeaterCooler', waterTemperatureC: 30 } },
      { atS: 5000, action: { do: 'fault', kind: 'pump-failure' } },
      { atS: 5060, action: { do: 'handCrank', flowLPerMin: 2 } },
      { atS: 5300, action: { do: 'clearFault', kind: 'pump-failure' } },
      { atS: 5400, action: { do: 'fault', kind: 'air-in-line' } },
      { atS: 5500, action: { do: 'clearFault', kind: 'air-in-line' } },
      { atS: 5600, action: { do: 'startPump', flowLPerMin: 4 } },
      { atS: 6000, action: { do: 'startForcedAirWarming', temperatureC: 43 } },
      { atS: 6000, action: { do: 'infuseFluid', volumeMl: 1000, temperatureC: 41 } },
      { atS: 6000, action: { do: 'startLavage', site: 'bladder', temperatureC: 40 } },
      { atS: 6000, action: { do: 'giveVasodilator' } },
      { atS: 6600, action: { do: 'startLavage', site: 'thoracic', temperatureC: 41 } },
      { atS: 7200, action: { do: 'setHeaterCooler', waterTemperatureC: 37 } },
      { atS: 7800, action: { do: 'startLavage', site: 'gastric', temperatureC: 40 } },
      { atS: 9000, action: { do: 'stopPump' } },
      { atS: 9000, action: { do: 'decannulate' } },
      { atS: 9000, action: { do: 'stopLavage' } },
      { atS: 9600, action: { do: 'infuseFluid', volumeMl: 500, temperatureC: 4 } },
    ];
    const sim = createSimulation(testScenario({ timeline, endS: 4 * 3600 }), { seed: 3 });
    let sawPumpHeat = false;
    let sawBedsideHeat = false;
    while (!sim.isFinished()) {
      sim.advance(60);
      const s = sim.snapshot();
      if (s.pumpHeatW !== 0) sawPumpHeat = true;
      if (s.pumpFlowLPerMin === 0 && s.externalHeatW !== 0) sawBedsideHeat = true;
    }
    const { producedJ, addedJ, lostJ, storedJ } = sim.heatBalance();
    expect(sawPumpHeat).toBe(true);
    expect(sawBedsideHeat).toBe(true);
    expect(Math.abs(addedJ)).toBeGreaterThan(1e5);
    const scale = Math.max(
      Math.abs(producedJ),
      Math.abs(addedJ),
      Math.abs(lostJ),
      Math.abs(storedJ),
    );
    expect(Math.abs(producedJ + addedJ - lostJ - storedJ) / scale).toBeLessThan(1e-6);
  });
});
