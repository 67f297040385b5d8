// The alarm table (models/devices/alarms.ts) and the heart-lung console's gauges, which share its
// limits and predicates: a gauge is flagged exactly while its alarm sounds.

import { describe, expect, it } from 'vitest';
import {
  ALARMS,
  PATIENT_PRESETS,
  createSimulation,
  guidelineGauges,
  parameterValues,
  type Snapshot,
} from '../../models/index.ts';
import { testScenario } from '../helpers.ts';

const values = parameterValues();

/** A warm (37 °C) patient put on bypass with the heater-cooler water at `waterC`, sampled each 10 s. */
function bypassSamples(waterC: number, seconds: number): Snapshot[] {
  const sim = createSimulation(
    testScenario({
      patient: PATIENT_PRESETS['adult-male'].patient,
      start: { environment: { medium: 'air', temperatureC: 20 }, ventilationFio2: 0.5 },
      endS: 4 * 3600,
    }),
    { seed: 1 },
  );
  sim.apply({ do: 'cannulate', mode: 'cpb', durationS: 0 });
  sim.apply({ do: 'setHeaterCooler', waterTemperatureC: waterC });
  sim.apply({ do: 'setOxygenator', fio2: 0.6, sweepLPerMin: 4.5 });
  sim.apply({ do: 'startPump', flowLPerMin: 4.5 });
  const samples: Snapshot[] = [];
  for (let t = 0; t < seconds; t += 10) {
    sim.advance(10);
    samples.push(sim.snapshot());
  }
  return samples;
}

describe('ALARMS', () => {
  it('has one row per id, each limit naming a parameter', () => {
    const ids = ALARMS.map((a) => a.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const a of ALARMS) if ('limit' in a) expect(values[a.limit]).toBeTypeOf('number');
  });
});

describe('guidelineGauges', () => {
  it('flags the gradient gauge exactly while a gradient alarm is on, with 2 °C water on a warm patient', () => {
    const samples = bypassSamples(2, 1800);
    // The case the console once missed: cooling, the gradient is far below −10 °C.
    const cooling = samples.filter((s) => s.outletVenousGradientC < -values.maxGradientC);
    expect(cooling.length).toBeGreaterThan(0);
    for (const s of samples) {
      const gauge = guidelineGauges(s, values).gradient;
      const alarmOn =
        s.alarms.includes('gradient-above-10') || s.alarms.includes('warm-gradient-above-4');
      expect({ tS: s.tS, over: gauge.over }).toEqual({ tS: s.tS, over: alarmOn });
    }
    for (const s of cooling) expect(guidelineGauges(s, values).gradient.over).toBe(true);
  });

  it('flags the rewarming gauge exactly while rewarming-too-fast is on, rewarming a cold patient hard', () => {
    const sim = createSimulation(
      testScenario({
        patient: PATIENT_PRESETS['adult-male'].patient,
        start: {
          environment: { medium: 'air', temperatureC: 20 },
          coreTempC: 29,
          ventilationFio2: 0.5,
        },
        endS: 4 * 3600,
      }),
      { seed: 1 },
    );
    sim.apply({ do: 'cannulate', mode: 'cpb', durationS: 0 });
    sim.apply({ do: 'setHeaterCooler', waterTemperatureC: 40 });
    sim.apply({ do: 'setOxygenator', fio2: 0.6, sweepLPerMin: 4.5 });
    sim.apply({ do: 'startPump', flowLPerMin: 4.5 });
    let flagged = 0;
    for (let t = 0; t < 3600; t += 10) {
      sim.advance(10);
      const s = sim.snapshot();
      const gauges = guidelineGauges(s, values);
      expect({ tS: s.tS, over: gauges.rewarming.over }).toEqual({
        tS: s.tS,
        over: s.alarms.includes('rewarming-too-fast'),
      });
      expect(gauges.gradient.over).toBe(
        s.alarms.includes('gradient-above-10') || s.alarms.includes('warm-gradient-above-4'),
      );
      if (gauges.rewarming.over) flagged++;
    }
    expect(flagged).toBeGreaterThan(0);
  });

  it('shows the tighter limits once the outlet is at or above 30 °C', () => {
    const reading = {
      cannulated: 1,
      pumpFlowLPerMin: 4,
      outletVenousGradientC: 5,
      outletRateCPerMin: 0.6,
    };
    const cool = guidelineGauges({ ...reading, arterialOutletTempC: 29.9 }, values);
    const warm = guidelineGauges({ ...reading, arterialOutletTempC: 30 }, values);
    expect([cool.gradient.limit, cool.gradient.over, cool.rewarming.applies]).toEqual([
      values.maxGradientC,
      false,
      false,
    ]);
    expect([warm.gradient.limit, warm.gradient.over, warm.rewarming.over]).toEqual([
      values.warmGradientC,
      true,
      true,
    ]);
  });
});
