// Property-based tests: under random sequences of controls, random patients and random seeds, the
// model never produces NaN or a value outside its physical range, and heat stays conserved; and
// thousands of random valid inputs (scenario, patient at the edges of its ranges, actions at random
// times, an end anywhere, any step the format allows) all run to their end, the same
// however advance() is chunked and the same again when replayed from their own log.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  STEP_LIMITS_S,
  OUTPUTS,
  checkRunLogMatches,
  createSimulation,
  parseRunLog,
  patientProblem,
  runLogToJson,
  validateScenario,
  type Action,
  type Scenario,
  type Simulation,
  type Snapshot,
} from '../../models/index.ts';
import { replayDifference, replayOptions, runLogOf } from '../../models/scenario/runLog.ts';
import { SURROUNDINGS_TEMPERATURE_C } from '../../models/scenario/scenarioSchema.ts';
import { testScenario } from '../helpers.ts';

const temperature = (min: number, max: number) =>
  fc.double({ min, max, noNaN: true, noDefaultInfinity: true });

const action: fc.Arbitrary<Action> = fc.oneof(
  fc.record({
    do: fc.constant('setEnvironment' as const),
    medium: fc.constant('air' as const),
    temperatureC: temperature(-40, 45),
    windMPerS: fc.double({ min: 0, max: 30, noNaN: true }),
    clothingClo: fc.double({ min: 0, max: 4, noNaN: true }),
    extremityClothingClo: fc.double({ min: 0, max: 4, noNaN: true }),
  }),
  fc.record({
    do: fc.constant('setEnvironment' as const),
    medium: fc.constant('water' as const),
    temperatureC: temperature(-2, 45),
  }),
  fc.record({
    do: fc.constant('immerse' as const),
    waterTemperatureC: temperature(-2, 45),
    airPocket: fc.boolean(),
    headAboveWater: fc.boolean(),
  }),
  fc.record({
    do: fc.constant('extricate' as const),
    airTemperatureC: temperature(-40, 40),
    windMPerS: fc.double({ min: 0, max: 30, noNaN: true }),
  }),
  fc.constant({ do: 'stopBreathing' as const }),
  fc.constant({ do: 'resumeBreathing' as const }),
  fc.record({
    do: fc.constant('cardiacArrest' as const),
    rhythm: fc.constantFrom('vf' as const, 'asystole' as const, 'pea' as const),
  }),
  fc.record({
    do: fc.constant('startCpr' as const),
    mode: fc.constantFrom('manual' as const, 'mechanical' as const),
  }),
  fc.constant({ do: 'stopCpr' as const }),
  fc.record({
    do: fc.constant('ventilate' as const),
    fio2: fc.double({ min: 0.21, max: 1, noNaN: true }),
  }),
  fc.constant({ do: 'stopVentilation' as const }),
  fc.constant({ do: 'defibrillate' as const }),
  fc.constant({ do: 'applyIcePacks' as const }),
  fc.constant({ do: 'removeIcePacks' as const }),
  fc.record({
    do: fc.constant('startForcedAirWarming' as const),
    temperatureC: temperature(20, 45),
  }),
  fc.constant({ do: 'stopForcedAirWarming' as const }),
  fc.record({
    do: fc.constant('infuseFluid' as const),
    volumeMl: fc.double({ min: 1, max: 5000, noNaN: true }),
    temperatureC: temperature(0, 43),
  }),
  fc.record({
    do: fc.constant('startLavage' as const),
    site: fc.constantFrom('bladder' as const, 'gastric' as const, 'thoracic' as const),
    temperatureC: temperature(0, 43),
  }),
  fc.constant({ do: 'stopLavage' as const }),
  fc.constant({ do: 'giveVasodilator' as const }),
  fc.record({
    do: fc.constant('cannulate' as const),
    mode: fc.constantFrom('va-ecmo' as const, 'cpb' as const),
    primeTemperatureC: temperature(0, 42),
    durationS: fc.double({ min: 0, max: 1800, noNaN: true }),
  }),
  fc.record({
    do: fc.constantFrom('startPump' as const, 'setPumpFlow' as const),
    flowLPerMin: fc.double({ min: 0, max: 8, noNaN: true }),
  }),
  fc.constant({ do: 'stopPump' as const }),
  fc.record({ do: fc.constant('setHeaterCooler' as const), waterTemperatureC: temperature(2, 42) }),
  fc.record({
    do: fc.constant('setOxygenator' as const),
    fio2: fc.double({ min: 0.21, max: 1, noNaN: true }),
    sweepLPerMin: fc.double({ min: 0, max: 10, noNaN: true }),
  }),
  fc.record({
    do: fc.constant('handCrank' as const),
    flowLPerMin: fc.double({ min: 0, max: 4, noNaN: true }),
  }),
  fc.constant({ do: 'decannulate' as const }),
  fc.record({
    do: fc.constantFrom('fault' as const, 'clearFault' as const),
    kind: fc.constantFrom(
      'oxygenator-failure' as const,
      'heater-cooler-failure' as const,
      'pump-failure' as const,
      'air-in-line' as const,
      'sweep-disconnect' as const,
      'venous-kink' as const,
    ),
  }),
);

