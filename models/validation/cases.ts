// Validation against published data: each reference case names a published number, its source (with
// the tag of the reference notes: [read] seen in the source, [recall] from memory, to be checked,
// [derived] computed from read values), the range a faithful model should fall in, and a compute()
// that runs the ColdBoot model and returns the model's value. Pure TypeScript (no Node, no DOM), so
// the same list can run in the browser.
//
// The numbers and citations were copied from the project's physiology reference notes ("Reference
// cases" and §1, §3, §4, §6, §8); nothing here reads those notes at run time.

import { createSimulation } from '../engine/simulation.ts';
import { mean } from '../ensemble/statistics.ts';
import type { Action } from '../core/actions.ts';
import type { Snapshot } from '../engine/snapshot.ts';
import { parameterValues } from '../parameters/index.ts';
import {
  haemoglobinSaturation,
  o2SolubilityMlPerDlPerMmHg,
  p50AtTemperatureMmHg,
} from '../physiology/oxygen.ts';
import {
  BEFORE_IMMERSION_AIR,
  GUIDELINE_ALARMS,
  MODERATE_HYPOTHERMIA_C,
  PUMP_CANNULATION_S,
  SHIVERING_ONLY_CORE_C,
  SHIVERING_ONLY_WATER_C,
  bedsideRewarming,
  bypassRewarming,
  eclsRewarming,
  pumpHeatRun,
  volunteerRewarming,
  type BedsideRewarmingRun,
  type PumpRewarmingRun,
  ENSEMBLE_RUNS,
  ENSEMBLE_WATER_C,
  LEAN_YOUNG_MAN,
  SHIVERING_ABSENT_FRACTION,
  THERMONEUTRAL_AIR,
  atSiteTemperature,
  coolingEnsemble,
  isArrest,
  median,
  quantile,
  sampleUntil,
  settledBreathing,
  settledVentilated,
  validationScenario,
  DHCA_ARREST_MIN,
  DHCA_BRAIN_C,
  DHCA_COLD_REPERFUSION_MIN,
  REPERFUSION_FLOW_L_PER_MIN,
  TTM_COOLING_FROM_H,
  TTM_CPR_MIN,
  TTM_NO_FLOW_MIN,
  TTM_READ_AT_H,
  dhcaRewarmingRun,
  eprRun,
  hossmannRun,
  postMortemRun,
  reperfusionRun,
  ttmRun,
  type BrainCells,
  type ReperfusionPlan,
} from './runs.ts';
import {
  ASPHYXIA_CPR_MIN,
  ASPHYXIA_EXPOSURES,
  ASPHYXIA_MEMBERS,
  COLD_AIR_C,
  RAJEK_BYPASS,
  RAJEK_METHOD,
  describeRajek,
  rajekRun,
  DEAD_BODY_WATER_C,
  SHORTS_CLO,
  TIKUISIS_COLD_AIR,
  airRestRun,
  describeFatLean,
  FAT_LEAN_WATER,
  FAT_LEAN_WATER_C,
  fatLeanRun,
  describeAirRest,
  PORCINE_METHOD,
  PORCINE_POTASSIUM,
  PORCINE_POTASSIUM_LEVEL,
  DEPOLARISATION_ENERGY,
  HOPE_CASES,
  HOPE_MEMBERS,
  HOPE_METHOD,
  HOPE_SOURCE,
  admittedAbove12,
  deadBodyRun,
  depolarisationTimeAtBrainS,
  describeAsphyxiaEnsemble,
  describeDeadBody,
  describeDepolarisation,
  describePorcine,
  hopeGrid,
  hopeGridError,
  hopeGridTable,
  hopeSurvival,
  porcineRun,
} from './secondPassRuns.ts';

export interface ReferenceCase {
  /** Short id, e.g. '1', '2a', '7c'; numbers follow the reference notes' case numbers. */
  readonly id: string;
  /** Where the case comes from in the reference notes, e.g. 'Reference case 1'. */
  readonly reference: string;
  readonly title: string;
  /** Short citation for test names and tables, e.g. 'Croughwell 1992'. */
  readonly citation: string;
  /** Citation as in the reference notes, with its [read] / [recall] / [derived] tag. */
  readonly source: string;
  /** What is measured, with its unit. */
  readonly quantity: string;
  /** Unit of published, acceptable and the model value ('1' for ratios and fractions). */
  readonly unit: string;
  /** The published value (for a bound: the published limit). */
  readonly published: number;
  /** The range a faithful model should fall in, [min, max], in `unit`. */
  readonly acceptable: readonly [number, number];
  /** Where the acceptable range comes from. */
  readonly tolerance: string;
  /** How the model value is obtained. */
  readonly method: string;
  /**
   * 'value' (default): compare with the published value. 'upper bound': the published number is a
   * limit the model should stay under; the difference counts only beyond it.
   */
  readonly kind?: 'value' | 'upper bound';
  /**
   * Denominator of the relative difference when the published value is 0 (e.g. 1 for a fraction of
   * runs: a difference of 0.02 is then 2 %).
   */
  readonly scale?: number;
  /** Decimal places for tables. */
  readonly decimals: number;
  /** Runs the model and returns its value, in `unit`. */
  compute(): number;
  /** Extra facts about the model run for the report (optional). */
  detail?(): string;
  /** A Markdown table shown under the case in doc/validation.md (optional). */
  table?(): string;
}

export type Rating = 'within 10 %' | 'within 30 %' | 'outside';

/**
 * Relative difference between the model and the published value: |model − published| / |published|
 * (or / scale when the published value is 0). For an upper bound, only the excess over the bound
 * counts, so a model value under the bound has difference 0.
 */
export function relativeDifference(c: ReferenceCase, model: number): number {
  if (!Number.isFinite(model)) return Number.POSITIVE_INFINITY;
  const denominator = c.published !== 0 ? Math.abs(c.published) : (c.scale ?? 1);
  const difference =
    c.kind === 'upper bound' ? Math.max(0, model - c.published) : Math.abs(model - c.published);
  return difference / denominator;
}

/** 'within 10 %', 'within 30 %' or 'outside', from the relative difference. */
export function rate(c: ReferenceCase, model: number): Rating {
  const d = relativeDifference(c, model);
  if (d <= 0.1) return 'within 10 %';
  if (d <= 0.3) return 'within 30 %';
  return 'outside';
}

/** True when the model value lies inside the case's acceptable range (ends included). */
export function isAcceptable(c: ReferenceCase, model: number): boolean {
  return Number.isFinite(model) && model >= c.acceptable[0] && model <= c.acceptable[1];
}

// --- Shared descriptions -------------------------------------------------------------------------

const CROUGHWELL =
  'Croughwell N et al., J Thorac Cardiovasc Surg 1992;103:549-54 [read]: cerebral CMRO2 Q10 median 2.8 on nonpulsatile CPB (41 adults, 2 L/min/m²); 37 → 27 °C cuts CMRO2 by 64 %';
const MCCULLOUGH =
  'McCullough JN, Zhang N, Reich DL et al., Ann Thorac Surg 1999;67:1895-9 [recall]: cerebral metabolic rate 56 % (30 °C), 24 % (20 °C), 16 % (15 °C) of 37 °C, Q10 ≈ 2.3; cross-check 2.3^((T − 37)/10) [derived]; consistent with Q10 2.2 of Michenfelder & Milde, J Cereb Blood Flow Metab 1992;12:877 [read]';
const HICKEY_HOAR =
  'Hickey RF, Hoar PF, 1983, J Thorac Cardiovasc Surg [read; journal recall]: whole-body VO2 on CPB (12 men, 2.1 L/min/m², cardioplegic arrest) 83.3 ± 14.6 mL/min/m² normothermic → 45.6 ± 9.6 at 25.4 ± 1.8 °C (45.6/83.3 = 0.55 [derived])';
const SWISS_STAGING =
  'Swiss staging (Durrer 2003; Brugger), as tabulated in BMJ Mil Health and SJTREM 2019 Table 1 [read]: HT I 35–32 °C conscious, shivering; HT II < 32–28 °C impaired consciousness, not shivering; HT III < 28–24 °C unconscious, vital signs present; HT IV < 24 °C no vital signs. Empirical thresholds 32.1, 27.5, 24.1 °C (Pasquier M et al., SJTREM 2019) [read]';
const FREI_2019 =
  'Frei C, Darocha T, Debaty G et al., "Clinical characteristics and outcomes of witnessed hypothermic cardiac arrest: a systematic review on rescue collapse", Resuscitation 2019;137:41-48 [read: abstract]: 206 witnessed hypothermic cardiac arrests with a recorded temperature, mean 23.9 ± 2.7 °C, 5 (2.4 %) above 28 °C; the highest temperature of a survivor without other risk factors 29.4 °C';
const ZAFREN =
  'Zafren K et al., Atlas of Emergency Medicine 5e, 2021 [read]: heart rate falls ~50 % by 28 °C; malignant arrhythmias unlikely above 32 °C (RCEM Learning) [read; secondary]';
const SEVERINGHAUS =
  'Severinghaus JW, J Appl Physiol 1979;46:599-602 [read]: S = 1/(23400/(PO2³ + 150·PO2) + 1) at 37 °C, pH 7.40, fit within ±0.0055';
const EYOLFSON =
  'Eyolfson DA, Giesbrecht GG et al., Eur J Appl Physiol 2001 [read: abstract; authors/journal recall]: peak shivering 22.1 ± 4.2 mL O2/kg/min = 4.9 ± 0.8 × resting, 41.7 % of VO2max, at core 35.2 °C';
const PRETORIUS =
  'Pretorius T et al., Aviat Space Environ Med 2008;79:495 [read]: in 17 °C water, 45-min core cooling 0.40 °C with the head out and 0.73 °C with the head (7 % of body surface) submerged, body exposed; head submersion raised total heat loss 11 %';

const SETTLED_BREATHING =
  'Reference man (ICRP 89: 35 y, 73 kg, 176 cm) breathing air in thermoneutral surroundings (air 28 °C, 1 clo); the snapshot at time zero after the engine settles its start profile (4 h with blood held at the start core temperature, then 10 min of the whole patient; sinus rhythm, no random rhythm changes before time zero).';

const SETTLED_VENTILATED =
  'Reference man in thermoneutral air (28 °C, 1 clo), ventilated with FiO2 0.5 (arterial PO2 ≈ 270–320 mmHg, an oxygen tension as on bypass), blood held at a set temperature while tissues settle as in the engine start profile (4 h thermal, then 10 min whole patient), sinus rhythm. A ventilator is needed because the model patient stops breathing below a brain temperature of 24 °C; no heart-lung machine is used, so flows follow the patient’s own (cold, slow) heart.';

/** FiO2 of the ventilated held-temperature state (arterial PO2 ≈ 270–320 mmHg). */
const HELD_FIO2 = 0.5;

// --- Computations ------------------------------------------------------------------------------

const brainVo2 = (s: Snapshot): number => s.brainVo2MlPerMin;

/** Brain O2 consumption at a brain temperature ÷ at 37 °C, breathing patient. */
function brainVo2RatioBreathing(brainC: number): number {
  const cold = atSiteTemperature(brainC, 'brainTempC', settledBreathing, brainVo2);
  const warm = atSiteTemperature(37, 'brainTempC', settledBreathing, brainVo2);
  return cold / warm;
}

const ventilated = (startC: number): Snapshot => settledVentilated(startC, HELD_FIO2);

/** Brain O2 consumption at a brain temperature ÷ at 37 °C, ventilated, blood temperature held. */
function brainVo2RatioVentilated(brainC: number): number {
  const cold = atSiteTemperature(brainC, 'brainTempC', ventilated, brainVo2);
  const warm = atSiteTemperature(37, 'brainTempC', ventilated, brainVo2);
  return cold / warm;
}

function describeVentilated(brainC: number): string {
  const s = ventilated(brainC);
  return `at a held blood temperature of ${brainC} °C: brain ${s.brainTempC.toFixed(2)} °C, brain PO2 ${s.brainPo2MmHg.toFixed(1)} mmHg, heart rate ${s.heartRateBpm.toFixed(1)} /min, cardiac output ${s.cardiacOutputLPerMin.toFixed(2)} L/min, arterial PO2 ${s.arterialPo2MmHg.toFixed(0)} mmHg`;
}

/** Normothermic baseline: the engine's default start (core 37 °C), no shivering. */
function normothermic(): Snapshot {
  return settledBreathing(37);
}

interface ShiveringRun {
  readonly peakVo2MlPerMin: number;
  readonly restingVo2MlPerMin: number;
  readonly massKg: number;
  readonly peakCoreC: number;
  readonly maxShiveringBelow30C: number;
  readonly samplesBelow30C: number;
}

let shiveringRunCache: ShiveringRun | null = null;

/** A lean young man falls into 10 °C water (head out, breathing) and cools until 28 °C core. */
function shiveringRun(): ShiveringRun {
  if (shiveringRunCache !== null) return shiveringRunCache;
  const sim = createSimulation(
    validationScenario({
      patient: LEAN_YOUNG_MAN,
      environment: BEFORE_IMMERSION_AIR,
      timeline: [
        {
          atS: 0,
          action: { do: 'setEnvironment', medium: 'water', temperatureC: ENSEMBLE_WATER_C },
        },
      ],
      endS: 8 * 3600,
    }),
    { seed: 1 },
  );
  let peakVo2MlPerMin = 0;
  let peakCoreC = Number.NaN;
  let maxShiveringBelow30C = 0;
  let samplesBelow30C = 0;
  sampleUntil(sim, 10, (s) => {
    if (s.bodyVo2MlPerMin > peakVo2MlPerMin) {
      peakVo2MlPerMin = s.bodyVo2MlPerMin;
      peakCoreC = s.coreTempC;
    }
    if (s.coreTempC < 30) {
      samplesBelow30C++;
      maxShiveringBelow30C = Math.max(maxShiveringBelow30C, s.shivering);
    }
    return s.coreTempC < 28 || isArrest(s);
  });
  shiveringRunCache = {
    peakVo2MlPerMin,
    restingVo2MlPerMin: sim.body.oxygen.restingVo2MlPerMin,
    massKg: sim.body.thermal.composition.massKg,
    peakCoreC,
    maxShiveringBelow30C: samplesBelow30C > 0 ? maxShiveringBelow30C : Number.NaN,
    samplesBelow30C,
  };
  return shiveringRunCache;
}

interface PretoriusRun {
  /** Fall of core, muscle and brain temperatures over 45 min, °C. */
  readonly coreFallC: number;
  readonly muscleFallC: number;
  readonly brainFallC: number;
  /** Heat lost to the water and air, and the change in stored heat, over 45 min, kJ. */
  readonly lostKJ: number;
  readonly storedKJ: number;
  /** Heat loss at 45 min, W. */
  readonly lossAt45MinW: number;
}

const pretoriusCache = new Map<boolean, PretoriusRun>();

/** The first 45 min in 17 °C water, head out or head under (breathing from an air pocket). */
function pretoriusRun(headOut: boolean): PretoriusRun {
  const cached = pretoriusCache.get(headOut);
  if (cached !== undefined) return cached;
  const sim = createSimulation(
    validationScenario({
      environment: THERMONEUTRAL_AIR,
      timeline: [
        {
          atS: 0,
          action: headOut
            ? { do: 'immerse', waterTemperatureC: 17, headAboveWater: true }
            : { do: 'immerse', waterTemperatureC: 17, airPocket: true },
        },
      ],
      endS: 45 * 60,
    }),
  );
  const before = sim.snapshot();
  sim.advance(45 * 60);
  const after = sim.snapshot();
  const heat = sim.heatBalance();
  const run: PretoriusRun = {
    coreFallC: before.coreTempC - after.coreTempC,
    muscleFallC: before.muscleTempC - after.muscleTempC,
    brainFallC: before.brainTempC - after.brainTempC,
    lostKJ: heat.lostJ / 1000,
    storedKJ: heat.storedJ / 1000,
    lossAt45MinW: after.heatLossW,
  };
  pretoriusCache.set(headOut, run);
  return run;
}

function describePretorius(headOut: boolean): string {
  const r = pretoriusRun(headOut);
  return `over 45 min core −${r.coreFallC.toFixed(2)} °C, muscle −${r.muscleFallC.toFixed(2)} °C, brain −${r.brainFallC.toFixed(2)} °C; heat lost ${r.lostKJ.toFixed(0)} kJ, stored heat ${r.storedKJ.toFixed(0)} kJ; heat loss at 45 min ${r.lossAt45MinW.toFixed(0)} W`;
}

