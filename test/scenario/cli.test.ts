// The command line's scenario commands: run/summary with --log, --expert and --save-log, grade,
// debrief and schema.

import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.ts';

const root = join(import.meta.dirname, '..', '..');
const drowning = join(root, 'scenarios', 'warm-water-drowning.yaml');
const ice = join(root, 'scenarios', 'through-the-ice.yaml');
const skier = join(root, 'test', 'fixtures', 'skier-under-ice.yaml');
const dhca = join(root, 'public', 'scenarios', 'dhca-aortic-surgery.yaml');

async function cli(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await main(argv, { stdout: (t) => (out += t), stderr: (t) => (err += t) });
  return { code, out, err };
}

const dir = mkdtempSync(join(tmpdir(), 'coldboot-scenario-'));

describe('run --save-log and --log', () => {
  it('replays a saved expert run to the same bytes, and differs from the scenario alone', async () => {
    const logPath = join(dir, 'expert.json');
    const first = await cli('run', drowning, '--expert', '--every', '60', '--save-log', logPath);
    expect(first.err).toBe('');
    expect(first.code).toBe(0);
    const log = JSON.parse(readFileSync(logPath, 'utf8')) as {
      format: string;
      actions: { source: string; action: { do: string } }[];
    };
    expect(log.format).toBe('coldboot/run-log@1');
    expect(log.actions.filter((a) => a.source === 'learner').map((a) => a.action.do)).toEqual([
      'ventilate',
    ]);
    const replay = await cli('run', drowning, '--log', logPath, '--every', '60');
    expect(replay.err).toBe('');
    expect(replay.out).toBe(first.out);
    const alone = await cli('run', drowning, '--every', '60');
    expect(alone.out).not.toBe(first.out);
  });

  it('summary --log prints the outcome with the score, the same as grade', async () => {
    const logPath = join(dir, 'expert-summary.json');
    await cli('run', drowning, '--expert', '--save-log', logPath);
    const summary = await cli('summary', drowning, '--log', logPath);
    expect(summary.code).toBe(0);
    const outcome = JSON.parse(summary.out) as Record<string, unknown>;
    expect(outcome.score).toBe(100);
    for (const key of ['survived', 'rosc_time_s', 'neuro_outcome_cpc', 'alarm_count', 'end_reason'])
      expect(outcome).toHaveProperty(key);
    const plain = JSON.parse((await cli('summary', drowning)).out) as Record<string, unknown>;
    expect(plain.score).toBeLessThan(100);
    // A scenario without objectives has no score.
    expect(JSON.parse((await cli('summary', skier)).out)).not.toHaveProperty('score');
  });

  it('refuses a log of another scenario, naming both files (exit 2)', async () => {
    const logPath = join(dir, 'drowning.json');
    await cli('run', drowning, '--expert', '--save-log', logPath);
    const { code, err } = await cli('run', ice, '--log', logPath);
    expect(code).toBe(2);
    expect(err).toMatch(
      /^drowning\.json: scenario\.hash: expected the hash of through-the-ice\.yaml \(sha256:[0-9a-f]{64}\), found sha256:/,
    );
  });

  it('notes on stderr when a replay departs from the recorded log', async () => {
    const logPath = join(dir, 'edited.json');
    await cli('run', drowning, '--expert', '--save-log', logPath);
    // Move the first timed scenario message one second later, wherever the model puts it.
    const log = JSON.parse(readFileSync(logPath, 'utf8')) as {
      actions: { atS: number; source: string; action: { do: string } }[];
    };
    const index = log.actions.findIndex(
      (e) => e.source === 'scenario' && e.action.do === 'message' && e.atS > 0,
    );
    expect(index).toBeGreaterThan(0);
    const atS = log.actions[index]!.atS;
    log.actions[index]!.atS = atS + 1;
    writeFileSync(logPath, JSON.stringify(log));
    const { code, err } = await cli('summary', drowning, '--log', logPath);
    expect(code).toBe(0);
    const clock = (t: number) => `${Math.floor(t / 60)}:${String(t % 60).padStart(2, '0')}`;
    expect(err).toContain(
      `note: the replay of edited.json differs from the recorded run at entry ${index + 1}: recorded ${clock(atS + 1)} scenario message, replayed ${clock(atS)} scenario message`,
    );
  });
});

