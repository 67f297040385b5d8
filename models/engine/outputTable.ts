// The outputs, one table: each row says an output's key in code, its column name in files and
// conditions, its unit, its label for people, its decimals in files and how to read it from the state
// vector. The Snapshot type, buildSnapshot, the CSV columns (OUTPUTS), the condition variables of
// scenario triggers (compiled into readers: models/engine/compiledCondition.ts), the JSON Schema's
// output names and the app's labels all come from here. A new output is one row.

import { CELL_GROUPS, cellFractions, selfCheckActivity } from '../physiology/cells.ts';
import { rhythmName } from '../physiology/circulation.ts';
import { haemoglobinSaturation, po2FromContentMmHg } from '../physiology/oxygen.ts';
import type { PatientBody } from './patient.ts';
import { activeAlarms } from '../devices/alarms.ts';
import { CIRCUIT } from '../devices/heartLungMachine.ts';
import { RHYTHM_NAMES, S, type State } from '../core/state.ts';

/** Reads one output from the state vector and the patient's constants (never allocates for numbers). */
export type OutputReader<T> = (state: State, body: PatientBody) => T;

/** A numeric output. */
export interface NumericOutputRow<K extends string = string> {
  /** snake_case name used in files and triggers. */
  readonly column: string;
  /** camelCase name in code (the Snapshot field). */
  readonly key: K;
  readonly unit: string;
  readonly label: string;
  /** Decimal places written to files. */
  readonly decimals: number;
  readonly read: OutputReader<number>;
}

/** An output whose value is a word. */
export interface TextOutputRow<K extends string = string, V extends string = string> {
  readonly column: string;
  readonly key: K;
  readonly label: string;
  /** The words it can take, when they are a fixed list (conditions check them). */
  readonly values?: readonly V[];
  readonly read: OutputReader<V>;
}

function numeric<const K extends string>(
  column: string,
  key: K,
  unit: string,
  label: string,
  decimals: number,
  read: OutputReader<number>,
): NumericOutputRow<K> {
  return { column, key, unit, label, decimals, read };
}

function text<const K extends string, const V extends string>(
  column: string,
  key: K,
  label: string,
  read: OutputReader<V>,
  values?: readonly V[],
): TextOutputRow<K, V> {
  return values === undefined ? { column, key, label, read } : { column, key, label, read, values };
}

/** One slot of the state vector as it stands. */
function slot(index: number): OutputReader<number> {
  return (state) => state[index]!;
}

const [BRAIN, HEART, EXTREMITY] = CELL_GROUPS;

/** Haemoglobin after any dilution by the circuit's prime, g/dL. */
function haemoglobinGPerDl(state: State, body: PatientBody): number {
  return body.oxygen.haemoglobinGPerDl * state[S.haemodilutionFactor]!;
}

/** Arterial PO2 at blood temperature, mmHg. */
function arterialPo2MmHg(state: State, body: PatientBody): number {
  return po2FromContentMmHg(
    state[S.arterialO2ContentMlPerDl]!,
    state[S.bloodTempC]!,
    haemoglobinGPerDl(state, body),
    body.values,
  );
}

