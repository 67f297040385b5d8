// What the screen shows of the patient, as plain data: the bedside monitor's tiles, the cells panel,
// and which bedside actions make sense now. Pure functions of the store's state, so they are tested
// in Node and the React views only lay them out.

import {
  isArrestRhythm,
  type CprMode,
  type Snapshot,
  type TimedAction,
} from '../../models/index.ts';
import { oximeterReads } from '../worker/protocol.ts';
import type { RunStatus } from './store.ts';
import {
  formatFraction,
  formatPercent,
  formatTemperature,
  formatTemperatureNumber,
  unitSymbol,
  type TemperatureUnit,
} from './units.ts';

/** How a value should catch the eye: fine, worth watching, or alarming. */
export type Tone = 'ok' | 'warn' | 'danger' | 'neutral';

export interface Vital {
  readonly id: string;
  readonly label: string;
  /** The big text: a number ("71") or a word ("Yes"). */
  readonly value: string;
  /** Unit after the number ("/min", "°C"); empty for words. */
  readonly unit: string;
  /** A short line under the value ("sinus bradycardia"); may be empty. */
  readonly detail: string;
  readonly tone: Tone;
  /** A longer explanation for a tooltip; may be empty. */
  readonly title: string;
}

export interface MonitorView {
  readonly heartRate: Vital;
  readonly map: Vital;
  readonly spo2: Vital;
  readonly potassium: Vital;
  readonly breathing: Vital;
  readonly conscious: Vital;
  /** Nasopharyngeal (≈ brain), oesophageal (≈ core) and skin probes. */
  readonly probes: readonly Vital[];
  readonly cpr: Snapshot['cpr'];
}

/** Potassium above which hyperkalaemia is severe, mmol/L. */
export const POTASSIUM_HIGH_MMOL_PER_L = 8;
/** Potassium above which no hypothermic patient has been reported to survive, mmol/L. */
export const POTASSIUM_NO_SURVIVOR_MMOL_PER_L = 12;

export { isArrestRhythm };

const MISSING = '—';

function vital(
  id: string,
  label: string,
  value: string,
  unit: string,
  tone: Tone,
  detail = '',
  title = '',
): Vital {
  return { id, label, value, unit, detail, tone, title };
}