describe('coldboot grade', () => {
  it('prints the score and each objective with why, as text or JSON', async () => {
    const text = await cli('grade', ice, '--expert');
    expect(text.code).toBe(0);
    expect(text.out.split('\n')[0]).toBe(
      'Through the ice, still breathing: score 100 / 100 (run ended at 1:00:00)',
    );
    expect(text.out).toContain(
      '  met     out-of-the-water (weight 2): Get him out of the water by 15 minutes\n          extricate at 6:00\n',
    );
    const logPath = join(dir, 'nothing.json');
    await cli('run', ice, '--save-log', logPath);
    const json = await cli('grade', ice, logPath, '--format', 'json');
    const grade = JSON.parse(json.out) as {
      score: number;
      objectives: { id: string; met: boolean; why: string }[];
    };
    expect(grade.score).toBe(0);
    expect(grade.objectives.map((o) => [o.id, o.met])).toEqual([
      ['out-of-the-water', false],
      ['into-the-warm', false],
      ['out-then-warm', false],
      ['core-above-35', false],
    ]);
    expect(grade.objectives[3]!.why).toMatch(
      /^core_temp_c below 35 at \d+:\d\d \(core_temp_c 34\.9\d+\)$/,
    );
  });

  it.each([
    [['grade', skier, '--expert'], /skier-under-ice\.yaml: expert: expected an expert run/],
    [
      ['grade', ice],
      /grade takes a scenario file and a run log \(or --expert\), found .*through-the-ice\.yaml/,
    ],
    [
      ['grade', ice, '/no/such/log.json'],
      /\/no\/such\/log\.json: expected a readable run log file, found no such file/,
    ],
    [['grade', ice, '--expert', '--format', 'xml'], /--format: expected text or json, found "xml"/],
    [
      ['debrief', ice, '--expert', '--format', 'html'],
      /--format: expected md or json, found "html"/,
    ],
    [['schema', 'patient'], /schema: expected scenario or run-log, found "patient"/],
    [['run', ice, '--expert', '--log', 'x.json'], /--log and --expert replay different runs/],
  ])('exits 2 with a clear message for %j', async (argv, message) => {
    const { code, err } = await cli(...argv);
    expect(code).toBe(2);
    expect(err).toMatch(message);
  });

  it('grades a skier run without objectives as an error naming the field', async () => {
    const logPath = join(dir, 'skier.json');
    await cli('run', skier, '--save-log', logPath);
    const { code, err } = await cli('grade', skier, logPath);
    expect(code).toBe(2);
    expect(err).toBe(
      'skier-under-ice.yaml: objectives: expected objectives to grade the run against, found none\n',
    );
  });
});

describe('coldboot debrief', () => {
  it('writes Markdown by default and JSON on request', async () => {
    const md = await cli('debrief', drowning, '--expert');
    expect(md.code).toBe(0);
    expect(md.out.startsWith('# Debrief: Drowning in a warm lake\n')).toBe(true);
    expect(md.out).toContain('## Teaching points');
    const json = await cli('debrief', drowning, '--expert', '--format', 'json');
    const debrief = JSON.parse(json.out) as {
      teachingPoints: { id: string }[];
      grade: { score: number };
    };
    expect(debrief.grade.score).toBe(100);
    expect(debrief.teachingPoints.map((p) => p.id)).toContain('reoxygenated-warm');
  });

  it('lists when oxygen returned and how fast the brain rewarmed among the teaching points', async () => {
    const md = await cli('debrief', dhca, '--expert');
    expect(md.code).toBe(0);
    const points = md.out.slice(
      md.out.indexOf('## Teaching points'),
      md.out.indexOf('\n## ', md.out.indexOf('## Teaching points') + 1),
    );
    expect(points).toMatch(/^- \*\*1:5\d:\d\d\*\* Oxygen reached the brain again at /m);
    expect(points).toMatch(
      /^- \*\*\d:\d\d:\d\d\*\* The brain rewarmed at up to \d+\.\d\d °C\/min/m,
    );
    expect(points).not.toContain('afterdrop');
  });
});

describe('coldboot schema', () => {
  it('prints the JSON Schema of scenarios (default) and of run logs', async () => {
    const scenario = JSON.parse((await cli('schema')).out) as { title: string; $defs: object };
    expect(scenario.title).toBe('ColdBoot scenario');
    expect(Object.keys(scenario.$defs)).toEqual(
      expect.arrayContaining(['condition', 'comparison', 'time', 'timeBeforeZero', 'note']),
    );
    const log = JSON.parse((await cli('schema', 'run-log')).out) as { title: string };
    expect(log.title).toBe('ColdBoot run log');
  });
});
