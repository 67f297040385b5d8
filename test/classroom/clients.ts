// Test helpers for the classroom server: a WebSocket client that keeps every message it hears, and
// a realistic learner log (the tutorial's expert plan).

import { readFileSync } from 'node:fs';
import { WebSocket } from 'ws';
import {
  createSimulation,
  expertRunLog,
  parseScenario,
  type TimedAction,
} from '../../models/index.ts';
import { CLASSROOM_WS_PATH } from '../../src/classroom/protocol.ts';

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
