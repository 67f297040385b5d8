import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createSimulation, parseScenario } from '../../models/index.ts';
import { runLogOf, runLogToJson } from '../../models/scenario/runLog.ts';
import { main } from '../../src/cli/main.ts';

async function cli(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await main(argv, { stdout: (t) => (out += t), stderr: (t) => (err += t) });
  return { code, out, err };
}

const dir = mkdtempSync(join(tmpdir(), 'coldboot-ensemble-'));
/** 20 minutes in ice water with an arrest at 5 min and compressions from 10 min. */
const scenario = join(dir, 'short.yaml');
writeFileSync(
  scenario,
  `format: coldboot/scenario@1
title: Short arrest
briefing: A short scenario for tests.
patient: { preset: adult-male }
start: { environment: { medium: air, temperatureC: 5, clothingClo: 1 } }
timeline:
  - { at: 0, do: immerse, waterTemperatureC: 2, airPocket: true, headAboveWater: true }
  - { at: '5:00', do: cardiacArrest, rhythm: vf }
  - { at: '10:00', do: startCpr, mode: mechanical }
end: { at: '20:00' }
`,
);
const log = join(dir, 'run.json');
writeFileSync(
  log,
  JSON.stringify({
    actions: [
      { atS: 0, source: 'scenario', action: { do: 'immerse', waterTemperatureC: 2 } },
      { atS: 660, source: 'learner', action: { do: 'ventilate', fio2: 1 } },
    ],
  }),
);

/** The same short scenario with an expert run: oxygen at 2:00, more at 11:00, a shock at 15:00. */
const withExpert = join(dir, 'expert.yaml');
writeFileSync(
  withExpert,
  readFileSync(scenario, 'utf8') +
    `expert:
  actions:
    - { at: '2:00', do: ventilate, fio2: 0.5 }
    - { at: '11:00', do: ventilate, fio2: 1 }
    - { at: '15:00', do: defibrillate }
`,
);
const expertLog = join(dir, 'expert-actions.json');
writeFileSync(
  expertLog,
  JSON.stringify({
    actions: [
      { atS: 120, action: { do: 'ventilate', fio2: 0.5 } },
      { atS: 660, action: { do: 'ventilate', fio2: 1 } },
      { atS: 900, action: { do: 'defibrillate' } },
    ],
  }),
);

interface Replayed {
  what: string;
  description: string;
  log_actions: number;
  expert_actions: number;
  expert_from_s?: number;
}

/** The ensemble's numbers without the lines that say where the actions came from. */
function outcomesOf(json: string): Record<string, unknown> {
  const {
    replayed: _r,
    actions_replayed: _a,
    ...rest
  } = JSON.parse(json) as Record<string, unknown>;
  return rest;
}

interface EnsembleJson {
  title: string;
  members: number;
  seed: number;
  actions_replayed: number;
  replayed: Replayed;
  members_out?: string;
  survival: { probability: number; survivors: number; ci95: [number, number] };
  neuro_outcome_cpc: Record<string, { count: number; fraction: number }>;
  brain_lost_fraction: Record<string, number>;
  rosc_time_s: { members_with_rosc: number; members_without_rosc: number };
  min_core_temp_c: Record<string, number>;
  max_potassium_mmol_l: Record<string, number>;
  sensitivity: {
    noise_level: number;
    brain_lost_fraction: { parameter: string; rho_brain_lost_fraction: number }[];
    survived: { parameter: string }[];
  };
  fan_bands?: { times: number[]; bands: Record<string, { p5: number[]; p95: number[] }> };
}

