// Public entry point of the simulator: everything the app, the worker and the command line use.

export * from './core/actions.ts';
export * from './engine/simulation.ts';
export * from './engine/snapshot.ts';
export * from './engine/events.ts';
export type { OutputReader } from './engine/outputTable.ts';
export { outputReader } from './engine/outputTable.ts';
export * from './engine/csv.ts';
export { COMPARTMENTS, type CompartmentName } from './core/state.ts';
export * from './scenario/types.ts';
export * from './scenario/errors.ts';
export * from './scenario/load.ts';
export * from './parameters/index.ts';
export { PatientError, describePatient } from './parameters/patientError.ts';
export { patientProblem } from './engine/patientCheck.ts';
export * from './devices/controls.ts';
export { REMEDIES, remedyOf, type Remedy } from './devices/remedies.ts';
export {
  ALARMS,
  guidelineGauges,
  type AlarmDefinition,
  type GaugeReading,
  type GuidelineReadings,
} from './devices/alarms.ts';
export {
  DEFAULT_FAN_KEYS,
  EnsembleMemberError,
  createEnsembleCollector,
  createFanBandReducer,
  ensembleDesign,
  memberParameters,
  memberPlan,
  parseActionLog,
  runEnsemble,
  runEnsembleMember,
  runMember,
  runPlannedMember,
  summariseEnsemble,
  type EnsembleDesign,
  type EnsembleDesignOptions,
  type EnsembleRequest,
  type EnsembleResult,
  type EnsembleSummary,
  type FanBands,
  type MemberPlan,
  type MemberResult,
  type ReplayAction,
} from './ensemble/index.ts';
export { formatClock, parseClock } from './core/clock.ts';
export type { Outcome } from './engine/outputs.ts';
export { scenarioHash } from './scenario/hash.ts';
export {
  MAX_RUN_LOG_ACTIONS,
  MAX_RUN_LOG_BRANCHES,
  MAX_RUN_LOG_BYTES,
  RUN_LOG_FORMAT,
  branchRunLog,
  checkRunLogMatches,
  emptyRunLog,
  expertRunLog,
  parseAction,
  parseRunLog,
  replayRun,
  rewindRunLog,
  runLogStopS,
  runLogToJson,
  validateRunLog,
  type RunBranch,
  type RunLog,
} from './scenario/runLog.ts';
export {
  PATH_ROWS,
  comparePaths,
  differenceText,
  firstDifference,
  momentText,
  pathHeading,
  type PathAction,
  type PathComparison,
  type PathDifference,
  type PathState,
} from './scenario/paths.ts';
export {
  observeRun,
  type Grade,
  type ObjectiveResult,
  type RunObserver,
} from './scenario/assessment.ts';
export {
  debriefMarkdown,
  debriefRun,
  type Debrief,
  type DebriefAction,
  type ExpertComparison,
  type TeachingPoint,
} from './scenario/debrief.ts';
export {
  FAULT_RESPONSE_RULE,
  faultResponseText,
  type FaultResponse,
  type RemedyAttempt,
} from './scenario/faultResponse.ts';
