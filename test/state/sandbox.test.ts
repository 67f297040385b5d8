import { describe, expect, it } from 'vitest';
import { PATIENT_PRESETS, PATIENT_PRESET_NAMES, parseScenario } from '../../models/index.ts';
import {
  SANDBOX_DEFAULTS,
  normaliseSandbox,
  sandboxScenarioText,
} from '../../src/state/sandbox.ts';

describe('the sandbox scenario', () => {
  it('is a valid open-ended scenario for every preset, in air and in water', () => {
    for (const preset of PATIENT_PRESET_NAMES) {
      for (const medium of ['air', 'water'] as const) {
        const scenario = parseScenario(
          sandboxScenarioText({
            ...SANDBOX_DEFAULTS,
            preset,
            medium,
            windMPerS: 3,
            clothingClo: 1.5,
          }),
          'sandbox.json',
        );
        expect(scenario.patient).toMatchObject(PATIENT_PRESETS[preset].patient);
        expect(scenario.end.atS).toBe(72 * 3600);
        expect(scenario.timeline[0]).toEqual({
          atS: 0,
          action:
            medium === 'water'
              ? { do: 'setEnvironment', medium: 'water', temperatureC: 10 }
              : {
                  do: 'setEnvironment',
                  medium: 'air',
                  temperatureC: 10,
                  windMPerS: 3,
                  clothingClo: 1.5,
                },
        });
        expect(scenario.title).toMatch(/^Sandbox: /);
      }
    }
  });

  it('brings values into range', () => {
    expect(
      normaliseSandbox({
        preset: 'child',
        medium: 'water',
        temperatureC: 80,
        windMPerS: 9,
        clothingClo: 2,
      }),
    ).toEqual({ preset: 'child', medium: 'water', temperatureC: 40, windMPerS: 0, clothingClo: 0 });
    expect(
      normaliseSandbox({
        preset: 'toddler',
        medium: 'air',
        temperatureC: Number.NaN,
        windMPerS: 99,
        clothingClo: -1,
      }),
    ).toEqual({
      preset: 'toddler',
      medium: 'air',
      temperatureC: 10,
      windMPerS: 30,
      clothingClo: 0,
    });
  });
});
