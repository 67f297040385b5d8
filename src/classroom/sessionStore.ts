// The classroom's session data in SQLite (better-sqlite3): the session (join code, instructor token,
// scenario, pacing), the roster, every learner's action log, the instructor's commands to each
// learner (numbered, so a page that comes back is sent only what it has not applied) and a log of
// instructor events and refused messages, and the instructor's groups of learners. Every change is
// written at once (WAL), so a server that restarts mid-class carries on where it was; the server
// batches only what a page tells it again on rejoining (statuses, the commands it applied).

import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { TimedAction } from '../../models/index.ts';
import type { LearnerCommand, LearnerStatus } from './protocol.ts';

export interface SessionRecord {
  readonly id: number;
  readonly code: string;
  readonly token: string;
  readonly scenarioText: string;
  readonly scenarioFile: string;
  readonly seed: number;
  readonly started: boolean;
  readonly paused: boolean;
  readonly speed: number;
  /** Learners may choose their own speed (false: locked to the class's). */
  readonly ownSpeed: boolean;
  readonly ended: boolean;
  /** Learners are held at the scenario's prompts until released. */
  readonly hold: boolean;
  readonly createdAt: string;
}

export interface LearnerRecord {
  readonly id: string;
  readonly secret: string;
  readonly number: number;
  readonly name: string;
  readonly joinedAt: string;
  readonly status: LearnerStatus | null;
  readonly applied: number;
}

export interface SessionStore {
  readonly path: string;
  /** The session in progress (not ended), if any. */
  current(): SessionRecord | null;
  createSession(s: {
    code: string;
    token: string;
    scenarioText: string;
    scenarioFile: string;
    seed: number;
  }): SessionRecord;
  session(id: number): SessionRecord;
  updateSession(
    id: number,
    patch: Partial<
      Pick<SessionRecord, 'started' | 'paused' | 'speed' | 'ownSpeed' | 'ended' | 'hold'>
    >,
  ): SessionRecord;
  addLearner(sessionId: number, l: { id: string; secret: string; name: string }): LearnerRecord;
  learner(sessionId: number, id: string): LearnerRecord | null;
  learners(sessionId: number): LearnerRecord[];
  setStatus(sessionId: number, id: string, status: LearnerStatus): void;
  setApplied(sessionId: number, id: string, applied: number): void;
  /** Several learners' applied command numbers, in one transaction. */
  setApplieds(sessionId: number, applied: ReadonlyMap<string, number>): void;
  /** Appends actions at positions `from`, … (those already held are skipped); returns the count held. */
  appendActions(
    sessionId: number,
    id: string,
    from: number,
    actions: readonly TimedAction[],
  ): number;
  actionCount(sessionId: number, id: string): number;
  actions(sessionId: number, id: string): TimedAction[];
  lastAction(sessionId: number, id: string): TimedAction | null;
  /** Numbers and stores a command for a learner; returns its number. */
  addCommand(sessionId: number, id: string, command: LearnerCommand): number;
  /** The same command for several learners, in one transaction; their numbers, in order. */
  addCommands(sessionId: number, ids: readonly string[], command: LearnerCommand): number[];
  /** Several learners' statuses in one transaction. */
  setStatuses(sessionId: number, statuses: ReadonlyMap<string, LearnerStatus>): void;
  commandsAfter(
    sessionId: number,
    id: string,
    seq: number,
  ): { seq: number; command: LearnerCommand }[];
  /** Puts learners in a group ("" takes them out), in one transaction. */
  setGroup(sessionId: number, ids: readonly string[], name: string): void;
  /** Each grouped learner's group. */
  groups(sessionId: number): Map<string, string>;
  logEvent(sessionId: number | null, kind: string, detail: unknown): void;
  events(sessionId: number | null): { kind: string; detail: unknown; at: string }[];
  close(): void;
}

