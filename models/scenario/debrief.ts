// Debrief: from a scenario and a run log, what learners did against what the body was doing, the
// objectives met or missed and why, teaching points derived from the run by rules (never written by
// hand for a particular run), and a comparison with the scenario's expert run. Pure data, so the
// command line prints it (Markdown or JSON) and the app can show it.

import { isArrestRhythm, type TimedAction } from '../core/actions.ts';
import { formatClock } from '../core/clock.ts';
import type { RhythmName } from '../core/state.ts';
import type { EngineEvent } from '../engine/events.ts';
import { RHYTHM_LABELS, type Outcome } from '../engine/outputs.ts';
import type { EndReason } from '../engine/simulation.ts';
import type { Snapshot } from '../engine/snapshot.ts';
import { allParameters, parameterValues, type ParameterValues } from '../parameters/index.ts';
import { selfCheckActivity } from '../physiology/cells.ts';
import {
  createGrader,
  observeRun,
  type ActionMoment,
  type Grade,
  type ObjectiveResult,
  type RunObserver,
} from './assessment.ts';
import { formatOutputValue, outputValue } from './condition.ts';
import { expertRunLog, type RunLog } from './runLog.ts';
import { comparePaths, pathsMarkdown, type PathComparison } from './paths.ts';
import {
  FAULT_RESPONSE_RULE,
  faultResponseObserver,
  faultResponseText,
  type FaultResponse,
} from './faultResponse.ts';
import type { Scenario } from './types.ts';

/** Outputs shown with each action, by their names in files (each a row of the output table). */
export const DEBRIEF_OUTPUTS = [
  'brain_temp_c',
  'core_temp_c',
  'heart_temp_c',
  'rhythm',
  'heart_rate_bpm',
  'cardiac_output_l_min',
  'pump_flow_l_min',
  'arterial_outlet_temp_c',
  'arterial_po2_mmhg',
  'brain_energy',
  'brain_self_check',
  'brain_at_risk_fraction',
  'brain_autolysed_fraction',
  'potassium_mmol_l',
] as const;

export interface DebriefAction {
  readonly atS: number;
  readonly source: TimedAction['source'];
  readonly action: TimedAction['action'];
  /** The action in words, e.g. "ventilate fio2 1". */
  readonly summary: string;
  /** Outputs just before the action took effect. */
  readonly physiology: Readonly<Record<string, number | string>>;
}

export interface TeachingPoint {
  /** Which rule produced it, e.g. "reoxygenated-warm". */
  readonly id: string;
  readonly atS?: number;
  readonly text: string;
}

export interface ExpertComparison {
  readonly note?: string;
  readonly outcome: Outcome;
  readonly score?: number;
  /** First time each action was done by the learners and by the expert (null: not done). */
  readonly timing: readonly {
    readonly action: string;
    readonly learnerS: number | null;
    readonly expertS: number | null;
  }[];
  /** The comparison in sentences. */
  readonly points: readonly string[];
}

export interface Debrief {
  readonly title: string;
  readonly seed: number;
  readonly endS: number;
  readonly endReason: EndReason | null;
  readonly outcome: Outcome;
  readonly grade?: Grade;
  readonly actions: readonly DebriefAction[];
  readonly teachingPoints: readonly TeachingPoint[];
  readonly expert?: ExpertComparison;
  /** Each heart-lung machine fault: when it came, was detected and was fixed (absent: no faults). */
  readonly faults?: readonly FaultResponse[];
  /** Each path left by rewinding, compared with this run (absent: the run was never rewound). */
  readonly paths?: readonly PathComparison[];
  /** The scenario's own teaching notes: the physiology the case is written to show. */
  readonly teachingNotes?: string;
  readonly instructorNotes?: string;
}

export interface DebriefOptions {
  /** Include the scenario's instructor-only notes (not for learners). */
  readonly instructor?: boolean;
}

/** Builds the debrief of a log on a scenario (the log is replayed; the expert's too, if any). */
export function debriefRun(scenario: Scenario, log: RunLog, options: DebriefOptions = {}): Debrief {
  const values = parameterValues(log.parameters);
  const grader = createGrader(scenario);
  const rules = teachingRules(values);
  const faultObserver = faultResponseObserver();
  const run = observeRun(scenario, log, [grader.observer, rules.observer, faultObserver]);
  const faults = faultObserver.responses();
  const grade = (scenario.objectives ?? []).length > 0 ? grader.grade(run.final) : undefined;
  const actions = run.actions.map(debriefAction);

  let expert: ExpertComparison | undefined;
  const expertLog = expertRunLog(scenario, { seed: log.seed, parameters: log.parameters });
  if (expertLog !== undefined) {
    const expertGrader = createGrader(scenario);
    const expertRun = observeRun(scenario, expertLog, [expertGrader.observer]);
    const expertGrade = grade !== undefined ? expertGrader.grade(expertRun.final) : undefined;
    expert = compareWithExpert(
      run.actions,
      run.outcome,
      grade,
      expertRun.actions,
      expertRun.outcome,
      expertGrade,
      scenario.expert?.note,
    );
  }

  const paths = comparePaths(scenario, log);

  return {
    title: scenario.title,
    seed: log.seed,
    endS: run.final.tS,
    endReason: run.endReason,
    outcome: run.outcome,
    ...(grade !== undefined ? { grade } : {}),
    actions,
    teachingPoints: rules.points(run.final, run.outcome),
    ...(expert !== undefined ? { expert } : {}),
    ...(faults.length > 0 ? { faults } : {}),
    ...(paths.length > 0 ? { paths } : {}),
    ...(scenario.teachingNotes !== undefined ? { teachingNotes: scenario.teachingNotes } : {}),
    ...(options.instructor && scenario.instructorNotes !== undefined
      ? { instructorNotes: scenario.instructorNotes }
      : {}),
  };
}

function debriefAction(moment: ActionMoment): DebriefAction {
  const physiology: Record<string, number | string> = {};
  for (const output of DEBRIEF_OUTPUTS) {
    const value = outputValue(moment.before, output);
    if (value !== undefined) physiology[output] = value;
  }
  return {
    atS: moment.entry.atS,
    source: moment.entry.source,
    action: moment.entry.action,
    summary: describeAction(moment.entry.action),
    physiology,
  };
}

/** "ventilate fio2 1", "message: The team arrives." */
export function describeAction(action: TimedAction['action']): string {
  const { do: name, ...fields } = action as unknown as Record<string, unknown> & { do: string };
  if (name === 'message' && typeof fields.text === 'string') return `message: ${fields.text}`;
  const parts = Object.entries(fields).map(([key, value]) => `${key} ${String(value)}`);
  return parts.length > 0 ? `${name} ${parts.join(', ')}` : name;
}

const pct = (fraction: number): string => `${(100 * fraction).toFixed(fraction < 0.1 ? 1 : 0)} %`;
const degrees = (c: number): string => `${c.toFixed(1)} °C`;
const minutes = (s: number): string => `${Math.round(s / 60)} min`;