const patient = fc.oneof(
  fc.constant({ sex: 'male' as const, ageYears: 35, massKg: 73, heightCm: 176 }),
  fc.constant({ sex: 'female' as const, ageYears: 80, massKg: 55, heightCm: 158 }),
  fc.constant({ sex: 'female' as const, ageYears: 6, massKg: 21, heightCm: 116 }),
  fc.constant({ sex: 'male' as const, ageYears: 2.5, massKg: 13, heightCm: 91 }),
  fc.constant({ sex: 'male' as const, ageYears: 45, massKg: 130, heightCm: 180 }),
);

/** Physical bounds of every numeric output, by unit or by name. */
function bounds(column: string, unit: string): [number, number] {
  if (column === 'alarm_count') return [0, 1e5];
  if (column === 'outlet_venous_gradient_c') return [-50, 50];
  if (column === 'pump_heat_w' || column === 'external_heat_w') return [-20000, 20000];
  if (unit === '°C') return [-60, 50];
  // Skin flow is relative to thermoneutral: above 1 when vasodilated.
  if (column === 'skin_blood_flow_fraction') return [0, 20];
  if (unit === '1') return [0, 1];
  if (column === 'potassium_mmol_l') return [0, 40];
  if (column === 'heart_rate_bpm') return [0, 250];
  if (unit === 'mmHg') return [0, 800];
  if (unit === 'mL/dL') return [0, 30];
  if (unit === 'L/min') return [0, 40];
  if (column === 't_s') return [0, 1e6];
  if (column === 'heat_loss_w' || column === 'respiratory_heat_loss_w') return [-20000, 20000];
  if (unit === 'W') return [0, 5000];
  if (unit === 'mL/min') return [0, 5000];
  if (unit === 'min') return [0, 1e4];
  if (unit === 'g/dL') return [2, 25];
  if (unit === '°C/min') return [-20, 20];
  throw new Error(`no bounds for ${column} (${unit})`);
}

function checkSnapshot(s: Snapshot): void {
  for (const o of OUTPUTS) {
    const value = s[o.key];
    const [min, max] = bounds(o.column, o.unit);
    expect(Number.isFinite(value), `${o.column} is finite at ${s.tS} s`).toBe(true);
    expect(value, `${o.column} at ${s.tS} s`).toBeGreaterThanOrEqual(min);
    expect(value, `${o.column} at ${s.tS} s`).toBeLessThanOrEqual(max);
  }
  const fractions = s.brainViableFraction + s.brainAtRiskFraction + s.brainAutolysedFraction;
  expect(Math.abs(fractions - 1)).toBeLessThan(1e-9);
}

