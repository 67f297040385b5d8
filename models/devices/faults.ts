// The heart-lung machine's faults an instructor can inject, one row each: the bit it sets in the
// state's `faults` slot and every name people read for it. FaultKind, the scenario schema's list of
// kinds, the fault bits and the app's labels are all derived from this table; a new fault is one row
// here (and its physiology in heartLungMachine.ts, its alarm in alarms.ts, its remedy in remedies.ts).

export interface FaultDefinition {
  /** Its bit in the state's `faults` slot (a power of two, unique). */
  readonly bit: number;
  /** Its name as a title: the debrief and the instructor's fault summary. */
  readonly label: string;
  /** Its name in a sentence: the event log ("Fault: oxygenator failure"). */
  readonly words: string;
  /** What the learners will see and must do, told to the instructor who injects it. */
  readonly learnersSee: string;
}

/** Every fault, in the order the app lists them and snapshots report them. */
export const FAULT_TABLE = {
  'oxygenator-failure': {
    bit: 1,
    label: 'Oxygenator failure',
    words: 'oxygenator failure',
    learnersSee:
      'a post-oxygenator PO₂ alarm; they change out the oxygenator (the circuit is clamped meanwhile)',
  },
  'heater-cooler-failure': {
    bit: 2,
    label: 'Heater-cooler failure',
    words: 'heater-cooler failure',
    learnersSee: 'the water drifts from its set temperature; they replace the heater-cooler',
  },
  'pump-failure': {
    bit: 4,
    label: 'Pump failure (power)',
    words: 'pump failure (power loss)',
    learnersSee: 'flow stops; they turn the hand crank until power is restored',
  },
  'air-in-line': {
    bit: 8,
    label: 'Air in the arterial line',
    words: 'air in the arterial line',
    learnersSee: 'the air detector stops the pump; they de-air the line and restart the pump',
  },
  'sweep-disconnect': {
    bit: 16,
    label: 'Sweep gas disconnected',
    words: 'sweep gas disconnected',
    learnersSee: 'a no-sweep-gas alarm and no gas exchange; they reconnect the sweep gas',
  },
  'venous-kink': {
    bit: 32,
    label: 'Venous line kinked',
    words: 'venous line kinked',
    learnersSee: 'flow falls below the flow set; they unkink the venous line',
  },
} as const satisfies Readonly<Record<string, FaultDefinition>>;

/** The kinds of fault, the `kind` of `fault` and `clearFault` actions. */
export type FaultKind = keyof typeof FAULT_TABLE;

/** Every fault kind, in table order. */
export const FAULT_KINDS = Object.keys(FAULT_TABLE) as readonly FaultKind[] as readonly [
  FaultKind,
  ...FaultKind[],
];

/** Fault bits stored in the state's `faults` slot. */
export const FAULT: Readonly<Record<FaultKind, number>> = Object.fromEntries(
  FAULT_KINDS.map((kind) => [kind, FAULT_TABLE[kind].bit]),
) as Record<FaultKind, number>;

/** Fault names as titles (the debrief). */
export const FAULT_LABELS: Readonly<Record<FaultKind, string>> = Object.fromEntries(
  FAULT_KINDS.map((kind) => [kind, FAULT_TABLE[kind].label]),
) as Record<FaultKind, string>;