interface ColdWaterRate {
  readonly waterC: number;
  readonly headOut: boolean;
  readonly maxRateCPerMin: number;
  readonly atMin: number;
}

let coldWaterRatesCache: readonly ColdWaterRate[] | null = null;

/** Steepest core cooling over any 5 minutes in the first 2 h in 2 and 5 °C water. */
function coldWaterRates(): readonly ColdWaterRate[] {
  if (coldWaterRatesCache !== null) return coldWaterRatesCache;
  const rates: ColdWaterRate[] = [];
  for (const waterC of [2, 5]) {
    for (const headOut of [true, false]) {
      const sim = createSimulation(
        validationScenario({
          environment: BEFORE_IMMERSION_AIR,
          timeline: [
            {
              atS: 0,
              action: headOut
                ? { do: 'immerse', waterTemperatureC: waterC, headAboveWater: true }
                : { do: 'immerse', waterTemperatureC: waterC, airPocket: true },
            },
          ],
          endS: 2 * 3600,
        }),
        { seed: 1 },
      );
      const cores: number[] = [];
      let maxRateCPerMin = 0;
      let atMin = 0;
      sampleUntil(sim, 60, (s) => {
        cores.push(s.coreTempC);
        const n = cores.length;
        if (n > 5) {
          const rate = (cores[n - 6]! - cores[n - 1]!) / 5;
          if (rate > maxRateCPerMin) {
            maxRateCPerMin = rate;
            atMin = s.tS / 60;
          }
        }
        return isArrest(s);
      });
      rates.push({ waterC, headOut, maxRateCPerMin, atMin });
    }
  }
  coldWaterRatesCache = rates;
  return rates;
}

function ensembleSummary(): string {
  const runs = coolingEnsemble();
  const arrests = runs.map((r) => r.arrestCoreC);
  const rhythms = new Map<string, number>();
  for (const r of runs) {
    const key = r.arrestRhythm ?? 'none';
    rhythms.set(key, (rhythms.get(key) ?? 0) + 1);
  }
  const counts = [...rhythms.entries()].map(([k, n]) => `${k} ${n}`).join(', ');
  const hours = runs.map((r) => (r.arrestS === null ? null : r.arrestS / 3600));
  return (
    `${runs.length} runs; first arrest at core ${fmt(quantile(arrests, 0))}–${fmt(quantile(arrests, 1))} °C ` +
    `(quartiles ${fmt(quantile(arrests, 0.25))}, ${fmt(median(arrests))}, ${fmt(quantile(arrests, 0.75))}), ` +
    `after ${fmt(quantile(hours, 0))}–${fmt(quantile(hours, 1))} h in the water; first arrest rhythm: ${counts}; ` +
    `breathing stopped before the arrest in ${runs.filter((r) => r.apnoeaCoreC !== null).length} runs, at core ${fmt(median(runs.map((r) => r.apnoeaCoreC)))} °C (median)`
  );
}

function fmt(x: number, decimals = 1): string {
  return Number.isFinite(x) ? x.toFixed(decimals) : '—';
}

const ENSEMBLE_METHOD = `Reference man (35 y, 73 kg, 176 cm, ≈ 20 % fat), dressed in 20 °C air, falls at time zero into ${ENSEMBLE_WATER_C} °C water (air above it ${ENSEMBLE_WATER_C} °C), immersed to the neck with the head out, breathing, no rescue or treatment; ${ENSEMBLE_RUNS} runs (seeds 1–${ENSEMBLE_RUNS}), each sampled every 10 s until its first cardiac arrest.`;

// --- Heart-lung machine and rewarming (reference cases 4, 5, 6) ------------------------------

const ENGELMAN =
  'Engelman R et al., Ann Thorac Surg 2015;100:748-57 (STS/SCA/AmSECT guideline) [read]: arterial outlet < 37 °C (Class I, C); outlet–venous gradient ≤ 10 °C during cooling and rewarming (Class I, C); once the outlet is ≥ 30 °C, gradient ≤ 4 °C and rewarming rate ≤ 0.5 °C/min (Class IIa, C)';
const ENERGY_ON_PUMP =
  'ECLS heat delivery Q·ρ·c·ΔT = 4 L/min × 1.05 kg/L × 3.6 kJ/kg/K × 10 K = 151 kJ/min ≈ 2.5 kW [derived], from the specific heat of blood 3600 J/kg/K (Cancers 2019;11:1183, Table 1) [read]';
const ENERGY_BOUND =
  'Upper bound on whole-body rewarming, 70 kg at 3.47 kJ/kg/K with all the heat retained: 0.62 °C/min at a 10 K gradient (0.25 °C/min at 4 K) [derived]; whole-body specific heat 3.47 kJ/kg/K is traditional, "based on assumptions, not measured"; calculated mass-weighted value 2.98 kJ/kg/K (range 2.44–3.39) — Xu X, Rioux TP, Castellani MP, Temperature 2022;10:235 [read]';
const PAAL =
  'Paal P et al., "Accidental hypothermia – an update", Scand J Trauma Resusc Emerg Med 2016;24:111, Table 3 [read]: passive rewarming 0.5–4 °C/h (depends on thermoregulation and metabolic reserve); active external (forced air, Arctic Sun) 0.5–4 °C/h; bladder lavage adds ~0.5–1 °C/h; gastric lavage adds ~0.5–1 °C/h';
const FORCED_AIR =
  'forced air 0.8–2.5 °C/h (fpnotebook) [read; secondary]; mean 1.7 °C/h, range 0.7–3.4 (summary at droracle.ai) [read; secondary]';
const AVIAT_1992 =
  'Mildly hypothermic volunteers cooled 2 h in 15 °C water to Tes 36 °C: whole-body 42 °C bath 10.1 °C/h (afterdrop 0.18 °C); trunk-only 42 °C 7.5 °C/h; extremities-only 0.8 °C/h (afterdrop 0.38 °C); blankets 0.2 °C/h (afterdrop 0.14 °C) — Aviat Space Environ Med 1992;63:1070-6 (TNO repository) [read]';
const GIESBRECHT_1994 =
  'Giesbrecht GG, Sessler DI, Mekjavic IB, Schroeder M, Bristow GK, "Treatment of mild immersion hypothermia by direct body-to-body contact", J Appl Physiol 1994;76:2373-9 [read: abstract; authors recall]: immersed in 8 °C water until the oesophageal temperature was 34.6 ± 0.7 °C, then rewarmed by shivering only: afterdrop 0.54 ± 0.2 °C, rewarming 2.40 ± 0.8 °C/h (n = 6); Giesbrecht GG, Schroeder M, Bristow GK, "Treatment of mild immersion hypothermia by forced-air warming", Aviat Space Environ Med 1994;65:803-8 [read: abstract; authors recall]: 8 °C water until hypothermic, shivering only inside a sleeping bag: afterdrop 0.61 ± 0.26 °C, rewarming 3.02 ± 1.2 °C/h, skin heat flux 30 W early and 50 W after 35 min (n = 8); Vanggaard L et al., Aviat Space Environ Med 1999;70:1081-8 [read; secondary: WMS guideline grading]: shivering alone, afterdrop 0.6 ± 0.4 °C, 3.4 ± 1.5 °C/h';
const TEXTBOOK_RATES =
  'textbook ranges: lavage 1–5 °C/h; active surface 1–7 °C/h; extracorporeal 3–15 °C/h; spontaneous rewarming under a space blanket 0.1–0.7 °C/h — alpfmedical (https://www.alpfmedical.info/metabolic-acidosis/management-htg.html) [read; secondary]';
const ECLS_RATES = `${TEXTBOOK_RATES}; CPB 8–10 °C/h, CAVR/haemodialysis 3–4 °C/h (Maine Medical Center teaching sheet, https://utswim.wordpress.com/2015/02/26/rewarming-in-accidental-hypothermia/) [read; secondary]; ECLS ~5–10 °C/h [recall]`;

const BYPASS_METHOD = `Reference man (35 y, 73 kg, 176 cm) settled at a core of 18 °C, ventilated (FiO2 0.5) in a 20 °C theatre, uncovered; seed 1. Cannulated for cardiopulmonary bypass (${PUMP_CANNULATION_S / 60} min, prime 1.5 L at room temperature) while the heater-cooler is set; the pump then runs at 2.4 L/min/m² with the oxygenator at FiO2 0.6 and sweep = flow. Each minute a controller sets the water temperature from the snapshot; sampled every second until the core reaches 36 °C.`;
const GUIDELINE_CONTROLLER =
  'The guideline controller (guidelineWaterTempC in models/validation/runs.ts): water = min(37, venous + 10) while the outlet it would give stays below 29 °C (venous + effectiveness × 10, the effectiveness read from the monitor); after that water = min(37, venous + 4), held where it is while the outlet warms faster than 0.4 °C/min. A controller that switched only once the outlet read 30 °C raised the rewarming-too-fast alarm at the crossing, because the water lags its setting by ~2 min.';

function describePumpRun(r: PumpRewarmingRun): string {
  const first = r.firstSeen
    .map((x) => `${x.id} at ${fmt(x.atS / 60, 1)} min (core ${fmt(x.coreC, 1)} °C)`)
    .join(', ');
  return (
    `flow ${fmt(r.flowLPerMin, 2)} L/min; core ${fmt(r.coreAtPumpStartC, 2)} °C at pump start; 35 °C after ${fmtMin(r.timeTo35S)}, target after ${fmtMin(r.timeToTargetS)}; ` +
    `highest outlet ${fmt(r.maxOutletC, 2)} °C, largest gradient ${fmt(r.maxGradientC, 2)} °C, with the outlet ≥ 30 °C largest gradient ${fmt(r.maxWarmGradientC, 2)} °C and outlet rate ${fmt(r.maxWarmRateCPerMin, 2)} °C/min; ` +
    `alarms raised ${r.alarmCount}${first === '' ? '' : `: ${first}`}; lowest venous saturation on the pump ${fmt(r.minVenousSat, 2)}, highest VO2 ${fmt(r.maxBodyVo2MlPerMin, 0)} mL/min, highest shivering ${fmt(r.maxShivering, 2)} of its ceiling; rhythm at the end ${r.rhythmAtEnd}`
  );
}

function fmtMin(s: number | null): string {
  return s === null ? 'never' : `${fmt(s / 60, 1)} min`;
}

const FORCED_AIR_ON: Action = { do: 'startForcedAirWarming', temperatureC: 43 };
const BLADDER_LAVAGE: Action = { do: 'startLavage', site: 'bladder', temperatureC: 40 };
const GASTRIC_LAVAGE: Action = { do: 'startLavage', site: 'gastric', temperatureC: 40 };

const passiveRun = (): BedsideRewarmingRun => bedsideRewarming('passive', []);
const forcedAirRun = (): BedsideRewarmingRun => bedsideRewarming('forced air', [FORCED_AIR_ON]);
const forcedAirBladderRun = (): BedsideRewarmingRun =>
  bedsideRewarming('forced air + bladder lavage', [FORCED_AIR_ON, BLADDER_LAVAGE]);
const passiveGastricRun = (): BedsideRewarmingRun =>
  bedsideRewarming('passive + gastric lavage', [GASTRIC_LAVAGE]);

function describeBedside(r: BedsideRewarmingRun): string {
  return `core ${fmt(r.startCoreC, 2)} °C at the start; 35 °C after ${r.timeTo35S === null ? `more than ${fmt(r.endS / 3600, 1)} h (core ${fmt(r.endCoreC, 2)} °C then)` : `${fmt(r.timeTo35S / 3600, 2)} h`}; rhythms ${r.rhythms.join(', ')}; highest shivering ${fmt(r.maxShivering, 2)} of its ceiling`;
}

const BEDSIDE_PATIENT = `Reference man (35 y, 73 kg, 176 cm) settled at a core of ${MODERATE_HYPOTHERMIA_C} °C (the middle of 28–32 °C), breathing, heart beating, under blankets (2.5 clo) in 22 °C air; seed 1.`;
const BEDSIDE_METHOD = `${BEDSIDE_PATIENT} The treatment starts at time zero; sampled every minute. Rate = (35 − start core) ÷ time to reach a core of 35 °C (the end of hypothermia), or the mean rate over 8 h if the core does not get there.`;

function describeVolunteer(method: 'blankets' | 'bath' | 'shivering'): string {
  const r = volunteerRewarming(method);
  return `cooled to ${fmt(r.startCoreC, 2)} °C in ${fmt(r.coolingMin, 0)} min; afterdrop ${fmt(r.afterdropC, 2)} °C, deepest ${fmt(r.nadirMin, 1)} min after rewarming began; rate over the 30 min after it ${fmt(r.rateCPerH, 2)} °C/h; steepest 10-min rise ${fmt(r.steepestCPerH, 2)} °C/h; core ${fmt(r.coreAt60MinC, 2)} °C after 60 min`;
}

/** What issue 15, item 6 found about case 6j (a known disagreement, not fixed). */
const SHIVERING_ONLY_FINDING =
  'Known disagreement (issue 15, item 6, not fixed): the shivering is made (at its ceiling, about 285 W, with 35–65 W leaving the skin, as the measured 30–50 W), but about half of it goes into rewarming the skin and fat, 15.6 °C when he leaves the water and 30 °C an hour later, and the core rises slowly. Making shivering heat where the muscle is (shiveringLimbShare 0.4, the top of its range, against 0.1; the limbs hold 60 % of the muscle) deepens the afterdrop to 0.57 °C (6i, as measured) but raises the rate only to 1.33 °C/h, and the limbs’ heat then reaches the water during immersion: the core falls 0.76 °C in 45 min in 17 °C water (W1, range 0.28–0.52), forced air with bladder lavage gains 0.47 °C/h (6d, range 0.5–1.0) and the blankets case 6b rises to 0.57 °C/h. The shell insulation calibrated on W1 would have to be refitted with it; not landed. Nothing else tried brings the rate into range: the lean-layer insulation across its range (0.03–0.08 m²·K/W) gives 1.35–1.04 °C/h, a higher shivering ceiling (6 × resting) 1.04 °C/h (shivering is held by its drive, which falls as the skin warms, not by its ceiling), skin flow under constriction doubled 1.28 °C/h. The likely cause is the heat the shell (all the body’s fat, 14.7 kg, counted as subcutaneous) takes up as it rewarms from the cold of the water.';

const SHIVERING_ONLY_METHOD = `Reference man (35 y, 73 kg, 176 cm) settled in thermoneutral air, immersed to the neck in ${SHIVERING_ONLY_WATER_C} °C water until his core falls to ${SHIVERING_ONLY_CORE_C} °C (at most 2 h); seed 1. Then out, dry, into 22 °C air inside a sleeping bag (2.5 clo, as the blankets of 6b), shivering his only heat; core sampled every 10 s for 2 h.`;

const VOLUNTEER_METHOD =
  'Reference man (35 y, 73 kg, 176 cm) settled in thermoneutral air, immersed to the neck in 15 °C water until his core falls to 36 °C (at most 2 h); seed 1. Then';

// --- Ischaemia and reperfusion: the two views of brain-cell death (research notes §9) ------------

/** Parameter overrides of a run. */
type Overrides = Readonly<Record<string, number>>;

/** hypothesisBalance 0: cells without energy lie dormant for hours and die at warm reperfusion. */
const ESSAY_VIEW: Overrides = { hypothesisBalance: 0 };
/** hypothesisBalance 1: cells out of spec die of warm ischaemia itself within minutes. */
const CONVENTIONAL_VIEW: Overrides = { hypothesisBalance: 1 };

const ESSAY_METHOD =
  'Run with hypothesisBalance 0 (the essay’s view: cells without energy lie dormant and die when oxygen returns while they are warm enough to check themselves), the view this source supports; the run details give the other end of the balance (1, the conventional view) and the default.';
const BOTH_METHOD =
  'Expected under both views: run at both ends of the balance (hypothesisBalance 0, the essay’s view, and 1, the conventional view), the model value is the worse (larger) of the two; the run details give each end and the default.';