describe('random control sequences', () => {
  it('never give NaN or out-of-range outputs, and conserve heat', () => {
    fc.assert(
      fc.property(
        patient,
        fc.array(fc.tuple(fc.integer({ min: 0, max: 4 * 3600 }), action), { maxLength: 25 }),
        fc.integer({ min: 1, max: 1_000_000 }),
        fc.constantFrom(0.5, 1, 2, 5),
        temperature(15, 38),
        (p, entries, seed, stepSeconds, coreTempC) => {
          const timeline = entries
            .map(([atS, a]) => ({ atS, action: a }))
            .sort((a, b) => a.atS - b.atS);
          const sim = createSimulation(
            testScenario({
              patient: p,
              start: {
                environment: { medium: 'air', temperatureC: 10, clothingClo: 1 },
                coreTempC,
              },
              timeline,
              endS: 4 * 3600,
            }),
            { seed, stepSeconds },
          );
          while (!sim.isFinished()) {
            sim.advance(300);
            checkSnapshot(sim.snapshot());
          }
          const { producedJ, addedJ, lostJ, storedJ } = sim.heatBalance();
          const scale = Math.max(Math.abs(producedJ), Math.abs(lostJ), Math.abs(storedJ), 1);
          expect(Math.abs(producedJ + addedJ - lostJ - storedJ) / scale).toBeLessThan(1e-6);
        },
      ),
      { numRuns: 40, seed: 20261122 },
    );
  });

  it('give identical output for the same seed and actions, and can differ for another seed', () => {
    // Slow cooling through the arrhythmia band: rhythm changes come from the seeded generator.
    const scenario = testScenario({
      start: { environment: { medium: 'water', temperatureC: 10 }, coreTempC: 30 },
      endS: 6 * 3600,
    });
    const rhythmChangeTimes = (seed: number) => {
      const sim = createSimulation(scenario, { seed });
      const times: string[] = [];
      let last = sim.snapshot().rhythm;
      while (!sim.isFinished()) {
        sim.advance(10);
        const r = sim.snapshot().rhythm;
        if (r !== last) times.push(`${sim.timeS()}:${r}`);
        last = r;
      }
      return times.join(' ');
    };
    const first = rhythmChangeTimes(7);
    expect(first).not.toBe('');
    expect(rhythmChangeTimes(7)).toBe(first);
    const others = [8, 9, 10, 11].map(rhythmChangeTimes);
    expect(others.some((o) => o !== first)).toBe(true);
  });
});

// ---------------------------------------------------------------------------------------------------
// Every accepted input runs to its end (issue 16). Inputs are built as files would be and go through
// the loader (validateScenario), so only accepted inputs are run. Each case is a setup (patient,
// start, step, seed) and many control sequences from it: sequences of one setup share its settled
// start profile (remembered by the engine), so thousands of them fit in well under a minute.

/**
 * Steps tried, up to 3 s. Larger steps (the format allows 10 s) are left out until issue 16 item 3
 * (stability at big steps), handled separately, is done: at 4 s and more the smallest bodies at the
 * edges blow up, e.g. an 8 kg, 230 cm one-year-old put in 45 °C water gives NaN at 4.7 and 5 s
 * (fine at 3 s and below).
 */
const STEPS_S = [0.5, 0.7, 1, 1.3, 2, 2.5, 3] as const;
/** The finest step the format allows, tried on short runs only (each of its steps costs as much). */
const FINEST_STEP_S = STEP_LIMITS_S.min;

const { air: AIR_C, water: WATER_C } = SURROUNDINGS_TEMPERATURE_C;

/** A value at either end of a range, or inside it. */
const edgeOr = (min: number, max: number, inside: readonly number[] = []) =>
  fc.constantFrom(min, max, ...inside);

/** A patient at the edges of each field's range, among those the loader accepts. */
const edgePatient = fc
  .record(
    {
      sex: fc.constantFrom('male' as const, 'female' as const),
      ageYears: edgeOr(1, 110, [2.5, 15.9, 16, 30]),
      massKg: edgeOr(8, 250, [12.7, 40, 73]),
      heightCm: edgeOr(70, 230, [90.7, 140, 176]),
      bodyFatPercent: edgeOr(3, 60),
      haemoglobinGPerDl: edgeOr(5, 20),
    },
    { requiredKeys: ['sex', 'ageYears', 'massKg', 'heightCm'] },
  )
  .filter((p) => patientProblem(p) === undefined);

const fileEnvironment = fc.oneof(
  fc.record({
    medium: fc.constant('air' as const),
    temperatureC: fc.oneof(edgeOr(AIR_C.min, AIR_C.max), temperature(AIR_C.min, AIR_C.max)),
    windMPerS: fc.oneof(edgeOr(0, 40), fc.double({ min: 0, max: 40, noNaN: true })),
    clothingClo: edgeOr(0, 4, [1]),
  }),
  fc.record({
    medium: fc.constant('water' as const),
    temperatureC: fc.oneof(edgeOr(WATER_C.min, WATER_C.max), temperature(WATER_C.min, WATER_C.max)),
  }),
);

