// Actions: what learners, instructors and scenario timelines do to the simulation. One data type for
// all three, stamped with simulated time, so every run is a replayable action log.

/** Surroundings of the patient's skin. */
export type Medium = 'air' | 'water';

/** Set the surroundings: air or water at a temperature, with optional wind and clothing. */
export interface SetEnvironmentAction {
  readonly do: 'setEnvironment';
  /** Air or water around the body. */
  readonly medium: Medium;
  /** Temperature of that medium, °C. */
  readonly temperatureC: number;
  /** Wind speed in air (ignored in water), m/s. Default 0. */
  readonly windMPerS?: number;
  /** Clothing insulation in air (ignored in water), clo (1 clo = 0.155 m²·K/W). Default 0: bare skin. */
  readonly clothingClo?: number;
}

/** Put the patient in water. The head is under unless `headAboveWater`; breathing needs an air pocket. */
export interface ImmerseAction {
  readonly do: 'immerse';
  /** Water temperature, °C. */
  readonly waterTemperatureC: number;
  /** True when the patient can breathe (a pocket of air above the face). Default false. */
  readonly airPocket?: boolean;
  /** True when only the body is in the water and the head stays out. Default false. */
  readonly headAboveWater?: boolean;
}

/** Take the patient out of the water into air at a temperature. */
export interface ExtricateAction {
  readonly do: 'extricate';
  /** Air temperature after rescue, °C. */
  readonly airTemperatureC: number;
  /** Wind speed, m/s. Default 0. */
  readonly windMPerS?: number;
}

/** A message for learners, shown in the event log. */
export interface MessageAction {
  readonly do: 'message';
  /** The text shown. */
  readonly text: string;
}

/** Ask the running app to pause (ignored headless). */
export interface PauseAction {
  readonly do: 'pause';
}

export type Action =
  SetEnvironmentAction | ImmerseAction | ExtricateAction | MessageAction | PauseAction;

export type ActionName = Action['do'];

/** An action stamped with the simulated time at which it took effect. */
export interface TimedAction {
  /** Simulated time, s. */
  readonly atS: number;
  /** Who did it: the scenario's timeline, a learner, or an instructor. */
  readonly source: 'scenario' | 'learner' | 'instructor';
  readonly action: Action;
}
