// The alarm table (models/devices/alarms.ts) and the heart-lung console's gauges, which share its
// limits and predicates: a gauge is flagged exactly while its alarm sounds. Each limit is pinned at
// its boundary (read from the table's own `limit` parameter), each "pump flowing" guard and the
// count of alarm onsets.

import { describe, expect, it } from 'vitest';
import {
  ALARMS,
  PATIENT_PRESETS,
  createSimulation,
  guidelineGauges,
  parameterValues,
  type Snapshot,
} from '../../models/index.ts';
import { alarmBit, updateAlarms, type AlarmReadings } from '../../models/devices/alarms.ts';
import { FAULT, FAULT_KINDS } from '../../models/devices/faults.ts';
import { S, createState, type State } from '../../models/core/state.ts';
import type { ParameterName } from '../../models/parameters/index.ts';
import { testScenario } from '../helpers.ts';

const values = parameterValues();

/** Readings of a cannulated circuit running calmly: pump at its set flow, sweep on, no fault. */
const CALM: AlarmReadings = {
  cannulated: 1,
  pumpFlowLPerMin: 4.5,
  arterialOutletTempC: 36,
  outletVenousGradientC: 0,
  outletRateCPerMin: 0,
  pumpFlowSetLPerMin: 4.5,
  sweepLPerMin: 4.5,
  effectiveSweepLPerMin: 4.5,
  venousSat: 0.75,
  postOxygenatorPo2MmHg: 400,
  oxygenatorFio2: 0.6,
  faults: 0,
};

/** Ids of the alarms that sound with these readings (CALM changed by `change`). */
function sounding(change: Partial<AlarmReadings>): string[] {
  const r = { ...CALM, ...change };
  return ALARMS.filter((a) => a.active(r, values)).map((a) => a.id);
}

/** The limit of an alarm, read from its row of the table. */
function limitOf(id: string): number {
  const row = ALARMS.find((a) => a.id === id);
  if (row === undefined || !('limit' in row)) throw new Error(`alarm ${id} has no limit`);
  return values[row.limit as ParameterName];
}

/** A step small against every limit, large against rounding. */
const STEP = 1e-6;

/** The guideline alarms: the reading each tests against its limit, and the rest of the readings. */
const GUIDELINE_LIMITS: readonly {
  readonly id: string;
  readonly reading: 'arterialOutletTempC' | 'outletVenousGradientC' | 'outletRateCPerMin';
  readonly others: Partial<AlarmReadings>;
}[] = [
  { id: 'outlet-above-37', reading: 'arterialOutletTempC', others: {} },
  { id: 'gradient-above-10', reading: 'outletVenousGradientC', others: {} },
  {
    id: 'warm-gradient-above-4',
    reading: 'outletVenousGradientC',
    others: { arterialOutletTempC: values.warmThresholdC },
  },
  {
    id: 'rewarming-too-fast',
    reading: 'outletRateCPerMin',
    others: { arterialOutletTempC: values.warmThresholdC },
  },
];

