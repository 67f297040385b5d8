// The live classroom's wire protocol: JSON messages over one WebSocket per page, between the
// classroom server (src/classroom/server.ts) and the learners' pages and the instructor's console
// (src/classroom/learnerLink.ts, src/classroom/consoleLink.ts). Plain data, no DOM and no Node, so
// both sides share the types and the server's checks.
//
// Every message a client sends is checked here before the server acts on it: its size, its shape,
// each field's type and length, and the actions with the same schema as run-log files
// (models/scenario/runLog.ts). Nothing a client sends is evaluated.

import {
  RUN_LOG_FORMAT,
  ScenarioError,
  validateRunLog,
  type Action,
  type TimedAction,
} from '../../models/index.ts';

/** Where the WebSocket endpoint listens. */
export const CLASSROOM_WS_PATH = '/classroom/ws';
/** Largest message a client may send, bytes (a larger one closes the connection: ws's maxPayload). */
export const MAX_MESSAGE_BYTES = 64 * 1024;
/** Most actions in one upload message (a learner sends its log in batches). */
export const MAX_ACTIONS_PER_MESSAGE = 200;
/** Most actions kept per learner (as run-log files: MAX_RUN_LOG_ACTIONS). */
export const MAX_ACTIONS_PER_LEARNER = 20_000;
/** Most learners one message may name (a group), as a class's most learners. */
export const MAX_LEARNERS_LISTED = 300;
/** A display name's longest length, characters. */
export const MAX_NAME_LENGTH = 40;
/** Messages a connection may send: a burst, then this many a second. */
export const RATE_BURST = 60;
export const RATE_PER_SECOND = 20;
/** A connection refused this many times is closed (it is not a page of ours). */
export const MAX_REFUSALS = 100;
/** Join codes: six letters and digits without look-alikes (0/O, 1/I/L). */
export const CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
export const CODE_LENGTH = 6;

export type RunScreen = 'library' | 'briefing' | 'run' | 'debrief';
const SCREENS: readonly RunScreen[] = ['library', 'briefing', 'run', 'debrief'];
const RUN_STATES = ['idle', 'loading', 'ready', 'running', 'paused', 'finished', 'error'] as const;
export type LearnerRunState = (typeof RUN_STATES)[number];

/** What a learner's page reports of its run, about once a second. */
export interface LearnerStatus {
  readonly screen: RunScreen;
  readonly state: LearnerRunState;
  /** Simulated time, s. */
  readonly tS: number;
  readonly brainC: number | null;
  readonly coreC: number | null;
  readonly rhythm: string;
  /** Brain cells viable, 0–1. */
  readonly viable: number | null;
  readonly alarms: readonly string[];
  /**
   * The scenario prompt (1 for its first, 2 for its second, …) this learner's run stopped at and is
   * held at until the instructor releases it; absent or null when not held.
   */
  readonly held?: number | null;
}

/** What the instructor sends a learner's run (one at a time, numbered per learner). */
export type LearnerCommand =
  | { readonly kind: 'start' }
  | { readonly kind: 'pause' }
  | { readonly kind: 'play' }
  | { readonly kind: 'speed'; readonly speed: number }
  /** Learners may choose their own speed (on), or keep the class's (off: their speed is locked). */
  | { readonly kind: 'ownSpeed'; readonly on: boolean }
  | { readonly kind: 'apply'; readonly action: Action }
  /** Hold the run at the scenario's prompts until released (on), or not (off). */
  | { readonly kind: 'hold'; readonly on: boolean }
  /** The run may go on past its prompts up to this one (1: the first). */
  | { readonly kind: 'release'; readonly upTo: number }
  | { readonly kind: 'end' };

// ----- learner → server -----

export type LearnerToServer =
  | {
      readonly type: 'join';
      readonly code: string;
      readonly name: string;
      /** A learner coming back (reload, lost network): the id and secret the server gave. */
      readonly learnerId?: string;
      readonly secret?: string;
      /** The last instructor command this page applied (0: none). */
      readonly applied?: number;
    }
  | {
      readonly type: 'actions';
      /** Position in the learner's log of the first action sent. */
      readonly from: number;
      readonly actions: readonly TimedAction[];
    }
  | { readonly type: 'status'; readonly status: LearnerStatus }
  | { readonly type: 'applied'; readonly upTo: number };

