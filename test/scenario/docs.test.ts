// The documentation and the JSON Schema agree with the validator: doc/scenario.schema.json is up to
// date, every YAML example in doc/scenario-format.md is valid, every action has an example, and the
// generated JSON Schema accepts the valid scenarios and rejects malformed ones.

import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { ScenarioError, parseScenario } from '../../models/index.ts';
import { runLogJsonSchema, runLogOf, runLogToJson } from '../../models/scenario/runLog.ts';
import { actionNames, scenarioJsonSchema } from '../../models/scenario/scenarioSchema.ts';
import { createSimulation } from '../../models/index.ts';

const root = join(import.meta.dirname, '..', '..');
const docText = readFileSync(join(root, 'doc', 'scenario-format.md'), 'utf8');
const yamlBlocks = [...docText.matchAll(/```yaml\n([\s\S]*?)```/g)].map((m) => m[1]!);

const BASE: Record<string, unknown> = {
  format: 'coldboot/scenario@1',
  title: 'Doc example',
  briefing: 'From doc/scenario-format.md.',
  patient: { preset: 'adult-male' },
  start: { environment: { medium: 'air', temperatureC: 10 } },
  end: { at: '8:00:00' },
};

/** A YAML block of the doc as a whole scenario: complete ones as they are, fragments on a base. */
function asScenario(block: string): Record<string, unknown> | undefined {
  // The presets block lists alternatives, one complete `patient:` a line.
  if (block.startsWith('# each line is a complete patient')) return undefined;
  const data = parseYaml(block) as Record<string, unknown> | null;
  if (data === null || typeof data !== 'object') return undefined;
  if ('format' in data) return data;
  const keys = Object.keys(data);
  if (!keys.every((k) => ['start', 'timeline', 'objectives', 'expert', 'end'].includes(k)))
    return undefined;
  return { ...BASE, ...data };
}

describe('doc/scenario-format.md', () => {
  it('has YAML examples, and every one of them is a valid scenario (or part of one)', () => {
    const checked = yamlBlocks.map(asScenario).filter((s) => s !== undefined);
    expect(checked.length).toBeGreaterThanOrEqual(8);
    checked.forEach((data, i) => {
      try {
        parseScenario(JSON.stringify(data), `doc-example-${i}.json`);
      } catch (error) {
        throw new Error(`example ${i} of doc/scenario-format.md: ${(error as Error).message}`, {
          cause: error,
        });
      }
    });
  });

  it('shows an example of every action', () => {
    const actionsBlock = yamlBlocks.find(
      (b) => b.includes('do: setEnvironment') && b.includes('do: fault'),
    );
    expect(actionsBlock).toBeDefined();
    const shown = new Set([...actionsBlock!.matchAll(/do: (\w+)/g)].map((m) => m[1]));
    for (const name of [...actionNames(), 'prompt']) expect(shown, name).toContain(name);
  });
});

describe('doc/scenario.schema.json', () => {
  it('is the JSON Schema the validator generates (regenerate: npx coldboot schema)', () => {
    const stored = JSON.parse(readFileSync(join(root, 'doc', 'scenario.schema.json'), 'utf8'));
    expect(
      stored,
      'run: npx coldboot schema > doc/scenario.schema.json && npx prettier --write doc/scenario.schema.json',
    ).toEqual(scenarioJsonSchema());
  });
});

// A small JSON Schema checker for the keywords the generated schemas use, to show that the schema
// for editors accepts what the validator accepts and rejects what it rejects.
type JsonSchema = Record<string, unknown>;

