// Constants of the cell model: energy failure and recovery, the "out of spec" derangement load, the
// self-check and its temperature, commitment to autolysis, repair, plasma potassium, consciousness and
// outcome categories. Most are hypotheses with wide ranges: ColdBoot's ensembles sample them.

import { parameter } from './parameter.ts';

export const cellParameters = {
  // --- Energy ---
  brainEnergyFallTimeS: parameter(
    90,
    's',
    [45, 180],
    'Time constant of brain energy failure without oxygen, 37 °C',
    'ATP depleted in 3–8 min of complete ischaemia (Morgan & Mikhail) [read; secondary]; ~2–4 min in rodent cortex [recall]; 3 time constants ≈ 4.5 min [derived]',
  ),
  heartEnergyFallTimeS: parameter(
    300,
    's',
    [120, 900],
    'Time constant of myocardial energy failure without oxygen, 37 °C',
    '[recall] myocardial ATP falls by about two thirds in 15 min of ischaemia; VF decays to asystole over ~10–15 min',
  ),
  extremityEnergyFallTimeS: parameter(
    1800,
    's',
    [600, 3600],
    'Time constant of energy failure in hands and feet without oxygen, 37 °C',
    'Tourniquet: ischaemic nerve block in 15–45 min; muscle StO2 nadir at ~2 h (Lin 2019, reference notes §2) [read]',
  ),
  energyRecoveryTimeS: parameter(
    300,
    's',
    [60, 1200],
    'Time constant of energy recovery once oxygen returns, 37 °C',
    'After 1 h of complete ischaemia, energy charge > 95 % within 30 min of reperfusion (Hossmann group, reference notes §7) [read]',
  ),
  energyQ10: parameter(
    2.3,
    '1',
    [2, 3],
    'Q10 of energy use and recovery (slower when cold)',
    'Cerebral metabolic Q10 2.3 (McCullough 1999 [recall]; Michenfelder 1992: 2.2 [read])',
  ),
  // --- Derangement ("out of spec") ---
  derangementQ10: parameter(
    3,
    '1',
    [2.2, 3.5],
    'Q10 of the build-up of derangement while energy has failed',
    'Proposed ischaemic-dose proxy: Q10 2.7–3.3 for time to depolarisation (reference notes §7, derived from Verhaegen 1995 and McCullough 1999) [derived]',
  ),
  brainToleranceMedianMin: parameter(
    9,
    'min',
    [5, 15],
    'Median brain-cell tolerance: equivalent minutes of warm energy failure that put a cell out of spec',
    'Irreversible injury of vulnerable neurons begins ~5 min, up to ~20 min for resilient ones (reference notes §2) [read; secondary]; gerbil CA1: 3 min spared, 5–10 min 90 % damaged (Kirino 1982) [read]',
  ),
  heartToleranceMedianMin: parameter(
    40,
    'min',
    [20, 90],
    'Median myocyte tolerance, equivalent minutes of warm energy failure',
    'Myocardial necrosis begins after ~20 min of ischaemia and spreads over hours (Reimer & Jennings wavefront) [recall]',
  ),
  extremityToleranceMedianMin: parameter(
    300,
    'min',
    [180, 480],
    'Median tolerance of hands and feet, equivalent minutes of warm energy failure',
    'Skeletal muscle tolerates 4–6 h warm ischaemia; digits revascularised after 20–30 h (reference notes §2) [read]',
  ),
  toleranceSpread: parameter(
    0.5,
    '1',
    [0.3, 0.8],
    'Spread of tolerance between cells (standard deviation of its natural log)',
    '[derived] brain 5th–95th percentile ≈ 4–20 min from "5 min for vulnerable, 20 min for resilient neurons"',
  ),
  // --- Self-check and autolysis ---
  selfCheckHalfTempC: parameter(
    25,
    '°C',
    [10, 32],
    'Temperature at which the cell self-check runs at half activity',
    'Unknown: the central hypothesis of the origin essay ("quite possibly room temperature is enough"); range from EEG silence at ~12 °C (Michenfelder 1992) [read] to the loss of consciousness ~30 °C [model]',
  ),
  selfCheckWidthK: parameter(
    1.5,
    'K',
    [0.5, 3],
    'Steepness of the self-check: °C over which its activity goes from 27 % to 73 %',
    '[model] the design asks for a steep function of temperature',
  ),
  commitTimeMin: parameter(
    10,
    'min',
    [2, 60],
    'Time for an out-of-spec cell with a running self-check and restored energy to commit to autolysis',
    '[model] delayed neuronal death is triggered within the first reperfusion hour and completes over days (Kirino 1982) [read]',
  ),
  repairRateAt37: parameter(
    0.3,
    'min/min',
    [0.05, 1],
    'Derangement repaired per minute by an energised cell at 37 °C (scaled down by energyQ10 when cold)',
    '[model] hypothesis of the origin essay: re-oxygenated cold, cells repair before the check wakes',
  ),
  necrosisTimeMin: parameter(
    30,
    'min',
    [10, 120],
    'Time for out-of-spec cells without energy to die anyway at 37 °C (scaled by derangementQ10)',
    '[model] so that 15 min of warm no-flow is mostly lost whatever follows (design); warm ischaemic limits, reference notes §2 [read; secondary]',
  ),
  reawakeningEnergy: parameter(
    0.3,
    '1',
    [0.1, 0.6],
    'Energy level above which a cell can run its self-check and repair',
    '[model] the essay: the self-check cannot run while the cell has no power',
  ),
  // --- Potassium ---
  potassiumBaselineMmolPerL: parameter(
    4.2,
    'mmol/L',
    [3.5, 5],
    'Plasma potassium before the event',
    'Normal range 3.5–5.0 mmol/L [recall]',
  ),
  ischaemicPotassiumReleaseMmolPerLPerMin: parameter(
    0.1,
    'mmol/L/min',
    [0.03, 0.3],
    'Rise of plasma potassium per minute of whole-body energy failure at 37 °C (scaled by the body Q10)',
    '[model] avalanche victims: K 5.5 (4.1–7.2) with anoxic brain injury vs 3.3 without (Am J Emerg Med 2016) [read]; K > 12 mmol/L: no survivors (Brown 2012 NEJM) [read; secondary]',
  ),
  potassiumReleaseAerobicFraction: parameter(
    0.9,
    '1',
    [0.7, 0.99],
    'Share of oxygen demand met below which a tissue starts to leak potassium',
    '[model] cells keep their Na/K pumps running until energy supply fails; mild shortfall (e.g. hard-shivering muscle) releases none; non-asphyxiated avalanche victims have K 3.3 mmol/L (Am J Emerg Med 2016) [read]',
  ),
  potassiumPerDeadMassMmolPerL: parameter(
    100,
    'mmol/L',
    [30, 300],
    'Rise of plasma potassium per unit fraction of body mass autolysed or frozen (cell contents released)',
    '[model] intracellular K ~140 mmol/L released into an extracellular volume ~20 % of body mass, about half reaching plasma [derived from recall]',
  ),
  potassiumCeilingMmolPerL: parameter(
    30,
    'mmol/L',
    [15, 60],
    'Plasma potassium that leaking cells approach after hours without circulation',
    '[model] post-mortem serum potassium rises into the 15–30 mmol/L range within hours [recall]; ischaemic brain extracellular K ~60 mmol/L [recall]',
  ),
  potassiumClearanceTimeMin: parameter(
    60,
    'min',
    [20, 240],
    'Time constant of potassium returning to baseline with a circulation (renal and cellular uptake)',
    '[model] hyperkalaemia corrects over hours once circulation and kidneys recover [recall]',
  ),
  // --- Consciousness and breathing ---
  consciousnessLossTempC: parameter(
    30,
    '°C',
    [27, 32],
    'Brain temperature below which consciousness is lost',
    'Design landmark 30 °C (86 °F); impaired < 32 °C, unconscious < 28 °C (Swiss staging) [read]; responsive patients down to ~28 °C (Deslarzes 2016) [read]',
  ),
  consciousnessLossAerobicFraction: parameter(
    0.8,
    '1',
    [0.6, 0.95],
    'Brain oxygen consumption ÷ demand below which consciousness is lost',
    'Loss of consciousness ~10 s after cerebral circulation stops, matching the brain O2 store of 10–12 s (reference notes §6) [derived]',
  ),
  apnoeaBrainTempC: parameter(
    24,
    '°C',
    [18, 28],
    'Brain temperature below which spontaneous breathing stops',
    'Swiss stage IV (< 24 °C): no vital signs [read]; lowest temperatures with signs of life ~19–22 °C (Deslarzes 2016) [read]',
  ),
  // --- Outcome ---
  cpc2AutolysedFraction: parameter(
    0.05,
    '1',
    [0.02, 0.1],
    'Autolysed brain fraction above which outcome is no better than CPC 2 (moderate disability)',
    '[model] mapping of simulated cell loss to the Cerebral Performance Category',
  ),
  cpc3AutolysedFraction: parameter(
    0.2,
    '1',
    [0.1, 0.3],
    'Autolysed brain fraction above which outcome is no better than CPC 3 (severe disability)',
    '[model] mapping of simulated cell loss to the Cerebral Performance Category',
  ),
  cpc4AutolysedFraction: parameter(
    0.5,
    '1',
    [0.35, 0.65],
    'Autolysed brain fraction above which outcome is CPC 4 (coma or vegetative state)',
    '[model] mapping of simulated cell loss to the Cerebral Performance Category',
  ),
  brainDeathAutolysedFraction: parameter(
    0.85,
    '1',
    [0.7, 0.95],
    'Autolysed brain fraction above which the brain is dead (CPC 5)',
    '[model] mapping of simulated cell loss to the Cerebral Performance Category',
  ),
} as const;
