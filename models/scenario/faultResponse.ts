// How learners met each fault of the heart-lung machine: when it came, when the first alarm after it
// sounded, when they detected it and when they fixed it. Faults are not shown to learners; they find
// them from the console's readings and alarms and choose a remedy (models/devices/remedies.ts).
//
// The rule: a fault is detected at the learners' first response after it was injected, that is their
// first remedy (right or wrong) or their first acknowledgement of sounding alarms, whichever comes
// first; it is fixed when the remedy for it is applied while it is there (or when the instructor
// clears it, said as such). Times are from the injection.

import type { FaultKind, RemedyKind, TimedAction } from '../core/actions.ts';
import { formatClock } from '../core/clock.ts';
import { FAULT_LABELS } from '../devices/controls.ts';
import { remedyOf } from '../devices/remedies.ts';
import type { ActionMoment, RunObserver } from './assessment.ts';

export const FAULT_RESPONSE_RULE =
  'Detected: the first remedy tried (right or wrong) or the first acknowledgement of sounding alarms after the fault, whichever came first. Fixed: the right remedy applied while the fault was there.';

export interface RemedyAttempt {
  readonly atS: number;
  readonly remedy: RemedyKind;
  /** True when this remedy fixed the fault. */
  readonly fixed: boolean;
}

export interface FaultResponse {
  readonly kind: FaultKind;
  readonly injectedS: number;
  /** Who injected it: the scenario's timeline or the instructor. */
  readonly injectedBy: TimedAction['source'];
  /** First new alarm after the injection (null: none while the fault lasted). */
  readonly firstAlarmS: number | null;
  readonly detectedS: number | null;
  readonly detectedBy: 'remedy' | 'alarm acknowledged' | null;
  readonly fixedS: number | null;
  /** The learners (the right remedy), the instructor or the scenario (cleared it), or null. */
  readonly fixedBy: TimedAction['source'] | null;
  /** The learners' remedies while the fault lasted, in order. */
  readonly attempts: readonly RemedyAttempt[];
}

interface Episode {
  kind: FaultKind;
  injectedS: number;
  injectedBy: TimedAction['source'];
  firstAlarmS: number | null;
  detectedS: number | null;
  detectedBy: FaultResponse['detectedBy'];
  fixedS: number | null;
  fixedBy: FaultResponse['fixedBy'];
  attempts: RemedyAttempt[];
}

/** Follows a run's faults; `responses()` gives one entry per fault injected, in order. */
export function faultResponseObserver(): RunObserver & { responses(): FaultResponse[] } {
  const episodes: Episode[] = [];
  const open = () => episodes.filter((e) => e.fixedS === null);
  const detect = (atS: number, by: NonNullable<FaultResponse['detectedBy']>) => {
    for (const e of open()) {
      if (e.detectedS === null) {
        e.detectedS = atS;
        e.detectedBy = by;
      }
    }
  };
  return {
    action(moment: ActionMoment) {
      const { entry, before } = moment;
      const action = entry.action;
      const learner = entry.source === 'learner';
      if (action.do === 'fault') {
        if (before.faults.includes(action.kind)) return;
        episodes.push({
          kind: action.kind,
          injectedS: entry.atS,
          injectedBy: entry.source,
          firstAlarmS: null,
          detectedS: null,
          detectedBy: null,
          fixedS: null,
          fixedBy: null,
          attempts: [],
        });
      } else if (action.do === 'remedy' && learner) {
        detect(entry.atS, 'remedy');
        const fixes = remedyOf(action.remedy).fixes;
        for (const e of open()) {
          const fixed = e.kind === fixes && before.faults.includes(fixes);
          e.attempts.push({ atS: entry.atS, remedy: action.remedy, fixed });
          if (fixed) {
            e.fixedS = entry.atS;
            e.fixedBy = 'learner';
          }
        }
      } else if (action.do === 'acknowledgeAlarms' && learner && before.alarms.length > 0) {
        detect(entry.atS, 'alarm acknowledged');
      } else if (action.do === 'clearFault') {
        for (const e of open()) {
          if (e.kind !== action.kind) continue;
          if (learner) detect(entry.atS, 'remedy');
          e.fixedS = entry.atS;
          e.fixedBy = entry.source;
        }
      }
    },
    step(_snapshot, events) {
      // The engine's alarm events (models/engine/events.ts); one of the moment of the injection was
      // raised in the step before it.
      for (const event of events) {
        if (event.kind !== 'alarm') continue;
        for (const e of open()) {
          if (e.firstAlarmS === null && event.atS > e.injectedS) e.firstAlarmS = event.atS;
        }
      }
    },
    responses() {
      return episodes.map((e) => ({
        kind: e.kind,
        injectedS: e.injectedS,
        injectedBy: e.injectedBy,
        firstAlarmS: e.firstAlarmS,
        detectedS: e.detectedS,
        detectedBy: e.detectedBy,
        fixedS: e.fixedS,
        fixedBy: e.fixedBy,
        attempts: e.attempts,
      }));
    },
  };
}

/** "2:05" after the injection, or "not …". */
function after(fromS: number, atS: number | null, otherwise: string): string {
  return atS === null ? otherwise : `${formatClock(atS - fromS)} after`;
}

/** One fault's story in a sentence, for the debrief. */
export function faultResponseText(r: FaultResponse): string {
  const parts = [
    `${FAULT_LABELS[r.kind]} at ${formatClock(r.injectedS)}`,
    `first alarm ${after(r.injectedS, r.firstAlarmS, 'never')}`,
    `detected ${after(r.injectedS, r.detectedS, 'never')}${r.detectedBy === null ? '' : ` (${r.detectedBy})`}`,
    r.fixedS === null
      ? 'not fixed'
      : `fixed ${after(r.injectedS, r.fixedS, '')}${r.fixedBy === 'learner' ? '' : ` (cleared by the ${r.fixedBy})`}`,
  ];
  const wrong = r.attempts.filter((a) => !a.fixed);
  if (wrong.length > 0)
    parts.push(
      `remedies that did not fix it: ${wrong.map((a) => `${remedyOf(a.remedy).label.toLowerCase()} (${formatClock(a.atS)})`).join(', ')}`,
    );
  return `${parts.join('; ')}.`;
}