/**
 * What a two-views case computes: its value under a set of parameter overrides, and how the case's
 * value is taken (at the essay's end, or the worse of the two ends).
 */
interface ViewsSpec {
  readonly value: (parameters: Overrides) => number;
  readonly view: 'essay' | 'both';
  /** Facts about the run at the essay's end (or both), for the run details. */
  readonly facts?: () => string;
  /** Extra runs with other parameters: label and overrides (added to the essay's view). */
  readonly sensitivity?: readonly (readonly [string, Overrides])[];
}

type CaseText = Omit<ReferenceCase, 'compute' | 'detail' | 'method'> & { readonly method: string };

/** A two-views case: compute() at the view the source supports; detail() at every end. */
function viewsCase(text: CaseText, spec: ViewsSpec): ReferenceCase {
  const compute = (): number =>
    spec.view === 'essay'
      ? spec.value(ESSAY_VIEW)
      : Math.max(spec.value(ESSAY_VIEW), spec.value(CONVENTIONAL_VIEW));
  const c: ReferenceCase = {
    ...text,
    method: `${spec.view === 'essay' ? ESSAY_METHOD : BOTH_METHOD} ${text.method}`,
    compute,
    detail() {
      const show = (x: number): string =>
        `${Number.isFinite(x) ? x.toFixed(text.decimals) : '—'} (${isAcceptable(c, x) ? 'inside' : 'outside'})`;
      const essay = spec.value(ESSAY_VIEW);
      const conventional = spec.value(CONVENTIONAL_VIEW);
      const middle = spec.value({});
      const inside = [isAcceptable(c, essay), isAcceptable(c, conventional)];
      const verdict =
        inside[0] && inside[1]
          ? 'both ends of the balance'
          : inside[0]
            ? 'the essay’s view only'
            : inside[1]
              ? 'the conventional view only'
              : 'neither end of the balance';
      const parts = [
        `hypothesisBalance 0 (the essay’s view) ${show(essay)}; default (${parameterValues().hypothesisBalance}) ${show(middle)}; 1 (the conventional view) ${show(conventional)}: reproduced by ${verdict}`,
      ];
      for (const [label, overrides] of spec.sensitivity ?? []) {
        parts.push(
          `with ${label}: ${show(spec.value({ ...ESSAY_VIEW, ...overrides }))} at balance 0, ${show(spec.value({ ...CONVENTIONAL_VIEW, ...overrides }))} at balance 1`,
        );
      }
      if (spec.facts) parts.push(spec.facts());
      return parts.join('; ');
    },
  };
  return c;
}

/** The top of the self-check's temperature range: the check half off at 32 °C. */
const WARM_SELF_CHECK: readonly [string, Overrides] = [
  'selfCheckHalfTempC 32 (the top of its range)',
  { selfCheckHalfTempC: 32 },
];

function fmtCells(c: BrainCells | undefined): string {
  return c === undefined
    ? 'never'
    : `${fmt(c.tS / 60, 1)} min (brain ${fmt(c.brainTempC, 1)} °C, energy ${fmt(c.energy, 2)}, viable ${fmt(c.viable, 3)}, at risk ${fmt(c.atRisk, 3)}, dead ${fmt(c.autolysed, 3)})`;
}

const REFERENCE_MAN_TEXT = 'Reference man (ICRP 89: 35 y, 73 kg, 176 cm), seed 1, 1-s steps.';
const WARM_ARREST = `${REFERENCE_MAN_TEXT} In a 22 °C room, clothed (1 clo), he arrests in VF at time zero; no compressions, no flow (the brain cools from 37.3 to about 36.3 °C in 10 min). The circuit is VA-ECMO at ${REPERFUSION_FLOW_L_PER_MIN} L/min, cannulated during the 5 min before it starts; oxygen returns with the sweep gas (FiO2 1, ${REPERFUSION_FLOW_L_PER_MIN} L/min). Brain loss = autolysed brain fraction once no cell is at risk and energy is restored (the fate of every cell settled).`;
const SERVO =
  'Cooling to a target: a servo sets the heater-cooler water every 10 s to 3 °C below the target per °C the brain is above it (within 2–37 °C); from 37 °C it brings the brain within 0.5 °C of 34 °C in about 3.5 min and then holds it about 0.1 °C above the target.';
const COOL_BEFORE_OXYGEN =
  'Cooling before oxygen: the pump runs with the sweep gas off (no oxygen: the blood still carries what it had), the water 15 °C below the target until the brain is within 2 °C of it, then the servo; the sweep gas goes on 90 s after the pump starts.';

// Abella 2004 (H4) and Zhao 2008 (H9): 8 min at 37 °C; cooling to 30 °C in the last 90 s of the arrest
// (intra-arrest) or after it (Zhao's delayed intra-arrest), or from 20 min after reperfusion.
const ABELLA_NORMOTHERMIC: ReperfusionPlan = { noFlowMin: 8 };
const ABELLA_INTRA_ARREST: ReperfusionPlan = {
  noFlowMin: 6.5,
  targetC: 30,
  coolBeforeOxygenMin: 1.5,
  rewarmAtMin: 60,
};
const ABELLA_DELAYED: ReperfusionPlan = {
  noFlowMin: 8,
  targetC: 30,
  coolFromMin: 20,
  rewarmAtMin: 80,
};
const ZHAO_DELAYED_INTRA_ARREST: ReperfusionPlan = {
  noFlowMin: 8,
  targetC: 30,
  coolBeforeOxygenMin: 1.5,
  rewarmAtMin: 60,
};
// Kuboyama 1993 (H5): 12.5 min of VF; 34 °C from reperfusion to 1 h, or from 15 min to 1 h 15 min.
const KUBOYAMA_NORMOTHERMIC: ReperfusionPlan = { noFlowMin: 12.5 };
const KUBOYAMA_IMMEDIATE: ReperfusionPlan = {
  noFlowMin: 12.5,
  targetC: 34,
  coolFromMin: 0,
  rewarmAtMin: 60,
};
const KUBOYAMA_DELAYED: ReperfusionPlan = {
  noFlowMin: 12.5,
  targetC: 34,
  coolFromMin: 15,
  rewarmAtMin: 75,
};
// Busto 1989 (H6): 10 min of ischaemia; 30 °C for 3 h from 5 or 30 min into recirculation.
const BUSTO_NORMOTHERMIC: ReperfusionPlan = { noFlowMin: 10 };
const BUSTO_IMMEDIATE: ReperfusionPlan = {
  noFlowMin: 10,
  targetC: 30,
  coolFromMin: 5,
  rewarmAtMin: 185,
};
const BUSTO_DELAYED: ReperfusionPlan = {
  noFlowMin: 10,
  targetC: 30,
  coolFromMin: 30,
  rewarmAtMin: 210,
};

/** Brain loss of a plan ÷ that of another (the control), under a set of overrides. */
function lossRatio(p: Overrides, plan: ReperfusionPlan, control: ReperfusionPlan): number {
  return reperfusionRun(p, plan).end.autolysed / reperfusionRun(p, control).end.autolysed;
}

/** Brain loss of each arm at the essay's end, and when the brain reached its target. */
function describeArms(arms: readonly (readonly [string, ReperfusionPlan])[]): string {
  return `at balance 0: ${arms
    .map(([label, plan]) => {
      const r = reperfusionRun(ESSAY_VIEW, plan);
      const oxygen = r.marks.oxygen;
      const target = r.marks.target;
      const reached =
        plan.targetC === undefined || oxygen === undefined
          ? ''
          : `, brain within 0.5 °C of ${plan.targetC} °C ${target === undefined ? 'never' : `${fmt((target.tS - oxygen.tS) / 60, 1)} min after oxygen returned`}`;
      return `${label}: oxygen at ${fmtCells(oxygen)}${reached}, brain loss ${fmt(r.end.autolysed, 3)}`;
    })
    .join('; ')}`;
}

const HOSSMANN =
  'Hossmann K-A, Crit Care Med 1988;16:964-71 [read: abstract and quoted passages]: 143 cats, 60 min of complete cerebral ischaemia at 36–37 °C, then recirculation with intensive care: major spontaneous EEG activity returned in 50 %; one cat survived 1 year with no electrophysiologic deficit; recovery almost consistent with an initial recirculation flow above 40 mL/100 g/min. Hossmann group, 1 h of ischaemia in cats (n = 20) [read]: electrical excitability back within 15 min of recirculation, adenylate energy charge > 95 % of pre-ischaemic within 30 min, 16 of 20 recovered electrophysiological function';
const HOSSMANN_METHOD = `${REFERENCE_MAN_TEXT} Kept warm (37 °C air under 2.5 clo, standing in for the warming that kept the cats at 36–37 °C: brain 37.3 °C throughout), he arrests in VF at time zero; no compressions, no flow. VA-ECMO, cannulated during the last 5 min, starts at 60 min at ${REPERFUSION_FLOW_L_PER_MIN} L/min with 37 °C water and oxygen (FiO2 1).`;

const VRSELJA =
  'Vrselja Z, Daniele SG, … Sestan N, Nature 2019;568:336-43 [read: abstract and press]: 32 pig brains connected 4 h after slaughter to BrainEx and perfused 6 h at 37 °C: microcirculation, cytoarchitecture, spontaneous synaptic activity and active metabolism restored, cell death attenuated, no global electrocorticographic activity; unperfused brains at 10 h: hippocampal neurons and astrocytes disintegrate [read; press]. Brain temperature over the 4 h not found (the heads stood at room temperature [recall])';

const BEHRINGER =
  'Behringer W, Safar P et al., Crit Care Med 2003;31:1523 [read: abstract]: 27 dogs, exsanguination cardiac arrest; at 2 min an aortic flush of 2 °C saline to tympanic 20, 15 or 10 °C; closed-chest bypass after the arrest, 34 °C to 12 h, outcome at 72 h; 60 min of arrest at 20 °C: 2 dogs OPC 1, 4 OPC 2; at 10 °C "survival without functional or histologic brain damage after cardiac arrest no-flow of 60 or 90 mins and possibly 120 mins"; the 15 °C, 90 and 120-min groups cut off [recall: mostly OPC 1]';
const EPR_METHOD = (noFlowMin: number, brainC: number): string =>
  `${REFERENCE_MAN_TEXT} In a 22 °C room, clothed (1 clo), he arrests in VF at time zero. At 2 min a cardiopulmonary bypass circuit (cannulated from 1 min) pumps ${REPERFUSION_FLOW_L_PER_MIN} L/min through 2 °C water with the sweep gas off (a cold flush without oxygen) until the brain is at ${brainC} °C, then stops. At ${noFlowMin} min after the arrest it restarts with oxygen (FiO2 1) and ${brainC} °C water; after 30 min the water rises 6 °C/h to 34 °C and stays there (the dogs were held at 34 °C to 12 h). Brain loss = autolysed fraction once no cell is at risk and energy is restored.`;
const describeEpr = (noFlowMin: number, brainC: number) => (): string => {
  const r = eprRun(ESSAY_VIEW, noFlowMin, brainC);
  return `at balance 0: brain at ${brainC} °C at ${fmtCells(r.marks.cold)}; oxygen returns at ${fmtCells(r.marks.reflow)}; settled at ${fmtCells(r.end)}`;
};

const ABELLA =
  'Abella BS, Zhao D, Alvarado J, Hamann K, Vanden Hoek TL, Becker LB, Circulation 2004;109:2786-91 [read]: mice, 8 min of untreated potassium-induced arrest; cooled to 30 °C just before resuscitation and rewarmed after 1 h, or kept at 37 °C for 20 min after return of circulation and then at 30 °C for 1 h, or 37 °C throughout: 72-h survival 6/10 vs 1/10 vs 1/10 (similar differences at 6 h and in neurological scores)';
const ABELLA_METHOD = `${WARM_ARREST} Three arms: normothermic (oxygen and 37 °C water at 8 min); intra-arrest (pump at 6.5 min; ${COOL_BEFORE_OXYGEN} Oxygen at 8 min with the brain near 30 °C, held at 30 °C for 1 h, then 37 °C water); delayed (oxygen and 37 °C water at 8 min, the brain servo-cooled to 30 °C from 20 to 80 min after, then 37 °C water). ${SERVO} Deaths are taken as a proxy for brain loss.`;

const KUBOYAMA =
  'Kuboyama K, Safar P, Radovsky A, Tisherman SA, Stezoski SW, Alexander H, Crit Care Med 1993;21:1348-58 [read]: dogs, 12.5 min of normothermic VF without flow, reperfusion by brief bypass; 34 °C from reperfusion to 1 h (tympanic 34 °C at 6 ± 3 min) vs 34 °C from 15 min to 1 h 15 min (at 29 ± 1 min) vs normothermia (n = 6 each): total brain histologic damage score 81 ± 13 vs 107 ± 17 vs 150 ± 32; best neurological deficit score 19 vs 38 vs 44 %';
const KUBOYAMA_METHOD = `${WARM_ARREST} Three arms, reperfused at 12.5 min: normothermic (37 °C water throughout); immediate (brain servo-cooled to 34 °C from reperfusion to 1 h, then 37 °C water); delayed (37 °C water, the servo to 34 °C from 15 min to 1 h 15 min, then 37 °C water). ${SERVO} The ratio of brain losses stands for the ratio of histologic damage scores.`;

const BUSTO =
  'Busto R, Dietrich WD, Globus MY-T, Ginsberg MD, Neurosci Lett 1989;101:299-304 [read: abstract]: rats, 10 min of forebrain ischaemia with the brain at 36 °C; post-ischaemic brain at 36 °C: CA1 severely damaged at 3 days; 30 °C from 5 min into recirculation: "normal-appearing pyramidal neurons were present throughout the CA1"; 30 °C from 30 min: no benefit shown. Cooling lasted 3 h [recall: not in the texts seen]; the CA1 counts were not found';
const BUSTO_METHOD = `${WARM_ARREST} Three arms, reperfused at 10 min (brain about 36.3 °C): normothermic (37 °C water throughout); immediate (brain servo-cooled to 30 °C from 5 min after reperfusion for 3 h, then 37 °C water); delayed (the same from 30 min after reperfusion). ${SERVO}`;

const BORGER_GRIGORE =
  'Borger MA, Rao V, Semin Cardiothorac Vasc Anesth [read]: CPB patients drifted to 34 °C and rewarmed to 37.5 °C in 15 ± 4 min (n = 70) or 30 ± 9 min (n = 76), about 14 and 7 °C/h [derived]: neuropsychological impairment at 1 week 82 % vs 57 % (P < 0.05); Grigore AM et al., Anesth Analg 2002;94:4-10 [read]: 165 CABG patients on CPB at 28–32 °C, slower rewarming (≤ 2 °C gradient) associated with better cognition at 6 weeks; Berger C et al., Exp Neurol 2007;204:131 [read]: rat infarct 69 mm³ rewarmed within 20 min vs 41 mm³ within 2 h';
const DHCA_METHOD = `The model’s version: the bypass patients of these studies had no circulatory arrest, so in the model no brain cell is out of spec and the rewarming rate cannot matter; here cells are put out of spec by the deep hypothermic arrest of the project’s scenario (public/scenarios/dhca-aortic-surgery.yaml). ${REFERENCE_MAN_TEXT} Ventilated (FiO2 0.5) in a 20 °C theatre, uncovered; cardiopulmonary bypass (cannulated in 5 min) at 2.4 L/min/m² with oxygen (FiO2 1), the water stepped 30, 26, 22, 18, 15 °C every 5 min until the brain is at ${DHCA_BRAIN_C} °C; the pump stops for ${DHCA_ARREST_MIN} min, then restarts with 15 °C water for ${DHCA_COLD_REPERFUSION_MIN} min of cold reperfusion; then the water rises from the venous temperature at 14 or 7 °C/h (Borger’s two rates) to 37 °C. Brain loss = autolysed fraction once no cell is at risk and energy is restored.`;
const describeDhca = (): string =>
  [14, 7]
    .map((rate) => {
      const r = dhcaRewarmingRun(ESSAY_VIEW, rate);
      const start = r.marks.rewarming;
      const at35 = r.marks['brain 35'];
      const brainRate =
        start === undefined || at35 === undefined
          ? '—'
          : fmt((35 - start.brainTempC) / ((at35.tS - start.tS) / 3600), 1);
      return `at balance 0, water rising ${rate} °C/h: rewarming starts at ${fmtCells(start)}, brain warms ${brainRate} °C/h to 35 °C, brain loss ${fmt(r.end.autolysed, 3)}`;
    })
    .join('; ');