describe('coldboot ensemble', () => {
  it('prints the outcome distribution as JSON, the same with and without worker threads', async () => {
    const common = ['ensemble', scenario, '--members', '6', '--seed', '4', '--format', 'json'];
    const threads = await cli(...common, '--workers', '2', '--log', log, '--fan', '600');
    expect(threads.err).toBe('');
    expect(threads.code).toBe(0);
    const result = JSON.parse(threads.out) as EnsembleJson;
    expect(result.title).toBe('Short arrest');
    expect(result.members).toBe(6);
    expect(result.actions_replayed).toBe(1);
    const cpc = Object.values(result.neuro_outcome_cpc).reduce((a, c) => a + c.count, 0);
    expect(cpc).toBe(6);
    expect(result.rosc_time_s.members_with_rosc + result.rosc_time_s.members_without_rosc).toBe(6);
    for (const d of [result.brain_lost_fraction, result.min_core_temp_c]) {
      expect(d.p5).toBeLessThanOrEqual(d.p50!);
      expect(d.p50).toBeLessThanOrEqual(d.p95!);
    }
    expect(result.sensitivity.brain_lost_fraction.length).toBeGreaterThan(100);
    expect(result.fan_bands!.times).toEqual([0, 600, 1200]);
    // Same numbers in this thread: the result never depends on the number of threads.
    const inline = await cli(...common, '--workers', '0', '--log', log, '--fan', '600');
    expect(inline.out).toBe(threads.out);
    // The learner's oxygen changes the result.
    const withoutLog = await cli(...common, '--workers', '0', '--fan', '600');
    expect(withoutLog.out).not.toBe(threads.out);
  });

  it('with --collapse and --shared-seed equals coldboot summary for that seed', async () => {
    const single = JSON.parse(
      (await cli('summary', scenario, '--seed', '9', '--set', 'brainQ10=3')).out,
    ) as Record<string, number>;
    const ensemble = await cli(
      'ensemble',
      scenario,
      '--members',
      '2',
      '--seed',
      '9',
      '--collapse',
      '--shared-seed',
      '--step',
      '1',
      '--set',
      'brainQ10=3',
      '--workers',
      '0',
      '--format',
      'json',
    );
    expect(ensemble.code).toBe(0);
    const result = JSON.parse(ensemble.out) as EnsembleJson;
    expect(result.brain_lost_fraction.p5).toBe(single.brain_lost_fraction);
    expect(result.brain_lost_fraction.p95).toBe(single.brain_lost_fraction);
    expect(result.min_core_temp_c.p50).toBe(single.min_core_temp_c);
    expect(result.max_potassium_mmol_l.p50).toBe(single.max_potassium_mmol_l);
  });

  it('replays a recorded run log (coldboot/run-log@1) and holds its parameter overrides', async () => {
    const parsed = parseScenario(readFileSync(scenario, 'utf8'), 'short.yaml');
    const sim = createSimulation(parsed, { seed: 2, parameters: { brainQ10: 3 } });
    sim.advance(660);
    sim.apply({ do: 'ventilate', fio2: 1 });
    sim.advance(1200);
    const recorded = join(dir, 'recorded.json');
    writeFileSync(recorded, runLogToJson(runLogOf(sim, { brainQ10: 3 })));
    const common = ['ensemble', scenario, '--members', '3', '--workers', '0', '--format', 'json'];
    const fromRunLog = await cli(...common, '--log', recorded);
    expect(fromRunLog.err).toBe('');
    const result = JSON.parse(fromRunLog.out) as EnsembleJson & {
      held_parameters: Record<string, number>;
    };
    expect(result.actions_replayed).toBe(1);
    expect(result.held_parameters).toEqual({ brainQ10: 3 });
    // The same actions and held parameter given as a plain action log and --set.
    const plain = await cli(...common, '--log', log, '--set', 'brainQ10=3');
    expect(outcomesOf(fromRunLog.out)).toEqual(outcomesOf(plain.out));
    // A run log of another scenario is refused, as by coldboot summary --log.
    const other = join(dir, 'other.json');
    writeFileSync(
      other,
      readFileSync(recorded, 'utf8').replace(/sha256:[0-9a-f]{64}/, `sha256:${'0'.repeat(64)}`),
    );
    const refused = await cli(...common, '--log', other);
    expect(refused.code).toBe(2);
    expect(refused.err).toMatch(/^other\.json: scenario\.hash: expected the hash of short\.yaml/);
  });

  it("replays the scenario's expert run with --expert, and says so", async () => {
    const common = ['ensemble', withExpert, '--members', '3', '--workers', '0', '--format', 'json'];
    const expert = await cli(...common, '--expert');
    expect(expert.err).toBe('');
    expect(expert.code).toBe(0);
    const result = JSON.parse(expert.out) as EnsembleJson;
    expect(result.actions_replayed).toBe(3);
    expect(result.replayed).toEqual({
      what: 'expert',
      description: 'the expert run (3 actions)',
      log_actions: 0,
      expert_actions: 3,
    });
    // The same actions as a plain log give the same numbers.
    const asLog = await cli(...common, '--log', expertLog);
    expect((JSON.parse(asLog.out) as EnsembleJson).replayed.description).toBe(
      'the 3 actions of expert-actions.json',
    );
    expect(outcomesOf(asLog.out)).toEqual(outcomesOf(expert.out));
    const text = await cli('ensemble', withExpert, '--members', '2', '--workers', '0', '--expert');
    expect(text.out).toContain('  actions replayed: the expert run (3 actions)\n');
  });

  it("says when nothing is replayed, and which log's actions are", async () => {
    const none = await cli('ensemble', scenario, '--members', '2', '--workers', '0');
    expect(none.out).toContain(
      "  actions replayed: none: only the scenario's own timeline, nobody acts (no --log or --expert)\n",
    );
    const logged = await cli(
      ...['ensemble', scenario, '--members', '2', '--workers', '0'],
      '--log',
      log,
    );
    expect(logged.out).toContain('  actions replayed: the 1 action of run.json\n');
  });

  it("with --log and --expert follows the expert's plan from where a recorded run stopped", async () => {
    const parsed = parseScenario(readFileSync(withExpert, 'utf8'), 'expert.yaml');
    const sim = createSimulation(parsed, { seed: 2 });
    sim.advance(120);
    sim.apply({ do: 'ventilate', fio2: 0.5 });
    sim.advance(480);
    const stopped = join(dir, 'stopped.json');
    writeFileSync(stopped, runLogToJson(runLogOf(sim, {})));
    const common = ['ensemble', withExpert, '--members', '3', '--workers', '0', '--format', 'json'];
    const continued = await cli(...common, '--log', stopped, '--expert');
    expect(continued.err).toBe('');
    const result = JSON.parse(continued.out) as EnsembleJson;
    expect(result.replayed).toEqual({
      what: 'log-then-expert',
      description:
        "the 1 action of stopped.json to 0:10:00, where it stopped, then the expert run's 2 actions from there",
      log_actions: 1,
      expert_actions: 2,
      expert_from_s: 600,
    });
    // The learner's action at 2:00, then the expert's at 11:00 and 15:00: the whole expert run here.
    expect(outcomesOf(continued.out)).toEqual(outcomesOf((await cli(...common, '--expert')).out));
    // Without --expert, nothing more is done after 10:00, and the output says so.
    const alone = JSON.parse((await cli(...common, '--log', stopped)).out) as EnsembleJson;
    expect(alone.replayed.description).toBe(
      'the 1 action of stopped.json, which stopped at 0:10:00; nothing more is done after it',
    );
  });

  it('writes every member with its seed, sampled parameters and outcome to --members-out', async () => {
    const csv = join(dir, 'members.csv');
    const common = ['ensemble', scenario, '--members', '4', '--seed', '3', '--step', '1'];
    const run = await cli(...common, '--workers', '2', '--members-out', csv, '--format', 'json');
    expect(run.err).toBe('');
    expect(run.code).toBe(0);
    const result = JSON.parse(run.out) as EnsembleJson & { sampled_parameters: number };
    expect(result.members_out).toBe(csv);
    const text = readFileSync(csv, 'utf8');
    const [header, ...rows] = text.trimEnd().split('\n');
    const columns = header!.split(',');
    expect(rows).toHaveLength(4);
    expect(columns.slice(0, 2)).toEqual(['member', 'seed']);
    expect(columns).toContain('selfCheckHalfTempC');
    for (const outcome of [
      'survived',
      'rosc_time_s',
      'neuro_outcome_cpc',
      'brain_lost_fraction',
      'min_core_temp_c',
      'max_potassium_mmol_l',
    ]) {
      expect(columns).toContain(outcome);
    }
    const member = Object.fromEntries(rows[2]!.split(',').map((v, i) => [columns[i]!, v]));
    expect(member.member).toBe('2');
    // The values parse back exactly: a single run with them reproduces the member's outcome.
    const sets = columns
      .slice(2, 2 + result.sampled_parameters)
      .flatMap((name) => ['--set', `${name}=${member[name]}`]);
    const single = JSON.parse(
      (await cli('summary', scenario, '--seed', member.seed!, ...sets)).out,
    ) as Record<string, unknown>;
    // Every outcome field of a run is a column, after the sampled parameters.
    const notOutcome = ['title', 'seed', 'end_s', 'end_reason', 'score'];
    expect(columns.slice(2 + result.sampled_parameters)).toEqual(
      Object.keys(single).filter((key) => !notOutcome.includes(key)),
    );
    expect(String(single.brain_lost_fraction)).toBe(member.brain_lost_fraction);
    expect(String(single.min_core_temp_c)).toBe(member.min_core_temp_c);
    expect(String(single.survived)).toBe(member.survived);
    expect(single.rosc_time_s === null ? '' : String(single.rosc_time_s)).toBe(member.rosc_time_s);
    // The same file whatever the number of threads; the text output names it.
    const again = join(dir, 'members-0.csv');
    const inline = await cli(...common, '--workers', '0', '--members-out', again);
    expect(readFileSync(again, 'utf8')).toBe(text);
    expect(inline.out).toContain(`Members (parameters and outcome of each, CSV): ${again}`);
  });

  it('prints a readable text summary by default', async () => {
    const { code, out } = await cli('ensemble', scenario, '--members', '4', '--workers', '0');
    expect(code).toBe(0);
    expect(out).toContain('Ensemble: Short arrest');
    expect(out).toMatch(/Survival: \d+\.\d %/);
    expect(out).toContain('CPC 5 brain death or death');
    expect(out).toMatch(/Brain cells lost \(fraction\) +\d\.\d{3}/);
    expect(out).toContain('What matters most (Spearman rank correlation');
  });

  it('is listed in the help', async () => {
    const { out } = await cli('help');
    expect(out).toContain('coldboot ensemble <scenario> --members N');
  });

  it.each([
    [['ensemble', 'x.yaml'], /ensemble needs --members N/],
    [['ensemble', '--members', '5'], /ensemble takes one scenario file, found none/],
    [
      ['ensemble', 'SCENARIO', '--members', '0'],
      /--members: expected a whole number from 1 to 20000, found "0"/,
    ],
    [
      ['ensemble', 'SCENARIO', '--members', 'ten'],
      /--members: expected a whole number from 1 to 20000, found "ten"/,
    ],
    [
      ['ensemble', 'SCENARIO', '--members', '3', '--format', 'csv'],
      /--format: expected text or json, found "csv"/,
    ],
    [
      ['ensemble', 'SCENARIO', '--members', '3', '--workers', '-1'],
      /--workers: expected a whole number of threads from 0 to 64/,
    ],
    [
      ['ensemble', 'SCENARIO', '--members', '3', '--step', '20'],
      /--step: expected a model step in seconds/,
    ],
    [
      ['ensemble', 'SCENARIO', '--members', '3', '--seed', '1.5'],
      /--seed: expected a whole number, found "1.5"/,
    ],
    [['ensemble', 'SCENARIO', '--members', '3', '--colour'], /unknown option --colour/],
    [
      ['ensemble', 'SCENARIO', '--members', '3', '--set', 'brainQ10=9'],
      /--set: parameter "brainQ10": expected a number from 2.2 to 3.5/,
    ],
    [
      ['ensemble', 'SCENARIO', '--members', '3', '--vary', 'nope'],
      /--vary: unknown parameter "nope"/,
    ],
    [
      ['ensemble', 'SCENARIO', '--members', '3', '--log', '/no/such/run.json'],
      /run.json: expected a readable action log \(JSON\), found no such file/,
    ],
    [['ensemble', '/no/such/scenario.yaml', '--members', '3'], /no such file/],
    [
      ['ensemble', 'SCENARIO', '--members', '3', '--expert'],
      /short\.yaml: expert: expected an expert run \(expert: \{ actions: \[\.\.\.\] \}\) for --expert, found nothing/,
    ],
    [
      ['ensemble', 'EXPERT', '--members', '3', '--expert', '--log', 'LOG'],
      /--log with --expert follows the expert's plan from where a recorded run stopped, but run\.json has no such point/,
    ],
    [
      ['ensemble', 'SCENARIO', '--members', '1', '--members-out', '/no/such/dir/members.csv'],
      /--members-out: cannot write \/no\/such\/dir\/members\.csv/,
    ],
  ])('exits 2 with a clear message for %j', async (argv, message) => {
    const files: Record<string, string> = { SCENARIO: scenario, EXPERT: withExpert, LOG: log };
    const { code, err, out } = await cli(...argv.map((a) => files[a] ?? a));
    expect(err).toMatch(message);
    expect(code).toBe(2);
    expect(out).toBe('');
  });

  it('exits 2 naming the field of a bad action log', async () => {
    const bad = join(dir, 'bad.json');
    writeFileSync(
      bad,
      JSON.stringify({ actions: [{ atS: 60, action: { do: 'ventilate', fio2: 5 } }] }),
    );
    const { code, err } = await cli('ensemble', scenario, '--members', '2', '--log', bad);
    expect(code).toBe(2);
    expect(err).toMatch(
      /^bad\.json: actions\[0\]\.action\.fio2: expected a number from 0\.21 to 1/,
    );
    const notJson = join(dir, 'not.json');
    writeFileSync(notJson, '{ actions: ');
    const second = await cli('ensemble', scenario, '--members', '2', '--log', notJson);
    expect(second.code).toBe(2);
    expect(second.err).toMatch(/^not\.json: expected valid JSON, found /);
  });
});