/** Actions as a file may write them (no engine-only fields), over their whole ranges. */
const fileAction: fc.Arbitrary<Action> = fc.oneof(
  fileEnvironment.map((e) => ({ do: 'setEnvironment' as const, ...e })),
  action.filter((a) => a.do !== 'setEnvironment'),
);

const setup = (steps: fc.Arbitrary<number>) =>
  fc.record({
    patient: edgePatient,
    environment: fileEnvironment,
    coreTempC: fc.oneof(edgeOr(10, 40, [37]), temperature(10, 40)),
    ventilationFio2: fc.option(edgeOr(0.21, 1), { nil: undefined }),
    stepSeconds: steps,
    seed: fc.integer({ min: 1, max: 1_000_000 }),
  });
type Setup = typeof setup extends (s: fc.Arbitrary<number>) => fc.Arbitrary<infer T> ? T : never;

/** A control sequence: an end anywhere up to `maxEndS`, scenario entries and learner actions at
 * random times up to it, and the chunks advance() is called with (cycled). */
const sequence = (maxEndS: number) =>
  fc
    .record({
      // Mostly between steps, sometimes on a whole second.
      endS: fc.oneof(
        fc.double({ min: 0.05, max: maxEndS, noNaN: true }),
        fc.integer({ min: 1, max: Math.floor(maxEndS) }),
      ),
      timeline: fc.array(fc.tuple(fc.double({ min: 0, max: 1, noNaN: true }), fileAction), {
        maxLength: 4,
      }),
      learner: fc.array(fc.tuple(fc.double({ min: 0, max: 1, noNaN: true }), fileAction), {
        maxLength: 6,
      }),
      chunksS: fc.array(fc.double({ min: 0.25, max: 900, noNaN: true }), {
        minLength: 1,
        maxLength: 4,
      }),
    })
    .map((q) => ({
      ...q,
      timeline: q.timeline.map(([f, a]) => ({ atS: f * q.endS, action: a })),
      learner: q.learner.map(([f, a]) => ({ atS: f * q.endS, action: a })),
    }));
type Sequence = typeof sequence extends (m: number) => fc.Arbitrary<infer T> ? T : never;

/** Outputs that are fractions of a whole (unit "1", but not a count or a ratio to a reference). */
const FRACTIONS = OUTPUTS.filter(
  (o) => o.unit === '1' && o.column !== 'alarm_count' && o.column !== 'skin_blood_flow_fraction',
);

/** Every output finite, every fraction in [0, 1] (the state vector marks unset settings with NaN). */
function checkFinite(sim: Simulation, what: string): void {
  const s = sim.snapshot();
  for (const o of OUTPUTS) {
    const value = s[o.key];
    if (!Number.isFinite(value)) throw new Error(`${what}: ${o.column} is ${value} at ${s.tS} s`);
  }
  for (const o of FRACTIONS) {
    const value = s[o.key];
    if (value < 0 || value > 1) throw new Error(`${what}: ${o.column} is ${value} at ${s.tS} s`);
  }
}

/** The scenario of a setup and sequence, through the loader as a file would go. */
function scenarioOf(u: Setup, q: Sequence): Scenario {
  return validateScenario(
    {
      format: 'coldboot/scenario@1',
      title: 'Random control sequence',
      briefing: 'Generated by a property test.',
      patient: u.patient,
      start: {
        environment: u.environment,
        coreTempC: u.coreTempC,
        ...(u.ventilationFio2 !== undefined ? { ventilationFio2: u.ventilationFio2 } : {}),
      },
      timeline: q.timeline.map((e) => ({ at: e.atS, ...e.action })),
      end: { at: q.endS },
    },
    'random.yaml',
  );
}

/**
 * Runs one sequence live (learner actions applied between advance() calls of the given chunks),
 * checking every chunk; then replays its own log, written and read back as a file, in one call;
 * the two must end at the end with the same state, bit for bit, and the same log.
 */