const TTM =
  'Nielsen N et al., N Engl J Med 2013;369:2197-206 (TTM) [read]: 939 adults unconscious after out-of-hospital arrest (median 25 min to return of circulation), 33 vs 36 °C for 28 h: death 50 vs 48 %, death or poor neurological function at 180 days 54 vs 52 % (RR 1.02); Dankiewicz J et al., N Engl J Med 2021;384:2283-94 (TTM2) [read]: 33 °C vs normothermia, death 50 vs 48 %, mRS ≥ 4 55 vs 55 %; target reached about 3 h after return of circulation in TTM2 [read; secondary, clock unstated], several hours in TTM [recall]';
const TTM_METHOD = `${REFERENCE_MAN_TEXT} In a 22 °C room, clothed (1 clo), he arrests in VF at time zero; ${TTM_NO_FLOW_MIN} min without flow, then manual compressions and ventilation (FiO2 1) for ${TTM_CPR_MIN} min (25 min to return of circulation, the TTM median); then VA-ECMO (cannulated during the last 5 min of compressions) with 37 °C water and oxygen. From ${TTM_COOLING_FROM_H} h after reflow the water is at 33 or 36 °C (the circuit stands in for the trials’ cooling devices, and cools faster than they did); brain loss read ${TTM_READ_AT_H} h after reflow (later if a cell is still at risk). Model value: |loss at 33 °C − loss at 36 °C|.`;
const ttmDifference = (p: Overrides): number =>
  Math.abs(ttmRun(p, 33).end.autolysed - ttmRun(p, 36).end.autolysed);

const ZHAO =
  'Zhao D, … Abella BS, Resuscitation 2008 [read: abstract]: mice (n = 15 per group), 8 min of arrest at 37 °C then resuscitation, vs 8 min at 37 °C plus 90 s of cooling and resuscitation at 30 °C at 9.5 min: 7-day survival 0/15 vs 4/15, despite 1.5 min more ischaemia (the early intra-arrest group’s number not in the excerpt)';

const TWO_VIEWS_CASES: readonly ReferenceCase[] = [
  viewsCase(
    {
      id: 'H1a',
      reference: 'Research notes §9.1',
      title: 'Hossmann: the brain is not necrotic after 1 h of warm no-flow',
      citation: 'Hossmann 1988',
      source: HOSSMANN,
      quantity:
        'brain cells dead (autolysed) when flow returns after 60 min of no-flow at 37 °C (fraction)',
      unit: '1',
      published: 0.8,
      acceptable: [0, 0.8],
      tolerance:
        'upper bound: EEG returned in about half the cats, so the brain was far from wholly necrotic at reflow; the notes ask for a viable-plus-at-risk fraction well above 0, read as at least 0.2 (the low end of their 20–80 % for recovery) [derived]',
      method: `${HOSSMANN_METHOD} Autolysed brain fraction at 60 min, as the pump starts.`,
      kind: 'upper bound',
      decimals: 3,
    },
    {
      view: 'essay',
      value: (p) => hossmannRun(p).marks.reflow!.autolysed,
      facts: () => {
        const r = hossmannRun(ESSAY_VIEW);
        return `at balance 0: reflow at ${fmtCells(r.marks.reflow)}; settled at ${fmtCells(r.end)} (case H1c)`;
      },
    },
  ),
  viewsCase(
    {
      id: 'H1b',
      reference: 'Research notes §9.1',
      title: 'Hossmann: brain energy restored within 30 min of reflow',
      citation: 'Hossmann 1988',
      source: HOSSMANN,
      quantity:
        'brain energy 30 min after flow returns after 60 min of no-flow at 37 °C (fraction of normal)',
      unit: '1',
      published: 0.95,
      acceptable: [0.9, 1],
      tolerance:
        'the notes: energy ≥ 0.9 within about 30 min of reflow; adenylate energy charge > 95 % of pre-ischaemic [read]',
      method: `${HOSSMANN_METHOD} Snapshot brainEnergy at 90 min. The model’s energy is that of the whole population, dead cells included, so it recovers under either view.`,
      decimals: 3,
    },
    { view: 'essay', value: (p) => hossmannRun(p).marks['reflow+30']!.energy },
  ),
  viewsCase(
    {
      id: 'H1c',
      reference: 'Research notes §9.1',
      title: 'Hossmann: warm reperfusion after 1 h leaves a damaged, not a dead, brain',
      citation: 'Hossmann 1988; Schmidt-Kastner 1990',
      source: `${HOSSMANN}; Schmidt-Kastner R, Grosse Ophoff B, Hossmann K-A, Acta Neuropathol 1990;79:444 [read]: in all cats (1 day to 1 year after 1 h of ischaemia) the hilus and CA1 of the dorsal hippocampus severely damaged, CA3 and dentate gyrus variably`,
      quantity:
        'brain cells lost (autolysed) once settled after 60 min of no-flow at 37 °C and warm reperfusion (fraction)',
      unit: '1',
      published: 0.85,
      acceptable: [0.2, 0.85],
      tolerance:
        'upper bound with a floor [derived]: the notes ask for selective delayed loss and an outcome no better than CPC 3 (a loss of at least 0.2 in the model’s outcome mapping, cpc3AutolysedFraction), but EEG returned in half the cats and one was nearly normal after a year, so not brain death (below 0.85, brainDeathAutolysedFraction)',
      method: `${HOSSMANN_METHOD} Autolysed brain fraction once no cell is at risk and energy is restored.`,
      kind: 'upper bound',
      decimals: 3,
    },
    { view: 'essay', value: (p) => hossmannRun(p).end.autolysed },
  ),
  viewsCase(
    {
      id: 'H2',
      reference: 'Research notes §9.2',
      title: 'BrainEx: most brain cells not dead 4 h after death',
      citation: 'Vrselja 2019',
      source: VRSELJA,
      quantity:
        'brain cells dead (autolysed) 4 h after death without flow, cooling in a 20 °C room (fraction)',
      unit: '1',
      published: 0.7,
      acceptable: [0, 0.7],
      tolerance:
        'upper bound: "most cells structurally intact" at reflow [read, qualitative]; the notes: at least 30 % non-necrotic at 4 h',
      method: `${REFERENCE_MAN_TEXT} Uncovered in a 20 °C room, he arrests in VF at time zero and stays without flow (a pig’s head cools faster than a human body; here the brain is at about 23.5 °C at 4 h). Autolysed brain fraction at 4 h.`,
      kind: 'upper bound',
      decimals: 3,
    },
    {
      view: 'essay',
      value: (p) => postMortemRun(p).marks['4 h']!.autolysed,
      facts: () => {
        const r = postMortemRun(ESSAY_VIEW);
        const perfused = postMortemRun(ESSAY_VIEW, true);
        return `at balance 0: at 4 h ${fmtCells(r.marks['4 h'])}; at 10 h still without flow ${fmtCells(r.marks['10 h'])} — the notes expect the unperfused brain to be lost by then, and the cold keeps most cells at risk instead (at balance 1: dead ${fmt(postMortemRun(CONVENTIONAL_VIEW).marks['10 h']!.autolysed, 3)}); perfused at 4 h with oxygenated 37 °C blood on VA-ECMO, ${fmt(perfused.end.autolysed, 3)} dead once settled, since warm cells still out of spec commit (BrainEx’s perfusate was acellular and cytoprotective, which the model does not represent)`;
      },
    },
  ),
  viewsCase(
    {
      id: 'H3a',
      reference: 'Research notes §9.3',
      title: 'EPR: 90 min of no-flow at a brain of 10 °C, no damage',
      citation: 'Behringer 2003',
      source: BEHRINGER,
      quantity:
        'brain cells lost (autolysed) after 90 min of no-flow with the brain flushed to 10 °C in the first minutes (fraction)',
      unit: '1',
      published: 0.05,
      acceptable: [0, 0.05],
      tolerance:
        'upper bound: the notes’ lost fraction < 0.05 ("without functional or histologic brain damage"); in the model’s outcome mapping a loss below 0.05 is CPC 1',
      method: EPR_METHOD(90, 10),
      kind: 'upper bound',
      decimals: 3,
    },
    { view: 'both', value: (p) => eprRun(p, 90, 10).end.autolysed, facts: describeEpr(90, 10) },
  ),
  viewsCase(
    {
      id: 'H3b',
      reference: 'Research notes §9.3',
      title: 'EPR: 60 min of no-flow at a brain of 20 °C, mild damage',
      citation: 'Behringer 2003',
      source: BEHRINGER,
      quantity:
        'brain cells lost (autolysed) after 60 min of no-flow with the brain flushed to 20 °C in the first minutes (fraction)',
      unit: '1',
      published: 0.2,
      acceptable: [0.02, 0.2],
      tolerance:
        'upper bound with a floor: 2 dogs OPC 1 and 4 OPC 2 [read]; the notes’ range 0.02–0.2; in the model’s outcome mapping a loss below 0.2 is CPC 1–2',
      method: EPR_METHOD(60, 20),
      kind: 'upper bound',
      decimals: 3,
    },
    { view: 'both', value: (p) => eprRun(p, 60, 20).end.autolysed, facts: describeEpr(60, 20) },
  ),
  viewsCase(
    {
      id: 'H4a',
      reference: 'Research notes §9.4',
      title: 'Abella: intra-arrest cooling loses less than normothermia',
      citation: 'Abella 2004',
      source: ABELLA,
      quantity:
        'brain loss with intra-arrest cooling to 30 °C ÷ brain loss at normothermia, 8 min of arrest (ratio)',
      unit: '1',
      published: 0.44,
      acceptable: [0.2, 0.86],
      tolerance:
        'deaths 4/10 ÷ 9/10 [derived]; range from the notes’ acceptable survival (intra-arrest 40–80 %, normothermic 0–30 %): deaths 20–60 % ÷ 70–100 % [derived]',
      method: ABELLA_METHOD,
      decimals: 3,
    },
    {
      view: 'essay',
      value: (p) => lossRatio(p, ABELLA_INTRA_ARREST, ABELLA_NORMOTHERMIC),
      sensitivity: [WARM_SELF_CHECK],
      facts: () =>
        describeArms([
          ['normothermic', ABELLA_NORMOTHERMIC],
          ['intra-arrest', ABELLA_INTRA_ARREST],
          ['delayed', ABELLA_DELAYED],
        ]),
    },
  ),
  viewsCase(
    {
      id: 'H4b',
      reference: 'Research notes §9.4',
      title: 'Abella: cooling 20 min after reperfusion is no better than none',
      citation: 'Abella 2004',
      source: ABELLA,
      quantity:
        'brain loss with cooling to 30 °C from 20 min after reperfusion ÷ brain loss at normothermia, 8 min of arrest (ratio)',
      unit: '1',
      published: 1,
      acceptable: [0.7, 1.43],
      tolerance:
        'deaths 9/10 ÷ 9/10 [derived]; range from the notes’ acceptable survival of 0–30 % in both groups: deaths 70–100 % ÷ 70–100 % [derived]',
      method: ABELLA_METHOD,
      decimals: 3,
    },
    { view: 'essay', value: (p) => lossRatio(p, ABELLA_DELAYED, ABELLA_NORMOTHERMIC) },
  ),
  viewsCase(
    {
      id: 'H5a',
      reference: 'Research notes §9.5',
      title: 'Kuboyama: mild cooling at reperfusion protects',
      citation: 'Kuboyama 1993',
      source: KUBOYAMA,
      quantity:
        'brain loss with 34 °C from reperfusion ÷ at normothermia, 12.5 min of VF without flow (ratio)',
      unit: '1',
      published: 0.54,
      acceptable: [0.3, 0.7],
      tolerance:
        'histologic damage 81 ÷ 150 [derived]; the notes’ range for the immediate group (function 0.45×, histology 0.55×)',
      method: KUBOYAMA_METHOD,
      decimals: 3,
    },
    {
      view: 'essay',
      value: (p) => lossRatio(p, KUBOYAMA_IMMEDIATE, KUBOYAMA_NORMOTHERMIC),
      sensitivity: [WARM_SELF_CHECK],
      facts: () =>
        describeArms([
          ['normothermic', KUBOYAMA_NORMOTHERMIC],
          ['immediate', KUBOYAMA_IMMEDIATE],
          ['delayed', KUBOYAMA_DELAYED],
        ]),
    },
  ),
  viewsCase(
    {
      id: 'H5b',
      reference: 'Research notes §9.5',
      title: 'Kuboyama: mild cooling delayed 15 min protects little',
      citation: 'Kuboyama 1993',
      source: KUBOYAMA,
      quantity:
        'brain loss with 34 °C from 15 min after reperfusion ÷ at normothermia, 12.5 min of VF without flow (ratio)',
      unit: '1',
      published: 0.71,
      acceptable: [0.65, 1],
      tolerance:
        'histologic damage 107 ÷ 150 [derived]; the notes’ range for the delayed group (function 0.85×, histology 0.7×)',
      method: KUBOYAMA_METHOD,
      decimals: 3,
    },
    { view: 'essay', value: (p) => lossRatio(p, KUBOYAMA_DELAYED, KUBOYAMA_NORMOTHERMIC) },
  ),
  viewsCase(
    {
      id: 'H6a',
      reference: 'Research notes §9.6',
      title: 'Busto: 30 °C from 5 min into reflow saves most cells',
      citation: 'Busto 1989',
      source: BUSTO,
      quantity:
        'brain loss with 30 °C from 5 min after reperfusion ÷ at normothermia, 10 min of ischaemia (ratio)',
      unit: '1',
      published: 0.2,
      acceptable: [0, 0.2],
      tolerance:
        'upper bound: CA1 "normal-appearing" [read]; the notes: lost fraction ≤ 0.2 × normothermic',
      method: BUSTO_METHOD,
      kind: 'upper bound',
      decimals: 3,
    },
    {
      view: 'essay',
      value: (p) => lossRatio(p, BUSTO_IMMEDIATE, BUSTO_NORMOTHERMIC),
      sensitivity: [WARM_SELF_CHECK],
      facts: () =>
        describeArms([
          ['normothermic', BUSTO_NORMOTHERMIC],
          ['immediate', BUSTO_IMMEDIATE],
          ['delayed', BUSTO_DELAYED],
        ]),
    },
  ),
  viewsCase(
    {
      id: 'H6b',
      reference: 'Research notes §9.6',
      title: 'Busto: 30 °C from 30 min into reflow saves none',
      citation: 'Busto 1989',
      source: BUSTO,
      quantity:
        'brain loss with 30 °C from 30 min after reperfusion ÷ at normothermia, 10 min of ischaemia (ratio)',
      unit: '1',
      published: 1,
      acceptable: [0.8, 1.2],
      tolerance:
        'no benefit shown [read]; the notes: ≥ 0.8 × normothermic; up to 1.2 allowed, since cooling is not expected to harm [derived]',
      method: BUSTO_METHOD,
      decimals: 3,
    },
    { view: 'essay', value: (p) => lossRatio(p, BUSTO_DELAYED, BUSTO_NORMOTHERMIC) },
  ),
  viewsCase(
    {
      id: 'H7',
      reference: 'Research notes §9.7',
      title: 'Slow rewarming after cold bypass loses less than fast',
      citation: 'Borger; Grigore 2002',
      source: BORGER_GRIGORE,
      quantity:
        'brain loss rewarming at 7 °C/h ÷ at 14 °C/h after 35 min of circulatory arrest at a brain of 18 °C (ratio)',
      unit: '1',
      published: 0.7,
      acceptable: [0.5, 0.9],
      tolerance:
        'impaired 57 % ÷ 82 % (Borger) [derived]; rat infarct 41 ÷ 69 = 0.59 (Berger); the notes: a factor of 0.5–0.9, never the opposite direction',
      method: `${DHCA_METHOD} The notes say this source supports the essay’s view only weakly (a lower peak temperature explains it as well).`,
      decimals: 3,
    },
    {
      view: 'essay',
      value: (p) => dhcaRewarmingRun(p, 7).end.autolysed / dhcaRewarmingRun(p, 14).end.autolysed,
      facts: describeDhca,
    },
  ),
  viewsCase(
    {
      id: 'H8',
      reference: 'Research notes §9.8',
      title: 'TTM: 33 °C started hours after reperfusion is no better than 36 °C',
      citation: 'Nielsen 2013; Dankiewicz 2021',
      source: TTM,
      quantity:
        '|brain loss at 33 °C − at 36 °C|, cooling from 2 h after return of circulation (fraction)',
      unit: '1',
      published: 0.05,
      acceptable: [0, 0.05],
      tolerance:
        'upper bound: the notes: the arms differ by at most 5 points in lost fraction (the trials: 54 vs 52 % and 55 vs 55 % poor outcome)',
      method: TTM_METHOD,
      kind: 'upper bound',
      decimals: 4,
    },
    {
      view: 'both',
      value: ttmDifference,
      facts: () => {
        const r = ttmRun(ESSAY_VIEW, 33);
        return `at balance 0: reflow at ${fmtCells(r.marks.reflow)}; cooling starts at ${fmtCells(r.marks.cooling)}; brain loss ${fmt(r.end.autolysed, 3)} at 33 °C, ${fmt(ttmRun(ESSAY_VIEW, 36).end.autolysed, 3)} at 36 °C (at balance 1: ${fmt(ttmRun(CONVENTIONAL_VIEW, 33).end.autolysed, 3)} and ${fmt(ttmRun(CONVENTIONAL_VIEW, 36).end.autolysed, 3)})`;
      },
    },
  ),
  viewsCase(
    {
      id: 'H9',
      reference: 'Research notes §9.4',
      title: 'Zhao: cold reperfusion at 9.5 min beats warm reperfusion at 8 min',
      citation: 'Zhao 2008',
      source: ZHAO,
      quantity:
        'brain loss with cooling to 30 °C before oxygen returns at 9.5 min ÷ warm reperfusion at 8 min (ratio)',
      unit: '1',
      published: 0.73,
      acceptable: [0, 1],
      tolerance:
        'deaths 11/15 ÷ 15/15 [derived]; the notes: the sharpest test between the views, cold reperfusion after more ischaemia must lose less (ratio below 1)',
      method: `${WARM_ARREST} Two arms: warm (oxygen and 37 °C water at 8 min, as H4’s normothermic arm); cold (pump at 8 min; ${COOL_BEFORE_OXYGEN} Oxygen at 9.5 min with the brain near 30 °C, held at 30 °C for 1 h, then 37 °C water). ${SERVO} Deaths are taken as a proxy for brain loss. The notes expect the essay’s view to reproduce this and the conventional view (extra ischaemic minutes can only hurt) to fail it.`,
      decimals: 3,
    },
    {
      view: 'essay',
      value: (p) => lossRatio(p, ZHAO_DELAYED_INTRA_ARREST, ABELLA_NORMOTHERMIC),
      sensitivity: [WARM_SELF_CHECK],
      facts: () =>
        describeArms([
          ['warm at 8 min', ABELLA_NORMOTHERMIC],
          ['cold at 9.5 min', ZHAO_DELAYED_INTRA_ARREST],
        ]),
    },
  ),
];

