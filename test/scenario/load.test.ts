import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  MAX_SCENARIO_BYTES,
  ScenarioError,
  createSimulation,
  parseScenario,
} from '../../models/index.ts';
import { formatClock, parseClock } from '../../models/core/clock.ts';
import { scenarioJsonSchema } from '../../models/scenario/scenarioSchema.ts';

const fixturesDir = join(import.meta.dirname, 'fixtures');
const scenariosDir = join(import.meta.dirname, '..', '..', 'public', 'scenarios');

/** Each malformed fixture states the message it must produce: a "# expect:" first line, or a .expect file. */
const fixtures = readdirSync(fixturesDir)
  .filter((name) => /\.(ya?ml|json)$/.test(name))
  .map((name) => {
    const text = readFileSync(join(fixturesDir, name), 'utf8');
    const expected = name.endsWith('.json')
      ? readFileSync(join(fixturesDir, `${name}.expect`), 'utf8').trim()
      : (/^# expect: (.*)$/m.exec(text)?.[1] ?? '');
    return { name, text, expected };
  });

function errorOf(text: string, fileName: string): ScenarioError {
  try {
    parseScenario(text, fileName);
  } catch (error) {
    if (error instanceof ScenarioError) return error;
    throw error;
  }
  throw new Error(`${fileName} was accepted`);
}

describe('parseScenario', () => {
  it('has malformed fixtures to check', () => {
    expect(fixtures.length).toBeGreaterThanOrEqual(30);
  });

  it.each(fixtures)(
    'rejects $name with its expected message, naming the file',
    ({ name, text, expected }) => {
      expect(expected).not.toBe('');
      const error = errorOf(text, name);
      expect(error.message).toContain(expected);
      expect(error.message.startsWith(name)).toBe(true);
    },
  );

  it.each(readdirSync(scenariosDir).filter((n) => n.endsWith('.yaml')))(
    'accepts the built-in scenario %s and runs it',
    (name) => {
      const scenario = parseScenario(readFileSync(join(scenariosDir, name), 'utf8'), name);
      const sim = createSimulation(scenario);
      sim.advance(scenario.end.atS);
      expect(sim.isFinished()).toBe(true);
      for (const value of Object.values(sim.snapshot())) {
        if (typeof value === 'number') expect(Number.isFinite(value)).toBe(true);
      }
    },
  );

  it('lists every built-in scenario in the library index', () => {
    const index = JSON.parse(readFileSync(join(scenariosDir, 'index.json'), 'utf8')) as {
      file: string;
    }[];
    const files = readdirSync(scenariosDir).filter((n) => n.endsWith('.yaml'));
    expect(index.map((e) => e.file).sort()).toEqual(files.sort());
  });

  it('reads JSON as well as YAML and converts times to seconds, sorted stably', () => {
    const scenario = parseScenario(
      JSON.stringify({
        format: 'coldboot/scenario@1',
        title: 'T',
        briefing: 'B',
        patient: { sex: 'male', ageYears: 40, massKg: 80, heightCm: 180 },
        start: { environment: { medium: 'air', temperatureC: 10 } },
        timeline: [
          { at: '1:00:00', do: 'message', text: 'second' },
          { at: 90, do: 'message', text: 'first' },
          { at: '1:00:00', do: 'message', text: 'third' },
        ],
        end: { at: '2:00:00' },
      }),
      'inline.json',
    );
    expect(
      scenario.timeline.map((e) => [e.atS, e.action.do === 'message' ? e.action.text : '']),
    ).toEqual([
      [90, 'first'],
      [3600, 'second'],
      [3600, 'third'],
    ]);
    expect(scenario.end.atS).toBe(7200);
  });

  it('refuses a file over the size limit before parsing it', () => {
    const huge = `title: ${'x'.repeat(MAX_SCENARIO_BYTES)}`;
    expect(errorOf(huge, 'huge.yaml').message).toMatch(
      /huge\.yaml: expected a file of at most 256 KiB, found 257 KiB/,
    );
  });

  it('reads YAML tags as plain data and never executes anything', () => {
    const error = errorOf(
      'format: !!js/function "function () { globalThis.pwned = true }"\n',
      'tag.yaml',
    );
    expect(error.message).toContain('tag.yaml');
    expect((globalThis as Record<string, unknown>).pwned).toBeUndefined();
  });

  it('refuses a file that expands aliases without limit (billion laughs)', () => {
    const lines = ['a: &a [x, x, x, x, x, x, x, x, x, x]'];
    for (let i = 1; i < 12; i++)
      lines.push(
        `${String.fromCharCode(97 + i)}: &${String.fromCharCode(97 + i)} [${Array(10)
          .fill(`*${String.fromCharCode(96 + i)}`)
          .join(', ')}]`,
      );
    expect(() => parseScenario(lines.join('\n'), 'laughs.yaml')).toThrow(ScenarioError);
  });
});

describe('clock times', () => {
  it.each([
    ['0:00', 0],
    ['5:30', 330],
    ['1:20:00', 4800],
    ['90', 90],
    ['72:00:00', 259200],
  ])('parseClock(%s) is %d s', (text, seconds) => {
    expect(parseClock(text)).toBe(seconds);
  });

  it.each(['1:75', '1:60:00', 'ten', '1:2:3:4', ''])('parseClock(%s) is NaN', (text) => {
    expect(parseClock(text)).toBeNaN();
  });

  it('formatClock writes h:mm:ss or m:ss', () => {
    expect(formatClock(4800)).toBe('1:20:00');
    expect(formatClock(330)).toBe('5:30');
  });
});

describe('scenarioJsonSchema', () => {
  it('describes the same fields and actions as the validator', () => {
    const schema = scenarioJsonSchema() as {
      properties: Record<string, unknown>;
      required: string[];
    };
    expect(Object.keys(schema.properties)).toEqual([
      'format',
      'title',
      'summary',
      'level',
      'briefing',
      'instructorNotes',
      'teachingNotes',
      'patient',
      'start',
      'timeline',
      'objectives',
      'expert',
      'end',
    ]);
    expect(schema.required).toEqual(['format', 'title', 'briefing', 'patient', 'start', 'end']);
    expect(JSON.stringify(schema)).toContain('"waterTemperatureC"');
  });
});
