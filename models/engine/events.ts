// Engine events: what happened to the patient, defined once here and detected by the simulation so
// everything downstream reads the same list instead of re-deriving it from snapshots. The heart's
// rhythm changing (an arrest, a return of spontaneous circulation, one rhythm without a pulse giving
// way to another) and the heart-lung machine's alarms being raised or cleared. The worker host
// pauses on the events the monitor alarms for (auto-pause); the debrief's teaching points and fault
// responses read the arrests, returns of circulation and alarms (models/scenario/debrief.ts,
// faultResponse.ts).
//
// Detection compares a few state slots with the last look (the rhythm code and the alarm bit set):
// the simulation looks after every step boundary and after every action applied between steps.
// When nothing changed, a look allocates nothing.

import { S, type RhythmName, type State } from '../core/state.ts';
import { activeAlarms } from '../devices/alarms.ts';
import { isPerfusingRhythm, rhythmName } from '../physiology/circulation.ts';

/**
 * Every kind of event, with what it means and whether the monitor alarms for it (auto-pause stops
 * the run at it). The rhythm kinds split a change of rhythm by whether the heart pumps before and
 * after, so each change of rhythm is exactly one event.
 */
export const ENGINE_EVENTS = {
  /** The heart stopped pumping: sinus or AF became VF, asystole or PEA (at time zero: one going on). */
  arrest: { monitorAlarms: true },
  /** A rhythm without a pulse became another (VF to asystole, asystole to VF, …): still no output. */
  arrestRhythm: { monitorAlarms: true },
  /** Return of spontaneous circulation: a rhythm without a pulse became one that pumps. */
  rosc: { monitorAlarms: false },
  /** A rhythm that pumps became the other one (sinus rhythm and atrial fibrillation). */
  perfusingRhythm: { monitorAlarms: false },
  /** An alarm of the heart-lung machine was raised (a row of models/devices/alarms.ts). */
  alarm: { monitorAlarms: true },
  /** An alarm of the heart-lung machine stopped sounding: its condition no longer holds. */
  alarmCleared: { monitorAlarms: false },
} as const satisfies Readonly<Record<string, { readonly monitorAlarms: boolean }>>;

export type EngineEventKind = keyof typeof ENGINE_EVENTS;
export type AlarmEventKind = 'alarm' | 'alarmCleared';
export type RhythmEventKind = Exclude<EngineEventKind, AlarmEventKind>;

/** A change of the heart's rhythm. */
export interface RhythmEvent {
  readonly kind: RhythmEventKind;
  /** Simulated time of the look that saw it, s. */
  readonly atS: number;
  /** The rhythm now. */
  readonly rhythm: RhythmName;
  /** The rhythm before (null: an arrest already going on at time zero). */
  readonly from: RhythmName | null;
}

/** An alarm raised or cleared. */
export interface AlarmEvent {
  readonly kind: AlarmEventKind;
  /** Simulated time of the look that saw it, s. */
  readonly atS: number;
  /** The alarm's id (models/devices/alarms.ts). */
  readonly alarm: string;
}

export type EngineEvent = RhythmEvent | AlarmEvent;

/** Whether the monitor alarms for an event (a new alarm, or the heart not pumping in a new rhythm). */
export function monitorAlarmsFor(event: EngineEvent): boolean {
  return ENGINE_EVENTS[event.kind].monitorAlarms;
}

/** Whether an event is a change of rhythm (not an alarm). */
export function isRhythmEvent(event: EngineEvent): event is RhythmEvent {
  return event.kind !== 'alarm' && event.kind !== 'alarmCleared';
}

/** The kind of a change of rhythm, from whether the heart pumps before and after. */
export function rhythmEventKind(fromCode: number, toCode: number): RhythmEventKind {
  const before = isPerfusingRhythm(fromCode);
  const after = isPerfusingRhythm(toCode);
  if (before) return after ? 'perfusingRhythm' : 'arrest';
  return after ? 'rosc' : 'arrestRhythm';
}

/** Watches a run's state for events; `look` after each change of state the run makes. */
export interface EventDetector {
  /** Compares the state with the last look and records what changed. */
  look(state: State): void;
  /** Events recorded so far. */
  count(): number;
  /** Events recorded from index `from` on, in order (all by default). */
  since(from?: number): readonly EngineEvent[];
}

const NONE: readonly EngineEvent[] = Object.freeze([]);

/**
 * A detector whose first look is the state at time zero: an arrest already going on then is
 * recorded (from: null); alarms sounding then are not, since nothing was raised in the run.
 */
export function createEventDetector(state: State): EventDetector {
  const events: EngineEvent[] = [];
  let rhythm = state[S.rhythm]!;
  let alarms = state[S.alarms]!;
  if (!isPerfusingRhythm(rhythm)) {
    events.push({ kind: 'arrest', atS: state[S.timeS]!, rhythm: rhythmName(rhythm), from: null });
  }
  return {
    look(s: State): void {
      const nextRhythm = s[S.rhythm]!;
      const nextAlarms = s[S.alarms]!;
      if (nextRhythm === rhythm && nextAlarms === alarms) return;
      const atS = s[S.timeS]!;
      if (nextRhythm !== rhythm) {
        events.push({
          kind: rhythmEventKind(rhythm, nextRhythm),
          atS,
          rhythm: rhythmName(nextRhythm),
          from: rhythmName(rhythm),
        });
        rhythm = nextRhythm;
      }
      if (nextAlarms !== alarms) {
        // In the alarm table's order: raised first, then cleared.
        const raised = nextAlarms & ~alarms;
        const cleared = alarms & ~nextAlarms;
        for (const a of activeAlarms(raised)) events.push({ kind: 'alarm', atS, alarm: a.id });
        for (const a of activeAlarms(cleared)) {
          events.push({ kind: 'alarmCleared', atS, alarm: a.id });
        }
        alarms = nextAlarms;
      }
    },
    count: () => events.length,
    since: (from = 0) => (from >= events.length ? NONE : events.slice(Math.max(0, from))),
  };
}
