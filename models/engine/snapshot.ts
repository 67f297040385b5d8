// Snapshots: plain objects built from the state vector for the UI, the command line and tests, and
// the catalogue of outputs (column names for files, keys for code, units and labels for people).

import type { FaultKind, LavageSite, Medium } from './actions.ts';
import type { RhythmName } from './state.ts';

export interface Snapshot {
  /** Simulated time, s. */
  readonly tS: number;
  readonly brainTempC: number;
  readonly heartTempC: number;
  /** Trunk organs (oesophageal/bladder-like core), °C. */
  readonly coreTempC: number;
  readonly muscleTempC: number;
  /** Arm and leg muscle, °C. */
  readonly limbTempC: number;
  /** Mean temperature of the skin-and-fat shell, °C. */
  readonly shellTempC: number;
  /** Area-weighted mean skin surface temperature, °C. */
  readonly skinTempC: number;
  /** Hands and feet, °C. */
  readonly extremityTempC: number;
  readonly bloodTempC: number;
  /** Cardiac output, L/min. */
  readonly cardiacOutputLPerMin: number;
  /** Metabolic heat production, W. */
  readonly metabolicHeatW: number;
  /** Heat lost to air and water, W. */
  readonly heatLossW: number;
  /** Shivering intensity, 0 (none) to 1 (the body's ceiling). */
  readonly shivering: number;
  /** Extra heat from shivering, W. */
  readonly shiveringHeatW: number;
  /** Skin blood flow as a fraction of its thermoneutral value, 0–1 (lower = more vasoconstricted). */
  readonly skinBloodFlowFraction: number;
  /** Heat lost warming and humidifying breathed gas, W. */
  readonly respiratoryHeatLossW: number;
  /** Ventricular rate, /min (0 when the heart is not beating). */
  readonly heartRateBpm: number;
  readonly rhythm: RhythmName;
  /** The rhythm for people, e.g. "sinus bradycardia", "ventricular fibrillation". */
  readonly rhythmLabel: string;
  /** Mean arterial pressure, mmHg. */
  readonly mapMmHg: number;
  /** Chest compressions in progress. */
  readonly cpr: 'none' | 'manual' | 'mechanical';
  /** 1 when the patient breathes spontaneously, else 0. */
  readonly breathing: number;
  /** Inspired O2 fraction from a bag or ventilator, or 0 when not ventilated. */
  readonly ventilationFio2: number;
  readonly alveolarPo2MmHg: number;
  /** Arterial PO2 at blood temperature (alpha-stat reading corrected to the patient), mmHg. */
  readonly arterialPo2MmHg: number;
  /** Arterial haemoglobin saturation, 0–1. */
  readonly arterialSat: number;
  readonly arterialO2ContentMlPerDl: number;
  readonly venousO2ContentMlPerDl: number;
  /** Mean brain tissue PO2, mmHg. */
  readonly brainPo2MmHg: number;
  readonly brainBloodFlowLPerMin: number;
  readonly brainVo2MlPerMin: number;
  readonly bodyVo2MlPerMin: number;
  /** Oxygen reaching tissues by diffusion without flow, mL/min. */
  readonly diffusiveO2MlPerMin: number;
  /** Brain energy state, 0–1. */
  readonly brainEnergy: number;
  /** Brain derangement, equivalent minutes of warm energy failure. */
  readonly brainDerangementMin: number;
  /** Activity of the brain cells' self-check at the brain's temperature, 0–1. */
  readonly brainSelfCheck: number;
  readonly brainViableFraction: number;
  readonly brainAtRiskFraction: number;
  readonly brainAutolysedFraction: number;
  readonly heartEnergy: number;
  readonly heartViableFraction: number;
  readonly heartAutolysedFraction: number;
  readonly extremityEnergy: number;
  readonly extremityViableFraction: number;
  readonly extremityAutolysedFraction: number;
  /** Fraction of the hands' and feet's water frozen now, 0–1. */
  readonly extremityFrozenFraction: number;
  /** Largest frozen fraction so far: frostbite injury, 0–1. */
  readonly frostbiteFraction: number;
  readonly potassiumMmolPerL: number;
  /** 1 when conscious, else 0. */
  readonly conscious: number;
  /** Arterial PO2 of a sample measured at 37 °C (alpha-stat, what the blood-gas analyser prints), mmHg. */
  readonly arterialPo2At37MmHg: number;
  /** Haemoglobin after any dilution by the circuit's prime, g/dL. */
  readonly haemoglobinGPerDl: number;
  /** Mixed venous saturation, 0–1. */
  readonly venousSat: number;
  // --- Heart-lung machine ---
  /** The circuit: none, VA-ECMO or cardiopulmonary bypass. */
  readonly circuit: 'none' | 'va-ecmo' | 'cpb';
  /** 1 once the cannulae are in and the circuit is connected, else 0. */
  readonly cannulated: number;
  /** Time left until cannulation is complete, s (0 when not cannulating). */
  readonly cannulationRemainingS: number;
  /** Flow delivered by the pump, L/min. */
  readonly pumpFlowLPerMin: number;
  /** Flow the pump is set to, L/min. */
  readonly pumpFlowSetLPerMin: number;
  /** Most flow the venous line can drain for this patient, L/min. */
  readonly pumpMaxFlowLPerMin: number;
  /** Blood leaving the heat exchanger, °C. */
  readonly arterialOutletTempC: number;
  /** Blood drained from the patient, °C. */
  readonly venousTempC: number;
  /** Arterial outlet minus venous inflow, °C. */
  readonly outletVenousGradientC: number;
  /** Rate of change of the outlet temperature, °C/min. */
  readonly outletRateCPerMin: number;
  readonly heaterWaterTempC: number;
  readonly heaterSetTempC: number;
  /** Heat the exchanger gives the blood (negative when it cools), W. */
  readonly pumpHeatW: number;
  readonly oxygenatorFio2: number;
  /** Sweep gas set, L/min. */
  readonly sweepLPerMin: number;
  /** PO2 of blood leaving the oxygenator, mmHg (0 when the pump is stopped). */
  readonly postOxygenatorPo2MmHg: number;
  /** Ids of the active alarms (models/devices/alarms.ts). */
  readonly alarms: readonly string[];
  /** The active alarms' ids joined by '+', or 'none' (the `alarms` column of files). */
  readonly alarmsText: string;
  /** Their messages, for people. */
  readonly alarmMessages: readonly string[];
  /** Alarms raised since time zero. */
  readonly alarmCount: number;
  /** Active faults. */
  readonly faults: readonly FaultKind[];
  // --- Bedside ---
  readonly icePacks: boolean;
  /** Forced-air blanket temperature, °C, or null when off. */
  readonly forcedAirTempC: number | null;
  /** Lavage running, or null. */
  readonly lavage: LavageSite | null;
  /** Intravenous fluid still to run, mL. */
  readonly fluidRemainingMl: number;
  readonly vasodilator: boolean;
  /** Heat added by the heart-lung machine and bedside devices (negative when they cool), W. */
  readonly externalHeatW: number;
  readonly environment: {
    /** Where most of the body is. */
    readonly medium: Medium;
    /** Temperature of that medium, °C. */
    readonly temperatureC: number;
    readonly airTempC: number;
    readonly waterTempC: number;
    /** Fraction of the skin in water, 0–1. */
    readonly immersedFraction: number;
    readonly windMPerS: number;
    readonly headUnderWater: boolean;
    /** False when the face is under water without an air pocket. */
    readonly canBreathe: boolean;
  };
  /** True once the scenario's end time is reached. */
  readonly finished: boolean;
}

