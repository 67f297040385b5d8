// The heart-lung machine faults and the arrest rhythms an instructor can inject, each as one table
// and one select: used by the in-page instructor panel (InstructorPanel.tsx) and the live class's
// console (classroom/ClassConsole.tsx), so a fault added to the model's fault table, or a rhythm to
// the arrest's words, appears in both.

import { FAULT_KINDS, FAULT_TABLE, type ArrestRhythm, type FaultKind } from '../../models/index.ts';
import { ARREST_WORDS, FAULT_WORDS, capitalised } from './describe.ts';

/** Each fault: its name (as the event log writes it) and what the learners will see and do. */
export const FAULTS: readonly { kind: FaultKind; label: string; fix: string }[] = FAULT_KINDS.map(
  (kind) => ({
    kind,
    label: capitalised(FAULT_WORDS[kind]),
    fix: FAULT_TABLE[kind].learnersSee,
  }),
);

/** A select of the faults (label it with a <label htmlFor={id}>). */
export function FaultSelect({
  id,
  value,
  onChange,
  testId,
}: {
  id: string;
  value: FaultKind;
  onChange: (kind: FaultKind) => void;
  testId?: string;
}) {
  return (
    <select
      id={id}
      value={value}
      onChange={(e) => onChange(e.target.value as FaultKind)}
      data-testid={testId}
    >
      {FAULTS.map((f) => (
        <option key={f.kind} value={f.kind}>
          {f.label}
        </option>
      ))}
    </select>
  );
}

/** Each rhythm an arrest can begin with, in words. */
const RHYTHMS: readonly { rhythm: ArrestRhythm; label: string }[] = (
  Object.keys(ARREST_WORDS) as ArrestRhythm[]
).map((rhythm) => ({ rhythm, label: capitalised(ARREST_WORDS[rhythm]) }));

/** A select of the rhythms an arrest can begin with (label it with a <label htmlFor={id}>). */
export function ArrestSelect({
  id,
  value,
  onChange,
}: {
  id: string;
  value: ArrestRhythm;
  onChange: (rhythm: ArrestRhythm) => void;
}) {
  return (
    <select id={id} value={value} onChange={(e) => onChange(e.target.value as ArrestRhythm)}>
      {RHYTHMS.map((r) => (
        <option key={r.rhythm} value={r.rhythm}>
          {r.label}
        </option>
      ))}
    </select>
  );
}