/** How long after a re-oxygenation its consequence (autolysis) is measured, s. */
const CONSEQUENCE_WINDOW_S = 3600;
/** Out-of-spec share above which a re-oxygenation matters, 0–1. */
const AT_RISK_THRESHOLD = 0.02;
/** Share of the out-of-spec cells that may commit while "most could repair" still holds. */
const MOSTLY_REPAIRED = 0.25;
/** Brain cells lost before oxygen returned below which the loss counts as small, 0–1. */
const SMALL_LOSS = 0.05;
/** Brain cells lost at the end from which "most of the brain" was lost, 0–1. */
const MOST_LOST = 0.5;
/** Brain temperature above which energy failure counts as warm, °C. */
const WARM_BRAIN_C = 30;
/** Energy back this long after oxygen reached the brain is named apart from it, s. */
const ENERGY_LAG_S = 90;
/** Self-check activity from which it counts as running, and up to which as not yet running, 0–1. */
const CHECK_RUNNING = 0.9;
const CHECK_NOT_RUNNING = 0.1;
/** Cardiac output below which blood is taken as not moving (without compressions or a pump), L/min. */
const NO_FLOW_L_PER_MIN = 0.3;
/** Air at least this warm is out of the cold, °C. */
const WARM_AIR_C = 15;
/** How long after a rescue or the start of warming the core's further fall is followed, s. */
const AFTERDROP_WINDOW_S = 3600;
/** Fall of the core after warming began that counts as an afterdrop, °C. */
const AFTERDROP_MIN_C = 0.5;
/** Fall of the core in cold air after extrication that is worth a point, °C. */
const COOLING_AFTER_RESCUE_MIN_C = 0.5;
/** The skin-and-fat shell at least this much colder than the core: a cold periphery, °C. */
const COLD_PERIPHERY_GAP_C = 2;
/** Heat from devices beyond which they count as warming (or, below its negative, cooling), W. */
const DEVICE_HEAT_W = 10;
/** Window over which the fastest rewarming of the brain is measured, s. */
const RATE_WINDOW_S = 600;
/** Brain samples are kept for the rewarming rate at most this often, s. */
const BRAIN_SAMPLE_S = 10;
/** Core below this counts as hypothermic: rewarming from it is worth a point, °C. */
const HYPOTHERMIC_CORE_C = 35;
/** Rise of the core from its lowest (with oxygen) that counts as rewarming, °C. */
const REWARMED_C = 2;
/** Largest number of points one rule adds (a run can re-oxygenate many times). */
const MAX_POINTS_PER_RULE = 5;

/** A rhythm in words at the start of a sentence, e.g. "Ventricular fibrillation". */
function rhythmWords(rhythm: RhythmName): string {
  const label = RHYTHM_LABELS[rhythm];
  return label.charAt(0).toUpperCase() + label.slice(1);
}
const CPC_WORDS = [
  '',
  'good recovery',
  'moderate disability',
  'severe disability',
  'coma or vegetative state',
  'death or brain death',
] as const;

interface Reoxygenation {
  readonly atS: number;
  readonly brainTempC: number;
  readonly selfCheck: number;
  readonly atRisk: number;
  readonly autolysedBefore: number;
  readonly failedFromS: number;
  readonly failedBeforeStart: boolean;
  readonly failedAtTempC: number;
  /** When oxygen reached the brain again: its energy's lowest point, where it began to recover. */
  readonly oxygenAtS: number;
  readonly oxygenBrainTempC: number;
  readonly oxygenSelfCheck: number;
  autolysedAfter: number;
  /** Out of spec at the end of the span after. */
  atRiskAfter: number;
  measuredUntilS: number;
  /** Highest self-check activity and brain temperature in the span after. */
  maxSelfCheck: number;
  maxBrainTempC: number;
  /** Highest self-check activity and brain temperature from then to the end of the run. */
  laterMaxSelfCheck: number;
  laterMaxBrainTempC: number;
}

/** Adds a teaching point (at most MAX_POINTS_PER_RULE of each kind). */
type AddPoint = (point: TeachingPoint) => void;

/**
 * One teaching rule: it watches the replay (each action, then each step with the step before it and
 * the engine's events of that step) and adds its points as it goes and at the end.
 */
interface TeachingRule {
  action?(moment: ActionMoment): void;
  step?(s: Snapshot, previous: Snapshot | undefined, events: readonly EngineEvent[]): void;
  finish?(final: Snapshot, outcome: Outcome): void;
}

/** Seconds since the step before (0 at the first step). */
const sinceS = (s: Snapshot, previous: Snapshot | undefined): number =>
  previous !== undefined ? s.tS - previous.tS : 0;

/**
 * The rules that turn a run into teaching points. Each watches the replay step by step; `points`
 * returns what they found, in time order, with the outcome last.
 */
export function teachingRules(values: ParameterValues): {
  readonly observer: RunObserver;
  points(final: Snapshot, outcome: Outcome): TeachingPoint[];
} {
  const found: TeachingPoint[] = [];
  const count = new Map<string, number>();
  const add: AddPoint = (point) => {
    const n = count.get(point.id) ?? 0;
    if (n >= MAX_POINTS_PER_RULE) return;
    count.set(point.id, n + 1);
    found.push(point);
  };

  const energy = energyFailureRule(values, add);
  const rewarming = rewarmingRule(values);
  // In this order: each step and the end visit the rules in turn, and points at the same moment
  // keep the order in which they were added.
  const rules: readonly TeachingRule[] = [
    energy,
    arrestRule(add),
    { finish: (_, outcome) => reoxygenationPoints(energy.reoxygenations, values, outcome, add) },
    shockRule(add),
    coreAfterRescueRule(add),
    {
      step: (s) => rewarming.step(s),
      finish(final) {
        const point = rewarming.point(final);
        if (point !== undefined) add(point);
      },
    },
    shiveringRule(add),
    potassiumRule(add),
    { finish: (final) => frostbitePoint(final, add) },
  ];

  let previous: Snapshot | undefined;
  const observer: RunObserver = {
    action(moment) {
      for (const rule of rules) rule.action?.(moment);
    },
    step(s, events) {
      for (const rule of rules) rule.step?.(s, previous, events);
      previous = s;
    },
  };

  function points(final: Snapshot, outcome: Outcome): TeachingPoint[] {
    for (const rule of rules) rule.finish?.(final, outcome);
    const sorted = found
      .map((p, i) => ({ p, i }))
      .sort((a, b) => (a.p.atS ?? Infinity) - (b.p.atS ?? Infinity) || a.i - b.i)
      .map((e) => e.p);
    sorted.push(outcomePoint(final, outcome));
    return sorted;
  }

  return { observer, points };
}

