import { describe, expect, it } from 'vitest';
import {
  DEFAULT_MEMBER_STEP_S,
  ORDERED_PAIRS,
  actionsToReplay,
  parseActionLog,
  runEnsemble,
  runMember,
  seriesTimes,
  type EnsembleRequest,
  type EnsembleResult,
} from '../../models/ensemble/index.ts';
import {
  allParameters,
  createSimulation,
  ScenarioError,
  type Parameter,
  type Scenario,
} from '../../models/index.ts';
import { iceWaterImmersion, testScenario } from '../helpers.ts';

/** 30 minutes: ice water, a VF arrest at 5 min, compressions and oxygen from 10 min. */
const arrest: Scenario = testScenario({
  start: iceWaterImmersion.start,
  timeline: [
    ...iceWaterImmersion.timeline!,
    { atS: 300, action: { do: 'cardiacArrest', rhythm: 'vf' } },
    { atS: 600, action: { do: 'startCpr', mode: 'mechanical' } },
    { atS: 600, action: { do: 'ventilate', fio2: 1 } },
  ],
  endS: 1800,
});

// A 5 s step keeps these tests quick (creating a run settles 4 simulated hours first).
const request: EnsembleRequest = {
  scenario: arrest,
  members: 20,
  seed: 11,
  stepSeconds: 5,
  fan: { everyS: 600 },
};

// Members run slowly under Vitest's module transform; the tests share one ensemble where they can.
let shared: EnsembleResult | undefined;
const base = (): EnsembleResult => (shared ??= runEnsemble(request));