// --- The cases ---------------------------------------------------------------------------------

export const REFERENCE_CASES: readonly ReferenceCase[] = [
  {
    id: '1',
    reference: 'Reference case 1',
    title: 'Cerebral Q10, moderate hypothermia',
    citation: 'Croughwell 1992',
    source: CROUGHWELL,
    quantity: 'brain O2 consumption at 27 °C ÷ at 37 °C brain temperature (ratio)',
    unit: '1',
    published: 0.36,
    acceptable: [0.28, 0.45],
    tolerance: 'Q10 2.2–3.5 over 10 °C, as stated with reference case 1',
    method: `${SETTLED_BREATHING} Start core temperatures chosen so that the brain sits at 27 °C and at 37 °C (one secant correction, then linear interpolation between the two settled states); ratio of snapshot brainVo2MlPerMin.`,
    decimals: 3,
    compute: () => brainVo2RatioBreathing(27),
    detail() {
      const s = settledBreathing(27);
      return `start core 27 °C: brain ${s.brainTempC.toFixed(2)} °C, brain PO2 ${s.brainPo2MmHg.toFixed(1)} mmHg, brain energy ${s.brainEnergy.toFixed(3)}, arterial saturation ${s.arterialSat.toFixed(3)}`;
    },
  },
  ...(
    [
      ['2a', 15, 16, [12, 21]],
      ['2b', 20, 24, [18, 30]],
      ['2c', 30, 56, [48, 62]],
    ] as const
  ).map(([id, brainC, published, acceptable]): ReferenceCase => ({
    id,
    reference: 'Reference case 2',
    title: `Cerebral Q10, brain at ${brainC} °C`,
    citation: 'McCullough 1999',
    source: MCCULLOUGH,
    quantity: `brain O2 consumption at ${brainC} °C as % of 37 °C`,
    unit: '%',
    published,
    acceptable,
    tolerance: 'as stated with reference case 2',
    method: `${SETTLED_VENTILATED} Held blood temperatures chosen so that the brain sits at ${brainC} °C and at 37 °C (secant correction, linear interpolation); 100 × ratio of brainVo2MlPerMin.`,
    decimals: 1,
    compute: () => 100 * brainVo2RatioVentilated(brainC),
    detail: () => describeVentilated(brainC),
  })),
  {
    id: '3',
    reference: 'Reference case 3',
    title: 'Whole-body VO2 falls less than the brain’s',
    citation: 'Hickey & Hoar 1983',
    source: HICKEY_HOAR,
    quantity: 'whole-body O2 consumption at 25.4 °C core ÷ normothermic (ratio)',
    unit: '1',
    published: 0.55,
    acceptable: [0.45, 0.65],
    tolerance: 'as stated with reference case 3 (≈ ±1 SD of the cold VO2)',
    method: `${SETTLED_BREATHING} Core (trunk organs) at 25.4 °C by secant correction and interpolation; normothermic = the default start (core 37 °C), where the patient does not shiver. Ratio of bodyVo2MlPerMin. No shivering at 25 °C core (it stops below 31 °C).`,
    decimals: 3,
    compute: () =>
      atSiteTemperature(25.4, 'coreTempC', settledBreathing, (s) => s.bodyVo2MlPerMin) /
      normothermic().bodyVo2MlPerMin,
    detail() {
      const s = settledBreathing(25.4);
      const n = normothermic();
      return `normothermic VO2 ${n.bodyVo2MlPerMin.toFixed(1)} mL/min (shivering ${n.shivering.toFixed(3)}); start core 25.4 °C: VO2 ${s.bodyVo2MlPerMin.toFixed(1)} mL/min at core ${s.coreTempC.toFixed(2)} °C, heart rate ${s.heartRateBpm.toFixed(1)} /min, cardiac output ${s.cardiacOutputLPerMin.toFixed(2)} L/min`;
    },
  },
  {
    id: '4a',
    reference: 'Reference case 4',
    title: 'CPB rewarming within the guideline takes at least ~40 min',
    citation: 'Engelman 2015',
    source: `${ENGELMAN}; 18 °C of warming at ≤ 0.5 °C/min takes ≥ 36 min, hence time to 36 °C core ≥ ~40 min, a mean rate ≤ 18/40 = 0.45 °C/min [derived]`,
    quantity: 'mean core rewarming rate from 18 to 36 °C on bypass, guideline controller, °C/min',
    unit: '°C/min',
    published: 0.45,
    acceptable: [0, 0.45],
    tolerance:
      'upper bound: no faster than 18 °C in ~40 min (reference case 4); the time to 36 °C is in the run details',
    method: `${BYPASS_METHOD} ${GUIDELINE_CONTROLLER} Rate = (36 − core at pump start) ÷ time from pump start to a core of 36 °C.`,
    kind: 'upper bound',
    decimals: 3,
    compute() {
      const r = bypassRewarming('guideline');
      return r.timeToTargetS === null
        ? Number.NaN
        : (36 - r.coreAtPumpStartC) / (r.timeToTargetS / 60);
    },
    detail: () => describePumpRun(bypassRewarming('guideline')),
  },
  {
    id: '4b',
    reference: 'Reference case 4',
    title: 'The guideline controller raises no temperature alarm',
    citation: 'Engelman 2015',
    source: ENGELMAN,
    quantity: `temperature-limit alarms (${GUIDELINE_ALARMS.join(', ')}) seen while rewarming 18 → 36 °C, guideline controller (count)`,
    unit: '1',
    published: 0,
    acceptable: [0, 0],
    tolerance: 'none: a controller that obeys the limits must not trip their alarms',
    method: `${BYPASS_METHOD} ${GUIDELINE_CONTROLLER} Counts the four temperature-limit alarms present at any second.`,
    scale: 1,
    decimals: 0,
    compute: () =>
      bypassRewarming('guideline').alarmsSeen.filter((id) => GUIDELINE_ALARMS.includes(id)).length,
  },
  {
    id: '4c',
    reference: 'Reference case 4',
    title: 'The guideline controller raises no alarm at all',
    citation: 'Engelman 2015',
    source: ENGELMAN,
    quantity:
      'alarms raised while rewarming 18 → 36 °C, guideline controller (snapshot alarmCount)',
    unit: '1',
    published: 0,
    acceptable: [0, 0],
    tolerance: 'none: reference case 4 asks for no alarm',
    method: `${BYPASS_METHOD} ${GUIDELINE_CONTROLLER} alarmCount (every alarm onset since time zero) when the core reaches 36 °C.`,
    scale: 1,
    decimals: 0,
    compute: () => bypassRewarming('guideline').alarmCount,
    detail: () => describePumpRun(bypassRewarming('guideline')),
  },
  {
    id: '4d',
    reference: 'Reference case 4',
    title: 'A careless controller trips the outlet and gradient alarms',
    citation: 'Engelman 2015',
    source: ENGELMAN,
    quantity:
      'share of the two expected alarms (outlet-above-37, gradient-above-10) raised with the water at 42 °C from the start',
    unit: '1',
    published: 1,
    acceptable: [1, 1],
    tolerance: 'both must sound',
    method: `${BYPASS_METHOD} The careless controller sets the water to 42 °C (the heater-cooler's highest) from the start.`,
    decimals: 2,
    compute() {
      const seen = bypassRewarming('careless').alarmsSeen;
      return ['outlet-above-37', 'gradient-above-10'].filter((id) => seen.includes(id)).length / 2;
    },
    detail: () => describePumpRun(bypassRewarming('careless')),
  },
  {
    id: '5a',
    reference: 'Reference case 5',
    title: 'Heat delivered at 4 L/min and a 10 °C gradient',
    citation: 'derived (blood c_p, Cancers 2019)',
    source: ENERGY_ON_PUMP,
    quantity: 'heat from the heat exchanger at 4 L/min per 10 °C outlet–venous gradient, kW',
    unit: 'kW',
    published: 2.52,
    acceptable: [2.25, 2.75],
    tolerance: '±10 % ("≈ 2.5 kW" in reference case 5)',
    method: `A 70 kg man (35 y, 176 cm) settled at 24 °C, ventilated in a 20 °C theatre; seed 1. Cannulated for VA-ECMO (${PUMP_CANNULATION_S / 60} min) while the heater-cooler water goes to 42 °C, so that at the first second on the pump (4 L/min) the gradient is ≈ 10 °C. Snapshot pumpHeatW ÷ outletVenousGradientC × 10 at that second.`,
    decimals: 3,
    compute: () => pumpHeatRun().heatPer10CW / 1000,
    detail() {
      const r = pumpHeatRun();
      return `gradient ${fmt(r.gradientC, 2)} °C, heat ${fmt(r.pumpHeatW, 0)} W at the first second on the pump`;
    },
  },
  {
    id: '5b',
    reference: 'Reference case 5',
    title: 'Mean body temperature rises no faster than the energy allows',
    citation: 'derived (Xu 2022)',
    source: `${ENERGY_ON_PUMP}; ${ENERGY_BOUND}`,
    quantity:
      'fastest rise of the whole-body mean temperature on 4 L/min with an outlet–venous gradient ≤ 10 °C, °C/min',
    unit: '°C/min',
    published: 0.62,
    acceptable: [0, 0.62],
    tolerance: 'upper bound, 70 kg body at 3.47 kJ/kg/K (reference case 5)',
    method:
      'The run of 5a, sampled every 10 s for 10 min on the pump (the gradient starts ≈ 10 °C and falls). Mean body temperature rate in each interval = change in sim.heatBalance().storedJ ÷ the body’s heat capacity (sum of its compartments) ÷ the interval; the fastest interval.',
    kind: 'upper bound',
    decimals: 3,
    compute: () => pumpHeatRun().maxMeanRateCPerMin,
    detail() {
      const r = pumpHeatRun();
      const cPerKg = r.heatCapacityJPerK / r.massKg / 1000;
      return `fastest interval at a mean gradient of ${fmt(r.atGradientC, 2)} °C, net heat in ${fmt(r.atNetHeatW, 0)} W; body heat capacity ${fmt(r.heatCapacityJPerK / 1000, 1)} kJ/K = ${fmt(cPerKg, 2)} kJ/kg/K for ${fmt(r.massKg, 0)} kg; the bound with the model's own heat capacity at 10 °C: ${fmt((r.heatPer10CW * 60) / r.heatCapacityJPerK, 3)} °C/min`;
    },
  },
  {
    id: '6a',
    reference: 'Reference case 6',
    title: 'Passive rewarming from 30 °C',
    citation: 'Paal 2016',
    source: PAAL,
    quantity: 'mean core rewarming rate under blankets from 30 to 35 °C, °C/h',
    unit: '°C/h',
    published: 2.25,
    acceptable: [0.5, 4],
    tolerance: 'Paal 2016 range 0.5–4 °C/h; the published value is the middle of the range',
    method: `${BEDSIDE_METHOD} Blankets only.`,
    decimals: 2,
    compute: () => passiveRun().rateCPerH,
    detail: () => describeBedside(passiveRun()),
  },
  {
    id: '6b',
    reference: 'Reference case 6',
    title: 'Blankets after mild immersion hypothermia',
    citation: 'Aviat Space Environ Med 1992',
    source: `${AVIAT_1992}; ${TEXTBOOK_RATES}`,
    quantity: 'core rewarming rate under blankets over the 30 min after the afterdrop, °C/h',
    unit: '°C/h',
    published: 0.2,
    acceptable: [0.1, 0.7],
    tolerance:
      'one study (0.2 °C/h); the range is the textbook one for spontaneous rewarming under a space blanket (0.1–0.7 °C/h)',
    method: `${VOLUNTEER_METHOD} out into 22 °C air under blankets (2.5 clo); core sampled every 10 s for 2 h; rate = rise over the 30 min after the lowest core ÷ 0.5 h.`,
    decimals: 2,
    compute: () => volunteerRewarming('blankets').rateCPerH,
    detail: () => describeVolunteer('blankets'),
  },
  {
    id: '6c',
    reference: 'Reference case 6',
    title: 'Forced-air rewarming from 30 °C',
    citation: 'Paal 2016; fpnotebook',
    source: `${PAAL}; ${FORCED_AIR}`,
    quantity: 'mean core rewarming rate with a 43 °C forced-air blanket from 30 to 35 °C, °C/h',
    unit: '°C/h',
    published: 1.7,
    acceptable: [0.5, 4],
    tolerance: 'Paal 2016 range 0.5–4 °C/h; the published value is the quoted mean (1.7 °C/h)',
    method: `${BEDSIDE_METHOD} A forced-air blanket blowing 43 °C air over half the body, under the blankets.`,
    decimals: 2,
    compute: () => forcedAirRun().rateCPerH,
    detail: () => describeBedside(forcedAirRun()),
  },
  {
    id: '6d',
    reference: 'Reference case 6',
    title: 'Bladder lavage added to forced air',
    citation: 'Paal 2016',
    source: PAAL,
    quantity: 'rate with forced air and 40 °C bladder lavage − rate with forced air alone, °C/h',
    unit: '°C/h',
    published: 0.75,
    acceptable: [0.5, 1],
    tolerance:
      'Paal 2016: adds ~0.5–1 °C/h; the published value is the middle. The increment is stated without a baseline, so 6d adds lavage to forced air and 6e to passive rewarming (bladder and gastric lavage are modelled alike)',
    method: `${BEDSIDE_METHOD} Forced air (as 6c) with and without 40 °C bladder lavage; the difference of the two rates.`,
    decimals: 2,
    compute: () => forcedAirBladderRun().rateCPerH - forcedAirRun().rateCPerH,
    detail: () =>
      `with lavage ${fmt(forcedAirBladderRun().rateCPerH, 2)} °C/h (${describeBedside(forcedAirBladderRun())}); without ${fmt(forcedAirRun().rateCPerH, 2)} °C/h`,
  },
  {
    id: '6e',
    reference: 'Reference case 6',
    title: 'Gastric lavage added to passive rewarming',
    citation: 'Paal 2016',
    source: PAAL,
    quantity: 'rate with blankets and 40 °C gastric lavage − rate with blankets alone, °C/h',
    unit: '°C/h',
    published: 0.75,
    acceptable: [0.5, 1],
    tolerance: 'Paal 2016: adds ~0.5–1 °C/h; the published value is the middle (see 6d)',
    method: `${BEDSIDE_METHOD} Blankets (as 6a) with and without 40 °C gastric lavage; the difference of the two rates.`,
    decimals: 2,
    compute: () => passiveGastricRun().rateCPerH - passiveRun().rateCPerH,
    detail: () =>
      `with lavage ${fmt(passiveGastricRun().rateCPerH, 2)} °C/h (${describeBedside(passiveGastricRun())}); without ${fmt(passiveRun().rateCPerH, 2)} °C/h`,
  },
  {
    id: '6f',
    reference: 'Reference case 6',
    title: 'Whole-body 42 °C bath after mild immersion hypothermia',
    citation: 'Aviat Space Environ Med 1992',
    source: AVIAT_1992,
    quantity: 'core rewarming rate in a 42 °C bath over the 30 min after the afterdrop, °C/h',
    unit: '°C/h',
    published: 10.1,
    acceptable: [7.07, 13.13],
    tolerance: 'stated tolerance ±30 % (one study; the reference notes give no range)',
    method: `${VOLUNTEER_METHOD} into a 42 °C bath to the neck; core sampled every 10 s for 2 h; rate = rise over the 30 min after the lowest core ÷ 0.5 h.`,
    decimals: 2,
    compute: () => volunteerRewarming('bath').rateCPerH,
    detail: () => describeVolunteer('bath'),
  },
  {
    id: '6g',
    reference: 'Reference case 6',
    title: 'Afterdrop in a 42 °C bath',
    citation: 'Aviat Space Environ Med 1992',
    source: AVIAT_1992,
    quantity: 'fall of the core below its value when the bath began (afterdrop), °C',
    unit: '°C',
    published: 0.2,
    acceptable: [0, 0.2],
    tolerance: 'upper bound ≤ 0.2 °C as stated with reference case 6 (measured 0.18 °C)',
    method: `The run of 6f; start core − lowest core in the 2 h of rewarming.`,
    kind: 'upper bound',
    decimals: 2,
    compute: () => volunteerRewarming('bath').afterdropC,
    detail: () => describeVolunteer('bath'),
  },
  {
    id: '6i',
    reference: 'Reference case 6',
    title: 'Afterdrop while shivering after immersion in 8 °C water',
    citation: 'Giesbrecht 1994 (J Appl Physiol; Aviat Space Environ Med)',
    source: GIESBRECHT_1994,
    quantity:
      'fall of the core below its value when shivering-only rewarming began (afterdrop), °C',
    unit: '°C',
    published: 0.54,
    acceptable: [0.3, 0.9],
    tolerance:
      'J Appl Physiol 1994: 0.54 ± 0.2 °C; Aviat Space Environ Med 1994: 0.61 ± 0.26 °C; Vanggaard 1999: 0.6 ± 0.4 °C; the range spans about one SD either side of the two 1994 means',
    method: `${SHIVERING_ONLY_METHOD} Start core − lowest core in the 2 h of rewarming.`,
    decimals: 2,
    compute: () => volunteerRewarming('shivering').afterdropC,
    detail: () => describeVolunteer('shivering'),
  },
  {
    id: '6j',
    reference: 'Reference case 6',
    title: 'Shivering-only rewarming after immersion in 8 °C water',
    citation: 'Giesbrecht 1994 (J Appl Physiol; Aviat Space Environ Med)',
    source: GIESBRECHT_1994,
    quantity: 'core rewarming rate, shivering only, over the 30 min after the afterdrop, °C/h',
    unit: '°C/h',
    published: 2.4,
    acceptable: [1.6, 4.2],
    tolerance:
      'J Appl Physiol 1994: 2.40 ± 0.8 °C/h; Aviat Space Environ Med 1994: 3.02 ± 1.2 °C/h; Vanggaard 1999: 3.4 ± 1.5 °C/h; the range is one SD below the lower mean to one SD above the higher',
    method: `${SHIVERING_ONLY_METHOD} Rate = rise over the 30 min after the lowest core ÷ 0.5 h (as 6b).`,
    decimals: 2,
    compute: () => volunteerRewarming('shivering').rateCPerH,
    detail: () => `${describeVolunteer('shivering')}. ${SHIVERING_ONLY_FINDING}`,
  },
  {
    id: '6h',
    reference: 'Reference case 6',
    title: 'Extracorporeal rewarming from 30 °C',
    citation: 'textbook; Maine Medical Center',
    source: ECLS_RATES,
    quantity: 'mean core rewarming rate on VA-ECMO at 4 L/min from 30 to 35 °C, °C/h',
    unit: '°C/h',
    published: 9,
    acceptable: [3, 15],
    tolerance:
      'textbook range for extracorporeal rewarming 3–15 °C/h; the published value is its middle (and that of CPB 8–10 °C/h)',
    method: `${BEDSIDE_PATIENT} Cannulated for VA-ECMO (${PUMP_CANNULATION_S / 60} min, prime 0.6 L at room temperature), then 4 L/min, oxygenator FiO2 0.6 with sweep = flow, the water set each minute by the guideline controller of case 4; sampled every second. Rate = (35 − core at pump start) ÷ time from pump start to a core of 35 °C.`,
    decimals: 2,
    compute() {
      const r = eclsRewarming();
      return r.timeTo35S === null ? Number.NaN : (35 - r.coreAtPumpStartC) / (r.timeTo35S / 3600);
    },
    detail: () => describePumpRun(eclsRewarming()),
  },
  {
    id: '7a',
    reference: 'Reference case 7',
    title: 'Swiss staging: shivering stops',
    citation: 'Swiss staging (Durrer 2003)',
    source: SWISS_STAGING,
    quantity: 'core temperature at which shivering stops, °C (median of runs)',
    unit: '°C',
    published: 32,
    acceptable: [30, 32],
    tolerance:
      'reference case 7 (≈ 32, 30–32); shivering "usually means T > 30 °C" (SJTREM 2024) [read]',
    method: `${ENSEMBLE_METHOD} Shivering stops where it falls below ${100 * SHIVERING_ABSENT_FRACTION} % of its ceiling for the last time after its peak (interpolated between samples).`,
    decimals: 2,
    compute: () => median(coolingEnsemble().map((r) => r.shiveringStopCoreC)),
    detail: () =>
      `peak shivering ${fmt(median(coolingEnsemble().map((r) => r.shiveringPeak)), 2)} of the ceiling (median)`,
  },
  {
    id: '7b',
    reference: 'Reference case 7',
    title: 'Swiss staging: consciousness lost',
    citation: 'Swiss staging; Deslarzes 2016',
    source: `${SWISS_STAGING}; design landmark 86 °F = 30.0 °C "loses consciousness" [derived]; responsive patients down to ~28 °C (Deslarzes T et al., SJTREM 2016;24:16) [read]`,
    quantity: 'core temperature at loss of consciousness, °C (median of runs)',
    unit: '°C',
    published: 30,
    acceptable: [28, 32],
    tolerance:
      'the published value is the design landmark (30 °C); the literature band is impaired consciousness below 32 °C, unconscious by 28 °C',
    method: `${ENSEMBLE_METHOD} Core temperature at the first sample with conscious = 0.`,
    decimals: 2,
    compute: () => median(coolingEnsemble().map((r) => r.unconsciousCoreC)),
  },
  {
    id: '7c',
    reference: 'Reference case 7',
    title: 'Swiss staging: the heart stops',
    citation: 'Swiss staging; Pasquier 2019',
    source: `${SWISS_STAGING}; asystole typically < 20 °C [recall]; a beating heart at 16.9 °C (Boue 2014) [read]`,
    quantity: 'core temperature at the first cardiac arrest, °C (median of runs)',
    unit: '°C',
    published: 24,
    acceptable: [20, 28],
    tolerance:
      'high arrest risk below 28 °C (HT III), typically no vital signs below 24 °C (HT IV); asystole typically below 20 °C',
    method: `${ENSEMBLE_METHOD} Core temperature at the first sample in VF, asystole or PEA; median over runs.`,
    decimals: 2,
    compute: () => median(coolingEnsemble().map((r) => r.arrestCoreC)),
    detail: ensembleSummary,
  },
  {
    id: '7d',
    reference: 'Reference case 7',
    title: 'Swiss staging: no arrest in mild hypothermia',
    citation: 'Swiss staging; RCEM',
    source: `${SWISS_STAGING}; malignant arrhythmias unlikely above 32 °C (RCEM Learning) [read; secondary]`,
    quantity: 'fraction of runs with a cardiac arrest while the core is above 32 °C',
    unit: '1',
    published: 0,
    acceptable: [0, 0.05],
    tolerance: '≈ 0; at most 2 of 40 runs',
    method: `${ENSEMBLE_METHOD} Counts runs whose first arrest (VF, asystole, PEA) happens with the core above 32 °C.`,
    scale: 1,
    decimals: 3,
    compute() {
      const runs = coolingEnsemble();
      return runs.filter((r) => r.arrestCoreC !== null && r.arrestCoreC > 32).length / runs.length;
    },
    detail: () =>
      `highest core temperature at a first arrest ${fmt(
        quantile(
          coolingEnsemble().map((r) => r.arrestCoreC),
          1,
        ),
        2,
      )} °C`,
  },
  {
    id: '7f',
    reference: 'Reference case 7 (issue 18)',
    title: 'Witnessed hypothermic cardiac arrest: how cold the heart stops',
    citation: 'Frei 2019',
    source: FREI_2019,
    quantity: 'core temperature at the first cardiac arrest, °C (mean of runs)',
    unit: '°C',
    published: 23.9,
    acceptable: [21.2, 26.6],
    tolerance:
      'one standard deviation of the 206 patients either side of their mean (23.9 ± 2.7 °C): they arrested in front of witnesses, mostly during or after rescue, where the model’s runs cool untouched in 10 °C water, so the model’s mean need only lie among the central two thirds of the patients, not within the published mean’s own confidence interval (± 0.4 °C)',
    method: `${ENSEMBLE_METHOD} Core temperature at the first sample in VF, asystole or PEA; mean over the runs that arrest.`,
    decimals: 2,
    compute: () =>
      mean(coolingEnsemble().flatMap((r) => (r.arrestCoreC === null ? [] : [r.arrestCoreC]))) ??
      NaN,
    detail() {
      const arrests = coolingEnsemble()
        .map((r) => r.arrestCoreC)
        .filter((c): c is number => c !== null);
      const above28 = arrests.filter((c) => c > 28).length;
      return `${arrests.length} runs arrest; ${above28} of them (${fmt((100 * above28) / arrests.length, 0)} %) above 28 °C, against 5 of 206 patients (2.4 %)`;
    },
  },
  {
    id: '7e',
    reference: 'Reference notes §4 (potassium)',
    title: 'Plasma potassium of a breathing hypothermic patient',
    citation: 'Am J Emerg Med 2016',
    source:
      'Avalanche victims, Am J Emerg Med 2016 [read]: admission K 3.3 (3.0–4.2) mmol/L without and 5.5 (4.1–7.2) with CT brain anoxia; K > 4.35 mmol/L had 100 % specificity for anoxia',
    quantity: 'highest plasma potassium before the first arrest, mmol/L (median of runs)',
    unit: 'mmol/L',
    published: 3.3,
    acceptable: [3, 5],
    tolerance:
      'the published interquartile range without anoxia (3.0–4.2), widened to the top of the normal range (5.0): an oxygenated patient cooling without asphyxia should not look asphyxiated',
    method: `${ENSEMBLE_METHOD} Highest snapshot potassiumMmolPerL over the samples before the first arrest.`,
    decimals: 2,
    compute: () => median(coolingEnsemble().map((r) => r.maxPotassiumBeforeArrest)),
    detail() {
      const runs = coolingEnsemble();
      const above = runs.map((r) => r.potassiumAbove5CoreC);
      return `potassium passed 5 mmol/L in ${above.filter((x) => x !== null).length} of ${runs.length} runs, at core ${fmt(median(above))} °C (median), while breathing with a beating heart`;
    },
  },
  {
    id: '8a',
    reference: 'Reference case 8',
    title: 'Heart rate halved by 28 °C',
    citation: 'Zafren 2021',
    source: ZAFREN,
    quantity: 'heart rate at 28 °C myocardial temperature ÷ normothermic heart rate (ratio)',
    unit: '1',
    published: 0.5,
    acceptable: [0.425, 0.575],
    tolerance: '±15 % as stated with reference case 8',
    method: `${SETTLED_BREATHING} Myocardium at 28 °C by secant correction and interpolation; normothermic = the default start (core 37 °C). Sinus rhythm, no shivering in either state.`,
    decimals: 3,
    compute: () =>
      atSiteTemperature(28, 'heartTempC', settledBreathing, (s) => s.heartRateBpm) /
      normothermic().heartRateBpm,
    detail() {
      const s = settledBreathing(28);
      const n = normothermic();
      return `normothermic ${n.heartRateBpm.toFixed(1)} /min at myocardium ${n.heartTempC.toFixed(2)} °C; start core 28 °C: ${s.heartRateBpm.toFixed(1)} /min at ${s.heartTempC.toFixed(2)} °C (${s.rhythm}, shivering ${s.shivering.toFixed(3)}, myocardial energy ${s.heartEnergy.toFixed(3)})`;
    },
  },
  {
    id: '8b',
    reference: 'Reference case 8',
    title: 'No VF or arrest above 32 °C myocardium',
    citation: 'Zafren 2021; RCEM',
    source: ZAFREN,
    quantity: 'fraction of runs with VF or arrest while the myocardium is above 32 °C',
    unit: '1',
    published: 0,
    acceptable: [0, 0.05],
    tolerance: '"negligible": at most 2 of 40 runs',
    method: `${ENSEMBLE_METHOD} Counts runs whose first VF or arrest happens with the myocardium above 32 °C.`,
    scale: 1,
    decimals: 3,
    compute() {
      const runs = coolingEnsemble();
      return (
        runs.filter((r) => r.arrestHeartC !== null && r.arrestHeartC > 32).length / runs.length
      );
    },
    detail: () =>
      `highest myocardial temperature at a first arrest ${fmt(
        quantile(
          coolingEnsemble().map((r) => r.arrestHeartC),
          1,
        ),
        2,
      )} °C`,
  },
  ...(
    [
      ['9a', 26.8, 0.5],
      ['9b', 40, 0.75],
      ['9c', 100, 0.977],
    ] as const
  ).map(([id, po2, published]): ReferenceCase => ({
    id,
    reference: 'Reference case 9',
    title: `Haemoglobin saturation at PO2 ${po2} mmHg, 37 °C`,
    citation: 'Severinghaus 1979',
    source: SEVERINGHAUS,
    quantity: `saturation at PO2 ${po2} mmHg, 37 °C, pH 7.40 (fraction)`,
    unit: '1',
    published,
    acceptable: [published - 0.01, published + 0.01],
    tolerance: '±0.01 as stated with reference case 9',
    method:
      'haemoglobinSaturation(PO2, 37, defaults) from models/physiology/oxygen.ts with parameterValues() defaults.',
    decimals: 4,
    compute: () => haemoglobinSaturation(po2, 37, parameterValues()),
  })),
  ...(
    [
      ['9d', 30, 17, [16, 18], '16.3 closed-sample (alpha-stat, Eq. 3) and 18.2 at constant pH'],
      ['9e', 20, 9.25, [8, 10.5], '8.0 closed-sample (alpha-stat, Eq. 3) and 10.5 at constant pH'],
    ] as const
  ).map(([id, tempC, published, acceptable, bounds]): ReferenceCase => ({
    id,
    reference: 'Reference case 9',
    title: `P50 at ${tempC} °C`,
    citation: 'Severinghaus 1979, 1958',
    source: `${SEVERINGHAUS}; temperature coefficient Eq. 3 [read]; constant-pH coefficient 0.024 log10/°C (Severinghaus, J Appl Physiol 1958;12:485) [recall]; P50 bounds [derived]`,
    quantity: `P50 at ${tempC} °C, mmHg`,
    unit: 'mmHg',
    published,
    acceptable,
    tolerance: `the derived bounds ${bounds} [derived]; the published value is the middle of the range`,
    method: `p50AtTemperatureMmHg(${tempC}, defaults) from models/physiology/oxygen.ts.`,
    decimals: 2,
    compute: () => p50AtTemperatureMmHg(tempC, parameterValues()),
  })),
  {
    id: '9f',
    reference: 'Reference case 9',
    title: 'Dissolved O2 at PaO2 400 mmHg, 37 °C',
    citation: 'Siggaard-Andersen 1984',
    source:
      'Siggaard-Andersen O et al., Clin Chem 1984;30:1646-51 [read]: α = 0.0105 mmol/L/kPa ≡ 0.0031 mL/dL/mmHg at 37 °C; 0.003 mL/dL/mmHg [recall]; 400 × 0.0031 = 1.24 mL/dL [derived]',
    quantity: 'dissolved O2 at PO2 400 mmHg, 37 °C, mL/dL',
    unit: 'mL/dL',
    published: 1.24,
    acceptable: [1.18, 1.3],
    tolerance:
      'stated tolerance ±5 % (the published coefficients 0.0030–0.0031 mL/dL/mmHg give 1.20–1.24)',
    method: '400 × o2SolubilityMlPerDlPerMmHg(37, defaults) from models/physiology/oxygen.ts.',
    decimals: 3,
    compute: () => 400 * o2SolubilityMlPerDlPerMmHg(37, parameterValues()),
  },
  {
    id: '9g',
    reference: 'Reference case 9',
    title: 'Dissolved O2 at PaO2 400 mmHg, 20 °C',
    citation: 'Siggaard-Andersen 1984; Hedley-Whyte 1964',
    source:
      'Siggaard-Andersen 1984 [read]: −d ln α/dT ≈ 0.012 /K, giving 1.52 mL/dL at 20 °C [derived]; Hedley-Whyte J, Laver MB, J Appl Physiol 1964;19:901 [read]: +31 % from 38 to 20 °C',
    quantity: 'dissolved O2 at PO2 400 mmHg, 20 °C, mL/dL',
    unit: 'mL/dL',
    published: 1.52,
    acceptable: [1.5, 1.6],
    tolerance: '≈ 1.5–1.6 mL/dL as stated with reference case 9 (+20–31 %)',
    method: '400 × o2SolubilityMlPerDlPerMmHg(20, defaults) from models/physiology/oxygen.ts.',
    decimals: 3,
    compute: () => 400 * o2SolubilityMlPerDlPerMmHg(20, parameterValues()),
  },
  {
    id: '10a',
    reference: 'Reference case 10',
    title: 'Shivering ceiling, multiple of resting',
    citation: 'Eyolfson 2001',
    source: EYOLFSON,
    quantity: 'peak whole-body VO2 while shivering ÷ resting VO2 (ratio)',
    unit: '1',
    published: 4.9,
    acceptable: [4.1, 5.7],
    tolerance: 'mean ± 1 SD (4.9 ± 0.8) as published',
    method: `Lean young man (22 y, 75 kg, 180 cm, 12 % fat), dressed in 20 °C air, falls into ${ENSEMBLE_WATER_C} °C water, head out, breathing; sampled every 10 s until the core reaches 28 °C. Peak of bodyVo2MlPerMin ÷ the model's resting VO2 at 37 °C (body.oxygen.restingVo2MlPerMin).`,
    decimals: 2,
    compute() {
      const r = shiveringRun();
      return r.peakVo2MlPerMin / r.restingVo2MlPerMin;
    },
    detail() {
      const r = shiveringRun();
      return `resting ${r.restingVo2MlPerMin.toFixed(0)} mL/min (${(r.restingVo2MlPerMin / r.massKg).toFixed(2)} mL/kg/min); peak ${r.peakVo2MlPerMin.toFixed(0)} mL/min at core ${r.peakCoreC.toFixed(2)} °C`;
    },
  },
  {
    id: '10b',
    reference: 'Reference case 10',
    title: 'Shivering ceiling, per kg',
    citation: 'Eyolfson 2001',
    source: EYOLFSON,
    quantity: 'peak whole-body VO2 while shivering, mL O2/kg/min',
    unit: 'mL/kg/min',
    published: 22.1,
    acceptable: [17.9, 26.3],
    tolerance: 'mean ± 1 SD (22.1 ± 4.2) as published',
    method: 'Same run as 10a; peak bodyVo2MlPerMin ÷ body mass.',
    decimals: 1,
    compute() {
      const r = shiveringRun();
      return r.peakVo2MlPerMin / r.massKg;
    },
  },
  {
    id: '10c',
    reference: 'Reference case 10',
    title: 'No shivering below 30 °C core',
    citation: 'Swiss staging; SJTREM 2024',
    source: `${SWISS_STAGING}; shivering "usually means T > 30 °C" (SJTREM 2024, 10.1186/s13049-024-01273-3) [read]`,
    quantity: 'highest shivering with the core below 30 °C, fraction of its ceiling',
    unit: '1',
    published: 0,
    acceptable: [0, SHIVERING_ABSENT_FRACTION],
    tolerance: 'absent: below 5 % of the ceiling (as stated in the brief for reference case 10)',
    method: 'Same run as 10a; highest snapshot shivering among samples with the core below 30 °C.',
    scale: 1,
    decimals: 4,
    compute: () => shiveringRun().maxShiveringBelow30C,
    detail: () => `${shiveringRun().samplesBelow30C} samples with the core below 30 °C`,
  },
  {
    id: 'E',
    reference: 'Reference case 5 (energy conservation)',
    title: 'Heat balance over 6 hours',
    citation: 'first law of thermodynamics',
    source:
      'Conservation of energy (first law of thermodynamics) [derived]: heat produced + heat added by devices − heat lost = change in heat stored',
    quantity:
      '|produced + added − lost − stored| ÷ largest of produced, lost, stored, over a 6 h run (relative)',
    unit: '1',
    published: 0,
    acceptable: [0, 1e-6],
    tolerance: 'relative residual ≤ 1e-6 (doc/model.md)',
    method: `The cold-water fall of cases 7 and 8 (reference man into ${ENSEMBLE_WATER_C} °C water, head out), seed 1, run for 6 h whatever happens (shivering, arrest, apnoea); sim.heatBalance() at the end.`,
    scale: 1,
    decimals: 1,
    compute() {
      const sim = createSimulation(
        validationScenario({
          environment: BEFORE_IMMERSION_AIR,
          timeline: [
            {
              atS: 0,
              action: { do: 'setEnvironment', medium: 'water', temperatureC: ENSEMBLE_WATER_C },
            },
          ],
          endS: 6 * 3600,
        }),
        { seed: 1 },
      );
      sim.advance(6 * 3600);
      const { producedJ, addedJ, lostJ, storedJ } = sim.heatBalance();
      const scale = Math.max(Math.abs(producedJ), Math.abs(lostJ), Math.abs(storedJ));
      return Math.abs(producedJ + addedJ - lostJ - storedJ) / scale;
    },
  },
  {
    id: 'W1',
    reference: 'Reference notes §8 (cooling rates)',
    title: 'Core cooling in 17 °C water, head out',
    citation: 'Pretorius 2008',
    source: PRETORIUS,
    quantity: 'fall of core temperature in the first 45 min, °C',
    unit: '°C',
    published: 0.4,
    acceptable: [0.28, 0.52],
    tolerance: 'stated tolerance ±30 % (one study; the reference notes give no range)',
    method:
      'Reference man settled in thermoneutral air (28 °C, 1 clo), immersed at time zero in 17 °C water with the head above water; core (trunk organs) at 0 and 45 min.',
    decimals: 2,
    compute: () => pretoriusRun(true).coreFallC,
    detail: () => describePretorius(true),
  },
  {
    id: 'W2',
    reference: 'Reference notes §8 (cooling rates)',
    title: 'Core cooling in 17 °C water, head submerged',
    citation: 'Pretorius 2008',
    source: PRETORIUS,
    quantity: 'fall of core temperature in the first 45 min, °C',
    unit: '°C',
    published: 0.73,
    acceptable: [0.511, 0.949],
    tolerance: 'stated tolerance ±30 % (one study; the reference notes give no range)',
    method:
      'As W1 with the head under water and an air pocket to breathe from (immerse with airPocket: true).',
    decimals: 2,
    compute: () => pretoriusRun(false).coreFallC,
    detail: () => describePretorius(false),
  },
  {
    id: 'W3',
    reference: 'Reference notes §8 (cooling rates)',
    title: 'Core cooling in ice water stays under the heat-stroke rate',
    citation: 'DeMartini 2015',
    source:
      'DeMartini JK et al., Med Sci Sports Exerc 2015;47:240 [read]: cold-water immersion of exertional heat stroke 0.22 ± 0.11 °C/min (274 cases) — vasodilated, hyperthermic people, an upper bound for vasoconstricted hypothermic ones; Gagnon D et al., J Athl Train 2010;45:439 [read]: 2 °C bath ≈ 0.12 °C/min; Zhang Y et al., Med Sci Sports Exerc 2015;47:2464 [read]: conservative 0.08 °C/min',
    quantity: 'steepest core cooling over any 5 min in 2–5 °C water, °C/min',
    unit: '°C/min',
    published: 0.22,
    acceptable: [0, 0.22],
    tolerance: 'upper bound: a vasoconstricted body should cool no faster than a vasodilated one',
    method:
      'Reference man, dressed in 20 °C air, immersed at time zero in 2 °C and in 5 °C water, head out and head under (breathing from an air pocket): four runs of up to 2 h sampled every minute; the largest 5-min fall of core temperature of the four.',
    kind: 'upper bound',
    decimals: 3,
    compute: () => Math.max(...coldWaterRates().map((r) => r.maxRateCPerMin)),
    detail: () =>
      coldWaterRates()
        .map(
          (r) =>
            `${r.waterC} °C ${r.headOut ? 'head out' : 'head under'}: ${r.maxRateCPerMin.toFixed(3)} °C/min at ${r.atMin} min`,
        )
        .join('; '),
  },
  {
    id: 'W4',
    reference: 'Issue 15, item 1',
    title: 'Body fat protects in cold water: a fat man cools far slower than a lean one',
    citation: 'Keatinge 1960; Pugh & Edholm 1955',
    source: FAT_LEAN_WATER,
    quantity: `fall of core temperature in the first hour in ${FAT_LEAN_WATER_C} °C water, fat man (30 % fat) ÷ lean man (10 % fat) (ratio)`,
    unit: '1',
    published: 0.5,
    acceptable: [0, 0.5],
    tolerance:
      'upper bound [derived]: the studies report the direction and give no ratio; "by a wide margin" is read as the fat man losing at most half the lean man’s core temperature (Pugh & Edholm’s fat swimmer lost almost none)',
    method: `Two men of 25 y, 75 kg, 178 cm, one with 10 % and one with 30 % body fat, each settled in thermoneutral air (28 °C, 1 clo) and immersed at time zero in ${FAT_LEAN_WATER_C} °C water with the head out, at rest; seed 1. (core at 0 − at 1 h) of the fat man ÷ the same of the lean man.`,
    kind: 'upper bound',
    decimals: 2,
    compute() {
      const lean = fatLeanRun('lean');
      const fat = fatLeanRun('fat');
      return (fat.coreStartC - fat.coreEndC) / (lean.coreStartC - lean.coreEndC);
    },
    detail: describeFatLean,
  },
  ...TWO_VIEWS_CASES,
  // --- Physiology, second pass (issue 15) ---------------------------------------------------------
  {
    id: 'P2a',
    reference: 'Issue 15, item 2',
    title: 'A resting person in comfortable air holds a core of 37 °C',
    citation: 'thermoneutral rest',
    source:
      'In thermoneutral surroundings a resting person keeps the core near 37 °C with the skin vessels alone, neither sweating nor shivering (Stolwijk JAJ, NASA CR-1855, 1971: the controller is silent at its set points) [recall]; the model’s rest had drifted down about 0.4 °C in 2 h (issue 15)',
    quantity: 'change of core temperature over 2 h at rest in thermoneutral air (28 °C, 1 clo), °C',
    unit: '°C',
    published: 0,
    acceptable: [-0.2, 0.2],
    tolerance: 'the day-to-day scatter of a resting core, ±0.2 °C [recall]',
    method:
      'Reference man (35 y, 73 kg, 176 cm) settled in thermoneutral air (28 °C, 1 clo: the start profile holds his blood at 37 °C while the tissues settle), then left there at rest for 2 h; seed 1. Core (trunk organs) at 2 h − at time zero.',
    scale: 1,
    decimals: 2,
    compute() {
      const r = airRestRun('neutral');
      return r.coreEndC - r.coreStartC;
    },
    detail: () => describeAirRest('neutral'),
  },
  {
    id: 'P2b',
    reference: 'Issue 15, item 2',
    title: 'Resting in 10 °C air in shorts: shivering holds the core',
    citation: 'Tikuisis 1991',
    source: TIKUISIS_COLD_AIR,
    quantity: `change of core temperature over 2 h resting in shorts in ${COLD_AIR_C} °C air, °C`,
    unit: '°C',
    published: 0,
    acceptable: [-0.3, 0.3],
    tolerance:
      'not significant in 13 men: a mean change within ±0.3 °C [derived from the abstract; the figures are not read]',
    method: `Reference man (35 y, 73 kg, 176 cm, ≈ 20 % fat, as the study’s average-fat group) settled in thermoneutral air (28 °C, 1 clo); at time zero he is in shorts (${SHORTS_CLO} clo) in ${COLD_AIR_C} °C still air and rests there for 2 h; seed 1. Core (trunk organs) at 2 h − at time zero.`,
    scale: 1,
    decimals: 2,
    compute() {
      const r = airRestRun('cold');
      return r.coreEndC - r.coreStartC;
    },
    detail: () => describeAirRest('cold'),
  },
  {
    id: 'P5a',
    reference: 'Issue 15, item 5',
    title: 'Afterdrop after bypass at 31 °C',
    citation: 'Rajek 1998',
    source: RAJEK_BYPASS,
    quantity: 'fall of the nasopharyngeal (brain) temperature after bypass at 31 °C, °C',
    unit: '°C',
    published: 1.5,
    acceptable: [1.1, 1.9],
    tolerance: 'the study’s ± 1 SD (0.4 °C)',
    method: RAJEK_METHOD,
    decimals: 2,
    compute: () => rajekRun(31).afterdropC,
    detail: () => describeRajek(31),
  },
  {
    id: 'P5b',
    reference: 'Issue 15, item 5',
    title: 'Afterdrop after bypass at 27 °C',
    citation: 'Rajek 1998',
    source: RAJEK_BYPASS,
    quantity: 'fall of the nasopharyngeal (brain) temperature after bypass at 27 °C, °C',
    unit: '°C',
    published: 2.3,
    acceptable: [1.4, 3.2],
    tolerance: 'the study’s ± 1 SD (0.9 °C)',
    method: `As P5a, to 27 °C.`,
    decimals: 2,
    compute: () => rajekRun(27).afterdropC,
    detail: () => describeRajek(27),
  },
  {
    id: 'P5c',
    reference: 'Issue 15, item 5',
    title: 'Body heat at the end of rewarming after bypass at 31 °C',
    citation: 'Rajek 1998',
    source: RAJEK_BYPASS,
    quantity:
      'body heat content at the end of rewarming (brain 37.5 °C) − at the onset of cooling, bypass at 31 °C, kcal',
    unit: 'kcal',
    published: 87,
    acceptable: [45, 129],
    tolerance: 'the study’s ± 1 SD (42 kcal)',
    method: `${RAJEK_METHOD} The study took the core’s heat at the nasopharyngeal temperature for the whole trunk and head; the model counts each compartment at its own temperature.`,
    decimals: 0,
    compute: () => rajekRun(31).heatAtSeparationKcal,
    detail: () => describeRajek(31),
  },
  {
    id: 'P3a',
    reference: 'Issue 15, item 3',
    title: 'A body without circulation does not shiver',
    citation: 'physiology of shivering; Swiss staging',
    source: `Shivering is driven centrally, by the hypothalamus and brainstem [recall], and neurons stop firing within seconds of the circulation stopping (consciousness is lost 6–10 s after cerebral flow stops, reference notes §6) [read; secondary]; ${SWISS_STAGING}: HT IV, no vital signs`,
    quantity: `highest shivering from 1 min to 3 h after the heart stops, in ${DEAD_BODY_WATER_C} °C water, fraction of its ceiling`,
    unit: '1',
    published: 0,
    acceptable: [0, SHIVERING_ABSENT_FRACTION],
    tolerance: 'absent: below 5 % of the ceiling, as for no shivering below 30 °C (case 10c)',
    method: `Reference man (35 y, 73 kg, 176 cm), dressed in 20 °C air and settled there; at time zero his heart goes into asystole and he stops breathing (no compressions), and he goes into ${DEAD_BODY_WATER_C} °C water to the neck; sampled every 10 s for 3 h. Highest snapshot shivering from 1 min after the arrest.`,
    scale: 1,
    decimals: 3,
    compute: () => deadBodyRun('water').maxShivering,
    detail: () => describeDeadBody('water'),
  },
  {
    id: 'P3b',
    reference: 'Issue 15, item 3',
    title: 'A dead body in ice water raises potassium no faster than in room air',
    citation: 'post-mortem potassium; Eur J Emerg Med 2010',
    source:
      'The post-mortem rise of potassium (vitreous humour) depends on the ambient temperature, and is slower in the cold (time-of-death estimation, tod.international) [read; secondary]; pigs whose hearts stopped at 20 °C raised plasma potassium to 10 mmol/L 3.5 times later than pigs killed by anoxia at 37 °C and then packed in ice (Eur J Emerg Med 2010;17:131) [read]; so a body cooling in ice water cannot leak potassium faster than one at room temperature [derived]',
    quantity: `rise of plasma potassium in the first hour after the heart stops, in ${DEAD_BODY_WATER_C} °C water ÷ in 20 °C air (ratio)`,
    unit: '1',
    published: 1,
    acceptable: [0, 1],
    tolerance:
      'upper bound: cold slows the leak of cells whose pumps have stopped, so the ratio is at most 1',
    method: `The run of P3a, and the same with the body left in the 20 °C air (dressed, 1 clo) after the arrest. (potassium 1 h after the arrest − at the arrest) in the water ÷ the same in the air.`,
    kind: 'upper bound',
    decimals: 3,
    compute() {
      const w = deadBodyRun('water');
      const a = deadBodyRun('air');
      return (w.potassiumAt1h - w.potassiumAtArrest) / (a.potassiumAt1h - a.potassiumAtArrest);
    },
    detail: () => `${describeDeadBody('water')}; ${describeDeadBody('air')}`,
  },
  {
    id: 'P4a',
    reference: 'Issue 15, item 4',
    title: 'Potassium after an asphyxial arrest at 37 °C, then ice',
    citation: 'Eur J Emerg Med 2010',
    source: PORCINE_POTASSIUM,
    quantity: `time from the arrest to a plasma potassium of ${PORCINE_POTASSIUM_LEVEL} mmol/L, anoxia first, min`,
    unit: 'min',
    published: 60,
    acceptable: [30, 120],
    tolerance:
      'a factor of 2 either way: a median of 5 pigs (no spread in the abstract), pigs against a man, ice packing against 0 °C water',
    method: `${PORCINE_METHOD} Anoxia first: settled at 37 °C on a ventilator (FiO2 0.5) in 20 °C air; at time zero the ventilator stops and he cannot breathe; when the heart stops (hypoxic arrest) he goes into 0 °C water to the neck. Minutes from the arrest to ${PORCINE_POTASSIUM_LEVEL} mmol/L.`,
    decimals: 1,
    compute: () => (porcineRun('anoxia first').timeTo10S ?? Number.NaN) / 60,
    detail: () => describePorcine('anoxia first'),
  },
  {
    id: 'P4b',
    reference: 'Issue 15, item 4',
    title: 'Potassium after a hypothermic arrest at 20 °C, then ice',
    citation: 'Eur J Emerg Med 2010',
    source: PORCINE_POTASSIUM,
    quantity: `time from the arrest to a plasma potassium of ${PORCINE_POTASSIUM_LEVEL} mmol/L, cooling first, min`,
    unit: 'min',
    published: 210,
    acceptable: [105, 420],
    tolerance:
      'a factor of 2 either way: a median of 5 pigs (3.5 h, no spread in the abstract), pigs against a man, ice packing against 0 °C water',
    method: `${PORCINE_METHOD} Cooling first: settled at a core of 20 °C on a ventilator (FiO2 0.5), as the pigs cooled on bypass; at time zero the heart fibrillates, the ventilator stops and he goes into 0 °C water to the neck. Minutes from the arrest to ${PORCINE_POTASSIUM_LEVEL} mmol/L.`,
    decimals: 1,
    compute: () => (porcineRun('cooling first').timeTo10S ?? Number.NaN) / 60,
    detail: () => describePorcine('cooling first'),
  },
  {
    id: 'P4c',
    reference: 'Issue 15, item 4',
    title: 'Cooling first makes potassium rise several times more slowly',
    citation: 'Eur J Emerg Med 2010',
    source: `${PORCINE_POTASSIUM}; 3.5 h ÷ 1 h = 3.5 [derived]`,
    quantity: `time to ${PORCINE_POTASSIUM_LEVEL} mmol/L after a cooling-first arrest ÷ after an anoxia-first arrest (ratio)`,
    unit: '1',
    published: 3.5,
    acceptable: [2, 7],
    tolerance:
      '"several times longer" (issue 15): from twice to twice the published ratio, as its two medians come from 5 pigs each',
    method: 'The runs of P4b and P4a; ratio of their times.',
    decimals: 2,
    compute: () =>
      (porcineRun('cooling first').timeTo10S ?? Number.NaN) /
      (porcineRun('anoxia first').timeTo10S ?? Number.NaN),
  },
  {
    id: 'P4d',
    reference: 'Issue 15, item 4',
    title: 'No patient admitted above 12 mmol/L survives',
    citation: 'Brown 2012; Hilmo 2014',
    source:
      'Brown DJA, Brugger H, Boyd J, Paal P, N Engl J Med 2012;367:1930: no hypothermic patient admitted with a potassium above 12 mmol/L has survived [read; secondary]; no survivor above 12 mmol/L in a Tromsø series of hypothermic arrests rewarmed on bypass, highest in a survivor 5.9 mmol/L (Hilmo J et al., Resuscitation 2014) [read; secondary: a copy of the results]; ERC 2015 and ICAR: K > 12 mmol/L contraindicates ECLS [read; secondary]',
    quantity:
      'fraction of sampled patients admitted (pump start) with a plasma potassium above 12 mmol/L after a long asphyxia who survive ECLS rewarming',
    unit: '1',
    published: 0,
    acceptable: [0, 0.05],
    tolerance: 'none survived: at most 1 in 20 sampled patients',
    method: `Survival counts each run's chance of leaving hospital alive (Outcome.survival_probability: a beating heart and a living brain at the end, less the risk of dying after ECLS). Reference man unable to breathe (stopBreathing) for ${ASPHYXIA_EXPOSURES.map((e) => e.label).join(' or ')} (0.5 clo in air), then from time zero mechanical compressions and ventilation with oxygen, 22 °C air from 10 min, VA-ECMO cannulated at 45 min with the pump at 4.5 L/min from ${ASPHYXIA_CPR_MIN} min (the admission sample), the heater-cooler water at 25 °C and 2 °C warmer every 30 min to 37 °C, a shock every 15 min while the heart fibrillates above 30 °C; 8 h on the pump. ${ASPHYXIA_MEMBERS} members of a Latin-hypercube design over every uncertain parameter (seed 1) for each asphyxia, at the ensembles' 5 s step. Survivors among the runs admitted above 12 mmol/L ÷ those runs.`,
    scale: 1,
    decimals: 3,
    compute() {
      const above = admittedAbove12();
      return above.reduce((sum, r) => sum + r.survivalProbability, 0) / above.length;
    },
    detail: describeAsphyxiaEnsemble,
  },
  {
    id: 'P7a',
    reference: 'Issue 15, item 7; research notes §9.9',
    title: 'The brain’s energy lasts longer in the cold than its metabolism says',
    citation: 'CryoLetters 2004',
    source:
      'Latency to ischaemic depolarisation after complete cessation of cerebral blood flow, CryoLetters 2004;25(4) [read]: rat 1.37 ± 0.02 min at 37 °C, 7.30 ± 0.76 min at 20 °C; gerbil 0.71 and 5.48 ± 0.25 min; ratios 5.3 and 7.7 (Q10 2.7 and 3.3) [derived]; brain metabolism falls only to 24 % at 20 °C (Q10 2.3, case 2b)',
    quantity: `time to brain energy failure (energy below ${DEPOLARISATION_ENERGY}) after the circulation stops, brain at 20 °C ÷ at 37 °C (ratio)`,
    unit: '1',
    published: 5.33,
    acceptable: [4.5, 8],
    tolerance:
      'from the rat’s ratio (5.3) to the gerbil’s (7.7), widened by about 15 %; metabolism alone (Q10 2.3 over 17 °C) gives 4.1',
    method: `Reference man in thermoneutral air (28 °C, 1 clo), ventilated with FiO2 0.5, his blood held at a start temperature while the start profile settles (as cases 2a–2c); at time zero his heart stops (asystole, no compressions) and the ventilator with it; sampled every second until brain energy falls below ${DEPOLARISATION_ENERGY} (the level below which cells cannot run their self-check; the ratio barely depends on the level). Start temperatures chosen so that the brain sits at 20 °C and at 37 °C (one secant correction, then ln(time) interpolated linearly); ratio of the two times.`,
    decimals: 2,
    compute: () => depolarisationTimeAtBrainS(20) / depolarisationTimeAtBrainS(37),
    detail: describeDepolarisation,
  },
  {
    id: 'P8a',
    reference: 'Issue 15, item 8',
    title: 'Survival after ECLS rewarming follows the HOPE score',
    citation: 'Pasquier 2018 (HOPE)',
    source: HOPE_SOURCE,
    quantity: `mean over a grid of ${HOPE_CASES.length} HOPE-style cases of |model survival − HOPE survival probability| (fraction)`,
    unit: '1',
    published: 0,
    acceptable: [0, 0.15],
    tolerance:
      'within 15 points on average: HOPE itself predicted 38 % where 42 % survived in its external validation (Pasquier 2019), and 8 sampled members give each row an uncertainty of about ±15 points',
    method: HOPE_METHOD,
    scale: 1,
    decimals: 3,
    compute: hopeGridError,
    detail: () => {
      const rows = hopeGrid();
      const alive = rows.reduce((sum, r) => sum + Math.abs(r.alive - r.hope), 0) / rows.length;
      return `without the risk after ECLS (a beating heart and a living brain at the end counted as survival) the mean difference is ${alive.toFixed(3)}; the model does not reproduce HOPE's temperature term (a colder admission predicts better survival in HOPE; in the model a witnessed arrest at 24 or 28 °C with immediate CPR and oxygen costs the brain nothing either way)`;
    },
    table: hopeGridTable,
  },
  {
    id: 'P8b',
    reference: 'Issue 15, item 8',
    title: 'Four hours of CPR cost survival that one hour does not',
    citation: 'Pasquier 2018 (HOPE)',
    source: `${HOPE_SOURCE}; HOPE for a man of 35 without asphyxia admitted at 23.5 °C with 4.3 mmol/L (the grid's admission values) after 240 and after 60 min of CPR, ratio [derived]`,
    quantity:
      'survival after a hypothermic arrest at 24 °C with 240 min of CPR ÷ with 60 min of CPR (ratio)',
    unit: '1',
    published: nominalHope('hypothermia', 24, 240) / nominalHope('hypothermia', 24, 60),
    acceptable: [0.4, 0.8],
    tolerance: 'HOPE’s ratio ± 0.2: longer CPR costs survival, but far less than in a warm arrest',
    method: `The two rows of the P8a grid (the same ${HOPE_MEMBERS} sampled members); ratio of the model's survival.`,
    decimals: 2,
    compute: () =>
      hopeRow('hypothermic arrest at 24 °C, 240 min CPR').survival /
      hopeRow('hypothermic arrest at 24 °C, 60 min CPR').survival,
    detail: () =>
      `a beating heart and a living brain at the end: ${hopeRow('hypothermic arrest at 24 °C, 60 min CPR').alive.toFixed(2)} after 60 min and ${hopeRow('hypothermic arrest at 24 °C, 240 min CPR').alive.toFixed(2)} after 240 min of CPR (ratio 1 without the risk after ECLS)`,
  },
  {
    id: 'P8c',
    reference: 'Issue 15, item 8',
    title: 'Asphyxiated patients survive ECLS rewarming far less often',
    citation: 'Pasquier 2018 (HOPE)',
    source: `${HOPE_SOURCE}; HOPE for the grid's rows at their admission values, rounded (hypothermic arrests: 4.3 mmol/L at 23.5 or 27 °C; asphyxia: 7 mmol/L at 27 °C after 60 min, 8 mmol/L at 21.5 °C after 120 min), mean of the asphyxia rows ÷ mean of the hypothermia rows [derived]`,
    quantity:
      'mean survival of the grid’s asphyxia rows ÷ mean survival of its hypothermic-arrest rows (ratio)',
    unit: '1',
    published: nominalHopeMechanismRatio(),
    acceptable: [0, 0.25],
    tolerance:
      'HOPE gives about a tenth for these patients; at most a quarter (registries: asphyxia victims rarely survive ECLS)',
    method:
      'The rows of the P8a grid: mean model survival over the four asphyxia rows ÷ over the six hypothermic-arrest rows.',
    decimals: 3,
    compute: () => hopeMechanismRatio((r) => r.survival),
    detail: () =>
      `without the risk after ECLS (alive at the end) the ratio is ${hopeMechanismRatio((r) => r.alive).toFixed(3)}`,
  },
];

