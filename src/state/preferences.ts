// The display preferences kept in the browser between visits: the temperature unit, pause on alarms,
// the instructor panel and the projector colours. Read leniently: a value that is missing or malformed keeps its default.

import type { TemperatureUnit } from './units.ts';

export const PREFERENCES_KEY = 'coldboot:preferences';

export interface Preferences {
  readonly unit: TemperatureUnit;
  readonly autoPauseOnAlarm: boolean;
  readonly instructorMode: boolean;
  /** Dark text on a light ground, large numbers: for a projector in a lit room (as PhET's). */
  readonly projector: boolean;
}

export const DEFAULT_PREFERENCES: Preferences = {
  unit: 'C',
  autoPauseOnAlarm: false,
  instructorMode: false,
  projector: false,
};

/** The preferences in a stored text; defaults for anything missing or malformed. */
export function parsePreferences(text: string | null): Preferences {
  let data: unknown;
  try {
    data = text === null ? null : JSON.parse(text);
  } catch {
    data = null;
  }
  const d = typeof data === 'object' && data !== null ? (data as Record<string, unknown>) : {};
  return {
    unit: d.unit === 'F' || d.unit === 'C' ? d.unit : DEFAULT_PREFERENCES.unit,
    autoPauseOnAlarm:
      typeof d.autoPauseOnAlarm === 'boolean'
        ? d.autoPauseOnAlarm
        : DEFAULT_PREFERENCES.autoPauseOnAlarm,
    instructorMode:
      typeof d.instructorMode === 'boolean' ? d.instructorMode : DEFAULT_PREFERENCES.instructorMode,
    projector: typeof d.projector === 'boolean' ? d.projector : DEFAULT_PREFERENCES.projector,
  };
}

export function preferencesOf(state: Preferences): Preferences {
  return {
    unit: state.unit,
    autoPauseOnAlarm: state.autoPauseOnAlarm,
    instructorMode: state.instructorMode,
    projector: state.projector,
  };
}