/** The bedside monitor's tiles; dashes before the first snapshot. */
export function selectMonitor(snapshot: Snapshot | null, unit: TemperatureUnit): MonitorView {
  const probe = (id: string, label: string, detail: string, celsius: number | undefined) =>
    vital(id, label, formatTemperatureNumber(celsius, unit), unitSymbol(unit), 'neutral', detail);
  if (!snapshot) {
    return {
      heartRate: vital('heart-rate', 'Heart rate', MISSING, '/min', 'neutral'),
      map: vital('map', 'MAP', MISSING, 'mmHg', 'neutral'),
      spo2: vital('spo2', 'SpO₂', MISSING, '%', 'neutral'),
      potassium: vital('potassium', 'K⁺ mmol/L', MISSING, '', 'neutral'),
      breathing: vital('breathing', 'Breathing', MISSING, '', 'neutral'),
      conscious: vital('conscious', 'Conscious', MISSING, '', 'neutral'),
      probes: [
        probe('naso', 'Brain', 'nasopharyngeal', undefined),
        probe('oeso', 'Core', 'oesophageal', undefined),
        probe('skin', 'Skin', 'skin probe', undefined),
      ],
      cpr: 'none',
    };
  }
  const s = snapshot;
  const arrested = isArrestRhythm(s.rhythm);
  const hr = Math.round(s.heartRateBpm);
  const hrTone: Tone =
    arrested || hr === 0 ? 'danger' : hr < 40 || s.rhythm === 'af' ? 'warn' : 'ok';

  const map = Math.round(s.mapMmHg);
  const mapTone: Tone = map < 40 ? 'danger' : map < 65 ? 'warn' : 'ok';
  const mapDetail = s.cpr !== 'none' && arrested ? 'from CPR' : '';

  const sat = Math.round(s.arterialSat * 100);
  const satTone: Tone = sat < 85 ? 'danger' : sat < 94 ? 'warn' : 'ok';
  // A pulse oximeter reads the pulsing of arterial blood: with no pulse, no compressions and no
  // pump it reads nothing.
  const noPulse = !oximeterReads(s);
  const spo2 = noPulse
    ? vital(
        'spo2',
        'SpO₂',
        MISSING,
        '%',
        'danger',
        'no pulse to read',
        'A pulse oximeter reads nothing without a pulse.',
      )
    : vital('spo2', 'SpO₂', String(sat), '%', satTone, '', 'Arterial oxygen saturation');

  const k = s.potassiumMmolPerL;
  let kTone: Tone = 'ok';
  let kDetail = 'normal';
  let kTitle = '';
  if (k > POTASSIUM_NO_SURVIVOR_MMOL_PER_L) {
    kTone = 'danger';
    kDetail = 'above 12: no known survivor';
    kTitle = 'No hypothermic patient has been reported to survive a potassium above 12 mmol/L.';
  } else if (k > POTASSIUM_HIGH_MMOL_PER_L) {
    kTone = 'warn';
    kDetail = 'above 8: very high';
    kTitle =
      'Potassium above 8 mmol/L: cells are dying. Above 12 no hypothermic patient has survived.';
  } else if (k > 5.5) {
    kTone = 'warn';
    kDetail = 'high';
  } else if (k < 3.5) {
    kTone = 'warn';
    kDetail = 'low';
  }

  const ventilated = s.ventilationFio2 > 0;
  const breathes = s.breathing >= 0.5;
  const fio2 = `FiO₂ ${s.ventilationFio2.toFixed(2)}`;
  const breathing = ventilated
    ? vital(
        'breathing',
        'Breathing',
        'Ventilated',
        '',
        'ok',
        fio2,
        breathes ? `Ventilated at ${fio2}, and breathing spontaneously too.` : '',
      )
    : breathes
      ? vital('breathing', 'Breathing', 'Yes', '', 'ok', 'spontaneously')
      : vital(
          'breathing',
          'Breathing',
          'No',
          '',
          'danger',
          s.environment.canBreathe ? 'not ventilated' : 'face under water',
        );

  return {
    heartRate: vital('heart-rate', 'Heart rate', String(hr), '/min', hrTone, s.rhythmLabel),
    map: vital('map', 'MAP', String(map), 'mmHg', mapTone, mapDetail, 'Mean arterial pressure'),
    spo2,
    potassium: vital('potassium', 'K⁺ mmol/L', k.toFixed(1), '', kTone, kDetail, kTitle),
    breathing,
    // On the heart-lung machine the patient is kept sedated (the model does not let him shiver): the
    // tile says whether his brain could wake, not that he does.
    conscious:
      s.conscious >= 0.5
        ? s.cannulated >= 0.5
          ? vital('conscious', 'Conscious', 'Sedated', '', 'neutral', 'brain could wake')
          : vital('conscious', 'Conscious', 'Yes', '', 'ok', 'responds')
        : vital('conscious', 'Conscious', 'No', '', 'warn', 'unresponsive'),
    probes: [
      probe('naso', 'Brain', 'nasopharyngeal', s.brainTempC),
      probe('oeso', 'Core', 'oesophageal', s.coreTempC),
      probe('skin', 'Skin', 'skin probe', s.skinTempC),
    ],
    cpr: s.cpr,
  };
}

// ----- cells -----

export type SelfCheckPhase = 'asleep' | 'waking' | 'awake';

export interface CellsView {
  readonly viable: number;
  readonly atRisk: number;
  readonly autolysed: number;
  readonly viableText: string;
  readonly atRiskText: string;
  readonly autolysedText: string;
  readonly energyText: string;
  readonly derangementText: string;
  readonly selfCheck: number;
  readonly selfCheckText: string;
  readonly selfCheckPhase: SelfCheckPhase;
  /** Plain words for the self-check now. */
  readonly selfCheckWords: string;
  readonly heartViableText: string;
  readonly extremityViableText: string;
  /** Null when the hands and feet have never frozen. */
  readonly frostbiteText: string | null;
}

/** Self-check activity below which it is called asleep, and above which awake. */
const SELF_CHECK_ASLEEP_BELOW = 0.15;
const SELF_CHECK_AWAKE_ABOVE = 0.6;

/**
 * The self-check now in plain words, at the brain's temperature (`temperature`, e.g. "26.9 °C"): the
 * words say what the check does at this temperature, not whether the brain is warm or warming.
 */
function selfCheckWords(phase: SelfCheckPhase, temperature: string): string {
  switch (phase) {
    case 'asleep':
      return `Asleep at ${temperature}: too cold for the self-check. Cells out of spec wait; none self-destruct yet.`;
    case 'waking':
      return `Partly awake at ${temperature}: the self-check runs slowly; cells still out of spec begin to self-destruct.`;
    case 'awake':
      return `Awake at ${temperature}: the self-check runs, so cells still out of spec self-destruct now.`;
  }
}

