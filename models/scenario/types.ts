// The scenario as the engine sees it, after loading and validation: plain data, times in seconds.

import type { Action, Medium, TimedAction } from '../core/actions.ts';
import type { PatientSpec } from '../parameters/body.ts';
import type { Condition } from './condition.ts';

export type { Condition } from './condition.ts';

export const SCENARIO_FORMAT = 'coldboot/scenario@1';

/** Surroundings at time zero. Water here means immersed to the neck, breathing. */
export interface StartEnvironment {
  readonly medium: Medium;
  /** °C */
  readonly temperatureC: number;
  /** m/s */
  readonly windMPerS?: number;
  /** clo */
  readonly clothingClo?: number;
  /** clo; default clothingClo */
  readonly extremityClothingClo?: number;
}

/** Conditions at time zero. */
export interface StartConditions {
  readonly environment: StartEnvironment;
  /** Core temperature at time zero, °C (default 37); the other compartments follow a resting profile. */
  readonly coreTempC?: number;
  /** Inspired O2 fraction when the patient is already on a ventilator at time zero (theatre, ICU). */
  readonly ventilationFio2?: number;
}

/** One timeline entry: an action at a time. */
export interface TimelineEntry {
  /** Simulated time, s. */
  readonly atS: number;
  readonly action: Action;
  /** For the instructor only; never shown to learners. */
  readonly note?: string;
  /** Part of a `prompt` (a message followed by a pause that asks learners a question). */
  readonly prompt?: true;
}

/**
 * A timeline entry that fires on a condition instead of at a time: checked once per model step,
 * after that moment's timed entries. Fires once unless `repeat`, which re-arms it each time the
 * condition stops holding.
 */
export interface TriggerEntry {
  readonly when: Condition;
  /** One action, or a message and a pause for a prompt. */
  readonly actions: readonly Action[];
  readonly repeat: boolean;
  readonly note?: string;
  readonly prompt?: true;
}

/** When the scenario ends: at a time, and earlier if a condition holds. */
export interface EndConditions {
  /** Simulated time, s. */
  readonly atS: number;
  readonly when?: Condition;
}

/** Which actions an objective counts: fields of the action compared with values. */
export type ActionFieldTest =
  | { readonly below?: number; readonly above?: number }
  | { readonly equals: string | number | boolean };

/** A span of simulated time, s; either end open. */
export interface TimeSpan {
  readonly afterS?: number;
  readonly beforeS?: number;
}

/** The check of an objective. Action checks count learners' actions only. */
export type ObjectiveCheck =
  | { readonly kind: 'reach'; readonly condition: Condition; readonly span: TimeSpan }
  | { readonly kind: 'avoid'; readonly condition: Condition; readonly span: TimeSpan }
  | {
      readonly kind: 'do';
      readonly action: string;
      readonly where?: Readonly<Record<string, ActionFieldTest>>;
      /** Every counted action must be done while this holds. */
      readonly onlyWhen?: Condition;
      readonly span: TimeSpan;
    }
  | {
      readonly kind: 'notDo';
      readonly action: string;
      readonly where?: Readonly<Record<string, ActionFieldTest>>;
      readonly span: TimeSpan;
    }
  | { readonly kind: 'order'; readonly actions: readonly string[] }
  | { readonly kind: 'atEnd'; readonly condition: Condition };

export interface Objective {
  readonly id: string;
  /** What learners are asked to do. */
  readonly text: string;
  /** Share of the score, relative to the other objectives' weights. */
  readonly weight: number;
  readonly check: ObjectiveCheck;
  /** For the instructor only. */
  readonly note?: string;
}

/** The scenario's model solution: learner actions, graded and compared like any log. */
export interface ExpertRun {
  readonly actions: readonly TimedAction[];
  readonly note?: string;
}

/** How hard a scenario is, for the library. */
export const SCENARIO_LEVELS = ['introductory', 'intermediate', 'advanced'] as const;
export type ScenarioLevel = (typeof SCENARIO_LEVELS)[number];

export interface Scenario {
  readonly format: typeof SCENARIO_FORMAT;
  readonly title: string;
  /** One line for the library. */
  readonly summary?: string;
  readonly level?: ScenarioLevel;
  readonly briefing: string;
  /** The physiology the case teaches: shown to learners in the debrief. */
  readonly teachingNotes?: string;
  readonly patient: PatientSpec;
  readonly start: StartConditions;
  /**
   * What happened before time zero (`start.history` in files), simulated from the start profile
   * (Pulse-style conditions): actions at negative times, sorted. It begins at the earliest entry;
   * its log is kept apart.
   */
  readonly history?: readonly TimelineEntry[];
  /** Sorted by time; entries at the same time keep their file order. */
  readonly timeline: readonly TimelineEntry[];
  /** Entries that fire on conditions, in file order. */
  readonly triggers?: readonly TriggerEntry[];
  readonly end: EndConditions;
  /** For the instructor only: how to run the class, what to look for. */
  readonly instructorNotes?: string;
  readonly objectives?: readonly Objective[];
  readonly expert?: ExpertRun;
}
