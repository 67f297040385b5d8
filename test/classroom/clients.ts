// Test helpers for the classroom server: a server of its own for each test (a fresh data folder, a
// stand-in build), a WebSocket client that keeps every message it hears, a learner and a console
// joined to the class, and a realistic learner log (the tutorial's expert plan).

import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach } from 'vitest';
import { WebSocket } from 'ws';
import {
  createSimulation,
  expertRunLog,
  parseScenario,
  type TimedAction,
} from '../../models/index.ts';
import { CLASSROOM_WS_PATH } from '../../src/classroom/protocol.ts';
import { startClassroom, type Classroom } from '../../src/classroom/server.ts';

export const TUTORIAL = readFileSync(
  new URL('../../public/scenarios/hlm-tutorial.yaml', import.meta.url),
  'utf8',
);

/** The tutorial's expert plan up to `untilS`, as a learner's page would log it. */
export function learnerActions(untilS = 300): TimedAction[] {
  const scenario = parseScenario(TUTORIAL, 'hlm-tutorial.yaml');
  const sim = createSimulation(scenario, { replay: expertRunLog(scenario)!.actions });
  sim.advance(untilS);
  return sim.log().map((a) => ({ atS: a.atS, source: a.source, action: a.action }));
}

export interface Client {
  readonly ws: WebSocket;
  readonly messages: Record<string, unknown>[];
  send(message: unknown): void;
  next(type: string, after?: number): Promise<Record<string, unknown>>;
  closed: Promise<number>;
}

export function client(port: number): Promise<Client> {
  const ws = new WebSocket(`ws://127.0.0.1:${port}${CLASSROOM_WS_PATH}`);
  const messages: Record<string, unknown>[] = [];
  const waiters: (() => void)[] = [];
  ws.on('message', (data) => {
    messages.push(JSON.parse(String(data)) as Record<string, unknown>);
    waiters.splice(0).forEach((w) => w());
  });
  const closed = new Promise<number>((resolve) => ws.on('close', (code) => resolve(code)));
  const c: Client = {
    ws,
    messages,
    closed,
    send: (m) => ws.send(typeof m === 'string' ? m : JSON.stringify(m)),
    next(type, after = 0) {
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no "${type}" message`)), 60_000);
        const look = () => {
          const found = messages.slice(after).find((m) => m.type === type);
          if (found) {
            clearTimeout(timer);
            resolve(found);
          } else waiters.push(look);
        };
        look();
      });
    },
  };
  return new Promise((resolve, reject) => {
    ws.once('open', () => resolve(c));
    ws.once('error', reject);
  });
}

/** A learner's status, with these fields changed. */
export function status(patch: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    screen: 'run',
    state: 'running',
    tS: 60,
    brainC: 35,
    coreC: 36,
    rhythm: 'sinus rhythm',
    viable: 1,
    alarms: [],
    ...patch,
  };
}

/** The classroom server of the test that is running. */
export interface TestServer {
  /** The test's data folder (the server's database and session folders). */
  readonly dataDir: string;
  /** Every line the server has logged in this test. */
  readonly logged: string[];
  /** Starts the server on the test's data folder (again after `stop`: a restart); `onLog` hears each line too. */
  start(onLog?: (line: string) => void): Promise<Classroom>;
  /** Closes the running server, as a restart would. */
  stop(): Promise<void>;
}

/**
 * Gives each test of the file a server of its own: a fresh data folder and a stand-in build before
 * it, the server closed and both folders removed after it. Read the fields inside tests.
 */
export function useTestServer(): TestServer {
  let classroom: Classroom | undefined;
  let distDir = '';
  const server = {
    dataDir: '',
    logged: [] as string[],
    async start(onLog?: (line: string) => void): Promise<Classroom> {
      classroom = await startClassroom({
        dataDir: server.dataDir,
        distDir,
        port: 0,
        log: (line) => {
          server.logged.push(line);
          onLog?.(line);
        },
      });
      return classroom;
    },
    async stop(): Promise<void> {
      await classroom?.close();
      classroom = undefined;
    },
  };
  beforeEach(() => {
    server.dataDir = mkdtempSync(join(tmpdir(), 'coldboot-class-'));
    distDir = mkdtempSync(join(tmpdir(), 'coldboot-dist-'));
    writeFileSync(join(distDir, 'index.html'), '<!doctype html><title>ColdBoot</title>');
    server.logged.length = 0;
  });
  afterEach(async () => {
    await server.stop();
    rmSync(server.dataDir, { recursive: true, force: true });
    rmSync(distDir, { recursive: true, force: true });
  });
  return server;
}

/** A learner joined to the class under `name`, with the server's welcome and their id. */
export async function joinClass(
  c: Classroom,
  name = 'Ana',
): Promise<{ learner: Client; welcome: Record<string, unknown>; id: string }> {
  const learner = await client(c.port);
  learner.send({ type: 'join', code: c.code, name });
  const welcome = await learner.next('welcome');
  return { learner, welcome, id: welcome.learnerId as string };
}

/** The instructor's console, signed in with the class's token. */
export async function consoleOf(c: Classroom): Promise<Client> {
  const con = await client(c.port);
  con.send({ type: 'console', token: c.token });
  await con.next('console');
  return con;
}