function conforms(value: unknown, schema: JsonSchema, rootSchema: JsonSchema): boolean {
  if (typeof schema.$ref === 'string') {
    const name = schema.$ref.replace('#/$defs/', '');
    const target = (rootSchema.$defs as Record<string, JsonSchema>)[name];
    if (target === undefined) throw new Error(`unresolved $ref ${schema.$ref}`);
    if (!conforms(value, target, rootSchema)) return false;
  }
  const check = (s: JsonSchema): boolean => conforms(value, s, rootSchema);
  if (Array.isArray(schema.oneOf) && (schema.oneOf as JsonSchema[]).filter(check).length !== 1)
    return false;
  if (Array.isArray(schema.anyOf) && !(schema.anyOf as JsonSchema[]).some(check)) return false;
  if (Array.isArray(schema.allOf) && !(schema.allOf as JsonSchema[]).every(check)) return false;
  if (Array.isArray(schema.enum) && !(schema.enum as unknown[]).includes(value)) return false;
  if (schema.type !== undefined) {
    const types = Array.isArray(schema.type) ? schema.type : [schema.type];
    const ok = types.some((t) =>
      t === 'integer'
        ? Number.isInteger(value)
        : t === 'array'
          ? Array.isArray(value)
          : t === 'object'
            ? typeof value === 'object' && value !== null && !Array.isArray(value)
            : typeof value === t,
    );
    if (!ok) return false;
  }
  if (typeof value === 'number') {
    if (typeof schema.minimum === 'number' && value < schema.minimum) return false;
    if (typeof schema.maximum === 'number' && value > schema.maximum) return false;
    if (typeof schema.exclusiveMaximum === 'number' && value >= schema.exclusiveMaximum)
      return false;
  }
  if (typeof value === 'string') {
    if (typeof schema.minLength === 'number' && value.length < schema.minLength) return false;
    if (typeof schema.maxLength === 'number' && value.length > schema.maxLength) return false;
    if (typeof schema.pattern === 'string' && !new RegExp(schema.pattern, 'u').test(value))
      return false;
  }
  if (Array.isArray(value)) {
    if (typeof schema.minItems === 'number' && value.length < schema.minItems) return false;
    if (typeof schema.maxItems === 'number' && value.length > schema.maxItems) return false;
    if (schema.items && !value.every((v) => conforms(v, schema.items as JsonSchema, rootSchema)))
      return false;
  }
  if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
    const record = value as Record<string, unknown>;
    const keys = Object.keys(record);
    if (typeof schema.minProperties === 'number' && keys.length < schema.minProperties)
      return false;
    if (Array.isArray(schema.required) && !(schema.required as string[]).every((k) => k in record))
      return false;
    const properties = (schema.properties ?? {}) as Record<string, JsonSchema>;
    for (const key of keys) {
      if (schema.propertyNames && !conforms(key, schema.propertyNames as JsonSchema, rootSchema))
        return false;
      if (key in properties) {
        if (!conforms(record[key], properties[key]!, rootSchema)) return false;
      } else if (schema.additionalProperties === false) return false;
      else if (typeof schema.additionalProperties === 'object') {
        if (!conforms(record[key], schema.additionalProperties as JsonSchema, rootSchema))
          return false;
      }
    }
  }
  return true;
}

describe('the generated JSON Schema', () => {
  const schema = scenarioJsonSchema();
  const scenarioFiles = ['scenarios', join('public', 'scenarios')].flatMap((dir) =>
    readdirSync(join(root, dir))
      .filter((n) => n.endsWith('.yaml'))
      .map((n) => join(root, dir, n)),
  );

  it('accepts every valid scenario file and the doc examples', () => {
    expect(scenarioFiles.length).toBeGreaterThanOrEqual(4);
    for (const file of scenarioFiles) {
      const data = parseYaml(readFileSync(file, 'utf8')) as unknown;
      expect(conforms(data, schema, schema), file).toBe(true);
    }
    for (const data of yamlBlocks.map(asScenario).filter((s) => s !== undefined))
      expect(conforms(data, schema, schema)).toBe(true);
  });

  it('rejects malformed fixtures the validator rejects', () => {
    const fixtures = [
      'unknown-top-field.yaml',
      'trigger-unknown-output.yaml',
      'trigger-camel-case.yaml',
      'entry-at-and-when.yaml',
      'entry-no-time.yaml',
      'objective-two-checks.yaml',
      'objective-no-check.yaml',
      'history-positive-time.yaml',
      'water-too-hot.yaml',
      'misspelt-action.yaml',
    ];
    for (const name of fixtures) {
      const text = readFileSync(join(import.meta.dirname, 'fixtures', name), 'utf8');
      expect(() => parseScenario(text, name), name).toThrow(ScenarioError);
      expect(conforms(parseYaml(text), schema, schema), name).toBe(false);
    }
  });

  it('for run logs accepts a saved log and rejects an unknown source', () => {
    const scenario = parseScenario(
      readFileSync(join(root, 'scenarios', 'warm-water-drowning.yaml'), 'utf8'),
      'w.yaml',
    );
    const sim = createSimulation(scenario);
    sim.advance(600);
    sim.apply({ do: 'ventilate', fio2: 1 });
    const log = JSON.parse(runLogToJson(runLogOf(sim, {}))) as { actions: { source: string }[] };
    const logSchema = runLogJsonSchema();
    expect(conforms(log, logSchema, logSchema)).toBe(true);
    log.actions[0]!.source = 'student';
    expect(conforms(log, logSchema, logSchema)).toBe(false);
  });
});