/** Numeric outputs, in the order of CSV columns. `key` reads the snapshot. */
export interface OutputDefinition {
  /** snake_case name used in files and triggers. */
  readonly column: string;
  readonly key: NumericSnapshotKey;
  readonly unit: string;
  readonly label: string;
  /** Decimal places written to files. */
  readonly decimals: number;
}

export type NumericSnapshotKey = {
  [K in keyof Snapshot]: Snapshot[K] extends number ? K : never;
}[keyof Snapshot];

export const OUTPUTS: readonly OutputDefinition[] = [
  { column: 't_s', key: 'tS', unit: 's', label: 'Time', decimals: 0 },
  { column: 'brain_temp_c', key: 'brainTempC', unit: '°C', label: 'Brain', decimals: 3 },
  { column: 'heart_temp_c', key: 'heartTempC', unit: '°C', label: 'Heart', decimals: 3 },
  { column: 'core_temp_c', key: 'coreTempC', unit: '°C', label: 'Core', decimals: 3 },
  { column: 'muscle_temp_c', key: 'muscleTempC', unit: '°C', label: 'Trunk muscle', decimals: 3 },
  { column: 'limb_temp_c', key: 'limbTempC', unit: '°C', label: 'Limb muscle', decimals: 3 },
  {
    column: 'shell_temp_c',
    key: 'shellTempC',
    unit: '°C',
    label: 'Skin and fat shell',
    decimals: 3,
  },
  { column: 'skin_temp_c', key: 'skinTempC', unit: '°C', label: 'Skin surface', decimals: 3 },
  {
    column: 'extremity_temp_c',
    key: 'extremityTempC',
    unit: '°C',
    label: 'Hands and feet',
    decimals: 3,
  },
  { column: 'blood_temp_c', key: 'bloodTempC', unit: '°C', label: 'Blood', decimals: 3 },
  {
    column: 'cardiac_output_l_min',
    key: 'cardiacOutputLPerMin',
    unit: 'L/min',
    label: 'Cardiac output',
    decimals: 3,
  },
  {
    column: 'metabolic_heat_w',
    key: 'metabolicHeatW',
    unit: 'W',
    label: 'Metabolic heat',
    decimals: 2,
  },
  {
    column: 'heat_loss_w',
    key: 'heatLossW',
    unit: 'W',
    label: 'Heat loss to surroundings',
    decimals: 2,
  },
  {
    column: 'shivering',
    key: 'shivering',
    unit: '1',
    label: 'Shivering (fraction of maximum)',
    decimals: 3,
  },
  {
    column: 'shivering_heat_w',
    key: 'shiveringHeatW',
    unit: 'W',
    label: 'Shivering heat',
    decimals: 2,
  },
  {
    column: 'skin_blood_flow_fraction',
    key: 'skinBloodFlowFraction',
    unit: '1',
    label: 'Skin blood flow (fraction of neutral)',
    decimals: 3,
  },
  out('respiratory_heat_loss_w', 'respiratoryHeatLossW', 'W', 'Heat lost by breathing', 2),
  out('heart_rate_bpm', 'heartRateBpm', '/min', 'Heart rate', 1),
  out('map_mmhg', 'mapMmHg', 'mmHg', 'Mean arterial pressure', 1),
  out('breathing', 'breathing', '1', 'Breathing spontaneously (1 yes, 0 no)', 0),
  out('ventilation_fio2', 'ventilationFio2', '1', 'Ventilator FiO2 (0 when not ventilated)', 2),
  out('alveolar_po2_mmhg', 'alveolarPo2MmHg', 'mmHg', 'Alveolar PO2', 1),
  out('arterial_po2_mmhg', 'arterialPo2MmHg', 'mmHg', 'Arterial PO2', 1),
  out('arterial_sat', 'arterialSat', '1', 'Arterial saturation', 3),
  out('arterial_o2_content_ml_dl', 'arterialO2ContentMlPerDl', 'mL/dL', 'Arterial O2 content', 2),
  out('venous_o2_content_ml_dl', 'venousO2ContentMlPerDl', 'mL/dL', 'Mixed venous O2 content', 2),
  out('brain_po2_mmhg', 'brainPo2MmHg', 'mmHg', 'Brain tissue PO2', 2),
  out('brain_blood_flow_l_min', 'brainBloodFlowLPerMin', 'L/min', 'Brain blood flow', 3),
  out('brain_vo2_ml_min', 'brainVo2MlPerMin', 'mL/min', 'Brain O2 consumption', 2),
  out('body_vo2_ml_min', 'bodyVo2MlPerMin', 'mL/min', 'Whole-body O2 consumption', 1),
  out('diffusive_o2_ml_min', 'diffusiveO2MlPerMin', 'mL/min', 'O2 supplied by diffusion alone', 4),
  out('brain_energy', 'brainEnergy', '1', 'Brain energy state', 3),
  out(
    'brain_derangement_min',
    'brainDerangementMin',
    'min',
    'Brain derangement (warm-equivalent minutes)',
    2,
  ),
  out('brain_self_check', 'brainSelfCheck', '1', 'Brain self-check activity', 3),
  out('brain_viable_fraction', 'brainViableFraction', '1', 'Brain cells viable', 4),
  out('brain_at_risk_fraction', 'brainAtRiskFraction', '1', 'Brain cells at risk', 4),
  out('brain_autolysed_fraction', 'brainAutolysedFraction', '1', 'Brain cells autolysed', 4),
  out('heart_energy', 'heartEnergy', '1', 'Myocardial energy state', 3),
  out('heart_viable_fraction', 'heartViableFraction', '1', 'Heart cells viable', 4),
  out('heart_autolysed_fraction', 'heartAutolysedFraction', '1', 'Heart cells autolysed', 4),
  out('extremity_energy', 'extremityEnergy', '1', 'Hands and feet energy state', 3),
  out('extremity_viable_fraction', 'extremityViableFraction', '1', 'Hands and feet viable', 4),
  out(
    'extremity_autolysed_fraction',
    'extremityAutolysedFraction',
    '1',
    'Hands and feet autolysed',
    4,
  ),
  out('extremity_frozen_fraction', 'extremityFrozenFraction', '1', 'Hands and feet frozen now', 4),
  out('frostbite_fraction', 'frostbiteFraction', '1', 'Frostbite (largest frozen fraction)', 4),
  out('potassium_mmol_l', 'potassiumMmolPerL', 'mmol/L', 'Plasma potassium', 2),
  out('conscious', 'conscious', '1', 'Conscious (1 yes, 0 no)', 0),
  out(
    'arterial_po2_at_37_mmhg',
    'arterialPo2At37MmHg',
    'mmHg',
    'Arterial PO2 measured at 37 °C (alpha-stat)',
    1,
  ),
  out('haemoglobin_g_dl', 'haemoglobinGPerDl', 'g/dL', 'Haemoglobin', 2),
  out('venous_sat', 'venousSat', '1', 'Mixed venous saturation', 3),
  out('cannulated', 'cannulated', '1', 'Cannulated (1 yes, 0 no)', 0),
  out('pump_flow_l_min', 'pumpFlowLPerMin', 'L/min', 'Pump flow', 2),
  out('arterial_outlet_temp_c', 'arterialOutletTempC', '°C', 'Arterial outlet', 3),
  out('venous_temp_c', 'venousTempC', '°C', 'Venous inflow', 3),
  out('outlet_venous_gradient_c', 'outletVenousGradientC', '°C', 'Outlet–venous gradient', 2),
  out('outlet_rate_c_min', 'outletRateCPerMin', '°C/min', 'Outlet rewarming rate', 3),
  out('heater_water_temp_c', 'heaterWaterTempC', '°C', 'Heater-cooler water', 2),
  out('pump_heat_w', 'pumpHeatW', 'W', 'Heat from the heat exchanger', 1),
  out('sweep_l_min', 'sweepLPerMin', 'L/min', 'Oxygenator sweep gas', 1),
  out('oxygenator_fio2', 'oxygenatorFio2', '1', 'Oxygenator FiO2', 2),
  out('post_oxygenator_po2_mmhg', 'postOxygenatorPo2MmHg', 'mmHg', 'Post-oxygenator PO2', 1),
  out('alarm_count', 'alarmCount', '1', 'Alarms raised so far', 0),
  out('external_heat_w', 'externalHeatW', 'W', 'Heat from devices and interventions', 1),
];

function out(
  column: string,
  key: NumericSnapshotKey,
  unit: string,
  label: string,
  decimals: number,
): OutputDefinition {
  return { column, key, unit, label, decimals };
}

/** Outputs whose values are words, written after the numeric columns. */
export const TEXT_OUTPUTS = [
  { column: 'rhythm', key: 'rhythm', label: 'Rhythm' },
  { column: 'cpr', key: 'cpr', label: 'Chest compressions' },
  { column: 'circuit', key: 'circuit', label: 'Heart-lung machine circuit' },
  { column: 'alarms', key: 'alarmsText', label: 'Active alarms' },
] as const satisfies readonly { column: string; key: keyof Snapshot; label: string }[];

/** Temperatures of the heart-lung machine, not of the body. */
const HEART_LUNG_MACHINE_COLUMNS = new Set([
  'arterial_outlet_temp_c',
  'venous_temp_c',
  'outlet_venous_gradient_c',
  'heater_water_temp_c',
]);

/** Body temperature outputs plotted on trend charts, in display order. */
export const TEMPERATURE_OUTPUTS = OUTPUTS.filter(
  (o) => o.unit === '°C' && !HEART_LUNG_MACHINE_COLUMNS.has(o.column),
);