const SCHEMA = `
CREATE TABLE IF NOT EXISTS sessions (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  code TEXT NOT NULL,
  token TEXT NOT NULL,
  scenario_text TEXT NOT NULL,
  scenario_file TEXT NOT NULL,
  seed INTEGER NOT NULL,
  started INTEGER NOT NULL DEFAULT 0,
  paused INTEGER NOT NULL DEFAULT 0,
  speed REAL NOT NULL DEFAULT 60,
  ended INTEGER NOT NULL DEFAULT 0,
  created_at TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS learners (
  session_id INTEGER NOT NULL,
  id TEXT NOT NULL,
  secret TEXT NOT NULL,
  number INTEGER NOT NULL,
  name TEXT NOT NULL,
  joined_at TEXT NOT NULL,
  status TEXT,
  applied INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (session_id, id)
);
CREATE TABLE IF NOT EXISTS actions (
  session_id INTEGER NOT NULL,
  learner_id TEXT NOT NULL,
  idx INTEGER NOT NULL,
  at_s REAL NOT NULL,
  source TEXT NOT NULL,
  action TEXT NOT NULL,
  PRIMARY KEY (session_id, learner_id, idx)
);
CREATE TABLE IF NOT EXISTS commands (
  session_id INTEGER NOT NULL,
  learner_id TEXT NOT NULL,
  seq INTEGER NOT NULL,
  command TEXT NOT NULL,
  at TEXT NOT NULL,
  PRIMARY KEY (session_id, learner_id, seq)
);
CREATE TABLE IF NOT EXISTS learner_groups (
  session_id INTEGER NOT NULL,
  learner_id TEXT NOT NULL,
  name TEXT NOT NULL,
  PRIMARY KEY (session_id, learner_id)
);
CREATE TABLE IF NOT EXISTS events (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  session_id INTEGER,
  at TEXT NOT NULL,
  kind TEXT NOT NULL,
  detail TEXT NOT NULL
);
`;

interface SessionRow {
  id: number;
  code: string;
  token: string;
  scenario_text: string;
  scenario_file: string;
  seed: number;
  started: number;
  paused: number;
  speed: number;
  ended: number;
  hold: number;
  own_speed: number;
  created_at: string;
}

interface LearnerRowDb {
  id: string;
  secret: string;
  number: number;
  name: string;
  joined_at: string;
  status: string | null;
  applied: number;
}

function sessionOf(row: SessionRow): SessionRecord {
  return {
    id: row.id,
    code: row.code,
    token: row.token,
    scenarioText: row.scenario_text,
    scenarioFile: row.scenario_file,
    seed: row.seed,
    started: row.started === 1,
    paused: row.paused === 1,
    speed: row.speed,
    ownSpeed: row.own_speed === 1,
    ended: row.ended === 1,
    hold: row.hold === 1,
    createdAt: row.created_at,
  };
}

function learnerOf(row: LearnerRowDb): LearnerRecord {
  return {
    id: row.id,
    secret: row.secret,
    number: row.number,
    name: row.name,
    joinedAt: row.joined_at,
    status: row.status === null ? null : (JSON.parse(row.status) as LearnerStatus),
    applied: row.applied,
  };
}

/** The sessions table's column of each field updateSession may change. */
const SESSION_COLUMNS = {
  started: 'started',
  paused: 'paused',
  speed: 'speed',
  ownSpeed: 'own_speed',
  ended: 'ended',
  hold: 'hold',
} as const;

const now = () => new Date().toISOString();