describe('runEnsemble', () => {
  it('gives identical statistics for the same seed, and different ones for another seed', () => {
    const a = base();
    const b = runEnsemble(request);
    expect(b).toEqual(a);
    const c = runEnsemble({ ...request, seed: 12, fan: undefined });
    expect(c.summary.brain_lost_fraction).not.toEqual(a.summary.brain_lost_fraction);
    // The spread is real: members differ.
    expect(a.summary.brain_lost_fraction.p95).toBeGreaterThan(a.summary.brain_lost_fraction.p5);
  });

  it('with every range collapsed and one shared seed, equals a single run exactly', () => {
    const seed = 5;
    const sim = createSimulation(arrest, { seed, stepSeconds: DEFAULT_MEMBER_STEP_S });
    sim.advance(arrest.end.atS);
    const single = sim.outcome();
    const { summary } = runEnsemble({
      scenario: arrest,
      members: 3,
      seed,
      ranges: 'collapsed',
      seeds: 'shared',
    });
    expect(summary.sampled_parameters).toBe(0);
    for (const key of ['p5', 'p25', 'p50', 'p75', 'p95'] as const) {
      expect(summary.brain_lost_fraction[key]).toBe(single.brain_lost_fraction);
      expect(summary.min_core_temp_c[key]).toBe(single.min_core_temp_c);
      expect(summary.max_potassium_mmol_l[key]).toBe(single.max_potassium_mmol_l);
    }
    // A mean of three equal numbers (sum, then divide) can differ from them in the last bit.
    for (const key of ['brain_lost_fraction', 'min_core_temp_c', 'max_potassium_mmol_l'] as const) {
      expect(Math.abs(summary[key].mean - single[key])).toBeLessThanOrEqual(
        4 * Number.EPSILON * Math.abs(single[key]),
      );
    }
    expect(summary.survival.probability).toBeCloseTo(single.survival_probability, 12);
    expect(summary.neuro_outcome_cpc[String(single.neuro_outcome_cpc) as '1'].count).toBe(3);
    expect(summary.rosc_time_s.members_with_rosc).toBe(single.rosc_time_s === null ? 0 : 3);
    expect(single.brain_lost_fraction).toBeGreaterThan(0); // a case where it could differ
  });

  it('with ranges collapsed but a seed per member, differs only by chance events', () => {
    const { summary } = runEnsemble({ scenario: arrest, members: 4, ranges: 'collapsed' });
    const sim = createSimulation(testScenario({ ...iceWaterImmersion, endS: 1200 }), {
      stepSeconds: DEFAULT_MEMBER_STEP_S,
    });
    sim.advance(1200);
    // Nothing random happens in 20 minutes of immersion without an arrest: all members agree.
    const quiet = runEnsemble({
      scenario: testScenario({ ...iceWaterImmersion, endS: 1200 }),
      members: 4,
      ranges: 'collapsed',
    }).summary;
    expect(quiet.min_core_temp_c.p5).toBe(sim.outcome().min_core_temp_c);
    expect(quiet.min_core_temp_c.p95).toBe(sim.outcome().min_core_temp_c);
    expect(summary.members).toBe(4);
  });

  it('reports ordered quantiles and fan bands', () => {
    const { summary, fanBands } = base();
    for (const d of [
      summary.brain_lost_fraction,
      summary.min_core_temp_c,
      summary.max_potassium_mmol_l,
      ...(summary.rosc_time_s.distribution ? [summary.rosc_time_s.distribution] : []),
    ]) {
      expect(d.p5).toBeLessThanOrEqual(d.p25);
      expect(d.p25).toBeLessThanOrEqual(d.p50);
      expect(d.p50).toBeLessThanOrEqual(d.p75);
      expect(d.p75).toBeLessThanOrEqual(d.p95);
    }
    const cpcTotal = Object.values(summary.neuro_outcome_cpc).reduce((a, c) => a + c.count, 0);
    expect(cpcTotal).toBe(20);
    expect(fanBands!.times).toEqual([0, 600, 1200, 1800]);
    for (const band of Object.values(fanBands!.bands)) {
      band.p5.forEach((p5, i) => {
        expect(p5).toBeLessThanOrEqual(band.p50[i]!);
        expect(band.p50[i]!).toBeLessThanOrEqual(band.p95[i]!);
      });
    }
    // Brain cells are lost, never regained: the median band never falls.
    const lost = fanBands!.bands.brainAutolysedFraction!.p50;
    for (let i = 1; i < lost.length; i++) expect(lost[i]!).toBeGreaterThanOrEqual(lost[i - 1]!);
  });

  it('lists every sampled parameter, strongest rank correlation first', () => {
    const { summary } = base();
    const list = summary.sensitivity.brain_lost_fraction;
    expect(list).toHaveLength(summary.sampled_parameters);
    const strengths = list.map((s) => Math.abs(s.rho_brain_lost_fraction ?? -1));
    for (let i = 1; i < strengths.length; i++) {
      expect(strengths[i]!).toBeLessThanOrEqual(strengths[i - 1]!);
    }
  });

  it('finds the parameter that drives the outcome and not one that cannot', () => {
    // Brain tolerance sets how fast arrested brain cells go out of spec; the CPC 2 threshold only
    // labels the outcome and cannot change the fraction of cells lost.
    const { summary } = runEnsemble({
      scenario: arrest,
      members: 20,
      seed: 4,
      stepSeconds: 5,
      vary: ['cpc2AutolysedFraction', 'brainToleranceMedianMin'],
    });
    const [first, second] = summary.sensitivity.brain_lost_fraction;
    expect(first!.parameter).toBe('brainToleranceMedianMin');
    expect(first!.rho_brain_lost_fraction!).toBeLessThan(-0.8);
    expect(second!.parameter).toBe('cpc2AutolysedFraction');
    expect(Math.abs(second!.rho_brain_lost_fraction!)).toBeLessThan(
      summary.sensitivity.noise_level!,
    );
  });
});