/** A state of a cannulated circuit running calmly (the state's form of CALM). */
function calmState(): State {
  const state = createState();
  state[S.cannulated] = 1;
  state[S.pumpFlowLPerMin] = CALM.pumpFlowLPerMin;
  state[S.pumpFlowSetLPerMin] = CALM.pumpFlowSetLPerMin;
  state[S.arterialOutletTempC] = CALM.arterialOutletTempC;
  state[S.venousInletTempC] = CALM.arterialOutletTempC - CALM.outletVenousGradientC;
  state[S.outletRateCPerMin] = CALM.outletRateCPerMin;
  state[S.sweepLPerMin] = CALM.sweepLPerMin;
  state[S.venousSat] = CALM.venousSat;
  state[S.postOxygenatorPo2MmHg] = CALM.postOxygenatorPo2MmHg;
  state[S.oxygenatorFio2] = CALM.oxygenatorFio2;
  return state;
}

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

  it('sounds no alarm on the calm readings of a flowing circuit', () => {
    expect(sounding({})).toEqual([]);
  });

  it.each(GUIDELINE_LIMITS)(
    '$id sounds just above its limit, not at it nor just below it',
    ({ id, reading, others }) => {
      const limit = limitOf(id);
      const at = (x: number) => sounding({ ...others, [reading]: x }).includes(id);
      expect([at(limit - STEP), at(limit), at(limit + STEP)]).toEqual([false, false, true]);
    },
  );

  it.each(GUIDELINE_LIMITS)(
    '$id does not sound above its limit with the pump stopped or the circuit not cannulated',
    ({ id, reading, others }) => {
      const over = { ...others, [reading]: limitOf(id) + 1 };
      expect(sounding({ ...over, pumpFlowLPerMin: 0 })).not.toContain(id);
      expect(sounding({ ...over, cannulated: 0 })).not.toContain(id);
    },
  );

  it('gradient-above-10 sounds as the outlet falls more than its limit below the venous blood, not at the limit', () => {
    const limit = limitOf('gradient-above-10');
    expect(sounding({ outletVenousGradientC: -limit })).not.toContain('gradient-above-10');
    expect(sounding({ outletVenousGradientC: -limit - STEP })).toContain('gradient-above-10');
  });

  it.each(['warm-gradient-above-4', 'rewarming-too-fast'])(
    '%s sounds above its limit only once the outlet is at or above warmThresholdC',
    (id) => {
      const row = GUIDELINE_LIMITS.find((g) => g.id === id)!;
      const over = { [row.reading]: limitOf(id) + 1 };
      const warm = values.warmThresholdC;
      expect(sounding({ ...over, arterialOutletTempC: warm - STEP })).not.toContain(id);
      expect(sounding({ ...over, arterialOutletTempC: warm })).toContain(id);
    },
  );

  it('low-venous-saturation and oxygenator-failing sound with the pump flowing, not with it stopped', () => {
    const low = { venousSat: limitOf('low-venous-saturation') - 0.1, postOxygenatorPo2MmHg: 0 };
    expect(sounding(low)).toEqual(
      expect.arrayContaining(['low-venous-saturation', 'oxygenator-failing']),
    );
    const stopped = sounding({ ...low, pumpFlowLPerMin: 0, pumpFlowSetLPerMin: 0 });
    expect(stopped).not.toContain('low-venous-saturation');
    expect(stopped).not.toContain('oxygenator-failing');
  });

  it('each fault alarm sounds with its own fault and with no other', () => {
    const alarmOfFault: Record<string, string> = {
      'air-in-line': 'air-detected',
      'heater-cooler-failure': 'heater-cooler-failure',
      'pump-failure': 'pump-failure',
    };
    const faultAlarms = Object.values(alarmOfFault);
    for (const kind of FAULT_KINDS) {
      const heard = sounding({ faults: FAULT[kind] }).filter((id) => faultAlarms.includes(id));
      expect({ kind, heard }).toEqual({
        kind,
        heard: kind in alarmOfFault ? [alarmOfFault[kind]] : [],
      });
    }
  });

  it('alarmBit gives each alarm the bit of its place in the table and refuses an unknown id', () => {
    ALARMS.forEach((a, i) => expect(alarmBit(a.id)).toBe(2 ** i));
    expect(() => alarmBit('no-such-alarm')).toThrow(/no-such-alarm/);
  });
});

describe('updateAlarms', () => {
  it('counts each onset once: two alarms raised together count two, an alarm that stays on counts no more, one that returns counts again', () => {
    const state = calmState();
    const counts: number[] = [];
    const step = (outletC: number, venousSat: number) => {
      state[S.arterialOutletTempC] = outletC;
      state[S.venousInletTempC] = outletC;
      state[S.venousSat] = venousSat;
      updateAlarms(state, values);
      counts.push(state[S.alarmCount]!);
    };
    const hot = limitOf('outlet-above-37') + 1;
    const lowSat = limitOf('low-venous-saturation') - 0.1;
    step(CALM.arterialOutletTempC, CALM.venousSat); // calm
    step(hot, lowSat); // two onsets
    expect(state[S.alarms]).toBe(alarmBit('outlet-above-37') | alarmBit('low-venous-saturation'));
    step(hot, lowSat); // both stay on
    step(hot, CALM.venousSat); // one goes off
    step(CALM.arterialOutletTempC, CALM.venousSat); // calm again
    expect(state[S.alarms]).toBe(0);
    step(hot, CALM.venousSat); // the hot outlet returns
    expect(counts).toEqual([0, 2, 2, 2, 2, 3]);
  });

  it('sounds nothing while the circuit is not cannulated, even with a fault set, and clears what sounded', () => {
    const state = calmState();
    state[S.faults] = FAULT['air-in-line'] | FAULT['pump-failure'];
    updateAlarms(state, values);
    expect(state[S.alarms]).toBe(alarmBit('air-detected') | alarmBit('pump-failure'));
    state[S.cannulated] = 0;
    updateAlarms(state, values);
    expect([state[S.alarms], state[S.alarmCount]]).toEqual([0, 2]);
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
    expect(warm.rewarming.applies).toBe(true);
  });

  it('shows no gauge and flags none while the circuit is not cannulated', () => {
    const over = {
      cannulated: 0,
      pumpFlowLPerMin: 4,
      arterialOutletTempC: values.warmThresholdC,
      outletVenousGradientC: values.maxGradientC + 1,
      outletRateCPerMin: values.maxRewarmingRateCPerMin + 1,
    };
    const { gradient, rewarming } = guidelineGauges(over, values);
    expect([gradient.applies, gradient.over, rewarming.applies, rewarming.over]).toEqual([
      false,
      false,
      false,
      false,
    ]);
  });
});
