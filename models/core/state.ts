// The simulation state: one flat Float64Array with named offsets. Everything that changes during a
// run lives here (so a run can be copied, saved and restored as numbers); constants live elsewhere.

/** Thermal compartments, in the order their temperatures sit at the start of the state vector. */
export const COMPARTMENTS = [
  'brain',
  'heart',
  'core',
  'muscle',
  'limbs',
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
  limbs: 4,
  shell: 5,
  extremities: 6,
  blood: 7,
} as const satisfies Record<CompartmentName, number>;

/** Named slots of the state vector, each with its unit in the name or comment. */
const SLOTS = [
  // Temperatures of the compartments, °C (same order as COMPARTMENTS).
  'brainTempC',
  'heartTempC',
  'coreTempC',
  'muscleTempC',
  'limbTempC',
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
  'clothingClo', // clothing insulation on dry skin of the trunk, limbs and head, clo
  'extremityClothingClo', // gloves and boots on dry hands and feet, clo
  'headUnderWater', // 1 when the face is under water, else 0
  'airPocket', // 1 when the patient can breathe under water, else 0
  'airHeatTransferWPerM2K', // skin-to-air convection and radiation at the current wind, W/m²/K
  'airVapourKPa', // water vapour pressure of the air, kPa
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
  // Frostbite: ice in the hands and feet.
  'extremityFrozenFraction', // fraction of the hands' and feet's water frozen now, 0–1
  'frostbiteFraction', // largest fraction ever frozen: tissue injured by ice, 0–1
  'respiratoryHeatLossW', // heat lost warming and humidifying breathed gas, W
  // Per-compartment blocks, in COMPARTMENTS order (blood's entry unused).
  ...compartmentBlock('FlowLPerMin'), // blood flow through each tissue, L/min
  ...compartmentBlock('DemandW'), // metabolic demand (what full oxygen would burn), W
  ...compartmentBlock('Po2MmHg'), // mean tissue PO2, mmHg
  ...compartmentBlock('AerobicFraction'), // oxygen consumption ÷ demand, 0–1
  // Circulation and rhythm.
  'rhythm', // RHYTHM code
  'heartRateBpm', // ventricular rate, /min (0 when not beating)
  'cardiacOutputRatio', // cardiac output ÷ resting output at 37 °C
  'meanArterialPressureMmHg', // mmHg
  'rhythmHazardAccumulated', // hazard integrated since the last rhythm change, 1
  'rhythmHazardThreshold', // exponential random threshold that triggers the next change, 1
  'cprMode', // 0 none, 1 manual, 2 mechanical
  'cprStartedS', // when compressions started, s
  // Breathing and oxygen.
  'breathingStopped', // 1 after stopBreathing until resumeBreathing
  'breathing', // 1 when the patient breathes spontaneously
  'ventilationFio2', // inspired O2 fraction when ventilated by bag or ventilator, else 0
  'alveolarPo2MmHg', // mmHg
  'arterialO2ContentMlPerDl', // mL O2 per dL blood
  'venousO2ContentMlPerDl', // mixed venous, mL O2 per dL blood
  'brainVo2MlPerMin', // brain oxygen consumption, mL/min
  'bodyVo2MlPerMin', // whole-body oxygen consumption, mL/min
  'diffusiveO2MlPerMin', // oxygen reaching tissues by diffusion without flow, mL/min
  // Cells: brain, heart, hands and feet.
  ...cellBlock('brain'),
  ...cellBlock('heart'),
  ...cellBlock('extremity'),
  'potassiumMmolPerL', // plasma potassium, mmol/L
  'conscious', // 1 when conscious
  // Outcome tracking.
  'minCoreTempC', // lowest core temperature since time zero, °C
  'maxPotassiumMmolPerL', // highest plasma potassium since time zero, mmol/L
  'arrestStartS', // when the current arrest began, s (−1 while the heart pumps)
  'arrestCount', // number of arrests since time zero
  'roscTimeS', // first return of spontaneous circulation after an arrest, s (−1 if none)
  // After ECLS: what the risk of dying later depends on (models/physiology/ecls.ts).
  'firstCprS', // when compressions first started, s (NOT_PENDING if never)
  'eclsStartS', // when the heart-lung machine first carried a circulation, s (NOT_PENDING if never)
  'eclsPotassiumMmolPerL', // plasma potassium then (the admission sample), mmol/L
  'eclsAfterArrest', // 1 when the pump started after a cardiac arrest (ECLS for hypothermic arrest)
  'asphyxialArrest', // 1 once the heart has stopped for lack of oxygen (its energy below 0.6 then)
  // Heart-lung machine (models/devices/heartLungMachine.ts).
  'circuitMode', // CIRCUIT code: 0 none, 1 VA-ECMO, 2 cardiopulmonary bypass
  'cannulationDoneS', // when the cannulae will be in and the circuit primed, s (NOT_PENDING if not cannulating)
  'cannulated', // 1 once the circuit is connected to the patient
  'primeTempC', // temperature of the circuit's prime, °C (NaN: room temperature)
  'primeVolumeMl', // volume of the circuit's prime, mL (NaN: the circuit's default)
  'pumpFlowSetLPerMin', // flow the pump is set to, L/min (0 when stopped)
  'pumpFlowLPerMin', // flow delivered to the patient, L/min
  'handCrankLPerMin', // flow turned by hand while the pump has failed, L/min
  'heaterSetTempC', // heater-cooler water set temperature, °C
  'heaterWaterTempC', // heater-cooler water temperature, °C
  'oxygenatorFio2', // sweep gas O2 fraction, 0.21–1
  'sweepLPerMin', // sweep gas set, L/min (0: no gas exchange)
  'oxygenatorTransfer', // membrane gas transfer, fraction of a new oxygenator's
  'oxygenatorClampedUntilS', // circuit clamped for an oxygenator change-out until, s (NOT_PENDING if not)
  'airClampedUntilS', // circuit clamped to de-air until, s (NOT_PENDING if not)
  'arterialOutletTempC', // blood leaving the heat exchanger, °C
  'venousInletTempC', // blood drained from the patient, °C
  'outletRateCPerMin', // filtered rate of change of the outlet temperature, °C/min
  'pumpHeatW', // heat the exchanger adds to (+) or takes from (−) the blood, W
  'postOxygenatorPo2MmHg', // PO2 of blood leaving the oxygenator, at outlet temperature, mmHg
  'postOxygenatorO2ContentMlPerDl', // mL O2/dL
  'venousSat', // mixed venous saturation, 0–1 (updated while the pump runs)
  'venousPo2MmHg', // mixed venous PO2 at blood temperature, mmHg (updated while the pump runs)
  'nativeOutputRatio', // the heart's own (or compressions') output ÷ resting output
  'haemodilutionFactor', // haemoglobin ÷ haemoglobin before the prime, 0–1
  'faults', // bit set of active faults (FAULT)
  'alarms', // bit set of active alarms: bit i is ALARMS[i] of models/devices/alarms.ts
  'alarmCount', // alarms raised since time zero (each onset counts once)
  // Bedside interventions.
  'icePacks', // 1 while ice packs are on
  'forcedAirTempC', // forced-air blanket temperature, °C (NaN when off)
  'fluidRemainingMl', // intravenous fluid still to run, mL
  'fluidTempC', // its temperature, °C
  'lavageSite', // LAVAGE code: 0 none, 1 bladder, 2 gastric, 3 thoracic
  'lavageTempC', // lavage fluid temperature, °C
  'vasodilatorUntilS', // a vasodilator acts until, s (−1 if none)
  'externalHeatJ', // cumulative heat added by devices and interventions, J (negative when removed)
  'externalHeatW', // current heat added by devices and interventions, W
  ...compartmentBlock('ExternalW'), // heat added to each compartment by devices this step, W
  // Deterministic random generator state (a 32-bit unsigned integer stored exactly in a double).
  'rngState',
] as const;