function runSequence(u: Setup, q: Sequence): void {
  const scenario = scenarioOf(u, q);
  const live = createSimulation(scenario, { seed: u.seed, stepSeconds: u.stepSeconds });
  checkFinite(live, 'start');
  let requestedS = 0;
  let calls = 0;
  const minChunkS = Math.min(...q.chunksS);
  const maxCalls = Math.ceil(q.endS / minChunkS) + q.learner.length + 10;
  const advanceTo = (targetS: number): void => {
    while (requestedS < targetS && !live.isFinished() && calls < maxCalls) {
      const chunkS = Math.min(q.chunksS[calls % q.chunksS.length]!, targetS - requestedS);
      live.advance(chunkS);
      requestedS += chunkS;
      calls++;
      checkFinite(live, `live run, after advance(${chunkS})`);
    }
  };
  const learner = [...q.learner].sort((a, b) => a.atS - b.atS);
  for (const entry of learner) {
    advanceTo(entry.atS);
    live.apply(entry.action, 'learner');
  }
  advanceTo(Infinity);
  if (!live.isFinished()) {
    throw new Error(`the run did not reach its end ${q.endS} s: it stands at ${live.timeS()} s`);
  }
  expect(Math.abs(live.timeS() - q.endS)).toBeLessThanOrEqual(1e-9 * Math.max(1, q.endS));
  expect(live.endReason()).toBe('time');

  const text = runLogToJson(runLogOf(live, {}));
  const log = parseRunLog(text, 'run.json');
  checkRunLogMatches(log, scenario, 'run.json', 'random.yaml');
  const replayed = createSimulation(scenario, replayOptions(log));
  replayed.advance(q.endS);
  expect(replayed.isFinished()).toBe(true);
  expect(replayDifference(live.log(), replayed.log())).toBeUndefined();
  const a = live.stateVector();
  const b = replayed.stateVector();
  const differs = a.findIndex((x, i) => !Object.is(x, b[i]));
  if (differs >= 0) {
    throw new Error(
      `the replay differs from the run in state slot ${differs}: ${a[differs]} vs ${b[differs]}`,
    );
  }
}

describe('every accepted input runs to its end', () => {
  it('runs 2,000 random valid control sequences to their end, finite, chunking-free and replayable', () => {
    let sequences = 0;
    fc.assert(
      fc.property(
        setup(fc.constantFrom(...STEPS_S)),
        fc.array(sequence(1800), { minLength: 40, maxLength: 40 }),
        (u, qs) => {
          // A short step runs shorter sequences, so every setup costs about the same.
          const limitS = Math.min(1800, 400 * u.stepSeconds);
          for (const q of qs) {
            runReported(u, { ...q, ...scaledTo(q, limitS) });
            sequences++;
          }
        },
      ),
      // No shrinking: each run is costly, and a failure names its setup and sequence in full.
      { numRuns: 50, seed: 20260116, endOnFailure: true },
    );
    expect(sequences).toBe(2000);
  }, 900_000);

  it('stays finite and steady at every step up to the format’s maximum (issue 16, item 3)', () => {
    // The smallest bodies at the edges once reached NaN at time zero at a 10 s step (an 8 kg older
    // adult), and swung by more than 1 °C a step (blood at 58 °C in 46 °C water): stepPatient now
    // sub-steps what its step is too long for.
    let sequences = 0;
    fc.assert(
      fc.property(
        setup(fc.constantFrom(3.5, 4.7, 5, 7, 7.5, 9.3, STEP_LIMITS_S.max)),
        fc.array(sequence(1800), { minLength: 10, maxLength: 10 }),
        (u, qs) => {
          for (const q of qs) {
            runSteadily(u, q);
            sequences++;
          }
        },
      ),
      { numRuns: 40, seed: 20261207, endOnFailure: true },
    );
    expect(sequences).toBe(400);
  }, 900_000);

  it(`runs sequences at the finest step the format allows (${FINEST_STEP_S} s) to their end`, () => {
    fc.assert(
      fc.property(
        setup(fc.constant(FINEST_STEP_S)),
        fc.array(sequence(40), { minLength: 10, maxLength: 10 }),
        (u, qs) => {
          for (const q of qs) runReported(u, q);
        },
      ),
      { numRuns: 2, seed: 20260117, endOnFailure: true },
    );
  }, 900_000);
});