// ----- instructor → server -----

export type PaceOp = 'start' | 'pause' | 'resume';

/** Whom an instructor's action is for: "all", a learner's id, or "group:<name>". */
export type Target = string;
export const GROUP_PREFIX = 'group:';
/** A group's longest name, characters; most groups in a class. */
export const MAX_GROUP_NAME_LENGTH = 30;
export const MAX_GROUPS = 30;

export type InstructorToServer =
  | { readonly type: 'console'; readonly token: string }
  | { readonly type: 'pace'; readonly op: PaceOp }
  | { readonly type: 'speed'; readonly speed: number }
  /** Learners choose their own speed (on), or keep the class's speed (off). */
  | { readonly type: 'ownSpeed'; readonly on: boolean }
  | { readonly type: 'inject'; readonly to: Target; readonly action: Action }
  /** Hold learners at the scenario's prompts until released (the whole class). */
  | { readonly type: 'hold'; readonly on: boolean }
  /** Releases the learners of `to` who are held at a prompt. */
  | { readonly type: 'release'; readonly to: Target }
  /** Puts these learners in the group `name` ("" takes them out of any group). */
  | { readonly type: 'group'; readonly learners: readonly string[]; readonly name: string }
  /** Follow one learner live (their trend and action log); null stops. */
  | { readonly type: 'watch'; readonly learner: string | null }
  | { readonly type: 'end' };

export type ClientToServer = LearnerToServer | InstructorToServer;

export const INSTRUCTOR_TYPES: ReadonlySet<string> = new Set([
  'console',
  'pace',
  'speed',
  'ownSpeed',
  'inject',
  'hold',
  'release',
  'group',
  'watch',
  'end',
]);
export const LEARNER_TYPES: ReadonlySet<string> = new Set(['join', 'actions', 'status', 'applied']);

// ----- server → clients -----

export interface SessionInfo {
  readonly code: string;
  readonly title: string;
  readonly started: boolean;
  readonly paused: boolean;
  readonly speed: number;
  /** Learners may choose their own speed; false: each learner's speed is locked to `speed`. */
  readonly ownSpeed: boolean;
  readonly ended: boolean;
  /** Learners are held at the scenario's prompts until released. */
  readonly hold: boolean;
}

export interface Welcome {
  readonly type: 'welcome';
  readonly learnerId: string;
  readonly secret: string;
  readonly name: string;
  readonly scenario: { readonly text: string; readonly fileName: string; readonly hash: string };
  readonly seed: number;
  /** Actions of this learner the server holds: the page sends from here. */
  readonly received: number;
  readonly session: SessionInfo;
}

export type ServerToLearner =
  | Welcome
  | { readonly type: 'ack'; readonly received: number }
  | { readonly type: 'command'; readonly seq: number; readonly command: LearnerCommand }
  | { readonly type: 'refused'; readonly reason: string; readonly fatal?: boolean }
  | { readonly type: 'ping' };

/** One learner as the console shows them. */
export interface LearnerRow {
  readonly id: string;
  /** 1, 2, 3 … in order of joining: the anonymous label "Learner 3". */
  readonly number: number;
  readonly name: string;
  readonly connected: boolean;
  readonly status: LearnerStatus | null;
  /** The learner's or instructor's last action, in words; "" when none. */
  readonly lastAction: string;
  readonly lastActionS: number | null;
  readonly actionCount: number;
  /** The learner's group ("" when none). */
  readonly group: string;
}

/** One moment of a learner's run as their page reported it: simulated s, brain and core °C. */
export type TrendPoint = readonly [tS: number, brainC: number | null, coreC: number | null];

/** A learner followed live on the console: their trend and action log, new parts only after the first. */
export interface LearnerDetail {
  readonly type: 'detail';
  readonly id: string;
  /** True: the whole trend and log (the first message, or after the run was reset). */
  readonly whole: boolean;
  readonly trend: readonly TrendPoint[];
  readonly actions: readonly {
    readonly atS: number;
    readonly source: TimedAction['source'];
    readonly text: string;
  }[];
}

