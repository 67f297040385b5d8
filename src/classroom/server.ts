// The classroom server (`coldboot classroom`): one Node process that serves the built app (dist/)
// and a WebSocket endpoint (ws) for one live class. Learners' pages run their own engine and send
// their action logs and a status about once a second; the instructor's console (its own URL with a
// secret token) sees every learner and sends pacing and instructor actions, which the server
// numbers per learner and relays. Everything is written to SQLite under the data folder first, so
// a restart mid-class loses nothing. The server never runs the class's physiology at display rate:
// it replays the logs with the models/ engine only for the class debrief at the end.

import { randomBytes, timingSafeEqual } from 'node:crypto';
import {
  createReadStream,
  existsSync,
  mkdirSync,
  readFileSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { networkInterfaces } from 'node:os';
import { basename, extname, join, normalize, resolve, sep } from 'node:path';
import { strToU8, zipSync } from 'fflate';
import QRCode from 'qrcode';
import { WebSocket, WebSocketServer, type RawData } from 'ws';
import {
  parseScenario,
  scenarioHash,
  type Scenario,
  type TimedAction,
} from '../../models/index.ts';
import { describeAction } from '../../models/scenario/debrief.ts';
import { classDebriefInThread, debriefThreadCount } from './classDebriefThread.ts';
import {
  CLASSROOM_WS_PATH,
  CODE_ALPHABET,
  CODE_LENGTH,
  INSTRUCTOR_TYPES,
  LEARNER_TYPES,
  MAX_ACTIONS_PER_LEARNER,
  MAX_MESSAGE_BYTES,
  MAX_REFUSALS,
  MessageError,
  PING_INTERVAL_MS,
  checkActions,
  parseClientMessage,
  rateLimiter,
  type ClassDebrief,
  type ClientToServer,
  type InstructorToServer,
  type LearnerCommand,
  type LearnerRow,
  type LearnerStatus,
  type LearnerToServer,
  type SessionInfo,
  type Target,
  type TrendPoint,
  GROUP_PREFIX,
  MAX_GROUPS,
} from './protocol.ts';
import { openSessionStore, type SessionRecord, type SessionStore } from './sessionStore.ts';
import { BUILT_IN_SCENARIOS, DEFAULT_DIST } from '../cli/locate.ts';

export { BUILT_IN_SCENARIOS, DEFAULT_DIST } from '../cli/locate.ts';
export const DEFAULT_SCENARIO = 'hlm-tutorial.yaml';
/** Most learners in one class. */
export const MAX_LEARNERS = 300;
/** Most points kept of a learner's trend (then every other one is dropped). */
export const MAX_TREND_POINTS = 2000;
/** Most actions of a learner's log a console is sent when it starts following them. */
export const MAX_DETAIL_ACTIONS = 500;

export interface ClassroomOptions {
  /** Folder of the session database (created if missing). */
  readonly dataDir: string;
  /** 0 for any free port (default 8080). */
  readonly port?: number;
  /** Address to listen on (default 127.0.0.1; 0.0.0.0 for a classroom LAN). */
  readonly host?: string;
  /** The built app (default dist/ of this checkout). */
  readonly distDir?: string;
  /** A scenario file, or a built-in one's name (default the tutorial). Ignored when resuming. */
  readonly scenario?: string;
  /** End a session in progress in dataDir and start a new one. */
  readonly fresh?: boolean;
  /** Where refused messages and events are reported (default: nowhere). */
  readonly log?: (line: string) => void;
}

export interface Classroom {
  readonly port: number;
  readonly code: string;
  readonly token: string;
  readonly joinUrl: string;
  readonly consoleUrl: string;
  readonly title: string;
  /** True when an unfinished session in the data folder was taken up again. */
  readonly resumed: boolean;
  readonly store: SessionStore;
  /** Stops accepting, closes every connection and the database. */
  close(): Promise<void>;
}

interface Connection {
  role: 'none' | 'learner' | 'instructor';
  learnerId?: string;
  /** The learner this console follows live, and how much of their trend and log it has. */
  watch?: { id: string; epoch: number; points: number; actions: number };
  readonly limiter: { take(): boolean };
  refusals: number;
}

const PING_TEXT = JSON.stringify({ type: 'ping' });

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.yaml': 'text/yaml; charset=utf-8',
  '.yml': 'text/yaml; charset=utf-8',
  '.md': 'text/markdown; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
};