/**
 * The brain's energy: each failure (below the energy at which it reawakens), a warm failure of
 * more than 3 minutes, one not over by the end, and each re-oxygenation kept, followed for an
 * hour after it and to the end, for `reoxygenationPoints`.
 */
function energyFailureRule(
  values: ParameterValues,
  add: AddPoint,
): TeachingRule & { readonly reoxygenations: readonly Reoxygenation[] } {
  const awake = values.reawakeningEnergy;
  let failedFrom: Snapshot | undefined;
  /** The lowest brain energy in the current failure: from there, oxygen is back. */
  let lowestEnergy: Snapshot | undefined;
  /** The energy had already failed at time zero (in the history before it). */
  let failedBeforeStart = false;
  let warmFailedS = 0;
  const reoxygenations: Reoxygenation[] = [];

  function reportWarmFailure(warmS: number, fromS: number, untilS: number): void {
    if (warmS < 180) return;
    add({
      id: 'warm-energy-failure',
      atS: fromS,
      text: `The brain was without energy for ${minutes(warmS)} while warmer than ${WARM_BRAIN_C} °C (between ${formatClock(fromS)} and ${formatClock(untilS)}): its cells go out of spec fastest when warm.`,
    });
  }

  return {
    reoxygenations,
    step(s, previous) {
      if (s.brainEnergy < awake) {
        if (failedFrom === undefined) {
          failedFrom = s;
          failedBeforeStart = previous === undefined;
          warmFailedS = 0;
        }
        if (lowestEnergy === undefined || s.brainEnergy <= lowestEnergy.brainEnergy)
          lowestEnergy = s;
        if (s.brainTempC >= WARM_BRAIN_C) warmFailedS += sinceS(s, previous);
      } else if (failedFrom !== undefined) {
        const oxygen = lowestEnergy ?? failedFrom;
        reportWarmFailure(warmFailedS, failedFrom.tS, s.tS);
        reoxygenations.push({
          atS: s.tS,
          brainTempC: s.brainTempC,
          selfCheck: s.brainSelfCheck,
          atRisk: s.brainAtRiskFraction,
          autolysedBefore: previous?.brainAutolysedFraction ?? s.brainAutolysedFraction,
          failedFromS: failedFrom.tS,
          failedBeforeStart,
          failedAtTempC: failedFrom.brainTempC,
          oxygenAtS: oxygen.tS,
          oxygenBrainTempC: oxygen.brainTempC,
          oxygenSelfCheck: oxygen.brainSelfCheck,
          autolysedAfter: s.brainAutolysedFraction,
          atRiskAfter: s.brainAtRiskFraction,
          measuredUntilS: s.tS,
          maxSelfCheck: s.brainSelfCheck,
          maxBrainTempC: s.brainTempC,
          laterMaxSelfCheck: s.brainSelfCheck,
          laterMaxBrainTempC: s.brainTempC,
        });
        failedFrom = undefined;
        lowestEnergy = undefined;
      }
      for (const r of reoxygenations) {
        if (s.tS <= r.atS + CONSEQUENCE_WINDOW_S) {
          r.autolysedAfter = s.brainAutolysedFraction;
          r.atRiskAfter = s.brainAtRiskFraction;
          r.measuredUntilS = s.tS;
          r.maxSelfCheck = Math.max(r.maxSelfCheck, s.brainSelfCheck);
          r.maxBrainTempC = Math.max(r.maxBrainTempC, s.brainTempC);
        }
        r.laterMaxSelfCheck = Math.max(r.laterMaxSelfCheck, s.brainSelfCheck);
        r.laterMaxBrainTempC = Math.max(r.laterMaxBrainTempC, s.brainTempC);
      }
    },
    finish(final) {
      if (failedFrom === undefined) return;
      reportWarmFailure(warmFailedS, failedFrom.tS, final.tS);
      add({
        id: 'no-reoxygenation',
        atS: failedFrom.tS,
        text: `The brain's energy ${failedBeforeStart ? 'had failed before time zero' : `failed at ${formatClock(failedFrom.tS)}`} and had not returned by the end (${formatClock(final.tS)}); ${pct(final.brainAtRiskFraction)} of its cells were out of spec and waiting, with the brain at ${degrees(final.brainTempC)} and its self-check at ${pct(final.brainSelfCheck)}.`,
      });
    },
  };
}

/**
 * Each re-oxygenation judged: when oxygen reached the brain, what the self-check was doing when
 * energy returned (few cells out of spec, warm, cold or cool) and whether the brain was cooled
 * while it waited.
 */
function reoxygenationPoints(
  reoxygenations: readonly Reoxygenation[],
  values: ParameterValues,
  outcome: Outcome,
  add: AddPoint,
): void {
  for (const r of reoxygenations) {
    add({ id: 'oxygen-returned', atS: r.oxygenAtS, text: oxygenReturnedText(r, values) });
    const lost = Math.max(0, r.autolysedAfter - r.autolysedBefore);
    const within = minutes(r.measuredUntilS - r.atS);
    const returned = returnedWords(r);
    const without = r.failedBeforeStart
      ? `more than ${minutes(r.atS - r.failedFromS)} without energy (it had failed before time zero)`
      : `${minutes(r.atS - r.failedFromS)} without energy`;
    if (r.atRisk < AT_RISK_THRESHOLD) {
      add({
        id: 'reoxygenated-early',
        atS: r.atS,
        text: `${returned} after ${without}, with the brain at ${degrees(r.brainTempC)} and few of its cells out of spec (${pct(r.atRisk)}).`,
      });
    } else if (r.selfCheck >= 0.5) {
      add({
        id: 'reoxygenated-warm',
        atS: r.atS,
        text: `${returned} with the brain at ${degrees(r.brainTempC)}: the self-check was active (${pct(r.selfCheck)}) while ${pct(r.atRisk)} of its cells were out of spec, ${lost >= 0.01 ? `so autolysis was triggered (${pct(lost)} of brain cells committed within ${within})` : `yet few committed (${pct(lost)} within ${within})`}.`,
      });
    } else if (r.selfCheck < 0.1) {
      add({
        id: 'reoxygenated-cold',
        atS: r.atS,
        text: coldReoxygenationText(r, lost, within, outcome.brain_lost_fraction),
      });
    } else {
      add({
        id: 'reoxygenated-cool',
        atS: r.atS,
        text: `${returned} with the brain at ${degrees(r.brainTempC)}: the self-check was partly active (${pct(r.selfCheck)}) while ${pct(r.atRisk)} of its cells were out of spec (${pct(lost)} committed within ${within}).`,
      });
    }
    if (!r.failedBeforeStart && r.brainTempC <= r.failedAtTempC - 3) {
      add({
        id: 'cooled-before-reoxygenation',
        atS: r.atS,
        text: `The brain was cooled from ${degrees(r.failedAtTempC)} (when its energy failed at ${formatClock(r.failedFromS)}) to ${degrees(r.brainTempC)} before oxygen returned.`,
      });
    }
  }
}