/** Opens (creating if needed) the classroom database in `dataDir` (classroom.sqlite). */
export function openSessionStore(dataDir: string): SessionStore {
  mkdirSync(dataDir, { recursive: true });
  const path = join(dataDir, 'classroom.sqlite');
  const db = new Database(path);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.exec(SCHEMA);
  // A data folder from before holding at prompts: its sessions table gains the column.
  const columns = db.prepare<[], { name: string }>('PRAGMA table_info(sessions)').all();
  if (!columns.some((c) => c.name === 'hold'))
    db.exec('ALTER TABLE sessions ADD COLUMN hold INTEGER NOT NULL DEFAULT 0');
  // And before the instructor's choice of letting learners choose their speed (default: they may).
  if (!columns.some((c) => c.name === 'own_speed'))
    db.exec('ALTER TABLE sessions ADD COLUMN own_speed INTEGER NOT NULL DEFAULT 1');

  const q = {
    current: db.prepare<[], SessionRow>(
      'SELECT * FROM sessions WHERE ended = 0 ORDER BY id DESC LIMIT 1',
    ),
    session: db.prepare<[number], SessionRow>('SELECT * FROM sessions WHERE id = ?'),
    insertSession: db.prepare(
      'INSERT INTO sessions (code, token, scenario_text, scenario_file, seed, created_at) VALUES (?, ?, ?, ?, ?, ?)',
    ),
    learner: db.prepare<[number, string], LearnerRowDb>(
      'SELECT * FROM learners WHERE session_id = ? AND id = ?',
    ),
    learners: db.prepare<[number], LearnerRowDb>(
      'SELECT * FROM learners WHERE session_id = ? ORDER BY number',
    ),
    nextNumber: db.prepare<[number], { n: number }>(
      'SELECT COALESCE(MAX(number), 0) + 1 AS n FROM learners WHERE session_id = ?',
    ),
    insertLearner: db.prepare(
      'INSERT INTO learners (session_id, id, secret, number, name, joined_at) VALUES (?, ?, ?, ?, ?, ?)',
    ),
    setStatus: db.prepare('UPDATE learners SET status = ? WHERE session_id = ? AND id = ?'),
    setApplied: db.prepare(
      'UPDATE learners SET applied = MAX(applied, ?) WHERE session_id = ? AND id = ?',
    ),
    // A learner's actions are held at positions 0, 1, 2 … without a gap (appendActions), so the
    // count is the last position + 1: one look in the primary key rather than a count of them all.
    actionCount: db.prepare<[number, string], { n: number }>(
      'SELECT COALESCE(MAX(idx) + 1, 0) AS n FROM actions WHERE session_id = ? AND learner_id = ?',
    ),
    insertAction: db.prepare(
      'INSERT OR IGNORE INTO actions (session_id, learner_id, idx, at_s, source, action) VALUES (?, ?, ?, ?, ?, ?)',
    ),
    actions: db.prepare<[number, string], { at_s: number; source: string; action: string }>(
      'SELECT at_s, source, action FROM actions WHERE session_id = ? AND learner_id = ? ORDER BY idx',
    ),
    lastAction: db.prepare<[number, string], { at_s: number; source: string; action: string }>(
      "SELECT at_s, source, action FROM actions WHERE session_id = ? AND learner_id = ? AND source != 'scenario' ORDER BY idx DESC LIMIT 1",
    ),
    nextSeq: db.prepare<[number, string], { n: number }>(
      'SELECT COALESCE(MAX(seq), 0) + 1 AS n FROM commands WHERE session_id = ? AND learner_id = ?',
    ),
    insertCommand: db.prepare(
      'INSERT INTO commands (session_id, learner_id, seq, command, at) VALUES (?, ?, ?, ?, ?)',
    ),
    commandsAfter: db.prepare<[number, string, number], { seq: number; command: string }>(
      'SELECT seq, command FROM commands WHERE session_id = ? AND learner_id = ? AND seq > ? ORDER BY seq',
    ),
    deleteGroup: db.prepare('DELETE FROM learner_groups WHERE session_id = ? AND learner_id = ?'),
    insertGroup: db.prepare(
      'INSERT OR REPLACE INTO learner_groups (session_id, learner_id, name) VALUES (?, ?, ?)',
    ),
    groups: db.prepare<[number], { learner_id: string; name: string }>(
      'SELECT learner_id, name FROM learner_groups WHERE session_id = ?',
    ),
    insertEvent: db.prepare(
      'INSERT INTO events (session_id, at, kind, detail) VALUES (?, ?, ?, ?)',
    ),
    events: db.prepare<[number | null], { kind: string; detail: string; at: string }>(
      'SELECT kind, detail, at FROM events WHERE session_id IS ? ORDER BY id',
    ),
  };

  const appendTx = db.transaction(
    (sessionId: number, id: string, from: number, actions: readonly TimedAction[]) => {
      const held = q.actionCount.get(sessionId, id)!.n;
      if (from > held) return held; // a gap: never held (the learner sends from `held`)
      for (let i = 0; i < actions.length; i++) {
        const idx = from + i;
        if (idx < held) continue;
        const a = actions[i]!;
        q.insertAction.run(sessionId, id, idx, a.atS, a.source, JSON.stringify(a.action));
      }
      return q.actionCount.get(sessionId, id)!.n;
    },
  );
  /**
   * Each learner's last command number, read from the database once and then kept here: this
   * process is the database's only writer, and a number is taken only inside the transaction that
   * inserts its command (a transaction that fails forgets the learners it numbered).
   */
  const lastSeqs = new Map<string, number>();
  const seqKey = (sessionId: number, id: string) => `${sessionId}\u0000${id}`;
  const takeSeq = (sessionId: number, id: string): number => {
    const key = seqKey(sessionId, id);
    const seq = (lastSeqs.get(key) ?? q.nextSeq.get(sessionId, id)!.n - 1) + 1;
    lastSeqs.set(key, seq);
    return seq;
  };
  const insertCommands = db.transaction(
    (sessionId: number, ids: readonly string[], text: string) => {
      const at = now();
      return ids.map((id) => {
        const seq = takeSeq(sessionId, id);
        q.insertCommand.run(sessionId, id, seq, text, at);
        return seq;
      });
    },
  );
  const commandsTx = (sessionId: number, ids: readonly string[], command: LearnerCommand) => {
    try {
      return insertCommands(sessionId, ids, JSON.stringify(command));
    } catch (error) {
      for (const id of ids) lastSeqs.delete(seqKey(sessionId, id));
      throw error;
    }
  };
  const statusesTx = db.transaction(
    (sessionId: number, statuses: ReadonlyMap<string, LearnerStatus>) => {
      for (const [id, status] of statuses) q.setStatus.run(JSON.stringify(status), sessionId, id);
    },
  );
  const appliedTx = db.transaction((sessionId: number, applied: ReadonlyMap<string, number>) => {
    for (const [id, upTo] of applied) q.setApplied.run(upTo, sessionId, id);
  });
  const groupTx = db.transaction((sessionId: number, ids: readonly string[], name: string) => {
    for (const id of ids) {
      if (name === '') q.deleteGroup.run(sessionId, id);
      else q.insertGroup.run(sessionId, id, name);
    }
  });
  const learnerTx = db.transaction(
    (sessionId: number, l: { id: string; secret: string; name: string }) => {
      const number = q.nextNumber.get(sessionId)!.n;
      q.insertLearner.run(sessionId, l.id, l.secret, number, l.name, now());
      return learnerOf(q.learner.get(sessionId, l.id)!);
    },
  );

  const store: SessionStore = {
    path,
    current() {
      const row = q.current.get();
      return row ? sessionOf(row) : null;
    },
    createSession(s) {
      const info = q.insertSession.run(
        s.code,
        s.token,
        s.scenarioText,
        s.scenarioFile,
        s.seed,
        now(),
      );
      return store.session(Number(info.lastInsertRowid));
    },
    session(id) {
      const row = q.session.get(id);
      if (!row) throw new Error(`no session ${id}`);
      return sessionOf(row);
    },
    updateSession(id, patch) {
      const sets: string[] = [];
      const values: (number | string)[] = [];
      for (const [key, value] of Object.entries(patch)) {
        sets.push(`${SESSION_COLUMNS[key as keyof typeof patch]} = ?`);
        values.push(typeof value === 'boolean' ? (value ? 1 : 0) : (value as number));
      }
      if (sets.length > 0)
        db.prepare(`UPDATE sessions SET ${sets.join(', ')} WHERE id = ?`).run(...values, id);
      return store.session(id);
    },
    addLearner: (sessionId, l) => learnerTx(sessionId, l),
    learner(sessionId, id) {
      const row = q.learner.get(sessionId, id);
      return row ? learnerOf(row) : null;
    },
    learners: (sessionId) => q.learners.all(sessionId).map(learnerOf),
    setStatus(sessionId, id, status) {
      q.setStatus.run(JSON.stringify(status), sessionId, id);
    },
    setApplied(sessionId, id, applied) {
      q.setApplied.run(applied, sessionId, id);
    },
    setApplieds: (sessionId, applied) => appliedTx(sessionId, applied),
    appendActions: (sessionId, id, from, actions) => appendTx(sessionId, id, from, actions),
    actionCount: (sessionId, id) => q.actionCount.get(sessionId, id)!.n,
    actions: (sessionId, id) =>
      q.actions.all(sessionId, id).map((r) => ({
        atS: r.at_s,
        source: r.source as TimedAction['source'],
        action: JSON.parse(r.action) as TimedAction['action'],
      })),
    lastAction(sessionId, id) {
      const r = q.lastAction.get(sessionId, id);
      return r
        ? {
            atS: r.at_s,
            source: r.source as TimedAction['source'],
            action: JSON.parse(r.action) as TimedAction['action'],
          }
        : null;
    },
    addCommand: (sessionId, id, command) => commandsTx(sessionId, [id], command)[0]!,
    addCommands: (sessionId, ids, command) => commandsTx(sessionId, ids, command),
    setStatuses: (sessionId, statuses) => statusesTx(sessionId, statuses),
    commandsAfter: (sessionId, id, seq) =>
      q.commandsAfter.all(sessionId, id, seq).map((r) => ({
        seq: r.seq,
        command: JSON.parse(r.command) as LearnerCommand,
      })),
    setGroup: (sessionId, ids, name) => groupTx(sessionId, ids, name),
    groups: (sessionId) =>
      new Map(q.groups.all(sessionId).map((r) => [r.learner_id, r.name] as const)),
    logEvent(sessionId, kind, detail) {
      q.insertEvent.run(sessionId, now(), kind, JSON.stringify(detail));
    },
    events: (sessionId) =>
      q.events.all(sessionId).map((r) => ({
        kind: r.kind,
        at: r.at,
        detail: JSON.parse(r.detail) as unknown,
      })),
    close() {
      db.close();
    },
  };
  return store;
}
