// Every device declares its controls as data: label, unit, range, step and the action a control sends.
// The app renders its heart-lung machine console and bedside panel from these lists, and tests check
// each control sends an action the scenario format accepts.

import type { Action } from '../core/actions.ts';
import type { NumericSnapshotKey, Snapshot } from '../engine/snapshot.ts';

/** When a control can be used. */
export type ControlAvailability =
  'always' | 'not-cannulated' | 'cannulated' | 'pump-running' | 'pump-stopped' | 'pump-failed';

/** A value the learner sets: sends `action` with `field` set to the value (other fields from `with`). */
export interface SettingControl {
  readonly kind: 'setting';
  readonly id: string;
  readonly label: string;
  readonly unit: string;
  readonly min: number;
  readonly max: number;
  readonly step: number;
  /** The snapshot value that shows the current setting. */
  readonly reads: NumericSnapshotKey;
  /** A snapshot value that lowers `max` for this patient (e.g. the pump's drainage limit). */
  readonly maxFrom?: NumericSnapshotKey;
  readonly action: Action['do'];
  readonly field: string;
  /** Other fields of the action, each read from the snapshot. */
  readonly with?: Readonly<Record<string, NumericSnapshotKey>>;
  readonly available: ControlAvailability;
  /** One line for people: what it does. */
  readonly help: string;
}

/** A button that sends one fixed action. */
export interface ButtonControl {
  readonly kind: 'button';
  readonly id: string;
  readonly label: string;
  readonly action: Action;
  readonly available: ControlAvailability;
  readonly help: string;
  readonly tone?: 'normal' | 'danger';
}

export type DeviceControl = SettingControl | ButtonControl;

export interface Device {
  readonly id: string;
  readonly label: string;
  readonly controls: readonly DeviceControl[];
}

export const HEART_LUNG_MACHINE: Device = {
  id: 'heart-lung-machine',
  label: 'Heart-lung machine',
  controls: [
    {
      kind: 'button',
      id: 'cannulate-ecmo',
      label: 'Cannulate VA-ECMO',
      action: { do: 'cannulate', mode: 'va-ecmo' },
      available: 'not-cannulated',
      help: 'Femoral cannulation at the bedside (about 15 min); the prime is at room temperature.',
    },
    {
      kind: 'button',
      id: 'cannulate-cpb',
      label: 'Cannulate for bypass',
      action: { do: 'cannulate', mode: 'cpb' },
      available: 'not-cannulated',
      help: 'Cardiopulmonary bypass in theatre (about 30 min); the pump takes the whole circulation.',
    },
    {
      kind: 'setting',
      id: 'pump-flow',
      label: 'Pump flow',
      unit: 'L/min',
      min: 0,
      max: 6,
      step: 0.1,
      reads: 'pumpFlowSetLPerMin',
      maxFrom: 'pumpMaxFlowLPerMin',
      action: 'setPumpFlow',
      field: 'flowLPerMin',
      available: 'cannulated',
      help: 'Blood drained from the veins and returned to the arteries; limited by the blood volume.',
    },
    {
      kind: 'setting',
      id: 'water',
      label: 'Heater-cooler water',
      unit: '°C',
      min: 2,
      max: 42,
      step: 0.5,
      reads: 'heaterSetTempC',
      action: 'setHeaterCooler',
      field: 'waterTemperatureC',
      available: 'cannulated',
      help: 'The heat exchanger brings the blood toward this temperature; keep the outlet–venous gradient within the limits.',
    },
    {
      kind: 'setting',
      id: 'sweep',
      label: 'Sweep gas',
      unit: 'L/min',
      min: 0,
      max: 10,
      step: 0.1,
      reads: 'sweepLPerMin',
      action: 'setOxygenator',
      field: 'sweepLPerMin',
      with: { fio2: 'oxygenatorFio2' },
      available: 'cannulated',
      help: 'Gas through the oxygenator. 0 means no gas exchange: cool the blood before oxygen returns.',
    },
    {
      kind: 'setting',
      id: 'oxygenator-fio2',
      label: 'Sweep FiO₂',
      unit: '',
      min: 0.21,
      max: 1,
      step: 0.01,
      reads: 'oxygenatorFio2',
      action: 'setOxygenator',
      field: 'fio2',
      with: { sweepLPerMin: 'sweepLPerMin' },
      available: 'cannulated',
      help: 'Oxygen fraction of the sweep gas.',
    },
    {
      kind: 'setting',
      id: 'hand-crank',
      label: 'Hand crank',
      unit: 'L/min',
      min: 0,
      max: 4,
      step: 0.1,
      reads: 'pumpFlowLPerMin',
      action: 'handCrank',
      field: 'flowLPerMin',
      available: 'pump-failed',
      help: 'Turn the pump by hand while it has no power.',
    },
    {
      kind: 'button',
      id: 'stop-pump',
      label: 'Stop pump',
      action: { do: 'stopPump' },
      available: 'pump-running',
      help: 'Stops the flow (weaning, or an emergency).',
    },
    {
      kind: 'button',
      id: 'decannulate',
      label: 'Decannulate',
      action: { do: 'decannulate' },
      available: 'pump-stopped',
      tone: 'danger',
      help: 'Removes the cannulae: off the heart-lung machine.',
    },
  ],
};