export interface ClassLearnerResult {
  readonly number: number;
  readonly name: string;
  readonly endS: number;
  readonly survived: boolean;
  readonly cpc: number;
  readonly brainLost: number;
  readonly score: number | null;
  readonly objectivesMet: readonly string[];
  /** Brain temperature every `lineEveryS`, °C, from time zero. */
  readonly brainLine: readonly number[];
  /** The replay departs from what the learner sent (flagged, not trusted). */
  readonly flagged: string | null;
  /** Teaching rules raised and objectives missed, with when (s). */
  readonly mistakes: readonly { readonly id: string; readonly atS: number | null }[];
}

/** A mistake the class made: how many learners, and when (median of their first times, s). */
export interface ClassMistake {
  readonly id: string;
  readonly text: string;
  readonly learners: number;
  readonly medianS: number | null;
}

export interface ClassDebrief {
  readonly title: string;
  readonly lineEveryS: number;
  readonly objectives: readonly {
    readonly id: string;
    readonly text: string;
    readonly met: number;
  }[];
  readonly learners: readonly ClassLearnerResult[];
  readonly expert: { readonly brainLine: readonly number[]; readonly endS: number } | null;
  /** Most common first. */
  readonly mistakes: readonly ClassMistake[];
  /** The results as CSV (one row a learner), as written to the data folder. */
  readonly csv: string;
  /**
   * A zip (base64) of every learner's run log (`learner-N.json`, each replays with `coldboot
   * debrief <scenario> learner-N.json`), the scenario file and results.csv.
   */
  readonly zip: string;
  readonly zipName: string;
}

export type ServerToConsole =
  | {
      readonly type: 'console';
      readonly session: SessionInfo;
      readonly joinUrl: string;
      readonly learners: readonly LearnerRow[];
    }
  | { readonly type: 'session'; readonly session: SessionInfo }
  /** Learners whose row changed (sent at most twice a second). */
  | { readonly type: 'learners'; readonly learners: readonly LearnerRow[] }
  | { readonly type: 'classDebrief'; readonly debrief: ClassDebrief }
  | LearnerDetail
  | { readonly type: 'refused'; readonly reason: string; readonly fatal?: boolean }
  | { readonly type: 'ping' };

/** The server says something at least this often (ms); a page that hears nothing reconnects. */
export const PING_INTERVAL_MS = 5000;

// ----- checks -----

export class MessageError extends Error {}

function fail(reason: string): never {
  throw new MessageError(reason);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function onlyKeys(record: Record<string, unknown>, allowed: readonly string[]): void {
  for (const key of Object.keys(record)) {
    if (!allowed.includes(key)) fail(`unexpected field "${key.slice(0, 40)}"`);
  }
}

function str(value: unknown, field: string, maxLength: number): string {
  if (typeof value !== 'string') fail(`${field}: expected text`);
  if (value.length > maxLength) fail(`${field}: longer than ${maxLength} characters`);
  return value;
}

function int(value: unknown, field: string, min: number, max: number): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max)
    fail(`${field}: expected a whole number from ${min} to ${max}`);
  return value;
}

function num(value: unknown, field: string, min: number, max: number): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < min || value > max)
    fail(`${field}: expected a number from ${min} to ${max}`);
  return value;
}

function numOrNull(value: unknown, field: string, min: number, max: number): number | null {
  return value === null ? null : num(value, field, min, max);
}

/**
 * A display name as shown: control characters and surrounding space removed, inner runs of space
 * made one, at most MAX_NAME_LENGTH characters. Empty means anonymous. (React escapes it on
 * screen; the CSV guards against spreadsheet formulas.)
 */