/** Numeric outputs, in the order of CSV columns. */
export const NUMERIC_OUTPUT_TABLE = [
  numeric('t_s', 'tS', 's', 'Time', 0, slot(S.timeS)),
  numeric('brain_temp_c', 'brainTempC', '°C', 'Brain', 3, slot(S.brainTempC)),
  numeric('heart_temp_c', 'heartTempC', '°C', 'Heart', 3, slot(S.heartTempC)),
  numeric('core_temp_c', 'coreTempC', '°C', 'Core', 3, slot(S.coreTempC)),
  numeric('muscle_temp_c', 'muscleTempC', '°C', 'Trunk muscle', 3, slot(S.muscleTempC)),
  numeric('limb_temp_c', 'limbTempC', '°C', 'Limb muscle', 3, slot(S.limbTempC)),
  numeric('shell_temp_c', 'shellTempC', '°C', 'Skin and fat shell', 3, slot(S.shellTempC)),
  numeric('skin_temp_c', 'skinTempC', '°C', 'Skin surface', 3, slot(S.meanSkinTempC)),
  numeric('extremity_temp_c', 'extremityTempC', '°C', 'Hands and feet', 3, slot(S.extremityTempC)),
  numeric('blood_temp_c', 'bloodTempC', '°C', 'Blood', 3, slot(S.bloodTempC)),
  numeric(
    'cardiac_output_l_min',
    'cardiacOutputLPerMin',
    'L/min',
    'Cardiac output',
    3,
    slot(S.cardiacOutputLPerMin),
  ),
  numeric('metabolic_heat_w', 'metabolicHeatW', 'W', 'Metabolic heat', 2, slot(S.metabolicRateW)),
  numeric('heat_loss_w', 'heatLossW', 'W', 'Heat loss to surroundings', 2, slot(S.heatLossW)),
  numeric('shivering', 'shivering', '1', 'Shivering (fraction of maximum)', 3, (s) =>
    s[S.shiveringCeilingW]! > 0 ? s[S.shiveringHeatW]! / s[S.shiveringCeilingW]! : 0,
  ),
  numeric('shivering_heat_w', 'shiveringHeatW', 'W', 'Shivering heat', 2, slot(S.shiveringHeatW)),
  numeric(
    'skin_blood_flow_fraction',
    'skinBloodFlowFraction',
    '1',
    'Skin blood flow (fraction of neutral)',
    3,
    slot(S.skinBloodFlowFraction),
  ),
  numeric(
    'respiratory_heat_loss_w',
    'respiratoryHeatLossW',
    'W',
    'Heat lost by breathing',
    2,
    slot(S.respiratoryHeatLossW),
  ),
  numeric('heart_rate_bpm', 'heartRateBpm', '/min', 'Heart rate', 1, slot(S.heartRateBpm)),
  numeric(
    'map_mmhg',
    'mapMmHg',
    'mmHg',
    'Mean arterial pressure',
    1,
    slot(S.meanArterialPressureMmHg),
  ),
  numeric(
    'breathing',
    'breathing',
    '1',
    'Breathing spontaneously (1 yes, 0 no)',
    0,
    slot(S.breathing),
  ),
  numeric(
    'ventilation_fio2',
    'ventilationFio2',
    '1',
    'Ventilator FiO2 (0 when not ventilated)',
    2,
    slot(S.ventilationFio2),
  ),
  numeric(
    'alveolar_po2_mmhg',
    'alveolarPo2MmHg',
    'mmHg',
    'Alveolar PO2',
    1,
    slot(S.alveolarPo2MmHg),
  ),
  numeric('arterial_po2_mmhg', 'arterialPo2MmHg', 'mmHg', 'Arterial PO2', 1, arterialPo2MmHg),
  numeric('arterial_sat', 'arterialSat', '1', 'Arterial saturation', 3, (s, b) =>
    haemoglobinSaturation(arterialPo2MmHg(s, b), s[S.bloodTempC]!, b.values),
  ),
  numeric(
    'arterial_o2_content_ml_dl',
    'arterialO2ContentMlPerDl',
    'mL/dL',
    'Arterial O2 content',
    2,
    slot(S.arterialO2ContentMlPerDl),
  ),
  numeric(
    'venous_o2_content_ml_dl',
    'venousO2ContentMlPerDl',
    'mL/dL',
    'Mixed venous O2 content',
    2,
    slot(S.venousO2ContentMlPerDl),
  ),
  numeric('brain_po2_mmhg', 'brainPo2MmHg', 'mmHg', 'Brain tissue PO2', 2, slot(S.brainPo2MmHg)),
  numeric(
    'brain_blood_flow_l_min',
    'brainBloodFlowLPerMin',
    'L/min',
    'Brain blood flow',
    3,
    slot(S.brainFlowLPerMin),
  ),
  numeric(
    'brain_vo2_ml_min',
    'brainVo2MlPerMin',
    'mL/min',
    'Brain O2 consumption',
    2,
    slot(S.brainVo2MlPerMin),
  ),
  numeric(
    'body_vo2_ml_min',
    'bodyVo2MlPerMin',
    'mL/min',
    'Whole-body O2 consumption',
    1,
    slot(S.bodyVo2MlPerMin),
  ),
  numeric(
    'diffusive_o2_ml_min',
    'diffusiveO2MlPerMin',
    'mL/min',
    'O2 supplied by diffusion alone',
    4,
    slot(S.diffusiveO2MlPerMin),
  ),
  numeric('brain_energy', 'brainEnergy', '1', 'Brain energy state', 3, slot(S.brainEnergy)),
  numeric(
    'brain_derangement_min',
    'brainDerangementMin',
    'min',
    'Brain derangement (warm-equivalent minutes)',
    2,
    slot(S.brainDerangementMin),
  ),
  numeric('brain_self_check', 'brainSelfCheck', '1', 'Brain self-check activity', 3, (s, b) =>
    selfCheckActivity(s[S.brainTempC]!, b.values),
  ),
  numeric(
    'brain_viable_fraction',
    'brainViableFraction',
    '1',
    'Brain cells viable',
    4,
    (s, b) => cellFractions(s, BRAIN, b.values).viable,
  ),
  numeric(
    'brain_at_risk_fraction',
    'brainAtRiskFraction',
    '1',
    'Brain cells at risk',
    4,
    (s, b) => cellFractions(s, BRAIN, b.values).atRisk,
  ),
  numeric(
    'brain_autolysed_fraction',
    'brainAutolysedFraction',
    '1',
    'Brain cells autolysed',
    4,
    (s, b) => cellFractions(s, BRAIN, b.values).autolysed,
  ),
  numeric('heart_energy', 'heartEnergy', '1', 'Myocardial energy state', 3, slot(S.heartEnergy)),
  numeric(
    'heart_viable_fraction',
    'heartViableFraction',
    '1',
    'Heart cells viable',
    4,
    (s, b) => cellFractions(s, HEART, b.values).viable,
  ),
  numeric(
    'heart_autolysed_fraction',
    'heartAutolysedFraction',
    '1',
    'Heart cells autolysed',
    4,
    (s, b) => cellFractions(s, HEART, b.values).autolysed,
  ),
  numeric(
    'extremity_energy',
    'extremityEnergy',
    '1',
    'Hands and feet energy state',
    3,
    slot(S.extremityEnergy),
  ),
  numeric(
    'extremity_viable_fraction',
    'extremityViableFraction',
    '1',
    'Hands and feet viable',
    4,
    (s, b) => cellFractions(s, EXTREMITY, b.values).viable,
  ),
  numeric(
    'extremity_autolysed_fraction',
    'extremityAutolysedFraction',
    '1',
    'Hands and feet autolysed',
    4,
    (s, b) => cellFractions(s, EXTREMITY, b.values).autolysed,
  ),
  numeric(
    'extremity_frozen_fraction',
    'extremityFrozenFraction',
    '1',
    'Hands and feet frozen now',
    4,
    slot(S.extremityFrozenFraction),
  ),
  numeric(
    'frostbite_fraction',
    'frostbiteFraction',
    '1',
    'Frostbite (largest frozen fraction)',
    4,
    slot(S.frostbiteFraction),
  ),
  numeric(
    'potassium_mmol_l',
    'potassiumMmolPerL',
    'mmol/L',
    'Plasma potassium',
    2,
    slot(S.potassiumMmolPerL),
  ),
  numeric('conscious', 'conscious', '1', 'Conscious (1 yes, 0 no)', 0, slot(S.conscious)),
  numeric(
    'arterial_po2_at_37_mmhg',
    'arterialPo2At37MmHg',
    'mmHg',
    'Arterial PO2 measured at 37 °C (alpha-stat)',
    1,
    (s, b) =>
      po2FromContentMmHg(s[S.arterialO2ContentMlPerDl]!, 37, haemoglobinGPerDl(s, b), b.values),
  ),
  numeric('haemoglobin_g_dl', 'haemoglobinGPerDl', 'g/dL', 'Haemoglobin', 2, haemoglobinGPerDl),
  numeric('venous_sat', 'venousSat', '1', 'Mixed venous saturation', 3, (s, b) =>
    haemoglobinSaturation(
      po2FromContentMmHg(
        s[S.venousO2ContentMlPerDl]!,
        s[S.bloodTempC]!,
        haemoglobinGPerDl(s, b),
        b.values,
      ),
      s[S.bloodTempC]!,
      b.values,
    ),
  ),
  numeric('cannulated', 'cannulated', '1', 'Cannulated (1 yes, 0 no)', 0, slot(S.cannulated)),
  numeric('pump_flow_l_min', 'pumpFlowLPerMin', 'L/min', 'Pump flow', 2, slot(S.pumpFlowLPerMin)),
  numeric(
    'arterial_outlet_temp_c',
    'arterialOutletTempC',
    '°C',
    'Arterial outlet',
    3,
    slot(S.arterialOutletTempC),
  ),
  numeric('venous_temp_c', 'venousTempC', '°C', 'Venous inflow', 3, slot(S.venousInletTempC)),
  numeric(
    'outlet_venous_gradient_c',
    'outletVenousGradientC',
    '°C',
    'Outlet–venous gradient',
    2,
    (s) => s[S.arterialOutletTempC]! - s[S.venousInletTempC]!,
  ),
  numeric(
    'outlet_rate_c_min',
    'outletRateCPerMin',
    '°C/min',
    'Outlet rewarming rate',
    3,
    slot(S.outletRateCPerMin),
  ),
  numeric(
    'heater_water_temp_c',
    'heaterWaterTempC',
    '°C',
    'Heater-cooler water',
    2,
    slot(S.heaterWaterTempC),
  ),
  numeric('pump_heat_w', 'pumpHeatW', 'W', 'Heat from the heat exchanger', 1, slot(S.pumpHeatW)),
  numeric('sweep_l_min', 'sweepLPerMin', 'L/min', 'Oxygenator sweep gas', 1, slot(S.sweepLPerMin)),
  numeric('oxygenator_fio2', 'oxygenatorFio2', '1', 'Oxygenator FiO2', 2, slot(S.oxygenatorFio2)),
  numeric(
    'post_oxygenator_po2_mmhg',
    'postOxygenatorPo2MmHg',
    'mmHg',
    'Post-oxygenator PO2',
    1,
    (s) => (s[S.pumpFlowLPerMin]! > 0 ? s[S.postOxygenatorPo2MmHg]! : 0),
  ),
  numeric('alarm_count', 'alarmCount', '1', 'Alarms raised so far', 0, slot(S.alarmCount)),
  numeric(
    'external_heat_w',
    'externalHeatW',
    'W',
    'Heat from devices and interventions',
    1,
    slot(S.externalHeatW),
  ),
] as const;