/**
 * Arrests (one going on at time zero included) with why the heart stopped, returns of
 * circulation, and a minute or more with no blood moving during an arrest (at its end or the run's).
 */
function arrestRule(add: AddPoint): TeachingRule {
  // The current arrest: when it began (0 when already in arrest at time zero) and its flow.
  let arrest: { atS: number; atStart: boolean; noFlowS: number; firstFlowS?: number } | undefined;
  let arrestActionAtS: number | undefined;

  function reportNoFlow(): void {
    if (arrest === undefined || arrest.noFlowS < 60) return;
    const since = arrest.atStart
      ? 'from time zero'
      : `after the arrest at ${formatClock(arrest.atS)}`;
    const started =
      arrest.firstFlowS !== undefined
        ? `blood first moved at ${formatClock(arrest.firstFlowS)}`
        : 'nothing moved the blood';
    add({
      id: 'no-flow',
      atS: arrest.atS,
      text: `No blood flow for ${minutes(arrest.noFlowS)} ${since} (${started}): without compressions or a pump the brain gets no oxygen.`,
    });
  }

  return {
    action({ entry }) {
      if (entry.action.do === 'cardiacArrest') arrestActionAtS = entry.atS;
    },
    step(s, previous, events) {
      // Arrests (including one already going on at time zero) and returns of circulation: the
      // engine's events (models/engine/events.ts), with the heart as it is at this step.
      for (const event of events) {
        if (event.kind === 'arrest' && event.from === null) {
          arrest = { atS: event.atS, atStart: true, noFlowS: 0 };
          add({
            id: 'arrest',
            atS: event.atS,
            text: `${rhythmWords(event.rhythm)} at time zero (the heart stopped before), with the heart at ${degrees(s.heartTempC)}.`,
          });
        } else if (event.kind === 'arrest') {
          arrest = { atS: event.atS, atStart: false, noFlowS: 0 };
          const byAction =
            arrestActionAtS !== undefined && arrestActionAtS >= (previous?.tS ?? event.atS);
          const why = byAction
            ? ' (a cardiacArrest action)'
            : event.rhythm === 'asystole' && s.heartTempC < 22
              ? ': the heart typically stops below about 20 °C'
              : s.heartTempC < 28
                ? ': below about 28 °C the cold heart fibrillates readily'
                : '';
          add({
            id: 'arrest',
            atS: event.atS,
            text: `${rhythmWords(event.rhythm)} at ${formatClock(event.atS)} with the heart at ${degrees(s.heartTempC)}${why}.`,
          });
        } else if (event.kind === 'rosc') {
          reportNoFlow();
          arrest = undefined;
          add({
            id: 'rosc',
            atS: event.atS,
            text: `Spontaneous circulation returned at ${formatClock(event.atS)} with the heart at ${degrees(s.heartTempC)}.`,
          });
        }
      }
      if (arrest !== undefined) {
        // Blood moves if anything moves it: compressions (however little they give a small child),
        // the pump, or the heart itself.
        const moving =
          s.cpr !== 'none' || s.pumpFlowLPerMin > 0 || s.cardiacOutputLPerMin >= NO_FLOW_L_PER_MIN;
        if (!moving) arrest.noFlowS += sinceS(s, previous);
        else arrest.firstFlowS ??= s.tS;
      }
    },
    finish: reportNoFlow,
  };
}

/** Each shock, judged at the next step: on a rhythm that is not shockable, and whether it worked. */
function shockRule(add: AddPoint): TeachingRule {
  // Shocks waiting for the next step to see their effect.
  let pendingShocks: { atS: number; heartTempC: number; rhythm: string }[] = [];
  return {
    action({ entry, before }) {
      if (entry.action.do === 'defibrillate')
        pendingShocks.push({
          atS: entry.atS,
          heartTempC: before.heartTempC,
          rhythm: before.rhythm,
        });
    },
    step(s) {
      const restored = !isArrestRhythm(s.rhythm);
      for (const shock of pendingShocks) {
        const shockable = shock.rhythm === 'vf';
        add({
          id: 'shock',
          atS: shock.atS,
          text: !shockable
            ? `Shock at ${formatClock(shock.atS)} on ${shock.rhythm}: not a shockable rhythm.`
            : restored
              ? `Shock at ${formatClock(shock.atS)} with the heart at ${degrees(shock.heartTempC)} restored a rhythm (${s.rhythm}).`
              : `Shock at ${formatClock(shock.atS)} with the heart at ${degrees(shock.heartTempC)} did not restore a rhythm${shock.heartTempC < 30 ? ': defibrillation rarely works below about 30 °C' : ''}.`,
        });
      }
      pendingShocks = [];
    },
  };
}

/** Shivering stopping in the cold (the first time only). */
function shiveringRule(add: AddPoint): TeachingRule {
  let stopped = false;
  return {
    step(s, previous) {
      if (
        stopped ||
        previous === undefined ||
        !(previous.shivering > 0.1 && s.shivering < 0.02 && s.coreTempC < 34)
      )
        return;
      stopped = true;
      add({
        id: 'shivering-stopped',
        atS: s.tS,
        text: `Shivering stopped at ${formatClock(s.tS)} with the core at ${degrees(s.coreTempC)}: below about 31–32 °C the body can no longer make heat by shivering.`,
      });
    },
  };
}

/** The highest plasma potassium, when above the 12 mmol/L no hypothermic patient has survived. */
function potassiumRule(add: AddPoint): TeachingRule {
  let highest: { value: number; atS: number } | undefined;
  return {
    step(s) {
      if (highest === undefined || s.potassiumMmolPerL > highest.value)
        highest = { value: s.potassiumMmolPerL, atS: s.tS };
    },
    finish() {
      if (highest !== undefined && highest.value > 12)
        add({
          id: 'potassium',
          atS: highest.atS,
          text: `Plasma potassium reached ${highest.value.toFixed(1)} mmol/L at ${formatClock(highest.atS)}: above about 12 mmol/L no hypothermic patient has survived.`,
        });
    },
  };
}

/** Frostbite by the end: more than 1 % of the hands' and feet's tissue frozen. */
function frostbitePoint(final: Snapshot, add: AddPoint): void {
  if (final.frostbiteFraction > 0.01)
    add({
      id: 'frostbite',
      atS: final.tS,
      text: `${pct(final.frostbiteFraction)} of the hands' and feet's tissue froze (frostbite).`,
    });
}

/** The last point: alive or not (and why not, without circulation), CPC, brain cells lost, lowest core. */
function outcomePoint(final: Snapshot, outcome: Outcome): TeachingPoint {
  const state = outcome.survived
    ? 'alive'
    : !isArrestRhythm(final.rhythm)
      ? 'not alive'
      : `no circulation of its own yet (${final.rhythm}), so the outcome counts as death`;
  return {
    id: 'outcome',
    atS: final.tS,
    text: `At the end (${formatClock(final.tS)}): ${state}, CPC ${outcome.neuro_outcome_cpc} (${CPC_WORDS[outcome.neuro_outcome_cpc]}); ${pct(outcome.brain_lost_fraction)} of brain cells lost; lowest core temperature ${degrees(outcome.min_core_temp_c)}.`,
  };
}

