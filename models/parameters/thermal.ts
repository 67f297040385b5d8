// Constants of the thermal model: tissue properties, resting metabolism and blood flow, heat exchange
// with air and water, and cold vasoconstriction. Each has a unit, a plausible range and a source.
// Tags follow doc/model.md: [read] seen in the source, [recall] from the literature by memory, to be
// checked, [derived] computed here from other entries, [model] a modelling choice, not a measurement.

import { parameter } from './parameter.ts';

export const thermalParameters = {
  // --- Blood ---
  bloodDensityKgPerL: parameter(
    1.05,
    'kg/L',
    [1.04, 1.07],
    'Density of blood',
    'Reference physiology notes §3 heat-balance arithmetic (1.05 kg/L) [read]',
  ),
  bloodSpecificHeatJPerKgK: parameter(
    3600,
    'J/kg/K',
    [3500, 3700],
    'Specific heat of blood',
    "Cancers 2019;11:1183 Table 1 (PMC6721488) [read]; IT'IS database 3617 [recall]",
  ),

  // --- Tissue specific heats ---
  brainSpecificHeatJPerKgK: parameter(
    3700,
    'J/kg/K',
    [3600, 3700],
    'Specific heat of brain (grey matter)',
    'Cancers 2019;11:1183 Table 1: grey matter 3700, white matter 3600 [read]',
  ),
  heartSpecificHeatJPerKgK: parameter(
    3640,
    'J/kg/K',
    [3550, 3700],
    'Specific heat of myocardium',
    "Taken as skeletal muscle, 3639 J/kg/K, Cancers 2019;11:1183 Table 1 [read]; IT'IS heart 3686 [recall]",
  ),
  coreSpecificHeatJPerKgK: parameter(
    3500,
    'J/kg/K',
    [3200, 3700],
    'Specific heat of trunk organs with axial skeleton',
    '[model] mass-weighted mix of soft organs (~3600) and bone (1300, Cancers 2019 Table 1) [derived]',
  ),
  muscleSpecificHeatJPerKgK: parameter(
    3400,
    'J/kg/K',
    [3100, 3640],
    'Specific heat of limb and trunk muscle with limb bone',
    '[model] muscle 3639 and bone 1300 J/kg/K (Cancers 2019 Table 1 [read]), ~90:10 by mass [derived]',
  ),
  skinSpecificHeatJPerKgK: parameter(
    3500,
    'J/kg/K',
    [3300, 3700],
    'Specific heat of skin',
    'Cancers 2019;11:1183 Table 1 [read]',
  ),
  fatSpecificHeatJPerKgK: parameter(
    2348,
    'J/kg/K',
    [2200, 2500],
    'Specific heat of adipose tissue',
    "IT'IS database via COMSOL Bioheat library [read]",
  ),
  extremitySpecificHeatJPerKgK: parameter(
    3200,
    'J/kg/K',
    [2900, 3500],
    'Specific heat of hands and feet',
    '[model] skin, tendon, muscle and bone mix (Cancers 2019 Table 1 values) [derived]',
  ),

  // --- Conduction ---
  fatConductivityWPerMK: parameter(
    0.21,
    'W/m/K',
    [0.16, 0.25],
    'Thermal conductivity of fat',
    "IT'IS database via COMSOL Bioheat library, fat 0.21 W/m/K [read]; Burns 2017;43:909 Table 3: 0.20–0.22 ex vivo [read]",
  ),
  fatDensityKgPerM3: parameter(
    911,
    'kg/m³',
    [880, 940],
    'Density of adipose tissue',
    "IT'IS database via COMSOL Bioheat library [read]",
  ),
  leanShellInsulationM2KPerW: parameter(
    0.03,
    'm²·K/W',
    [0.015, 0.06],
    'Insulation of vasoconstricted muscle and skin between the muscle and the shell, per m² of body surface',
    '[model] fitted so that total maximal tissue insulation is 0.05–0.15 m²·K/W and scales with fat thickness, Hayward & Keatinge, J Physiol 1981;320:229 [read: abstract]',
  ),
  coreToMuscleConductanceWPerKPerM2: parameter(
    15,
    'W/K per m² body surface',
    [7, 30],
    'Conductance between trunk organs and the muscle mass around them',
    '[model] order of k·A/d for muscle (k 0.56 W/m/K, Cancers 2019) over ~5 cm [derived]',
  ),
  heartToCoreConductanceWPerK: parameter(
    4,
    'W/K',
    [2, 8],
    'Conductance between the heart and the surrounding chest organs',
    '[model] k·A/d with k 0.5 W/m/K, A ~0.04 m², d ~0.5 cm [derived]',
  ),
  heartToChamberBloodConductanceWPerK: parameter(
    20,
    'W/K',
    [5, 60],
    'Conductance between the myocardium and the blood inside the heart chambers',
    '[model] endocardial contact ~0.02 m² with a boundary layer of ~0.5 mm (k 0.5 W/m/K) [derived]; keeps myocardium within ~0.2 °C of blood as measured clinically',
  ),
  brainToScalpConductanceWPerK: parameter(
    1.5,
    'W/K',
    [0.5, 3],
    "Conductance from the brain through skull and scalp to the head's skin",
    '[model] bone k 0.40 W/m/K (Cancers 2019), ~0.06 m² of cranial vault, ~1.2 cm path [derived]',
  ),
  extremityToMuscleConductanceWPerK: parameter(
    1,
    'W/K',
    [0.3, 3],
    'Conductance along wrists and ankles to the rest of the limb',
    '[model] small cross-section (~4 × 20 cm²) over ~5 cm of tissue [derived]',
  ),

  // --- Surface heat transfer ---
  airConvectionStillWPerM2K: parameter(
    3.1,
    'W/m²/K',
    [2.5, 4],
    'Natural convection from skin in still air',
    'ASHRAE Handbook of Fundamentals 1997 ch. 8, seated, V < 0.2 m/s [read]',
  ),
  airConvectionWindCoefficient: parameter(
    8.3,
    'W/m²/K per (m/s)^0.6',
    [6, 10],
    'Forced convection in wind, h = a·v^0.6',
    'ASHRAE Handbook of Fundamentals 1997 ch. 8: h_c = 8.3·V^0.6, seated, 0.2–4 m/s [read]',
  ),
  radiationWPerM2K: parameter(
    4.7,
    'W/m²/K',
    [4, 5.5],
    'Linearised radiative exchange with surroundings at air temperature',
    'JOS-3 area-weighted mean 4.7 W/m²/K, Takahashi et al. 2020 [read]; ~4.0 near 0 °C [derived]',
  ),
  waterHeatTransferWPerM2K: parameter(
    200,
    'W/m²/K',
    [50, 600],
    'Skin-to-water heat transfer coefficient, still water',
    'Textbook value 200 W/m²/K (bioengineering heat-transfer example) [read]; Nadel et al., J Appl Physiol 1974;36:465: ~230 still, 460–580 flowing [recall]; overall body conductance 3.3× air, Smith & Hanna, J Appl Physiol 1975;39:93 [read]',
  ),
  cloToM2KPerW: parameter(
    0.155,
    'm²·K/W per clo',
    [0.155, 0.155],
    'Definition of the clo unit of clothing insulation',
    'ISO 9920 definition [read: standard definition]',
  ),
  skinInsulationM2KPerW: parameter(
    0.005,
    'm²·K/W',
    [0.002, 0.01],
    'Insulation of the skin itself (epidermis and dermis, ~2 mm)',
    'skin k 0.42 W/m/K, Cancers 2019 Table 1 [read]; 2 mm/0.42 [derived]',
  ),

  // --- Body surface ---
  extremitySurfaceFraction: parameter(
    0.12,
    '1',
    [0.1, 0.14],
    'Hands and feet as a fraction of body surface',
    'JOS-3 segment areas: hands 5.3 %, feet 6.0 % of 1.87 m² [derived from read]; Lund & Browder 2 × 2.5 % + 2 × 3.5 % [recall]',
  ),
  headSurfaceFraction: parameter(
    0.07,
    '1',
    [0.06, 0.09],
    'Head as a fraction of body surface',
    'Pretorius T et al., Aviat Space Environ Med 2008;79:495 (head 7 % of BSA) [read]',
  ),

  // --- Metabolism at 37 °C: organ-specific resting rates (Elia 1992) applied to compartment masses ---
  brainMetabolismKcalPerKgPerDay: parameter(
    240,
    'kcal/kg/day',
    [200, 270],
    'Resting metabolic rate of brain',
    'Elia M 1992, in Energy Metabolism: Tissue Determinants and Cellular Corollaries; validated Wang Z et al., Am J Clin Nutr 2010 [read]; equals CMRO2 3.5 mL/100 g/min × 20.1 J/mL [derived]',
  ),
  heartMetabolismKcalPerKgPerDay: parameter(
    440,
    'kcal/kg/day',
    [350, 500],
    'Resting metabolic rate of the beating heart',
    'Elia 1992 [read]',
  ),
  liverMetabolismKcalPerKgPerDay: parameter(
    200,
    'kcal/kg/day',
    [170, 230],
    'Resting metabolic rate of liver',
    'Elia 1992 [read]',
  ),
  kidneyMetabolismKcalPerKgPerDay: parameter(
    440,
    'kcal/kg/day',
    [350, 500],
    'Resting metabolic rate of kidneys',
    'Elia 1992 [read]',
  ),
  muscleMetabolismKcalPerKgPerDay: parameter(
    13,
    'kcal/kg/day',
    [10, 16],
    'Resting metabolic rate of skeletal muscle',
    'Elia 1992 [read]',
  ),
  adiposeMetabolismKcalPerKgPerDay: parameter(
    4.5,
    'kcal/kg/day',
    [3.5, 5.5],
    'Resting metabolic rate of adipose tissue',
    'Elia 1992 [read]',
  ),
  residualMetabolismKcalPerKgPerDay: parameter(
    12,
    'kcal/kg/day',
    [9, 15],
    'Resting metabolic rate of all other tissue (gut, skin, lungs, bone)',
    'Elia 1992 [read]',
  ),
  oxygenEnergyEquivalentJPerMl: parameter(
    20.1,
    'J/mL O2',
    [19.6, 21.1],
    'Heat released per mL of oxygen consumed',
    'Reference physiology notes §8 [derived]',
  ),
  brainQ10: parameter(
    2.3,
    '1',
    [2.2, 3.5],
    'Temperature coefficient of brain metabolism',
    'McCullough JN et al., Ann Thorac Surg 1999;67:1895 (Q10 ≈ 2.3) [recall, cross-checked]; Croughwell 1992 median 2.8 [read]; Michenfelder & Milde 1992 2.2 [read]',
  ),
  bodyQ10: parameter(
    1.7,
    '1',
    [1.5, 2.4],
    'Temperature coefficient of whole-body (non-brain) metabolism',
    'Hickey & Hoar 1983: VO2 45.6/83.3 at 25.4 °C ⇒ Q10 ≈ 1.7 [derived]; sheep 2.4 [derived]',
  ),

  // --- Resting blood flow ---
  cardiacIndexLPerMinPerM2: parameter(
    2.6,
    'L/min/m²',
    [2.4, 3.6],
    'Resting cardiac output per m² body surface',
    'JOS-3 basal cardiac index 2.59 L/min/m², Takahashi et al., Energy Build 2020 [read]; 5 L/min for 1.85 m² (notes §8) [derived]',
  ),
  brainBloodFlowMlPer100gPerMin: parameter(
    54,
    'mL/100 g/min',
    [45, 60],
    'Cerebral blood flow at rest',
    'ld99 brain figures 50–54; Guyton 55 mL/100 g/min (notes §8) [read; secondary]',
  ),
  heartBloodFlowFractionOfCardiacOutput: parameter(
    0.04,
    '1',
    [0.04, 0.05],
    'Coronary blood flow, fraction of cardiac output',
    'Williams & Leggett, Clin Phys Physiol Meas 1989;10:187 / ICRP 89 (4–5 %) [recall]; Penney lecture notes ~4 % [read]',
  ),
  muscleBloodFlowFractionOfCardiacOutput: parameter(
    0.17,
    '1',
    [0.12, 0.25],
    'Resting skeletal muscle blood flow, fraction of cardiac output',
    'Williams & Leggett 1989 (17 % male, 12 % female) [recall]; Penney ~25 % [read]',
  ),
  shellBloodFlowFractionOfCardiacOutput: parameter(
    0.08,
    '1',
    [0.05, 0.14],
    'Skin and subcutaneous fat blood flow at thermoneutrality, fraction of cardiac output',
    'Williams & Leggett 1989: skin 5 %, adipose 5–8.5 % [recall]; JOS-3 basal skin flow 6.5 % of CO [derived from read]',
  ),
  extremityBloodFlowFractionOfCardiacOutput: parameter(
    0.04,
    '1',
    [0.02, 0.06],
    'Hand and foot blood flow at thermoneutrality (skin and open arteriovenous anastomoses), fraction of cardiac output',
    'JOS-3: hands 2 × 1.114 + feet 2 × 0.934 L/h skin, AVA 2 × 1.71 + 2 × 2.16 L/h ⇒ ~0.2 L/min [derived from read]',
  ),

  // --- Cold vasoconstriction (Stolwijk-type control: flow = basal / (1 + signal)) ---
  vasoconstrictionCoreGainPerK: parameter(
    1.5,
    '1/K',
    [0.5, 4],
    'Vasoconstrictor signal per °C of core below 37 °C',
    'Form of Stolwijk JAJ, NASA CR-1855, 1971 [recall]; gain [model]',
  ),
  vasoconstrictionSkinGainPerK: parameter(
    0.4,
    '1/K',
    [0.1, 1],
    'Vasoconstrictor signal per °C of mean skin below 33.7 °C',
    'Form of Stolwijk 1971 [recall]; gain [model]',
  ),
  extremityConstrictionGainRatio: parameter(
    2.3,
    '1',
    [1, 7],
    'How much more strongly hands and feet constrict than the trunk skin, per unit signal',
    'JOS-3 constriction gains: hands/feet 0.1489 vs trunk 0.0638 (ratio 2.3) and other skin 0.0213 (ratio 7) [derived from read]',
  ),
  vasoconstrictionMinFlowFraction: parameter(
    0.1,
    '1',
    [0.05, 0.2],
    'Lowest skin and extremity flow under maximal constriction, fraction of thermoneutral',
    'Hand blood flow falls roughly tenfold in cold [recall]',
  ),
  neutralSkinTempC: parameter(
    33.7,
    '°C',
    [33, 34.5],
    'Mean skin temperature at thermoneutrality',
    'Stolwijk 1971 set point 33.7 °C [recall]',
  ),

  // --- Heat defence: vasodilation and sweating (Stolwijk 1971 controller), and evaporation ---
  vasodilationCoreGainLPerHPerK: parameter(
    117,
    'L/h per K',
    [60, 200],
    'Extra skin blood flow per °C of core above 37 °C',
    'Stolwijk JAJ, NASA CR-1855, 1971: CDIL = 117 L/h/°C [recall]',
  ),
  vasodilationSkinGainLPerHPerK: parameter(
    7.5,
    'L/h per K',
    [3, 15],
    'Extra skin blood flow per °C of mean skin above neutral',
    'Stolwijk 1971: SDIL 7.5 [recall]',
  ),
  maxSkinBloodFlowLPerMin: parameter(
    7,
    'L/min',
    [5, 8],
    'Highest skin blood flow under heat stress',
    'Rowell; Johnson & Kellogg: up to 6–8 L/min [recall]',
  ),
  sweatingCoreGainWPerK: parameter(
    371.2,
    'W/K',
    [250, 500],
    'Evaporative heat demand from sweating per °C of core above 37 °C',
    'Stolwijk 1971: CSW 371.2 W/°C [recall]',
  ),
  sweatingSkinGainWPerK: parameter(
    33.6,
    'W/K',
    [20, 50],
    'Evaporative heat demand from sweating per °C of mean skin above neutral',
    'Stolwijk 1971: SSW 33.6 W/°C [recall]',
  ),
  insensibleSkinWettedness: parameter(
    0.06,
    '1',
    [0.04, 0.1],
    'Skin wettedness from water diffusing through dry skin (insensible perspiration)',
    'Gagge AP et al., ASHRAE Trans 1986 two-node model, w_min 0.06 [recall]',
  ),
  lewisRelationKPerKPa: parameter(
    16.5,
    'K/kPa',
    [15, 17],
    'Lewis relation between evaporative and convective heat transfer',
    'ASHRAE Handbook of Fundamentals [recall]',
  ),
  clothingPermeabilityIndex: parameter(
    0.38,
    '1',
    [0.3, 0.5],
    'Moisture permeability index of clothing (i_m)',
    'Woodcock 1962; ASHRAE typical 0.38 [recall]',
  ),
  ambientRelativeHumidity: parameter(
    0.5,
    '1',
    [0.2, 0.9],
    'Relative humidity of air, when the scenario does not say',
    '[model] typical indoor and outdoor value',
  ),

  // --- Shivering (heat made in muscle; Tikuisis & Giesbrecht form, capped, absent when the core is cold) ---
  shiveringCoreGainWPerM2K: parameter(
    155.5,
    'W/m²/K',
    [100, 200],
    'Shivering heat per °C of core below 37 °C (before the body-fat divisor)',
    'Tikuisis P, Giesbrecht GG, Eur J Appl Physiol 1999;79:221: ΔM = [155.5(37 − Tc) + 47.0(33 − Tsk) − 1.57(33 − Tsk)²]/√BF% [recall]',
  ),
  shiveringSkinGainWPerM2K: parameter(
    47,
    'W/m²/K',
    [30, 60],
    'Shivering heat per °C of mean skin below 33 °C (before the divisor)',
    'Tikuisis & Giesbrecht 1999 [recall]',
  ),
  shiveringSkinCurvatureWPerM2K2: parameter(
    1.57,
    'W/m²/K²',
    [1, 2.2],
    'Quadratic fall-off of the skin term at very cold skin',
    'Tikuisis & Giesbrecht 1999 [recall]; attenuation by √(% body fat): Tikuisis, Bell & Jacobs, J Appl Physiol 1991 [read]',
  ),
  shiveringCeilingTimesResting: parameter(
    4.9,
    '× resting metabolism',
    [3.5, 6],
    'Peak total metabolism while shivering, as a multiple of resting',
    'Eyolfson DA, Giesbrecht GG et al., Eur J Appl Physiol 2001: 4.9 ± 0.8 × resting at core 35.2 °C [read]',
  ),
  shiveringFullCoreTempC: parameter(
    33,
    '°C',
    [32, 34],
    'Core temperature above which shivering is not limited by cold muscle and nerves',
    'Swiss staging: shivering in HT I (35–32 °C) [read]; [model] taper start',
  ),
  shiveringStopCoreTempC: parameter(
    31,
    '°C',
    [30, 32],
    'Core temperature below which shivering is absent',
    'Swiss staging HT II < 32 °C not shivering; shivering usually means > 30 °C (SJTREM 2024) [read]; 31.7 °C landmark',
  ),
  shiveringOnsetTimeConstantS: parameter(
    180,
    's',
    [60, 400],
    'Time constant of shivering onset and decay',
    'Nude men in −3 to 10 °C air: first tremor 1.8–6.4 min, generalised 4–10 min, J Appl Physiol 1957;11:58 [read]',
  ),
} as const;

export type ThermalParameterName = keyof typeof thermalParameters;