const CPR_WORDS = ['none', 'manual', 'mechanical'] as const;

/** Outputs whose values are words, written after the numeric columns. */
export const TEXT_OUTPUT_TABLE = [
  text('rhythm', 'rhythm', 'Rhythm', (s) => rhythmName(s[S.rhythm]!), RHYTHM_NAMES),
  text(
    'cpr',
    'cpr',
    'Chest compressions',
    (s) => {
      const cpr = s[S.cprMode]!;
      return cpr === 1 ? 'manual' : cpr === 2 ? 'mechanical' : 'none';
    },
    CPR_WORDS,
  ),
  text('circuit', 'circuit', 'Heart-lung machine circuit', (s) => {
    const code = s[S.circuitMode]!;
    return code === CIRCUIT.cpb ? 'cpb' : code === CIRCUIT['va-ecmo'] ? 'va-ecmo' : 'none';
  }),
  text('alarms', 'alarmsText', 'Active alarms', (s) => {
    const alarms = activeAlarms(s[S.alarms]!);
    return alarms.length === 0 ? 'none' : alarms.map((a) => a.id).join('+');
  }),
] as const;

/** The numeric outputs as fields: { tS: number, brainTempC: number, … }. */
export type NumericOutputs = {
  readonly [R in (typeof NUMERIC_OUTPUT_TABLE)[number] as R['key']]: number;
};

/** The word outputs as fields: { rhythm: RhythmName, cpr: 'none' | …, … }. */
export type TextOutputs = {
  readonly [R in (typeof TEXT_OUTPUT_TABLE)[number] as R['key']]: ReturnType<R['read']>;
};

/** A reader of any output by its file name (numeric or word), or undefined for unknown names. */
export function outputReader(
  column: string,
):
  | { kind: 'number'; read: OutputReader<number> }
  | { kind: 'text'; read: OutputReader<string> }
  | undefined {
  const n = NUMERIC_OUTPUT_TABLE.find((o) => o.column === column);
  if (n !== undefined) return { kind: 'number', read: n.read };
  const t = TEXT_OUTPUT_TABLE.find((o) => o.column === column);
  if (t !== undefined) return { kind: 'text', read: t.read };
  return undefined;
}