/**
 * The moment oxygen reached the brain again (its energy's lowest point, where it began to recover),
 * the brain's temperature then and what that means for the self-check, with the uncertainty of the
 * temperature at which the check runs: the model's value and what the plausible range would give.
 */
function oxygenReturnedText(r: Reoxygenation, values: ParameterValues): string {
  const tempC = r.oxygenBrainTempC;
  const check = r.oxygenSelfCheck;
  const after = r.failedBeforeStart
    ? 'energy failure that began before time zero'
    : `${minutes(r.oxygenAtS - r.failedFromS)} of energy failure`;
  const band = check >= CHECK_RUNNING ? 'warm' : check <= CHECK_NOT_RUNNING ? 'cold' : 'cool';
  const model = `${pct(check)} in the model`;
  const meaning =
    check >= CHECK_RUNNING
      ? `the self-check was running (${model}), so cells out of spec commit to autolysis as their energy returns`
      : check <= CHECK_NOT_RUNNING
        ? `oxygen returned before the self-check could run (${model}), so cells out of spec can repair first if the brain stays cold until they have`
        : `the self-check was partly running (${model}), so some cells out of spec commit and others repair`;
  const range = allParameters.selfCheckHalfTempC;
  const low = selfCheckActivity(tempC, { ...values, selfCheckHalfTempC: range.max });
  const high = selfCheckActivity(tempC, { ...values, selfCheckHalfTempC: range.min });
  const spread =
    high - low < 0.1
      ? `at ${degrees(tempC)} it would be ${low >= 0.5 ? 'running' : 'off'} anywhere in that range`
      : `at ${degrees(tempC)} it could be anywhere from ${pct(low)} to ${pct(high)} active`;
  return `Oxygen reached the brain again at ${formatClock(r.oxygenAtS)}, after ${after}, with the brain at ${degrees(tempC)} (${band}): ${meaning}. Where the check switches on is uncertain (half activity at ${range.min}–${range.max} °C; the model uses ${values.selfCheckHalfTempC} °C): ${spread}.`;
}

/**
 * How a re-oxygenation point begins: "Oxygen returned to the brain at 5:00", or, when the cells'
 * energy came back well after oxygen reached the brain, "Energy returned to the brain at 7:09
 * (oxygen had reached it at 1:00)".
 */
function returnedWords(r: Reoxygenation): string {
  return r.atS - r.oxygenAtS >= ENERGY_LAG_S
    ? `Energy returned to the brain at ${formatClock(r.atS)} (oxygen had reached it at ${formatClock(r.oxygenAtS)})`
    : `Oxygen returned to the brain at ${formatClock(r.atS)}`;
}

/**
 * Oxygen back to a cold brain, in words that claim only what the run shows: cells out of spec
 * "could repair" only when many were out of spec, few had died before and few committed after, and
 * the run did not lose most of the brain in the end; a run that lost most of it says so.
 */
function coldReoxygenationText(
  r: Reoxygenation,
  lost: number,
  within: string,
  finalLost: number,
): string {
  const cold = `${returnedWords(r)} with the brain cold (${degrees(r.brainTempC)}): the self-check was nearly off (${pct(r.selfCheck)})`;
  const before = r.autolysedBefore;
  if (finalLost >= MOST_LOST) {
    const later =
      r.laterMaxSelfCheck >= 0.5
        ? `; the brain later warmed to ${degrees(r.laterMaxBrainTempC)} and the check woke`
        : '';
    return `${cold} while ${pct(r.atRisk)} of its cells were out of spec, but most of the brain was lost all the same: ${pct(finalLost)} of brain cells by the end (${pct(before)} before oxygen returned, ${pct(lost)} within ${within} after it${later}).`;
  }
  if (lost > MOSTLY_REPAIRED * r.atRisk)
    return `${cold} while ${pct(r.atRisk)} of its cells were out of spec, yet ${pct(lost)} of brain cells committed within ${within}: ${r.maxSelfCheck >= 0.5 ? `the brain warmed to ${degrees(r.maxBrainTempC)} and the check woke before they had repaired` : 'cells without enough energy died anyway (necrosis)'}.`;
  if (before >= SMALL_LOSS)
    return `${cold}, and few of the ${pct(r.atRisk)} of cells out of spec committed within ${within} (${pct(lost)}); but ${pct(before)} of brain cells had already died before oxygen returned.`;
  return `${cold}, so the ${pct(r.atRisk)} of cells out of spec could repair before it woke (${pct(lost)} committed within ${within}; ${pct(r.atRiskAfter)} still out of spec then).`;
}

interface BrainSample {
  readonly tS: number;
  readonly brainC: number;
  readonly coreC: number;
  readonly selfCheck: number;
  readonly atRisk: number;
  readonly autolysed: number;
  /** The outlet's rewarming rate while the pump flows with the outlet at the guideline's threshold or warmer, °C/min; else null. */
  readonly outletRateCPerMin: number | null;
}

/**
 * How fast the brain rewarmed once it had oxygen: the fastest rise of the brain over 10 minutes that
 * began below 30 °C while the core rose too, from where the core (below 35 °C) began to rewarm by
 * at least 2 °C with oxygen; compared with the guidance, and what it did to the cells in the model
 * (whether the self-check woke on cells still out of spec). No point without such a rewarming.
 */
