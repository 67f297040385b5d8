// The heart-lung machine faults an instructor can inject, as one table and one select: used by the
// in-page instructor panel (InstructorPanel.tsx) and the live class's console
// (classroom/ClassConsole.tsx), so a fault added to the model appears in both.

import type { FaultKind } from '../../models/index.ts';
import { FAULT_WORDS, capitalised } from './describe.ts';

/** What the learners see of each fault and must do about it (models/devices/alarms.ts). */
const FAULT_FIX: Readonly<Record<FaultKind, string>> = {
  'oxygenator-failure':
    'a post-oxygenator PO₂ alarm; they change out the oxygenator (the circuit is clamped meanwhile)',
  'heater-cooler-failure':
    'the water drifts from its set temperature; they replace the heater-cooler',
  'pump-failure': 'flow stops; they turn the hand crank until power is restored',
  'air-in-line': 'the air detector stops the pump; they de-air the line and restart the pump',
  'sweep-disconnect': 'a no-sweep-gas alarm and no gas exchange; they reconnect the sweep gas',
  'venous-kink': 'flow falls below the flow set; they unkink the venous line',
};

/** Each fault: its name (as the event log writes it) and what the learners will see and do. */
export const FAULTS: readonly { kind: FaultKind; label: string; fix: string }[] = (
  Object.keys(FAULT_FIX) as FaultKind[]
).map((kind) => ({ kind, label: capitalised(FAULT_WORDS[kind]), fix: FAULT_FIX[kind] }));

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
