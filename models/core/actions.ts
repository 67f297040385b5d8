// Actions: what learners, instructors and scenario timelines do to the simulation. One data type for
// all three, stamped with simulated time, so every run is a replayable action log.

import type { FaultKind } from '../devices/faults.ts';

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
  /** Gloves and boots on the hands and feet in air, clo. Default: the same as clothingClo. */
  readonly extremityClothingClo?: number;
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

/** Spontaneous breathing stops (for example airway obstruction, overdose) until `resumeBreathing`. */
export interface StopBreathingAction {
  readonly do: 'stopBreathing';
}

/** The patient may breathe again (breathing still needs a working brainstem and an open airway). */
export interface ResumeBreathingAction {
  readonly do: 'resumeBreathing';
}

/** Rhythms a heart can be put into by `cardiacArrest`. */
export type ArrestRhythm = 'vf' | 'asystole' | 'pea';

/** The rhythms in which the heart does not pump. */
export const ARREST_RHYTHMS: readonly ArrestRhythm[] = ['vf', 'asystole', 'pea'];

/** True for rhythms without a pulse: ventricular fibrillation, asystole, PEA. */
export function isArrestRhythm(rhythm: string): rhythm is ArrestRhythm {
  return (ARREST_RHYTHMS as readonly string[]).includes(rhythm);
}

/** The heart stops pumping now, in the given rhythm. */
export interface CardiacArrestAction {
  readonly do: 'cardiacArrest';
  readonly rhythm: ArrestRhythm;
}

export type CprMode = 'manual' | 'mechanical';

/** Chest compressions start: a fraction of normal cardiac output while the heart is not pumping. */
export interface StartCprAction {
  readonly do: 'startCpr';
  /** Manual or by a mechanical device. Default manual. */
  readonly mode?: CprMode;
}

export interface StopCprAction {
  readonly do: 'stopCpr';
}

/** Ventilation by bag or ventilator: gas reaches the lungs whatever the patient's own breathing. */
export interface VentilateAction {
  readonly do: 'ventilate';
  /** Fraction of inspired oxygen, 0.21–1. */
  readonly fio2: number;
}

export interface StopVentilationAction {
  readonly do: 'stopVentilation';
}

/** One shock; whether it restores a rhythm depends on the myocardium's temperature and energy. */
export interface DefibrillateAction {
  readonly do: 'defibrillate';
}

// --- Bedside interventions ---

/** Ice packs on the neck, axillae and groin. */
export interface ApplyIcePacksAction {
  readonly do: 'applyIcePacks';
}
export interface RemoveIcePacksAction {
  readonly do: 'removeIcePacks';
}

/** A forced-air warming blanket over half the body, blowing air at a temperature. */
export interface StartForcedAirWarmingAction {
  readonly do: 'startForcedAirWarming';
  /** Air temperature, °C (usually 38–43). */
  readonly temperatureC: number;
}
export interface StopForcedAirWarmingAction {
  readonly do: 'stopForcedAirWarming';
}

/** An intravenous infusion of a volume at a temperature (runs at the infusion rate). */
export interface InfuseFluidAction {
  readonly do: 'infuseFluid';
  /** mL */
  readonly volumeMl: number;
  /** °C */
  readonly temperatureC: number;
}

export type LavageSite = 'bladder' | 'gastric' | 'thoracic';

/** Warm (or cold) fluid cycled through the bladder, stomach or chest. */
export interface StartLavageAction {
  readonly do: 'startLavage';
  readonly site: LavageSite;
  /** Fluid temperature, °C. */
  readonly temperatureC: number;
}
export interface StopLavageAction {
  readonly do: 'stopLavage';
}

/** A vasodilator (e.g. during bypass rewarming): opens the cold periphery for a while. */
export interface GiveVasodilatorAction {
  readonly do: 'giveVasodilator';
}

// --- Heart-lung machine ---

export type CircuitMode = 'va-ecmo' | 'cpb';

/** Start cannulating for VA-ECMO (bedside, femoral) or cardiopulmonary bypass (theatre). */
export interface CannulateAction {
  readonly do: 'cannulate';
  readonly mode: CircuitMode;
  /** Temperature of the circuit's prime, °C. Default: room (air) temperature. */
  readonly primeTemperatureC?: number;
  /** Prime volume, mL. Default: the circuit's (scaled for children). */
  readonly primeVolumeMl?: number;
  /** Time the cannulation takes, s. Default: the circuit's. */
  readonly durationS?: number;
}