function rewarmingRule(values: ParameterValues): {
  step(s: Snapshot): void;
  point(final: Snapshot): TeachingPoint | undefined;
} {
  const awake = values.reawakeningEnergy;
  /** Stretches with brain energy (from where it began to recover), sampled. */
  const segments: BrainSample[][] = [];
  let segment: BrainSample[] | undefined;
  /** During energy failure: the samples from its lowest energy on (oxygen back from there). */
  let sinceLowest: BrainSample[] = [];
  let lowestEnergy = Infinity;

  const keep = (list: BrainSample[], b: BrainSample): void => {
    const last = list.at(-1);
    if (last === undefined || b.tS - last.tS >= BRAIN_SAMPLE_S - 1e-9) list.push(b);
  };

  return {
    step(s) {
      const b: BrainSample = {
        tS: s.tS,
        brainC: s.brainTempC,
        coreC: s.coreTempC,
        selfCheck: s.brainSelfCheck,
        atRisk: s.brainAtRiskFraction,
        autolysed: s.brainAutolysedFraction,
        outletRateCPerMin:
          s.pumpFlowLPerMin > 0 && s.arterialOutletTempC >= values.warmThresholdC
            ? s.outletRateCPerMin
            : null,
      };
      if (s.brainEnergy < awake) {
        segment = undefined;
        if (s.brainEnergy <= lowestEnergy) {
          lowestEnergy = s.brainEnergy;
          sinceLowest = [b];
        } else keep(sinceLowest, b);
        return;
      }
      if (segment === undefined) {
        segment = sinceLowest;
        segments.push(segment);
        sinceLowest = [];
        lowestEnergy = Infinity;
      }
      keep(segment, b);
    },

    point(final) {
      // Where rewarming began: the core's lowest point before it first rose by REWARMED_C.
      let start: { k: number; i: number } | undefined;
      for (let k = 0; k < segments.length && start === undefined; k++) {
        const seg = segments[k]!;
        let low = 0;
        for (let i = 0; i < seg.length; i++) {
          if (seg[i]!.coreC < seg[low]!.coreC) low = i;
          if (
            seg[low]!.coreC < HYPOTHERMIC_CORE_C &&
            seg[i]!.coreC - seg[low]!.coreC >= REWARMED_C
          ) {
            start = { k, i: low };
            break;
          }
        }
      }
      if (start === undefined) return undefined;
      const from = segments[start.k]![start.i]!;
      let fastest: { a: BrainSample; b: BrainSample; ratePerMin: number } | undefined;
      let wake: BrainSample | undefined;
      let outletMax: number | undefined;
      for (let k = start.k; k < segments.length; k++) {
        const seg = segments[k]!;
        const first = k === start.k ? start.i : 0;
        let j = first;
        for (let i = first; i < seg.length; i++) {
          const b = seg[i]!;
          while (j + 1 < i && seg[j + 1]!.tS <= b.tS - RATE_WINDOW_S + 1e-9) j++;
          const a = seg[j]!;
          if (b.tS - a.tS >= RATE_WINDOW_S - 1e-9 && a.brainC < WARM_BRAIN_C && b.coreC > a.coreC) {
            const ratePerMin = (b.brainC - a.brainC) / ((b.tS - a.tS) / 60);
            if (fastest === undefined || ratePerMin > fastest.ratePerMin)
              fastest = { a, b, ratePerMin };
          }
          const before = seg[i - 1];
          if (
            wake === undefined &&
            i > first &&
            before !== undefined &&
            before.selfCheck < 0.5 &&
            b.selfCheck >= 0.5
          )
            wake = b;
          if (b.outletRateCPerMin !== null)
            outletMax = Math.max(outletMax ?? -Infinity, b.outletRateCPerMin);
        }
      }
      if (fastest === undefined || fastest.ratePerMin <= 0) return undefined;
      const { a, b, ratePerMin } = fastest;
      const cap = values.maxRewarmingRateCPerMin;
      // The guideline limits the machine's outlet from 30 °C, not the brain: compare the outlet's
      // rate when a pump ran there, the brain's otherwise.
      const outletLimited = outletMax !== undefined && outletMax > 0 ? outletMax : null;
      const limitedRate = outletLimited ?? ratePerMin;
      const compared =
        limitedRate > cap ? 'faster than' : limitedRate >= 0.8 * cap ? 'close to' : 'within';
      const outlet =
        outletMax !== undefined && outletMax > 0
          ? `; the heart-lung machine's arterial outlet rose at up to ${outletMax.toFixed(2)} °C/min once at ${values.warmThresholdC} °C or warmer`
          : '';
      const guidance = `${outletLimited !== null ? "The outlet's rate is" : 'That is'} ${compared} the ${cap} °C/min that guidelines allow the heart-lung machine's arterial outlet from ${values.warmThresholdC} °C (Engelman 2015); slower rewarming on bypass went with better thinking six weeks after surgery (Grigore 2002).`;
      const rule =
        'In the model, rewarming faster than cells repair wakes the self-check on cells still out of spec';
      const cells =
        wake !== undefined
          ? wake.atRisk >= AT_RISK_THRESHOLD
            ? `${rule}: it passed half activity at ${formatClock(wake.tS)} (brain ${degrees(wake.brainC)}) with ${pct(wake.atRisk)} of brain cells still out of spec, and ${pct(Math.max(0, final.brainAutolysedFraction - wake.autolysed))} of brain cells committed after that.`
            : `${rule}; here few were out of spec (${pct(wake.atRisk)}) when it passed half activity at ${formatClock(wake.tS)} (brain ${degrees(wake.brainC)}).`
          : from.selfCheck >= 0.5
            ? `${rule}; here it was already ${pct(from.selfCheck)} active when rewarming began, with ${pct(from.atRisk)} of brain cells out of spec.`
            : `${rule}; here the brain stayed below the temperature at which it is half active (${values.selfCheckHalfTempC} °C in the model).`;
      return {
        id: 'rewarming-rate',
        atS: a.tS,
        text: `The brain rewarmed at up to ${ratePerMin.toFixed(2)} °C/min (${(ratePerMin * 60).toFixed(0)} °C/h) over ${minutes(b.tS - a.tS)}, from ${degrees(a.brainC)} at ${formatClock(a.tS)} to ${degrees(b.brainC)} at ${formatClock(b.tS)}${outlet}. ${guidance} ${cells}`,
      };
    },
  };
}

/** What began a warming: a rescue from the cold, devices starting to warm, or the pump stopping. */
type WarmingKind = 'rescue' | 'devices' | 'bypass-end';

interface WarmingEpisode {
  readonly kind: WarmingKind;
  readonly atS: number;
  /** What began it, in words, e.g. "extrication into air at 22 °C". */
  readonly cause: string;
  readonly coreC: number;
  readonly shellC: number;
  minCoreC: number;
  minAtS: number;
  shellAtMinC: number;
}

interface ColdRescue {
  readonly atS: number;
  readonly coreC: number;
  minCoreC: number;
  minAtS: number;
  airAtMinC: number;
}

/**
 * The core after a rescue and after warming began. An afterdrop is the core going on falling once
 * the cold has gone or warming has begun (extrication or a move into warm air, warming devices
 * switched on, the pump stopped after rewarming on it), because the cold shell and limbs draw heat
 * from it. It counts only while nothing cools the patient (ice packs, cold lavage or fluid, a
 * heart-lung machine or other device taking heat away, cold water) and when the shell was colder
 * than the core and warmed while the core fell: so cooling done on purpose is never called an
 * afterdrop. Extrication into cold air is followed apart: the core goes on cooling there because the
 * air is cold.
 */