/** Rhythm codes stored in the state's `rhythm` slot. */
export const RHYTHM = { sinus: 0, af: 1, vf: 2, asystole: 3, pea: 4 } as const;
export type RhythmName = keyof typeof RHYTHM;
export const RHYTHM_NAMES: readonly RhythmName[] = ['sinus', 'af', 'vf', 'asystole', 'pea'];

/** Names of one slot per compartment, e.g. brainFlowLPerMin … bloodFlowLPerMin. */
function compartmentBlock<const Suffix extends string>(
  suffix: Suffix,
): readonly `${CompartmentName}${Suffix}`[] {
  return COMPARTMENTS.map((c) => `${c}${suffix}` as const);
}

/** The state of one cell population (see models/physiology/cells.ts). */
function cellBlock<const Tissue extends string>(tissue: Tissue) {
  return [
    `${tissue}Energy`, // energy state (ATP charge relative to normal), 0–1
    `${tissue}DerangementMin`, // out-of-spec load, equivalent minutes of warm energy failure
    `${tissue}AutolysedFraction`, // cells committed to autolysis or necrotic, 0–1
  ] as const;
}

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

/**
 * "Nothing pending" in a slot holding the time something will happen (cannulation done, a clamp
 * released). Far below any time a run can reach, so a history's negative times still count.
 */
export const NOT_PENDING = -1e15;

/** Whether a time slot holds a pending time (see NOT_PENDING). */
export function pending(timeS: number): boolean {
  return timeS > NOT_PENDING;
}