function randomCode(): string {
  const bytes = randomBytes(CODE_LENGTH);
  return Array.from(bytes, (b) => CODE_ALPHABET[b % CODE_ALPHABET.length]).join('');
}

function sameSecret(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/** The scenario file to use: a path, or the name of a built-in scenario. */
export function readScenarioSource(name: string): { text: string; fileName: string } {
  const candidates = [resolve(name), join(BUILT_IN_SCENARIOS, basename(name))];
  for (const path of candidates) {
    if (existsSync(path) && statSync(path).isFile()) {
      return { text: readFileSync(path, 'utf8'), fileName: basename(path) };
    }
  }
  throw new Error(`no scenario file ${name} (neither a file nor a built-in scenario)`);
}

/** The address learners type: the machine's LAN address when listening on every interface. */
function publicHost(host: string): string {
  if (host === '0.0.0.0' || host === '::') {
    for (const list of Object.values(networkInterfaces())) {
      for (const a of list ?? []) if (a.family === 'IPv4' && !a.internal) return a.address;
    }
    return 'localhost';
  }
  return host.includes(':') ? `[${host}]` : host;
}

export async function startClassroom(options: ClassroomOptions): Promise<Classroom> {
  const log = options.log ?? (() => {});
  const distDir = resolve(options.distDir ?? DEFAULT_DIST);
  const store = openSessionStore(options.dataDir);

  let session: SessionRecord;
  let resumed = false;
  const current = store.current();
  if (current && options.fresh) store.updateSession(current.id, { ended: true });
  if (current && !options.fresh) {
    session = current;
    resumed = true;
  } else {
    const source = readScenarioSource(options.scenario ?? DEFAULT_SCENARIO);
    parseScenario(source.text, source.fileName); // a file with mistakes stops here
    session = store.createSession({
      code: randomCode(),
      token: randomBytes(24).toString('hex'),
      scenarioText: source.text,
      scenarioFile: source.fileName,
      seed: 1,
    });
  }
  const scenario: Scenario = parseScenario(session.scenarioText, session.scenarioFile);
  const hash = scenarioHash(scenario);
  let debrief: ClassDebrief | null = null;
  let debriefing: Promise<ClassDebrief> | null = null;
  let closed = false;

  const connections = new Map<WebSocket, Connection>();
  const learnerSockets = new Map<string, WebSocket>();
  /**
   * What the console shows of each learner, kept in memory (the database has it all; statuses are
   * written in batches every few seconds, everything else at once).
   */
  interface Known {
    number: number;
    name: string;
    status: LearnerStatus | null;
    actionCount: number;
    lastAtS: number;
    lastAction: string;
    lastActionS: number | null;
    group: string;
    /** Brain and core temperature as the page reported them (since this server started). */
    trend: TrendPoint[];
    /** Bumped when the trend is thinned or starts again (a reset run): watchers get it whole. */
    trendEpoch: number;
  }
  const groups = store.groups(session.id);
  const known = new Map<string, Known>();
  const describe = (a: TimedAction) =>
    `${a.source === 'instructor' ? 'Instructor: ' : ''}${describeAction(a.action)}`;
  function remember(id: string): Known {
    const l = store.learner(session.id, id)!;
    const all = store.actions(session.id, id);
    const last = store.lastAction(session.id, id);
    const k: Known = {
      number: l.number,
      name: l.name,
      status: l.status,
      actionCount: all.length,
      lastAtS: all.at(-1)?.atS ?? 0,
      lastAction: last ? describe(last) : '',
      lastActionS: last?.atS ?? null,
      group: groups.get(id) ?? '',
      trend: [],
      trendEpoch: 0,
    };
    known.set(id, k);
    return k;
  }
  for (const l of store.learners(session.id)) remember(l.id);
  const unsavedStatuses = new Map<string, LearnerStatus>();
  const saveStatuses = () => {
    if (unsavedStatuses.size === 0) return;
    store.setStatuses(session.id, unsavedStatuses);
    unsavedStatuses.clear();
  };
  const dirtyRows = new Set<string>();
  /**
   * Learners' "applied" numbers not yet written: those that arrive in one turn of the event loop
   * (after a command to the class, every learner's at once) are written in one transaction at the
   * end of that turn, instead of one write each.
   */
  const unsavedApplied = new Map<string, number>();
  let appliedWrite: ReturnType<typeof setImmediate> | undefined;
  const saveApplied = () => {
    appliedWrite = undefined;
    if (unsavedApplied.size === 0) return;
    store.setApplieds(session.id, unsavedApplied);
    unsavedApplied.clear();
  };

  const info = (): SessionInfo => ({
    code: session.code,
    title: scenario.title,
    started: session.started,
    paused: session.paused,
    speed: session.speed,
    ownSpeed: session.ownSpeed,
    ended: session.ended,
    hold: session.hold,
  });

  function rowOf(id: string): LearnerRow {
    const k = known.get(id) ?? remember(id);
    const socket = learnerSockets.get(id);
    return {
      id,
      number: k.number,
      name: k.name,
      connected: socket !== undefined && socket.readyState === WebSocket.OPEN,
      status: k.status,
      lastAction: k.lastAction,
      lastActionS: k.lastActionS,
      actionCount: k.actionCount,
      group: k.group,
    };
  }

  const send = (ws: WebSocket, message: unknown) => sendText(ws, JSON.stringify(message));
  const sendText = (ws: WebSocket, text: string) => {
    if (ws.readyState === WebSocket.OPEN) ws.send(text);
  };
  /** A numbered command's message: the command is written out once for all its learners. */
  const commandText = (seq: number, commandJson: string) =>
    `{"type":"command","seq":${seq},"command":${commandJson}}`;
  const consoles = () =>
    [...connections].filter(([, c]) => c.role === 'instructor').map(([ws]) => ws);
  const toConsoles = (message: unknown) => consoles().forEach((ws) => send(ws, message));

  /** Console rows (and a followed learner's detail) are sent at most twice a second per learner. */
  const flushTimer = setInterval(() => {
    if (dirtyRows.size === 0) return;
    const ids = [...dirtyRows];
    dirtyRows.clear();
    if (consoles().length === 0) return;
    toConsoles({ type: 'learners', learners: ids.map(rowOf) });
    for (const [ws, conn] of connections) {
      if (conn.role === 'instructor' && conn.watch && ids.includes(conn.watch.id))
        sendDetail(ws, conn);
    }
  }, 500);

  /** What a console following a learner has not had yet of their trend and log. */
  function sendDetail(ws: WebSocket, conn: Connection): void {
    const watch = conn.watch;
    const k = watch ? known.get(watch.id) : undefined;
    if (!watch || !k) return;
    const whole = watch.epoch !== k.trendEpoch || watch.actions > k.actionCount;
    const fromPoint = whole ? 0 : watch.points;
    const fromAction = whole ? Math.max(0, k.actionCount - MAX_DETAIL_ACTIONS) : watch.actions;
    if (!whole && fromPoint >= k.trend.length && fromAction >= k.actionCount) return;
    const actions =
      fromAction < k.actionCount ? store.actions(session.id, watch.id).slice(fromAction) : [];
    send(ws, {
      type: 'detail',
      id: watch.id,
      whole,
      trend: k.trend.slice(fromPoint),
      actions: actions.map((a) => ({ atS: a.atS, source: a.source, text: describe(a) })),
    });
    conn.watch = {
      id: watch.id,
      epoch: k.trendEpoch,
      points: k.trend.length,
      actions: k.actionCount,
    };
  }

  /** The learners an instructor's action is for (unknown ones: none). */
  function targets(to: Target): string[] {
    if (to === 'all') return [...known.keys()];
    if (to.startsWith(GROUP_PREFIX)) {
      const name = to.slice(GROUP_PREFIX.length);
      return [...known].filter(([, k]) => k.group === name).map(([id]) => id);
    }
    return known.has(to) ? [to] : [];
  }
  const touch = (id: string) => dirtyRows.add(id);

  function command(id: string, c: LearnerCommand): void {
    everyone(c, [id]);
  }
  /** One command to every learner (or these): stored in one transaction, then relayed. */
  const everyone = (c: LearnerCommand, ids: readonly string[] = [...known.keys()]) => {
    const seqs = store.addCommands(session.id, ids, c);
    const json = JSON.stringify(c);
    ids.forEach((id, i) => {
      const ws = learnerSockets.get(id);
      if (ws) sendText(ws, commandText(seqs[i]!, json));
    });
  };

  function refuse(ws: WebSocket, conn: Connection, reason: string, fatal = false): void {
    conn.refusals += 1;
    store.logEvent(session.id, 'refused', {
      role: conn.role,
      learner: conn.learnerId ?? null,
      reason,
    });
    log(
      `classroom: refused a message (${conn.role}${conn.learnerId ? ` ${conn.learnerId}` : ''}): ${reason}`,
    );
    send(ws, { type: 'refused', reason, ...(fatal ? { fatal: true } : {}) });
    if (fatal || conn.refusals >= MAX_REFUSALS)
      ws.close(1008, fatal ? reason.slice(0, 100) : 'too many refused messages');
  }

  function onJoin(ws: WebSocket, conn: Connection, m: Extract<LearnerToServer, { type: 'join' }>) {
    if (session.ended || m.code.toUpperCase() !== session.code) {
      refuse(ws, conn, session.ended ? 'this class has ended' : 'unknown class code', true);
      return;
    }
    let learner = m.learnerId !== undefined ? store.learner(session.id, m.learnerId) : null;
    if (learner) {
      if (m.secret === undefined || !sameSecret(m.secret, learner.secret)) {
        refuse(ws, conn, 'not this learner', true);
        return;
      }
    } else {
      if (store.learners(session.id).length >= MAX_LEARNERS) {
        refuse(ws, conn, 'the class is full', true);
        return;
      }
      learner = store.addLearner(session.id, {
        id: randomBytes(12).toString('base64url'),
        secret: randomBytes(24).toString('hex'),
        name: m.name,
      });
      remember(learner.id);
      store.logEvent(session.id, 'joined', { learner: learner.id, number: learner.number });
    }
    const previous = learnerSockets.get(learner.id);
    if (previous && previous !== ws) previous.close(4000, 'opened elsewhere');
    conn.role = 'learner';
    conn.learnerId = learner.id;
    learnerSockets.set(learner.id, ws);
    send(ws, {
      type: 'welcome',
      learnerId: learner.id,
      secret: learner.secret,
      name: learner.name,
      scenario: { text: session.scenarioText, fileName: session.scenarioFile, hash },
      seed: session.seed,
      received: store.actionCount(session.id, learner.id),
      session: info(),
    });
    const applied = m.applied ?? Math.max(learner.applied, unsavedApplied.get(learner.id) ?? 0);
    for (const c of store.commandsAfter(session.id, learner.id, applied)) {
      send(ws, { type: 'command', seq: c.seq, command: c.command });
    }
    touch(learner.id);
  }

  function onLearner(ws: WebSocket, conn: Connection, m: LearnerToServer) {
    const id = conn.learnerId!;
    switch (m.type) {
      case 'actions': {
        const k = known.get(id)!;
        const held = k.actionCount;
        if (m.from > held || m.from + m.actions.length <= held) {
          // Ahead of what is held (send from `held`), or all already held (a resend).
          send(ws, { type: 'ack', received: held });
          return;
        }
        const fresh = m.actions.slice(held - m.from);
        if (held + fresh.length > MAX_ACTIONS_PER_LEARNER) {
          refuse(ws, conn, `more than ${MAX_ACTIONS_PER_LEARNER} actions`);
          return;
        }
        const checked = checkActions(fresh, { title: scenario.title, hash }, k.lastAtS);
        const received = store.appendActions(session.id, id, held, checked);
        k.actionCount = received;
        k.lastAtS = checked.at(-1)?.atS ?? k.lastAtS;
        const last = [...checked].reverse().find((a) => a.source !== 'scenario');
        if (last) {
          k.lastAction = describe(last);
          k.lastActionS = last.atS;
        }
        send(ws, { type: 'ack', received });
        touch(id);
        return;
      }
      case 'status': {
        const k = known.get(id)!;
        const last = k.trend.at(-1);
        if (last && m.status.tS < last[0]) {
          // The run went back (reset, or another run): its trend starts again.
          k.trend = [];
          k.trendEpoch += 1;
        }
        if (m.status.screen === 'run' && (!last || m.status.tS > last[0] || k.trend.length === 0)) {
          k.trend.push([m.status.tS, m.status.brainC, m.status.coreC]);
          if (k.trend.length > MAX_TREND_POINTS) {
            k.trend = k.trend.filter((_, i) => i % 2 === 0 || i === k.trend.length - 1);
            k.trendEpoch += 1;
          }
        }
        k.status = m.status;
        unsavedStatuses.set(id, m.status);
        touch(id);
        return;
      }
      case 'applied':
        unsavedApplied.set(id, Math.max(unsavedApplied.get(id) ?? 0, m.upTo));
        appliedWrite ??= setImmediate(saveApplied);
        return;
      case 'join':
        refuse(ws, conn, 'already joined');
        return;
    }
  }

  async function endSession(): Promise<void> {
    if (!session.ended) {
      session = store.updateSession(session.id, { ended: true });
      everyone({ kind: 'end' });
      store.logEvent(session.id, 'ended', {});
    }
    toConsoles({ type: 'session', session: info() });
    debriefing ??= computeDebrief();
    debrief = await debriefing;
    if (!closed) toConsoles({ type: 'classDebrief', debrief });
  }

  async function computeDebrief(): Promise<ClassDebrief> {
    // Learners' pages have a moment to send their last actions and status first.
    await new Promise((r) => setTimeout(r, 1500));
    if (closed) throw new Error('the server closed');
    const runs = store.learners(session.id).map((l) => ({
      number: l.number,
      name: l.name,
      actions: store.actions(session.id, l.id),
      status: known.get(l.id)?.status ?? null,
    }));
    // Replayed on worker threads: the relay goes on meanwhile.
    const threads = debriefThreadCount();
    log(`classroom: replaying ${runs.length} learners' runs on ${threads} thread(s)`);
    const result = await classDebriefInThread({
      scenarioText: session.scenarioText,
      scenarioFile: session.scenarioFile,
      hash,
      seed: session.seed,
      runs,
    });
    if (closed) throw new Error('the server closed');
    const folder = join(options.dataDir, `session-${session.id}-${session.code}`);
    mkdirSync(folder, { recursive: true });
    const files: Record<string, Uint8Array> = {
      'results.csv': strToU8(result.csv),
      [basename(session.scenarioFile)]: strToU8(session.scenarioText),
    };
    for (const l of result.logs) files[`learner-${l.number}.json`] = strToU8(l.json);
    for (const [name, bytes] of Object.entries(files)) writeFileSync(join(folder, name), bytes);
    // The same files in one zip, for the console's download (fflate: a maintained zip writer).
    const zipName = `class-${session.code}-run-logs.zip`;
    const zip = zipSync(files, { level: 6, mtime: new Date('2000-01-01T00:00:00Z') });
    writeFileSync(join(folder, zipName), zip);
    log(`classroom: class debrief written to ${folder}`);
    const { logs: _logs, ...rest } = result;
    void _logs;
    return { ...rest, zip: Buffer.from(zip).toString('base64'), zipName };
  }

  function onInstructor(ws: WebSocket, conn: Connection, m: InstructorToServer) {
    store.logEvent(session.id, 'instructor', m);
    switch (m.type) {
      case 'pace':
        if (session.ended) break;
        if (m.op === 'start') {
          session = store.updateSession(session.id, { started: true, paused: false });
          everyone({ kind: 'start' });
        } else if (m.op === 'pause') {
          session = store.updateSession(session.id, { paused: true });
          everyone({ kind: 'pause' });
        } else {
          session = store.updateSession(session.id, { paused: false });
          everyone({ kind: 'play' });
        }
        toConsoles({ type: 'session', session: info() });
        break;
      case 'speed':
        session = store.updateSession(session.id, { speed: m.speed });
        everyone({ kind: 'speed', speed: m.speed });
        toConsoles({ type: 'session', session: info() });
        break;
      case 'ownSpeed':
        if (session.ended) break;
        session = store.updateSession(session.id, { ownSpeed: m.on });
        everyone({ kind: 'ownSpeed', on: m.on });
        toConsoles({ type: 'session', session: info() });
        break;
      case 'inject': {
        const ids = targets(m.to);
        if (ids.length === 0 && m.to !== 'all') refuse(ws, conn, 'no such learner or group');
        else everyone({ kind: 'apply', action: m.action }, ids);
        break;
      }
      case 'hold':
        if (session.ended) break;
        session = store.updateSession(session.id, { hold: m.on });
        everyone({ kind: 'hold', on: m.on });
        toConsoles({ type: 'session', session: info() });
        break;
      case 'release': {
        const ids = targets(m.to);
        if (ids.length === 0 && m.to !== 'all') {
          refuse(ws, conn, 'no such learner or group');
          break;
        }
        // Each learner held at a prompt may go on past it (their own prompt: runs differ).
        for (const id of ids) {
          const held = known.get(id)?.status?.held;
          if (held) command(id, { kind: 'release', upTo: held });
        }
        break;
      }
      case 'group': {
        const ids = m.learners.filter((id) => known.has(id));
        if (ids.length !== m.learners.length) {
          refuse(ws, conn, 'no such learner');
          break;
        }
        const names = new Set([...known.values()].map((k) => k.group).filter(Boolean));
        if (m.name !== '' && !names.has(m.name) && names.size >= MAX_GROUPS) {
          refuse(ws, conn, `at most ${MAX_GROUPS} groups`);
          break;
        }
        store.setGroup(session.id, ids, m.name);
        for (const id of ids) {
          known.get(id)!.group = m.name;
          touch(id);
        }
        break;
      }
      case 'watch':
        if (m.learner === null) delete conn.watch;
        else if (!known.has(m.learner)) refuse(ws, conn, 'no such learner');
        else {
          conn.watch = { id: m.learner, epoch: -1, points: 0, actions: 0 };
          sendDetail(ws, conn);
        }
        break;
      case 'end':
        void endSession().catch((error: unknown) => {
          log(`classroom: the class debrief failed: ${String(error)}`);
          toConsoles({ type: 'refused', reason: `the class debrief failed: ${String(error)}` });
        });
        break;
      case 'console':
        refuse(ws, conn, 'already connected');
        break;
    }
  }

  function onMessage(ws: WebSocket, conn: Connection, data: RawData, isBinary: boolean): void {
    if (!conn.limiter.take()) {
      refuse(ws, conn, 'too many messages: slow down');
      return;
    }
    if (isBinary) {
      refuse(ws, conn, 'binary messages are not accepted');
      return;
    }
    let m: ClientToServer;
    try {
      m = parseClientMessage(data.toString());
    } catch (error) {
      refuse(ws, conn, error instanceof MessageError ? error.message : 'not a message');
      return;
    }
    if (conn.role === 'none') {
      if (m.type === 'join') onJoin(ws, conn, m);
      else if (m.type === 'console') {
        if (!sameSecret(m.token, session.token)) {
          refuse(ws, conn, 'wrong instructor token', true);
          return;
        }
        conn.role = 'instructor';
        send(ws, {
          type: 'console',
          session: info(),
          joinUrl,
          learners: [...known.keys()].map(rowOf),
        });
        if (debrief) send(ws, { type: 'classDebrief', debrief });
      } else refuse(ws, conn, 'join first');
      return;
    }
    if (conn.role === 'learner') {
      if (!LEARNER_TYPES.has(m.type)) {
        refuse(ws, conn, `a learner cannot send "${m.type}"`);
        return;
      }
      onLearner(ws, conn, m as LearnerToServer);
      return;
    }
    if (!INSTRUCTOR_TYPES.has(m.type)) {
      refuse(ws, conn, `the console cannot send "${m.type}"`);
      return;
    }
    onInstructor(ws, conn, m as InstructorToServer);
  }

  // ----- HTTP: the built app, and the join QR code -----

  let joinUrl = '';
  let qrSvg: string | null = null;

  function serveStatic(req: IncomingMessage, res: ServerResponse): void {
    const url = new URL(req.url ?? '/', 'http://x');
    let path: string;
    try {
      path = decodeURIComponent(url.pathname);
    } catch {
      res.writeHead(400).end();
      return;
    }
    if (path.includes('\0')) {
      res.writeHead(400).end();
      return;
    }
    let file = normalize(join(distDir, path));
    if (file !== distDir && !file.startsWith(distDir + sep)) {
      res.writeHead(403).end();
      return;
    }
    if (!existsSync(file) || statSync(file).isDirectory()) {
      // The app's own addresses (?class=, ?console=) all load index.html.
      if (extname(path) !== '') {
        res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
        return;
      }
      file = join(distDir, 'index.html');
    }
    const type = CONTENT_TYPES[extname(file)] ?? 'application/octet-stream';
    const immutable = file.includes(`${sep}assets${sep}`);
    res.writeHead(200, {
      'content-type': type,
      'cache-control': immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
      'x-content-type-options': 'nosniff',
      'referrer-policy': 'no-referrer',
    });
    if (req.method === 'HEAD') {
      res.end();
      return;
    }
    createReadStream(file).pipe(res);
  }

  const server: Server = createServer((req, res) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405).end();
      return;
    }
    const path = (req.url ?? '/').split('?')[0];
    if (path === '/classroom/qr.svg') {
      res.writeHead(200, { 'content-type': 'image/svg+xml', 'cache-control': 'no-cache' });
      res.end(qrSvg ?? '');
      return;
    }
    serveStatic(req, res);
  });

  const wss = new WebSocketServer({
    server,
    path: CLASSROOM_WS_PATH,
    maxPayload: MAX_MESSAGE_BYTES,
  });
  wss.on('connection', (ws) => {
    const conn: Connection = { role: 'none', limiter: rateLimiter(), refusals: 0 };
    connections.set(ws, conn);
    let alive = true;
    ws.on('pong', () => {
      alive = true;
    });
    (ws as WebSocket & { isAlive?: () => boolean; markDead?: () => void }).isAlive = () => {
      const was = alive;
      alive = false;
      return was;
    };
    ws.on('message', (data, isBinary) => {
      try {
        onMessage(ws, conn, data, isBinary);
      } catch (error) {
        // Nothing a client sends takes the session down.
        const reason = error instanceof MessageError ? error.message : 'could not be handled';
        if (!(error instanceof MessageError))
          log(`classroom: error handling a message: ${String(error)}`);
        refuse(ws, conn, reason);
      }
    });
    ws.on('error', (error) => log(`classroom: connection error: ${error.message}`));
    ws.on('close', () => {
      connections.delete(ws);
      if (conn.learnerId && learnerSockets.get(conn.learnerId) === ws) {
        learnerSockets.delete(conn.learnerId);
        touch(conn.learnerId);
      }
    });
  });

  const statusTimer = setInterval(saveStatuses, 3000);
  const pingTimer = setInterval(() => {
    for (const ws of connections.keys()) {
      const check = (ws as WebSocket & { isAlive?: () => boolean }).isAlive;
      if (check && !check()) {
        ws.terminate();
        continue;
      }
      ws.ping();
      sendText(ws, PING_TEXT);
    }
  }, PING_INTERVAL_MS);

  const host = options.host ?? '127.0.0.1';
  await new Promise<void>((resolvePromise, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 8080, host, () => {
      server.off('error', reject);
      resolvePromise();
    });
  });
  const port = (server.address() as AddressInfo).port;
  const base = `http://${publicHost(host)}:${port}/`;
  joinUrl = `${base}?class=${session.code}`;
  const consoleUrl = `${base}?console#${session.token}`;
  qrSvg = await QRCode.toString(joinUrl, { type: 'svg', margin: 1, errorCorrectionLevel: 'M' });

  return {
    port,
    code: session.code,
    token: session.token,
    joinUrl,
    consoleUrl,
    title: scenario.title,
    resumed,
    store,
    async close() {
      closed = true;
      clearInterval(statusTimer);
      saveStatuses();
      if (appliedWrite !== undefined) clearImmediate(appliedWrite);
      saveApplied();
      clearInterval(pingTimer);
      clearInterval(flushTimer);
      for (const ws of connections.keys()) ws.terminate();
      wss.close();
      await new Promise<void>((r) => server.close(() => r()));
      store.close();
    },
  };
}