export const BEDSIDE_DEVICES: Device = {
  id: 'bedside',
  label: 'Rewarming and cooling',
  controls: [
    {
      kind: 'button',
      id: 'ice-on',
      label: 'Ice packs on',
      action: { do: 'applyIcePacks' },
      available: 'always',
      help: 'Ice packs on the neck, axillae and groin.',
    },
    {
      kind: 'button',
      id: 'ice-off',
      label: 'Ice packs off',
      action: { do: 'removeIcePacks' },
      available: 'always',
      help: 'Removes the ice packs.',
    },
    {
      kind: 'button',
      id: 'forced-air-on',
      label: 'Forced air 43 °C',
      action: { do: 'startForcedAirWarming', temperatureC: 43 },
      available: 'always',
      help: 'A forced-air blanket over half the body.',
    },
    {
      kind: 'button',
      id: 'forced-air-off',
      label: 'Forced air off',
      action: { do: 'stopForcedAirWarming' },
      available: 'always',
      help: 'Stops the forced-air blanket.',
    },
    {
      kind: 'button',
      id: 'warm-fluid',
      label: 'Warm fluid 1 L',
      action: { do: 'infuseFluid', volumeMl: 1000, temperatureC: 42 },
      available: 'always',
      help: '1 L of fluid at 42 °C, intravenously.',
    },
    {
      kind: 'button',
      id: 'bladder-lavage',
      label: 'Bladder lavage 40 °C',
      action: { do: 'startLavage', site: 'bladder', temperatureC: 40 },
      available: 'always',
      help: 'Warm fluid cycled through the bladder.',
    },
    {
      kind: 'button',
      id: 'thoracic-lavage',
      label: 'Thoracic lavage 40 °C',
      action: { do: 'startLavage', site: 'thoracic', temperatureC: 40 },
      available: 'always',
      help: 'Warm fluid through chest drains, bathing the heart.',
    },
    {
      kind: 'button',
      id: 'lavage-off',
      label: 'Stop lavage',
      action: { do: 'stopLavage' },
      available: 'always',
      help: 'Stops the lavage.',
    },
    {
      kind: 'button',
      id: 'vasodilator',
      label: 'Vasodilator',
      action: { do: 'giveVasodilator' },
      available: 'always',
      help: 'Opens the cold periphery during rewarming (less afterdrop).',
    },
  ],
};

export { FAULT_KINDS, FAULT_LABELS, FAULT_TABLE } from './faults.ts';

/** Whether a control can be used now. */
export function controlAvailable(control: DeviceControl, s: Snapshot): boolean {
  const cannulated = s.cannulated === 1;
  switch (control.available) {
    case 'always':
      return true;
    case 'not-cannulated':
      return !cannulated && s.cannulationRemainingS === 0;
    case 'cannulated':
      return cannulated;
    case 'pump-running':
      return cannulated && s.pumpFlowSetLPerMin > 0;
    case 'pump-stopped':
      return cannulated && s.pumpFlowSetLPerMin === 0;
    case 'pump-failed':
      return cannulated && s.faults.includes('pump-failure');
  }
}

/** Highest value a setting allows for this patient. */
export function settingMax(control: SettingControl, s: Snapshot): number {
  return control.maxFrom === undefined ? control.max : Math.min(control.max, s[control.maxFrom]);
}

/** The action a setting sends for a value (clamped to its range, rounded to its step). */
export function settingAction(control: SettingControl, value: number, s: Snapshot): Action {
  const max = settingMax(control, s);
  const stepped = Math.round(value / control.step) * control.step;
  const clamped = Math.min(max, Math.max(control.min, stepped));
  const fields: Record<string, unknown> = { do: control.action };
  for (const [name, key] of Object.entries(control.with ?? {})) fields[name] = s[key];
  fields[control.field] = Number(clamped.toFixed(6));
  return fields as unknown as Action;
}
