// The sandbox: an open-ended run with a standard patient put into surroundings the learner chooses.
// It is built as an ordinary scenario file (JSON text) and read by the same parser as any file, so it
// is checked, saved and restored like one. The patient settles indoors (22 °C, dressed) before time
// zero; at time zero the chosen surroundings take effect.

import { PATIENT_PRESETS, type PatientPresetName } from '../../models/index.ts';

export interface SandboxOptions {
  readonly preset: PatientPresetName;
  readonly medium: 'air' | 'water';
  /** °C */
  readonly temperatureC: number;
  /** m/s (air only) */
  readonly windMPerS: number;
  /** clo (air only) */
  readonly clothingClo: number;
}

export const SANDBOX_FILE_NAME = 'sandbox.json';
/** Open-ended: the longest run a scenario may have (72 h). */
export const SANDBOX_END = '72:00:00';

export const SANDBOX_DEFAULTS: SandboxOptions = {
  preset: 'adult-male',
  medium: 'water',
  temperatureC: 10,
  windMPerS: 0,
  clothingClo: 0,
};

/** Allowed ranges of the sandbox's fields (°C, m/s, clo). */
export const SANDBOX_LIMITS = {
  air: { min: -40, max: 45 },
  water: { min: -2, max: 40 },
  windMPerS: { min: 0, max: 30 },
  clothingClo: { min: 0, max: 4 },
} as const;

function clamp(value: number, min: number, max: number, fallback: number): number {
  if (!Number.isFinite(value)) return fallback;
  return Math.min(max, Math.max(min, value));
}

/** The options brought into their ranges (wind and clothing are 0 in water). */
export function normaliseSandbox(options: SandboxOptions): SandboxOptions {
  const range = SANDBOX_LIMITS[options.medium];
  const water = options.medium === 'water';
  return {
    preset: options.preset in PATIENT_PRESETS ? options.preset : SANDBOX_DEFAULTS.preset,
    medium: water ? 'water' : 'air',
    temperatureC: Math.round(clamp(options.temperatureC, range.min, range.max, 10) * 10) / 10,
    windMPerS: water ? 0 : clamp(options.windMPerS, 0, SANDBOX_LIMITS.windMPerS.max, 0),
    clothingClo: water ? 0 : clamp(options.clothingClo, 0, SANDBOX_LIMITS.clothingClo.max, 0),
  };
}

function surroundings(o: SandboxOptions): string {
  const t = `${o.temperatureC} °C`;
  if (o.medium === 'water') return `water at ${t}, immersed to the neck`;
  const wind = o.windMPerS > 0 ? `, wind ${o.windMPerS} m/s` : '';
  return `air at ${t}${wind}, clothing ${o.clothingClo} clo`;
}

/** The sandbox as a scenario file (coldboot/scenario@1, JSON text). */
export function sandboxScenarioText(input: SandboxOptions): string {
  const o = normaliseSandbox(input);
  const preset = PATIENT_PRESETS[o.preset];
  const place = `${o.medium} ${o.temperatureC} °C`;
  const environment =
    o.medium === 'water'
      ? { do: 'setEnvironment', medium: 'water', temperatureC: o.temperatureC }
      : {
          do: 'setEnvironment',
          medium: 'air',
          temperatureC: o.temperatureC,
          windMPerS: o.windMPerS,
          clothingClo: o.clothingClo,
        };
  const file = {
    format: 'coldboot/scenario@1',
    title: `Sandbox: ${preset.label.toLowerCase()}, ${place}`,
    summary: `An open-ended run: ${preset.label.toLowerCase()} in ${surroundings(o)}.`,
    briefing:
      `${preset.description} Until now indoors at 22 °C and dressed; from time zero in ` +
      `${surroundings(o)}. There is no story and no end: watch how the body cools (or warms), ` +
      `and try any intervention.`,
    patient: { preset: o.preset },
    start: { environment: { medium: 'air', temperatureC: 22, clothingClo: 1 } },
    timeline: [
      { at: 0, ...environment },
      { at: 0, do: 'message', text: `Sandbox: the patient is now in ${surroundings(o)}.` },
    ],
    end: { at: SANDBOX_END },
  };
  return `${JSON.stringify(file, null, 2)}\n`;
}