export function cleanName(raw: string): string {
  return Array.from(raw.replace(/[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/gu, ' ').replace(/\s+/g, ' '))
    .slice(0, MAX_NAME_LENGTH)
    .join('')
    .trim();
}

/** A learner's actions, checked as a run log's are (same schema, times never going back). */
export function checkActions(
  raw: unknown,
  scenario: { title: string; hash: string },
  afterS: number,
): TimedAction[] {
  if (!Array.isArray(raw)) fail('actions: expected a list');
  if (raw.length > MAX_ACTIONS_PER_MESSAGE)
    fail(`actions: more than ${MAX_ACTIONS_PER_MESSAGE} in one message`);
  try {
    const log = validateRunLog(
      {
        format: RUN_LOG_FORMAT,
        scenario: { title: scenario.title.slice(0, 120), hash: scenario.hash },
        actions: raw,
      },
      'message',
    );
    if (log.actions.length > 0 && log.actions[0]!.atS < afterS)
      fail(`actions: the first is earlier than the last one received (${afterS} s)`);
    return [...log.actions];
  } catch (error) {
    if (error instanceof ScenarioError) {
      const first = error.issues[0];
      fail(
        first
          ? `actions: ${first.path}: expected ${first.expected}, found ${first.found}`.slice(0, 300)
          : 'actions: not valid',
      );
    }
    throw error;
  }
}

/** One action (the instructor's inject), checked with the run-log schema. */
export function checkAction(raw: unknown): Action {
  if (!isRecord(raw)) fail('action: expected an action, e.g. { "do": "fault", ... }');
  const actions = checkActions(
    [{ atS: 0, source: 'instructor', action: raw }],
    { title: 'x', hash: `sha256:${'0'.repeat(64)}` },
    0,
  );
  return actions[0]!.action;
}

function checkStatus(raw: unknown): LearnerStatus {
  if (!isRecord(raw)) fail('status: expected a group of fields');
  onlyKeys(raw, ['screen', 'state', 'tS', 'brainC', 'coreC', 'rhythm', 'viable', 'alarms', 'held']);
  const screen = str(raw.screen, 'status.screen', 20) as RunScreen;
  if (!SCREENS.includes(screen)) fail('status.screen: not a screen');
  const state = str(raw.state, 'status.state', 20) as LearnerRunState;
  if (!RUN_STATES.includes(state)) fail('status.state: not a run state');
  if (!Array.isArray(raw.alarms) || raw.alarms.length > 30) fail('status.alarms: expected a list');
  return {
    screen,
    state,
    tS: num(raw.tS, 'status.tS', 0, 1e7),
    brainC: numOrNull(raw.brainC, 'status.brainC', -50, 60),
    coreC: numOrNull(raw.coreC, 'status.coreC', -50, 60),
    rhythm: str(raw.rhythm, 'status.rhythm', 60),
    viable: numOrNull(raw.viable, 'status.viable', 0, 1),
    alarms: raw.alarms.map((a, i) => str(a, `status.alarms[${i}]`, 60)),
    held:
      raw.held === undefined || raw.held === null ? null : int(raw.held, 'status.held', 1, 10_000),
  };
}

/**
 * Parses and checks one message from a client. Throws MessageError (with a reason to send back)
 * for anything that is not exactly one of ours. Actions are checked against the scenario later,
 * by the server (checkActions), which knows the learner's log.
 */
export function parseClientMessage(text: string): ClientToServer {
  if (text.length > MAX_MESSAGE_BYTES) fail('message too large');
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    fail('not JSON');
  }
  if (!isRecord(data)) fail('expected a JSON object');
  const type = data.type;
  switch (type) {
    case 'join': {
      onlyKeys(data, ['type', 'code', 'name', 'learnerId', 'secret', 'applied']);
      return {
        type,
        code: str(data.code, 'code', 20),
        name: cleanName(str(data.name ?? '', 'name', 400)),
        ...(data.learnerId !== undefined
          ? { learnerId: str(data.learnerId, 'learnerId', 64) }
          : {}),
        ...(data.secret !== undefined ? { secret: str(data.secret, 'secret', 128) } : {}),
        ...(data.applied !== undefined
          ? { applied: int(data.applied, 'applied', 0, Number.MAX_SAFE_INTEGER) }
          : {}),
      };
    }
    case 'actions':
      onlyKeys(data, ['type', 'from', 'actions']);
      if (!Array.isArray(data.actions)) fail('actions: expected a list');
      if (data.actions.length > MAX_ACTIONS_PER_MESSAGE)
        fail(`actions: more than ${MAX_ACTIONS_PER_MESSAGE} in one message`);
      return {
        type,
        from: int(data.from, 'from', 0, MAX_ACTIONS_PER_LEARNER),
        actions: data.actions as TimedAction[],
      };
    case 'status':
      onlyKeys(data, ['type', 'status']);
      return { type, status: checkStatus(data.status) };
    case 'applied':
      onlyKeys(data, ['type', 'upTo']);
      return { type, upTo: int(data.upTo, 'upTo', 0, Number.MAX_SAFE_INTEGER) };
    case 'console':
      onlyKeys(data, ['type', 'token']);
      return { type, token: str(data.token, 'token', 128) };
    case 'pace': {
      onlyKeys(data, ['type', 'op']);
      const op = str(data.op, 'op', 10);
      if (op !== 'start' && op !== 'pause' && op !== 'resume') fail('op: start, pause or resume');
      return { type, op };
    }
    case 'speed':
      onlyKeys(data, ['type', 'speed']);
      return { type, speed: num(data.speed, 'speed', 1, 600) };
    case 'ownSpeed':
      onlyKeys(data, ['type', 'on']);
      if (typeof data.on !== 'boolean') fail('on: expected true or false');
      return { type, on: data.on };
    case 'inject':
      onlyKeys(data, ['type', 'to', 'action']);
      return { type, to: str(data.to, 'to', 64), action: checkAction(data.action) };
    case 'hold':
      onlyKeys(data, ['type', 'on']);
      if (typeof data.on !== 'boolean') fail('on: expected true or false');
      return { type, on: data.on };
    case 'release':
      onlyKeys(data, ['type', 'to']);
      return { type, to: str(data.to, 'to', 64) };
    case 'group': {
      onlyKeys(data, ['type', 'learners', 'name']);
      if (!Array.isArray(data.learners) || data.learners.length > MAX_LEARNERS_LISTED)
        fail(`learners: expected a list of at most ${MAX_LEARNERS_LISTED}`);
      const name = cleanName(str(data.name, 'name', 200)).slice(0, MAX_GROUP_NAME_LENGTH);
      return {
        type,
        learners: data.learners.map((l, i) => str(l, `learners[${i}]`, 64)),
        name,
      };
    }
    case 'watch':
      onlyKeys(data, ['type', 'learner']);
      return { type, learner: data.learner === null ? null : str(data.learner, 'learner', 64) };
    case 'end':
      onlyKeys(data, ['type']);
      return { type };
    default:
      return fail(`unknown message type ${JSON.stringify(String(type).slice(0, 30))}`);
  }
}

/** A token bucket: `take()` is false once a connection sends faster than allowed. */
export function rateLimiter(
  burst = RATE_BURST,
  perSecond = RATE_PER_SECOND,
  now: () => number = Date.now,
): { take(): boolean } {
  let tokens = burst;
  let last = now();
  return {
    take() {
      const t = now();
      tokens = Math.min(burst, tokens + ((t - last) / 1000) * perSecond);
      last = t;
      if (tokens < 1) return false;
      tokens -= 1;
      return true;
    },
  };
}

/** "Learner 3", or the name when names are shown and there is one. */
/** The target's words: "everyone", "group Red", or the learner's label. */
export function targetLabel(
  target: Target,
  learners: readonly { id: string; number: number; name: string }[],
  showNames: boolean,
): string {
  if (target === 'all') return 'everyone';
  if (target.startsWith(GROUP_PREFIX)) return `group ${target.slice(GROUP_PREFIX.length)}`;
  const l = learners.find((x) => x.id === target);
  return l ? learnerLabel(l, showNames) : 'nobody';
}

export function learnerLabel(row: { number: number; name: string }, showNames: boolean): string {
  return showNames && row.name ? row.name : `Learner ${row.number}`;
}