function coreAfterRescueRule(add: (point: TeachingPoint) => void): {
  action(moment: ActionMoment): void;
  step(s: Snapshot, previous: Snapshot | undefined): void;
  finish(): void;
} {
  let lavageTempC: number | undefined;
  let fluidTempC: number | undefined;
  let warming: WarmingEpisode | undefined;
  let coldRescue: ColdRescue | undefined;
  let devicesWereWarming = false;
  let pumpHasWarmed = false;

  const inWater = (s: Snapshot): boolean => s.environment.immersedFraction > 0.5;
  const inCold = (s: Snapshot): boolean => inWater(s) || s.environment.airTempC < WARM_AIR_C;
  /** Something takes heat from the patient: a device (on purpose) or the water. */
  const cooling = (s: Snapshot): boolean =>
    s.icePacks === true ||
    s.externalHeatW < -DEVICE_HEAT_W ||
    (s.pumpFlowLPerMin > 0 && s.pumpHeatW < -DEVICE_HEAT_W) ||
    (Boolean(s.lavage) && lavageTempC !== undefined && lavageTempC < s.coreTempC) ||
    (s.fluidRemainingMl > 0 && fluidTempC !== undefined && fluidTempC < s.coreTempC) ||
    (inWater(s) && s.environment.waterTempC < s.coreTempC);

  function deviceWords(s: Snapshot): string {
    const parts: string[] = [];
    if (s.pumpFlowLPerMin > 0 && s.pumpHeatW > DEVICE_HEAT_W)
      parts.push('rewarming on the heart-lung machine');
    if (s.forcedAirTempC !== null && s.forcedAirTempC !== undefined)
      parts.push('forced-air warming');
    if (s.lavage && lavageTempC !== undefined && lavageTempC > s.coreTempC)
      parts.push(`warm ${s.lavage} lavage`);
    if (s.fluidRemainingMl > 0 && fluidTempC !== undefined && fluidTempC > s.coreTempC)
      parts.push('warm fluid');
    return parts.length > 0 ? parts.join(' and ') : 'active warming';
  }

  function startWarming(kind: WarmingKind, atS: number, cause: string, s: Snapshot): void {
    closeWarming();
    warming = {
      kind,
      atS,
      cause,
      coreC: s.coreTempC,
      shellC: s.shellTempC,
      minCoreC: s.coreTempC,
      minAtS: atS,
      shellAtMinC: s.shellTempC,
    };
  }

  function closeWarming(): void {
    const w = warming;
    warming = undefined;
    if (w === undefined) return;
    const drop = w.coreC - w.minCoreC;
    const coldPeriphery = w.coreC - w.shellC >= COLD_PERIPHERY_GAP_C;
    if (drop < AFTERDROP_MIN_C || !coldPeriphery || w.shellAtMinC <= w.shellC) return;
    add({
      id: 'afterdrop',
      atS: w.atS,
      text: `After ${w.cause} at ${formatClock(w.atS)}, the core kept falling: ${drop.toFixed(1)} °C lower ${minutes(w.minAtS - w.atS)} later (${degrees(w.coreC)} to ${degrees(w.minCoreC)}), while the skin-and-fat shell warmed from ${degrees(w.shellC)} to ${degrees(w.shellAtMinC)} and nothing was cooling the patient. The cold shell and limbs go on drawing heat from the core after ${w.kind === 'rescue' ? 'the cold has gone' : 'warming begins'} (afterdrop).`,
    });
  }

  function closeColdRescue(): void {
    const c = coldRescue;
    coldRescue = undefined;
    if (c === undefined || c.coreC - c.minCoreC < COOLING_AFTER_RESCUE_MIN_C) return;
    add({
      id: 'cooling-after-rescue',
      atS: c.atS,
      text: `The core kept cooling after extrication at ${formatClock(c.atS)}: ${(c.coreC - c.minCoreC).toFixed(1)} °C lower ${minutes(c.minAtS - c.atS)} later, in air at ${c.airAtMinC.toFixed(0)} °C. Out of the water the body cools more slowly, but in cold air it keeps cooling.`,
    });
  }

  return {
    action({ entry, before }) {
      const a = entry.action;
      if (a.do === 'startLavage') lavageTempC = a.temperatureC;
      if (a.do === 'infuseFluid') fluidTempC = a.temperatureC;
      const airC =
        a.do === 'extricate'
          ? a.airTemperatureC
          : a.do === 'setEnvironment' && a.medium === 'air'
            ? a.temperatureC
            : undefined;
      if (airC === undefined || !inCold(before)) return;
      if (airC >= WARM_AIR_C) {
        closeColdRescue();
        const into = `into air at ${airC.toFixed(0)} °C`;
        startWarming(
          'rescue',
          entry.atS,
          a.do === 'extricate' ? `extrication ${into}` : `the move ${into}`,
          before,
        );
      } else if (a.do === 'extricate' && coldRescue === undefined) {
        coldRescue = {
          atS: entry.atS,
          coreC: before.coreTempC,
          minCoreC: before.coreTempC,
          minAtS: entry.atS,
          airAtMinC: airC,
        };
      }
    },
    step(s, previous) {
      const coolingNow = cooling(s);
      if (coldRescue !== undefined) {
        if (
          s.tS > coldRescue.atS + AFTERDROP_WINDOW_S ||
          coolingNow ||
          inWater(s) ||
          s.environment.airTempC >= WARM_AIR_C
        )
          closeColdRescue();
        else if (s.coreTempC < coldRescue.minCoreC) {
          coldRescue.minCoreC = s.coreTempC;
          coldRescue.minAtS = s.tS;
          coldRescue.airAtMinC = s.environment.airTempC;
        }
      }
      // Warming begins when the pump stops after rewarming, or when devices start adding heat.
      const pumping = s.pumpFlowLPerMin > 0;
      if (pumping && s.pumpHeatW > DEVICE_HEAT_W) pumpHasWarmed = true;
      if (previous !== undefined && previous.pumpFlowLPerMin > 0 && !pumping && pumpHasWarmed) {
        pumpHasWarmed = false;
        startWarming(
          'bypass-end',
          s.tS,
          'the end of rewarming on the heart-lung machine (pump stopped)',
          s,
        );
      }
      const devicesWarming = s.externalHeatW > DEVICE_HEAT_W;
      if (devicesWarming && !devicesWereWarming && warming === undefined)
        startWarming('devices', s.tS, deviceWords(s), s);
      devicesWereWarming = devicesWarming;
      if (warming !== undefined) {
        if (
          s.tS > warming.atS + AFTERDROP_WINDOW_S ||
          coolingNow ||
          inWater(s) ||
          (warming.kind === 'rescue' && s.environment.airTempC < WARM_AIR_C)
        )
          closeWarming();
        else if (s.coreTempC < warming.minCoreC) {
          warming.minCoreC = s.coreTempC;
          warming.minAtS = s.tS;
          warming.shellAtMinC = s.shellTempC;
        }
      }
    },
    finish() {
      closeColdRescue();
      closeWarming();
    },
  };
}

function firstTimes(actions: readonly ActionMoment[]): Map<string, number> {
  const first = new Map<string, number>();
  for (const m of actions) {
    if (m.entry.source !== 'learner') continue;
    const action = m.entry.action;
    // Acknowledging alarms is no step of a plan; each remedy is its own action.
    if (action.do === 'acknowledgeAlarms') continue;
    const name = action.do === 'remedy' ? `remedy ${action.remedy}` : action.do;
    if (!first.has(name)) first.set(name, m.entry.atS);
  }
  return first;
}