describe('runMember', () => {
  it('replays a learner action log exactly (scenario entries come from the scenario)', () => {
    const learner = createSimulation(arrest, { seed: 3 });
    learner.advance(300);
    learner.apply({ do: 'ventilate', fio2: 0.6 });
    learner.advance(900);
    learner.apply({ do: 'defibrillate' });
    learner.apply({ do: 'stopCpr' }, 'instructor');
    learner.advance(arrest.end.atS);
    const log = JSON.parse(JSON.stringify({ actions: learner.log() })) as unknown;
    const actions = parseActionLog(log, 'run.json', arrest);
    expect(actions.map((a) => a.action.do)).toEqual(['ventilate', 'defibrillate', 'stopCpr']);
    const replayed = runMember({ scenario: arrest, actions, seed: 3, stepSeconds: 1 });
    expect(replayed.outcome).toEqual(learner.outcome());
    expect(actionsToReplay(learner.log())).toHaveLength(3);
  });

  it('records series on the grid that equal a single run at those times', () => {
    const keys = ['brainTempC', 'coreTempC', 'brainAutolysedFraction'] as const;
    const result = runMember({ scenario: arrest, seed: 2, series: { everyS: 700, keys } });
    const times = seriesTimes(arrest.end.atS, 700);
    expect(times).toEqual([0, 700, 1400, 1800]);
    const sim = createSimulation(arrest, { seed: 2, stepSeconds: DEFAULT_MEMBER_STEP_S });
    times.forEach((t, i) => {
      sim.advance(t - sim.timeS());
      const snap = sim.snapshot();
      keys.forEach((k, j) => expect(result.series![i * keys.length + j]).toBe(snap[k]));
    });
    expect(result.outcome).toEqual(sim.outcome());
  });

  it('never produces NaN at the corners of the parameter space', () => {
    const corner = (pick: (p: Parameter) => number): Record<string, number> =>
      Object.fromEntries(
        (Object.entries(allParameters) as [string, Parameter][]).map(([n, p]) => [n, pick(p)]),
      );
    const corners = [
      corner((p) => p.min),
      corner((p) => p.max),
      corner((p) => (p.unit === '°C' ? p.max : p.min)),
    ];
    // Every corner keeps the required orders (their ranges are ordered at both ends).
    for (const c of corners) {
      for (const pair of ORDERED_PAIRS) {
        expect(c[pair.lower]! + pair.gap).toBeLessThanOrEqual(c[pair.upper]!);
      }
    }
    const warm = testScenario({ endS: 1200 });
    for (const scenario of [arrest, warm]) {
      for (const parameters of corners) {
        // runMember throws if any outcome or recorded value is not finite.
        const r = runMember({
          scenario,
          parameters,
          seed: 1,
          series: { everyS: 600, keys: ['brainTempC', 'coreTempC', 'potassiumMmolPerL'] },
        });
        expect(Number.isFinite(r.outcome.brain_lost_fraction)).toBe(true);
      }
    }
  });

  it('refuses actions after the end of the scenario', () => {
    expect(() =>
      runMember({
        scenario: arrest,
        seed: 1,
        actions: [
          { atS: 600, action: { do: 'stopCpr' } },
          { atS: 3000, action: { do: 'stopCpr' } },
        ],
      }),
    ).toThrow(
      /actions\[1\]\.atS: expected a time from 0 to 1800 s \(within the scenario\), found 3000/,
    );
  });
});

describe('parseActionLog', () => {
  const parse = (data: unknown) => () => parseActionLog(data, 'run.json', arrest);

  it('accepts a bare list of timed actions and drops the scenario entries', () => {
    const actions = parseActionLog(
      [
        { atS: 0, source: 'scenario', action: { do: 'immerse', waterTemperatureC: 2 } },
        { atS: 1200, source: 'learner', action: { do: 'ventilate', fio2: 1 } },
        { atS: 60, action: { do: 'message', text: 'hello' } },
      ],
      'run.json',
      arrest,
    );
    expect(actions).toEqual([
      { atS: 60, source: 'learner', action: { do: 'message', text: 'hello' } },
      { atS: 1200, source: 'learner', action: { do: 'ventilate', fio2: 1 } },
    ]);
  });

  it.each([
    [{ steps: [] }, /run\.json: expected an action log/],
    [{ actions: 3 }, /run\.json: actions: expected a list of actions, found 3/],
    [
      { actions: [{ atS: -1, action: { do: 'stopCpr' } }] },
      /actions\[0\]\.atS: expected a simulated time/,
    ],
    [{ actions: [{ atS: 60 }] }, /actions\[0\]\.action: expected an action/],
    [
      {
        actions: [
          { atS: 1, action: { do: 'stopCpr' } },
          { atS: 60, action: { do: 'ventilate', fio2: 3 } },
        ],
      },
      /run\.json: actions\[1\]\.action\.fio2: expected a number from 0\.21 to 1/,
    ],
    [
      { actions: [{ atS: 9000, action: { do: 'stopCpr' } }] },
      /run\.json: actions\[0\]\.atS: expected a time no later than the end \(30:00\)/,
    ],
    [{ actions: [{ atS: 60, action: { do: 'teleport' } }] }, /actions\[0\]\.action\.do/],
    [
      [{ atS: 60, source: 'robot', action: { do: 'stopCpr' } }],
      /run\.json: \[0\]\.source: expected scenario, learner or instructor/,
    ],
  ])('refuses %j with file, field, expected and found', (data, message) => {
    expect(parse(data)).toThrow(ScenarioError);
    expect(parse(data)).toThrow(message);
  });
});