/** The idea behind the self-check, for a tooltip. */
export const SELF_CHECK_EXPLANATION =
  'Brain cells check themselves and self-destruct when they find they are out of spec. The ' +
  'self-check wakes as the brain warms; cells still out of spec when it runs self-destruct. Cold ' +
  'keeps it asleep, which gives deranged cells time to recover first.';

export function selfCheckPhase(selfCheck: number): SelfCheckPhase {
  if (selfCheck < SELF_CHECK_ASLEEP_BELOW) return 'asleep';
  if (selfCheck > SELF_CHECK_AWAKE_ABOVE) return 'awake';
  return 'waking';
}

export function selectCells(
  snapshot: Snapshot | null,
  unit: TemperatureUnit = 'C',
): CellsView | null {
  if (!snapshot) return null;
  const s = snapshot;
  const d = s.brainDerangementMin;
  const phase = selfCheckPhase(s.brainSelfCheck);
  return {
    viable: clamp01(s.brainViableFraction),
    atRisk: clamp01(s.brainAtRiskFraction),
    autolysed: clamp01(s.brainAutolysedFraction),
    viableText: formatFraction(s.brainViableFraction),
    atRiskText: formatFraction(s.brainAtRiskFraction),
    autolysedText: formatFraction(s.brainAutolysedFraction),
    energyText: formatPercent(s.brainEnergy),
    derangementText: Number.isFinite(d) ? `${d.toFixed(d < 10 ? 1 : 0)} min` : MISSING,
    selfCheck: clamp01(s.brainSelfCheck),
    selfCheckText: formatPercent(s.brainSelfCheck),
    selfCheckPhase: phase,
    selfCheckWords: selfCheckWords(phase, formatTemperature(s.brainTempC, unit)),
    heartViableText: formatFraction(s.heartViableFraction),
    extremityViableText: formatFraction(s.extremityViableFraction),
    frostbiteText: s.frostbiteFraction > 0 ? formatFraction(s.frostbiteFraction) : null,
  };
}

function clamp01(x: number): number {
  return Number.isFinite(x) ? Math.min(1, Math.max(0, x)) : 0;
}

// ----- bedside actions -----

export interface BedsideView {
  /** A run is loaded and not finished: actions can be applied. */
  readonly active: boolean;
  /** The last breathing action was stopBreathing. */
  readonly airwayBlocked: boolean;
  readonly canStopBreathing: boolean;
  readonly canLetBreathe: boolean;
  readonly canArrest: boolean;
  readonly canStartCpr: Readonly<Record<CprMode, boolean>>;
  readonly canStopCpr: boolean;
  readonly canStopVentilation: boolean;
  readonly canDefibrillate: boolean;
  /** Current FiO₂ of the ventilator, 0 when not ventilated. */
  readonly ventilationFio2: number;
}

export interface BedsideInput {
  readonly status: RunStatus;
  readonly snapshot: Snapshot | null;
  readonly events: readonly TimedAction[];
}

/** FiO₂ limits of the ventilate action. */
export const FIO2_MIN = 0.21;
export const FIO2_MAX = 1;

/** Which bedside buttons make sense now. */
export function selectBedside({ status, snapshot, events }: BedsideInput): BedsideView {
  const active =
    snapshot !== null && (status === 'ready' || status === 'running' || status === 'paused');
  let airwayBlocked = false;
  for (let i = events.length - 1; i >= 0; i--) {
    const name = events[i]!.action.do;
    if (name === 'stopBreathing' || name === 'resumeBreathing') {
      airwayBlocked = name === 'stopBreathing';
      break;
    }
  }
  const cpr = snapshot?.cpr ?? 'none';
  const fio2 = snapshot?.ventilationFio2 ?? 0;
  return {
    active,
    airwayBlocked,
    canStopBreathing: active && !airwayBlocked,
    canLetBreathe: active && airwayBlocked,
    canArrest: active && snapshot?.rhythm !== 'vf',
    canStartCpr: { manual: active && cpr !== 'manual', mechanical: active && cpr !== 'mechanical' },
    canStopCpr: active && cpr !== 'none',
    canStopVentilation: active && fio2 > 0,
    canDefibrillate: active,
    ventilationFio2: fio2,
  };
}

/** Ventilating makes sense unless the ventilator already gives this FiO₂. */
export function canVentilate(view: BedsideView, fio2: number): boolean {
  return view.active && Math.abs(view.ventilationFio2 - fio2) >= 0.005;
}

/** Keeps a chosen FiO₂ within the action's range, rounded to hundredths. */
export function clampFio2(fio2: number): number {
  if (!Number.isFinite(fio2)) return FIO2_MAX;
  return Math.round(Math.min(FIO2_MAX, Math.max(FIO2_MIN, fio2)) * 100) / 100;
}
