// The simulation state: one flat Float64Array with named offsets. Everything that changes during a
// run lives here (so a run can be copied, saved and restored as numbers); constants live elsewhere.

/** Thermal compartments, in the order their temperatures sit at the start of the state vector. */
export const COMPARTMENTS = [
  'brain',
  'heart',
  'core',
  'muscle',
  'shell',
  'extremities',
  'blood',
] as const;
export type CompartmentName = (typeof COMPARTMENTS)[number];
export const COMPARTMENT_COUNT = COMPARTMENTS.length;

/** Index of each compartment in temperature-shaped arrays. */
export const C = {
  brain: 0,
  heart: 1,
  core: 2,
  muscle: 3,
  shell: 4,
  extremities: 5,
  blood: 6,
} as const satisfies Record<CompartmentName, number>;

/** Named slots of the state vector, each with its unit in the name or comment. */
const SLOTS = [
  // Temperatures of the compartments, °C (same order as COMPARTMENTS).
  'brainTempC',
  'heartTempC',
  'coreTempC',
  'muscleTempC',
  'shellTempC',
  'extremityTempC',
  'bloodTempC',
  // Time.
  'stepIndex', // steps taken since time zero, count
  'timeS', // simulated time, s
  // Environment.
  'airTempC', // air around the dry part of the body, °C
  'waterTempC', // water around the immersed part, °C
  'immersedFraction', // fraction of the body surface in water, 0–1
  'windMPerS', // wind speed, m/s
  'clothingClo', // clothing insulation on dry skin, clo
  'headUnderWater', // 1 when the face is under water, else 0
  'airPocket', // 1 when the patient can breathe under water, else 0
  // Energy bookkeeping, for the conservation check: heat in − heat out = heat stored.
  'metabolicHeatJ', // cumulative metabolic heat produced, J
  'environmentHeatLossJ', // cumulative heat lost to air and water, J (negative when gained)
  // Values computed by the last step, kept for snapshots.
  'metabolicRateW', // current total metabolic heat, W
  'heatLossW', // current heat loss to the environment, W
  'skinBloodFlowFraction', // skin flow as a fraction of thermoneutral, 0–1
  'meanSkinTempC', // area-weighted skin surface temperature, °C
  'cardiacOutputLPerMin', // current cardiac output, L/min
  'shiveringHeatW', // extra heat from shivering, W (lags its drive)
  'shiveringCeilingW', // most shivering heat this body can make, W
  // Deterministic random generator state (a 32-bit unsigned integer stored exactly in a double).
  'rngState',
] as const;

export type SlotName = (typeof SLOTS)[number];

/** Offset of each named slot in the state vector. */
export const S = Object.freeze(
  Object.fromEntries(SLOTS.map((name, index) => [name, index])) as Record<SlotName, number>,
);

export const STATE_LENGTH = SLOTS.length;

export type State = Float64Array;

export function createState(): State {
  return new Float64Array(STATE_LENGTH);
}

export function slotNames(): readonly SlotName[] {
  return SLOTS;
}