function hopeRow(label: string) {
  const row = hopeGrid().find((r) => r.hopeCase.label === label);
  if (row === undefined) throw new Error(`no HOPE row "${label}"`);
  return row;
}

/**
 * HOPE for a grid row at rounded admission values: a man of 35, hypothermic arrest at 24 °C (admitted
 * at 23.5 °C) or 28 °C (27 °C) with 4.3 mmol/L, or asphyxia for 60 min (7 mmol/L, 27 °C) or 120 min
 * (8 mmol/L, 21.5 °C).
 */
function nominalHope(mechanism: 'hypothermia' | 'asphyxia', value: number, cprMin: number): number {
  const hypothermia = mechanism === 'hypothermia';
  return hopeSurvival({
    male: true,
    ageYears: 35,
    asphyxia: !hypothermia,
    potassiumMmolPerL: hypothermia ? 4.3 : value === 60 ? 7 : 8,
    cprMin,
    temperatureC: hypothermia ? (value === 24 ? 23.5 : 27) : value === 60 ? 27 : 21.5,
  });
}

function nominalHopeMechanismRatio(): number {
  const mean = (mechanism: 'hypothermia' | 'asphyxia') => {
    const rows = HOPE_CASES.filter((c) => c.mechanism === mechanism);
    return (
      rows.reduce((sum, c) => sum + nominalHope(mechanism, c.value, c.cprMin), 0) / rows.length
    );
  };
  return mean('asphyxia') / mean('hypothermia');
}

function hopeMechanismRatio(read: (r: ReturnType<typeof hopeRow>) => number): number {
  const mean = (mechanism: 'hypothermia' | 'asphyxia') => {
    const rows = hopeGrid().filter((r) => r.hopeCase.mechanism === mechanism);
    return rows.reduce((sum, r) => sum + read(r), 0) / rows.length;
  };
  return mean('asphyxia') / mean('hypothermia');
}