export interface StartPumpAction {
  readonly do: 'startPump';
  /** L/min */
  readonly flowLPerMin: number;
}
export interface SetPumpFlowAction {
  readonly do: 'setPumpFlow';
  /** L/min */
  readonly flowLPerMin: number;
}
export interface StopPumpAction {
  readonly do: 'stopPump';
}

/** Heater-cooler water temperature. */
export interface SetHeaterCoolerAction {
  readonly do: 'setHeaterCooler';
  /** °C, 2–42 */
  readonly waterTemperatureC: number;
}

/** Oxygenator sweep gas. Sweep 0 means no gas exchange: blood can be cooled before it is oxygenated. */
export interface SetOxygenatorAction {
  readonly do: 'setOxygenator';
  /** O2 fraction of the sweep gas, 0.21–1. */
  readonly fio2: number;
  /** Sweep gas flow, L/min, 0–10. */
  readonly sweepLPerMin: number;
}

/** Turn the pump by hand while it has failed (power loss). */
export interface HandCrankAction {
  readonly do: 'handCrank';
  /** L/min, up to what a person can sustain. 0 stops cranking. */
  readonly flowLPerMin: number;
}

/** Remove the cannulae (weaning): the circuit is off. */
export interface DecannulateAction {
  readonly do: 'decannulate';
}

// --- Instructor ---

/** The kinds of fault: the rows of the fault table (models/devices/faults.ts). */
export type { FaultKind };

/** Inject a fault into the heart-lung machine. */
export interface FaultAction {
  readonly do: 'fault';
  readonly kind: FaultKind;
}

/**
 * The fix for a fault: change out the oxygenator (the circuit is clamped meanwhile), replace the
 * heater-cooler, restore power, de-air the line (the pump then needs restarting), reconnect the sweep
 * gas, unkink the venous line.
 */
export interface ClearFaultAction {
  readonly do: 'clearFault';
  readonly kind: FaultKind;
}

// --- Perfusionist's remedies ---

/**
 * What a perfusionist can do about a circuit that misbehaves, without being told what failed: check
 * the lines (finds a kink), check the gas line (finds a disconnected sweep), check the pump's power
 * (switches to the backup supply), clamp and de-air the arterial line (flow stops meanwhile), change
 * out the oxygenator (flow stops meanwhile), change the heater-cooler. A remedy for a fault that is not
 * there is applied all the same (with its cost) and fixes nothing.
 */
export type RemedyKind =
  | 'check-lines'
  | 'check-gas-line'
  | 'check-power'
  | 'de-air'
  | 'change-oxygenator'
  | 'change-heater-cooler';

export interface RemedyAction {
  readonly do: 'remedy';
  readonly remedy: RemedyKind;
}

/** The alarms sounding now are acknowledged (silenced until a new one): logged, no effect on the body. */
export interface AcknowledgeAlarmsAction {
  readonly do: 'acknowledgeAlarms';
}

export type Action =
  | SetEnvironmentAction
  | ImmerseAction
  | ExtricateAction
  | MessageAction
  | PauseAction
  | StopBreathingAction
  | ResumeBreathingAction
  | CardiacArrestAction
  | StartCprAction
  | StopCprAction
  | VentilateAction
  | StopVentilationAction
  | DefibrillateAction
  | ApplyIcePacksAction
  | RemoveIcePacksAction
  | StartForcedAirWarmingAction
  | StopForcedAirWarmingAction
  | InfuseFluidAction
  | StartLavageAction
  | StopLavageAction
  | GiveVasodilatorAction
  | CannulateAction
  | StartPumpAction
  | SetPumpFlowAction
  | StopPumpAction
  | SetHeaterCoolerAction
  | SetOxygenatorAction
  | HandCrankAction
  | DecannulateAction
  | FaultAction
  | ClearFaultAction
  | RemedyAction
  | AcknowledgeAlarmsAction;

export type ActionName = Action['do'];

/** An action stamped with the simulated time at which it took effect. */
export interface TimedAction {
  /** Simulated time, s. */
  readonly atS: number;
  /** Who did it: the scenario's timeline, a learner, or an instructor. */
  readonly source: 'scenario' | 'learner' | 'instructor';
  readonly action: Action;
}