function compareWithExpert(
  learnerActions: readonly ActionMoment[],
  learnerOutcome: Outcome,
  learnerGrade: Grade | undefined,
  expertActions: readonly ActionMoment[],
  expertOutcome: Outcome,
  expertGrade: Grade | undefined,
  note: string | undefined,
): ExpertComparison {
  const learner = firstTimes(learnerActions);
  const expert = firstTimes(expertActions);
  const names = [...new Set([...expert.keys(), ...learner.keys()])].filter(
    (name) => name !== 'message' && name !== 'pause',
  );
  const timing = names.map((action) => ({
    action,
    learnerS: learner.get(action) ?? null,
    expertS: expert.get(action) ?? null,
  }));
  const points: string[] = [];
  const describe = (o: Outcome): string =>
    `CPC ${o.neuro_outcome_cpc}, ${pct(o.brain_lost_fraction)} of brain cells lost, ${o.survived ? 'alive' : 'not alive'}`;
  points.push(
    `The expert's run ended with ${describe(expertOutcome)}; this run with ${describe(learnerOutcome)}.`,
  );
  if (learnerGrade !== undefined && expertGrade !== undefined)
    points.push(`Score: this run ${learnerGrade.score}, the expert ${expertGrade.score}.`);
  for (const t of timing) {
    if (t.learnerS !== null && t.expertS !== null) {
      const diff = t.learnerS - t.expertS;
      if (Math.abs(diff) >= 60)
        points.push(
          `${t.action}: at ${formatClock(t.learnerS)}, ${minutes(Math.abs(diff))} ${diff > 0 ? 'later' : 'earlier'} than the expert (${formatClock(t.expertS)}).`,
        );
    } else if (t.expertS !== null) {
      points.push(`${t.action}: the expert did it at ${formatClock(t.expertS)}; this run did not.`);
    } else if (t.learnerS !== null) {
      points.push(`${t.action}: done at ${formatClock(t.learnerS)}; the expert did not.`);
    }
  }
  return {
    ...(note !== undefined ? { note } : {}),
    outcome: expertOutcome,
    ...(expertGrade !== undefined ? { score: expertGrade.score } : {}),
    timing,
    points,
  };
}

const TABLE_OUTPUTS: readonly [string, string][] = [
  ['brain_temp_c', 'brain °C'],
  ['core_temp_c', 'core °C'],
  ['rhythm', 'rhythm'],
  ['arterial_po2_mmhg', 'arterial PO2'],
  ['brain_energy', 'brain energy'],
  ['brain_self_check', 'self-check'],
  ['brain_autolysed_fraction', 'autolysed'],
];

/** The debrief as Markdown, for handouts and the terminal. */
export function debriefMarkdown(debrief: Debrief): string {
  const lines: string[] = [];
  lines.push(`# Debrief: ${debrief.title}`, '');
  const ended = debrief.endReason === 'condition' ? 'on its end condition' : 'at its end time';
  lines.push(
    `Seed ${debrief.seed}; the run ${debrief.endReason === null ? 'stopped' : `ended ${ended}`} at ${formatClock(debrief.endS)}.${debrief.grade !== undefined ? ` Score: **${debrief.grade.score} / 100**.` : ''}`,
    '',
  );

  lines.push('## Outcome', '');
  const expert = debrief.expert;
  const rows: [string, (o: Outcome) => string][] = [
    ['alive', (o) => (o.survived ? 'yes' : 'no')],
    ['neurological outcome (CPC)', (o) => `${o.neuro_outcome_cpc}`],
    ['brain cells lost', (o) => pct(o.brain_lost_fraction)],
    [
      'return of circulation',
      (o) => (o.rosc_time_s === null ? 'none' : formatClock(o.rosc_time_s)),
    ],
    ['lowest core temperature', (o) => degrees(o.min_core_temp_c)],
    ['highest potassium', (o) => `${o.max_potassium_mmol_l.toFixed(1)} mmol/L`],
  ];
  lines.push(expert ? '| | this run | expert |' : '| | this run |');
  lines.push(expert ? '|---|---|---|' : '|---|---|');
  for (const [label, value] of rows)
    lines.push(
      expert
        ? `| ${label} | ${value(debrief.outcome)} | ${value(expert.outcome)} |`
        : `| ${label} | ${value(debrief.outcome)} |`,
    );
  lines.push('');

  if (debrief.grade !== undefined) {
    lines.push('## Objectives', '');
    for (const o of debrief.grade.objectives) lines.push(objectiveLine(o));
    lines.push('');
  }

  lines.push('## Actions and the physiology', '');
  if (debrief.actions.length === 0) lines.push('No actions.', '');
  else {
    lines.push(`| time | by | action | ${TABLE_OUTPUTS.map(([, label]) => label).join(' | ')} |`);
    lines.push(`|---|---|---|${TABLE_OUTPUTS.map(() => '---').join('|')}|`);
    for (const a of debrief.actions) {
      const cells = TABLE_OUTPUTS.map(([output]) =>
        a.physiology[output] === undefined ? '' : formatOutputValue(output, a.physiology[output]),
      );
      lines.push(
        `| ${formatClock(a.atS)} | ${a.source} | ${escapeCell(a.summary)} | ${cells.join(' | ')} |`,
      );
    }
    lines.push('');
  }

  if (debrief.faults !== undefined) {
    lines.push('## Faults', '', FAULT_RESPONSE_RULE, '');
    for (const f of debrief.faults) lines.push(`- ${faultResponseText(f)}`);
    lines.push('');
  }

  lines.push('## Teaching points', '');
  for (const p of debrief.teachingPoints)
    lines.push(`- ${p.atS !== undefined ? `**${formatClock(p.atS)}** ` : ''}${p.text}`);
  lines.push('');
  if (debrief.teachingNotes !== undefined) {
    lines.push('## What this case teaches', '', debrief.teachingNotes.trim(), '');
  }

  if (expert !== undefined) {
    lines.push('## Compared with the expert', '');
    if (expert.note !== undefined) lines.push(expert.note.trim(), '');
    for (const p of expert.points) lines.push(`- ${p}`);
    lines.push('');
  }

  if (debrief.paths !== undefined) lines.push(...pathsMarkdown(debrief.paths, describeAction));

  if (debrief.instructorNotes !== undefined) {
    lines.push('## Instructor notes', '', debrief.instructorNotes.trim(), '');
  }
  return lines.join('\n');
}

function objectiveLine(o: ObjectiveResult): string {
  return `- **${o.met ? 'met' : 'missed'}** ${o.text} (${o.id}, weight ${o.weight}): ${o.why}`;
}

function escapeCell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
}