/** Every temperature an input names (°C): environments, water, warming, the start's core. */
function inputTemperatures(value: unknown, out: number[] = []): number[] {
  if (Array.isArray(value)) for (const item of value) inputTemperatures(item, out);
  else if (value !== null && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      if (typeof item === 'number' && /TemperatureC$|^temperatureC$|TempC$/.test(key))
        out.push(item);
      else inputTemperatures(item, out);
    }
  }
  return out;
}

/** Margin of the body's temperatures beyond the inputs' range (and fever's 42 °C), °C. */
const RANGE_MARGIN_C = 2;
/** A step-to-step reversal larger than this both ways is an oscillation, °C. */
const OSCILLATION_C = 1;
const BODY_TEMPERATURES = [
  'bloodTempC',
  'brainTempC',
  'heartTempC',
  'coreTempC',
  'muscleTempC',
  'limbTempC',
  'shellTempC',
] as const;

/**
 * Runs a sequence one model step at a time (learner actions at their times): every output finite,
 * every body temperature within the range of the temperatures the inputs name (ice packs at 0 °C,
 * the body's own 37 to 42 °C) plus RANGE_MARGIN_C, and no temperature reversing by more than
 * OSCILLATION_C from one step to the next. A failure names the setup and the sequence.
 */
function runSteadily(u: Setup, q: Sequence): void {
  try {
    const temps = [...inputTemperatures([u, q]), 0, 37, 42];
    const lowC = Math.min(...temps) - RANGE_MARGIN_C;
    const highC = Math.max(...temps) + RANGE_MARGIN_C;
    const sim = createSimulation(scenarioOf(u, q), { seed: u.seed, stepSeconds: u.stepSeconds });
    checkFinite(sim, 'start');
    const learner = [...q.learner].sort((a, b) => a.atS - b.atS);
    let next = 0;
    let before = sim.snapshot();
    const lastChange = new Map<string, number>();
    while (!sim.isFinished()) {
      // A step right after a learner's action may jump (a cold prime mixed into the blood, an
      // immersion): that jump and the recovery after it are not an oscillation.
      let acted = false;
      while (next < learner.length && learner[next]!.atS <= sim.timeS()) {
        sim.apply(learner[next]!.action, 'learner');
        next++;
        acted = true;
      }
      sim.advance(u.stepSeconds);
      checkFinite(sim, `step to ${sim.timeS()} s`);
      const after = sim.snapshot();
      for (const key of BODY_TEMPERATURES) {
        const t = after[key];
        if (t < lowC || t > highC) {
          throw new Error(`${key} is ${t} °C at ${after.tS} s, outside ${lowC} to ${highC} °C`);
        }
        const change = t - before[key];
        const last = lastChange.get(key) ?? 0;
        if (
          Math.abs(change) > OSCILLATION_C &&
          Math.abs(last) > OSCILLATION_C &&
          change * last < 0
        ) {
          throw new Error(`${key} oscillates: ${last} then ${change} °C a step, at ${after.tS} s`);
        }
        lastChange.set(key, acted ? 0 : change);
      }
      before = after;
    }
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    throw new Error(`${message}\nsetup: ${JSON.stringify(u)}\nsequence: ${JSON.stringify(q)}`, {
      cause: error,
    });
  }
}

/** runSequence, with a failure naming the setup and the sequence, so it can be run again alone. */
function runReported(u: Setup, q: Sequence): void {
  try {
    runSequence(u, q);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    throw new Error(`${message}\nsetup: ${JSON.stringify(u)}\nsequence: ${JSON.stringify(q)}`, {
      cause: error,
    });
  }
}

/** A sequence's times scaled so that its end is at most `limitS` (entries keep their places). */
function scaledTo(q: Sequence, limitS: number): Pick<Sequence, 'endS' | 'timeline' | 'learner'> {
  if (q.endS <= limitS) return q;
  const k = limitS / q.endS;
  return {
    endS: q.endS * k,
    timeline: q.timeline.map((e) => ({ ...e, atS: e.atS * k })),
    learner: q.learner.map((e) => ({ ...e, atS: e.atS * k })),
  };
}
