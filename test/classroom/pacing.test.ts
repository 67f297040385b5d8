// The live classroom's pacing, groups, following one learner, and the class debrief's mistakes and
// zip of run logs, against the real server (in-process, a free port, real WebSocket clients): the
// console's new messages are checked and refused to learners; holding at prompts relays to each
// learner only what is theirs; groups target their learners; a followed learner's trend and log
// arrive whole, then in parts; the exported logs replay with the command line; the relay answers
// while the class debrief is replayed.

import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { unzipSync, strFromU8 } from 'fflate';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { WebSocket } from 'ws';
import { parseScenario } from '../../models/index.ts';
import { main } from '../../src/cli/main.ts';
import { classMistakes, MISTAKE_RULES } from '../../src/classroom/classDebrief.ts';
import { linkLearnerToClass, promptsReached } from '../../src/classroom/learnerLink.ts';
import { parseClientMessage, targetLabel } from '../../src/classroom/protocol.ts';
import { openSessionStore } from '../../src/classroom/sessionStore.ts';
import type { DebriefPort, SimulationPort } from '../../src/state/port.ts';
import { createAppStore, type AppStore } from '../../src/state/store.ts';
import {
  TUTORIAL,
  client,
  consoleOf,
  joinClass,
  learnerActions,
  status,
  useTestServer,
  type Client,
} from './clients.ts';

const server = useTestServer();
const { start } = server;

const commandsOf = (c: Client) =>
  c.messages.filter((m) => m.type === 'command').map((m) => m.command as Record<string, unknown>);

describe('pacing and group messages', () => {
  it('parseClientMessage checks hold, release, group and watch', () => {
    expect(parseClientMessage('{"type":"hold","on":true}')).toEqual({ type: 'hold', on: true });
    expect(parseClientMessage('{"type":"release","to":"group:Red"}')).toEqual({
      type: 'release',
      to: 'group:Red',
    });
    expect(
      parseClientMessage('{"type":"group","learners":["a","b"],"name":"  Red\\u0000 team "}'),
    ).toEqual({ type: 'group', learners: ['a', 'b'], name: 'Red team' });
    expect(parseClientMessage('{"type":"watch","learner":null}')).toEqual({
      type: 'watch',
      learner: null,
    });
    const bad = [
      { type: 'hold', on: 'yes' },
      { type: 'hold' },
      { type: 'release', to: 'x'.repeat(65) },
      { type: 'release', to: 'all', extra: 1 },
      { type: 'group', learners: 'a', name: 'Red' },
      { type: 'group', learners: new Array(301).fill('a'), name: 'Red' },
      { type: 'group', learners: [5], name: 'Red' },
      { type: 'group', learners: ['a'], name: 7 },
      { type: 'watch', learner: 42 },
      { type: 'status', status: status({ held: 0 }) },
      { type: 'status', status: status({ held: 1.5 }) },
    ];
    for (const m of bad)
      expect(() => parseClientMessage(JSON.stringify(m)), JSON.stringify(m)).toThrow();
    expect(
      parseClientMessage(JSON.stringify({ type: 'status', status: status({ held: 2 }) })),
    ).toMatchObject({ status: { held: 2 } });
  });

  it('parseClientMessage checks the learners’ choice of speed', () => {
    expect(parseClientMessage('{"type":"ownSpeed","on":false}')).toEqual({
      type: 'ownSpeed',
      on: false,
    });
    for (const m of [
      { type: 'ownSpeed' },
      { type: 'ownSpeed', on: 0 },
      { type: 'ownSpeed', on: 'false' },
      { type: 'ownSpeed', on: true, speed: 60 },
    ])
      expect(() => parseClientMessage(JSON.stringify(m)), JSON.stringify(m)).toThrow();
  });

  it('promptsReached counts the scenario’s pauses only', () => {
    expect(
      promptsReached([
        { source: 'scenario', action: { do: 'message' } },
        { source: 'scenario', action: { do: 'pause' } },
        { source: 'instructor', action: { do: 'pause' } },
        { source: 'scenario', action: { do: 'pause' } },
      ]),
    ).toBe(2);
  });

  it('targetLabel names everyone, a group or a learner', () => {
    const learners = [{ id: 'x', number: 3, name: 'Ana' }];
    expect(targetLabel('all', learners, false)).toBe('everyone');
    expect(targetLabel('group:Red', learners, false)).toBe('group Red');
    expect(targetLabel('x', learners, false)).toBe('Learner 3');
    expect(targetLabel('x', learners, true)).toBe('Ana');
  });
});

describe('the classroom server: pacing, groups, following a learner', () => {
  it('never lets a learner hold, release, group or follow', async () => {
    const c = await start();
    const a = await joinClass(c, 'Ana');
    const b = await joinClass(c, 'Ben');
    b.learner.send({ type: 'status', status: status({ held: 1 }) });
    const before = b.learner.messages.length;
    for (const m of [
      { type: 'hold', on: true },
      { type: 'release', to: 'all' },
      { type: 'group', learners: [a.id, b.id], name: 'Red' },
      { type: 'watch', learner: b.id },
    ])
      a.learner.send(m);
    await expect.poll(() => a.learner.messages.filter((m) => m.type === 'refused').length).toBe(4);
    expect(a.learner.messages.filter((m) => m.type === 'refused').map((m) => m.reason)).toEqual([
      'a learner cannot send "hold"',
      'a learner cannot send "release"',
      'a learner cannot send "group"',
      'a learner cannot send "watch"',
    ]);
    expect(c.store.session(1).hold).toBe(false);
    expect(c.store.groups(1).size).toBe(0);
    expect(b.learner.messages.slice(before).filter((m) => m.type !== 'ping')).toEqual([]);
    expect(a.learner.messages.some((m) => m.type === 'detail')).toBe(false);
  });

  it('keeps learners at the class’s speed when the console says so, over a restart; a learner cannot', async () => {
    let c = await start();
    const a = await joinClass(c, 'Ana');
    const b = await joinClass(c, 'Ben');
    expect(c.store.session(1).ownSpeed).toBe(true);
    // A learner cannot lock the class's speed.
    a.learner.send({ type: 'ownSpeed', on: false });
    expect((await a.learner.next('refused')).reason).toBe('a learner cannot send "ownSpeed"');
    expect(c.store.session(1).ownSpeed).toBe(true);
    expect(commandsOf(b.learner)).toEqual([]);

    const con = await consoleOf(c);
    con.send({ type: 'speed', speed: 120 });
    con.send({ type: 'ownSpeed', on: false });
    const locked = [
      { kind: 'speed', speed: 120 },
      { kind: 'ownSpeed', on: false },
    ];
    await expect.poll(() => commandsOf(a.learner)).toEqual(locked);
    await expect.poll(() => commandsOf(b.learner)).toEqual(locked);
    await expect
      .poll(() =>
        con.messages
          .filter((m) => m.type === 'session')
          .map((m) => (m.session as { ownSpeed: boolean }).ownSpeed),
      )
      .toEqual([true, false]);
    expect(c.store.session(1)).toMatchObject({ ownSpeed: false, speed: 120 });

    // A restart keeps it: a learner rejoining and a console reconnecting are told.
    const welcome = a.learner.messages.find((m) => m.type === 'welcome')!;
    await server.stop();
    c = await start();
    const back = await client(c.port);
    back.send({
      type: 'join',
      code: c.code,
      name: 'Ana',
      learnerId: welcome.learnerId,
      secret: welcome.secret,
      applied: 2,
    });
    expect((await back.next('welcome')).session).toMatchObject({ ownSpeed: false, speed: 120 });
    const con2 = await client(c.port);
    con2.send({ type: 'console', token: c.token });
    expect((await con2.next('console')).session).toMatchObject({ ownSpeed: false });
    con2.send({ type: 'ownSpeed', on: true });
    await expect.poll(() => commandsOf(back).at(-1)).toEqual({ kind: 'ownSpeed', on: true });
    expect(c.store.session(1).ownSpeed).toBe(true);
  });

  it('holds the class at prompts and releases only those waiting, each from their own prompt', async () => {
    const c = await start();
    const a = await joinClass(c, 'Ana');
    const b = await joinClass(c, 'Ben');
    const con = await consoleOf(c);
    con.send({ type: 'hold', on: true });
    await expect.poll(() => commandsOf(a.learner)).toEqual([{ kind: 'hold', on: true }]);
    expect(commandsOf(b.learner)).toEqual([{ kind: 'hold', on: true }]);
    expect(c.store.session(1).hold).toBe(true);
    const session = await con.next('session');
    expect((session.session as { hold: boolean }).hold).toBe(true);

    // Ana waits at the second prompt; Ben has not reached one.
    a.learner.send({ type: 'status', status: status({ held: 2, state: 'paused' }) });
    b.learner.send({ type: 'status', status: status() });
    await expect
      .poll(() =>
        con.messages.some(
          (m) =>
            m.type === 'learners' &&
            (m.learners as { id: string; status: { held?: number } | null }[]).some(
              (l) => l.id === a.id && l.status?.held === 2,
            ),
        ),
      )
      .toBe(true);
    con.send({ type: 'release', to: 'all' });
    await expect.poll(() => commandsOf(a.learner).length).toBe(2);
    expect(commandsOf(a.learner)[1]).toEqual({ kind: 'release', upTo: 2 });
    // A round trip later, Ben still has only the hold.
    con.send({ type: 'release', to: 'nobody-such' });
    await expect.poll(() => con.messages.some((m) => m.type === 'refused')).toBe(true);
    expect(commandsOf(b.learner)).toEqual([{ kind: 'hold', on: true }]);

    // Holding off: every learner is told, in order after what they had.
    con.send({ type: 'hold', on: false });
    await expect.poll(() => commandsOf(b.learner).length).toBe(2);
    expect(commandsOf(b.learner)[1]).toEqual({ kind: 'hold', on: false });
  });

  it('groups learners, targets a group, and keeps the groups over a restart', async () => {
    let c = await start();
    const a = await joinClass(c, 'Ana');
    const b = await joinClass(c, 'Ben');
    const d = await joinClass(c, 'Dee');
    const con = await consoleOf(c);
    con.send({ type: 'group', learners: [a.id, d.id], name: 'Red' });
    await expect
      .poll(() =>
        con.messages
          .filter((m) => m.type === 'learners')
          .flatMap((m) => m.learners as { id: string; group: string }[])
          .filter((l) => l.group === 'Red')
          .map((l) => l.id)
          .sort(),
      )
      .toEqual([a.id, d.id].sort());
    con.send({ type: 'inject', to: 'group:Red', action: { do: 'fault', kind: 'venous-kink' } });
    const kink = { kind: 'apply', action: { do: 'fault', kind: 'venous-kink' } };
    await expect.poll(() => commandsOf(a.learner)).toEqual([kink]);
    await expect.poll(() => commandsOf(d.learner)).toEqual([kink]);
    // An unknown group or learner is refused; Ben heard nothing.
    con.send({ type: 'inject', to: 'group:Blue', action: { do: 'message', text: 'x' } });
    con.send({ type: 'group', learners: ['not-a-learner'], name: 'Blue' });
    await expect.poll(() => con.messages.filter((m) => m.type === 'refused').length).toBe(2);
    expect(commandsOf(b.learner)).toEqual([]);
    // Out of the group.
    con.send({ type: 'group', learners: [d.id], name: '' });
    await expect.poll(() => c.store.groups(1).get(d.id)).toBeUndefined();

    await server.stop();
    c = await start();
    const con2 = await consoleOf(c);
    const roster = con2.messages.find((m) => m.type === 'console')!.learners as {
      id: string;
      group: string;
    }[];
    expect(Object.fromEntries(roster.map((l) => [l.id, l.group]))).toEqual({
      [a.id]: 'Red',
      [b.id]: '',
      [d.id]: '',
    });
  });

  it('sends a followed learner’s trend and log whole, then only what is new', async () => {
    const c = await start();
    const a = await joinClass(c, 'Ana');
    const b = await joinClass(c, 'Ben');
    const actions = learnerActions(1800);
    expect(actions.length).toBeGreaterThan(8);
    a.learner.send({ type: 'actions', from: 0, actions: actions.slice(0, 4) });
    await a.learner.next('ack');
    for (const tS of [60, 120]) {
      a.learner.send({ type: 'status', status: status({ tS, brainC: 30 + tS / 60 }) });
      b.learner.send({ type: 'status', status: status({ tS }) });
    }
    const con = await consoleOf(c);
    await expect.poll(() => c.store.learner(1, a.id) !== null).toBe(true);
    con.send({ type: 'watch', learner: a.id });
    const first = await con.next('detail');
    expect(first).toMatchObject({ id: a.id, whole: true });
    await expect.poll(() => (first.trend as unknown[]).length + 0).toBe(2);
    expect(first.trend).toEqual([
      [60, 31, 36],
      [120, 32, 36],
    ]);
    expect((first.actions as unknown[]).length).toBe(4);

    // New status and actions: only those come.
    const mark = con.messages.length;
    a.learner.send({ type: 'status', status: status({ tS: 180, brainC: 33 }) });
    a.learner.send({ type: 'actions', from: 4, actions: actions.slice(4) });
    await expect
      .poll(() =>
        con.messages
          .slice(mark)
          .filter((m) => m.type === 'detail')
          .reduce((n, m) => n + (m.actions as unknown[]).length, 0),
      )
      .toBe(actions.length - 4);
    const later = con.messages.slice(mark).filter((m) => m.type === 'detail');
    expect(later.every((m) => m.whole === false && m.id === a.id)).toBe(true);
    expect(later.flatMap((m) => m.trend as unknown[])).toEqual([[180, 33, 36]]);
    // Ben's statuses never reach the detail; nor after following stops.
    con.send({ type: 'watch', learner: null });
    const stop = con.messages.length;
    a.learner.send({ type: 'status', status: status({ tS: 240 }) });
    b.learner.send({ type: 'status', status: status({ tS: 240 }) });
    await expect.poll(() => con.messages.slice(stop).some((m) => m.type === 'learners')).toBe(true);
    expect(con.messages.slice(stop).some((m) => m.type === 'detail')).toBe(false);
    // Following nobody known is refused.
    con.send({ type: 'watch', learner: 'nobody' });
    expect((await con.next('refused')).reason).toBe('no such learner');
  });
});

describe('the session store under the relay', () => {
  it('holds actions without gaps, numbers commands on after a reopen, and writes applied in one go', () => {
    let store = openSessionStore(server.dataDir);
    const { id } = store.createSession({
      code: 'ABCDEF',
      token: 't',
      scenarioText: TUTORIAL,
      scenarioFile: 'hlm-tutorial.yaml',
      seed: 1,
    });
    const ana = store.addLearner(id, { id: 'ana', secret: 's', name: 'Ana' });
    const ben = store.addLearner(id, { id: 'ben', secret: 's', name: 'Ben' });
    const actions = learnerActions(1800).slice(0, 6);
    expect(store.appendActions(id, ana.id, 0, actions.slice(0, 3))).toBe(3);
    expect(store.appendActions(id, ana.id, 2, actions.slice(2, 5))).toBe(5); // one held already
    expect(store.appendActions(id, ana.id, 6, actions.slice(5))).toBe(5); // a gap: refused
    expect(store.actions(id, ana.id)).toEqual(actions.slice(0, 5));
    expect(store.actionCount(id, ben.id)).toBe(0);

    expect(store.addCommands(id, [ana.id, ben.id], { kind: 'pause' })).toEqual([1, 1]);
    expect(store.addCommand(id, ana.id, { kind: 'play' })).toBe(2);
    store.close();
    store = openSessionStore(server.dataDir);
    expect(store.addCommands(id, [ana.id, ben.id], { kind: 'end' })).toEqual([3, 2]);
    expect(store.commandsAfter(id, ana.id, 1).map((c) => c.seq)).toEqual([2, 3]);
    store.setApplieds(
      id,
      new Map([
        [ana.id, 3],
        [ben.id, 1],
      ]),
    );
    store.setApplieds(id, new Map([[ana.id, 2]])); // never back
    expect(store.learners(id).map((l) => l.applied)).toEqual([3, 1]);
    store.close();
  });
});

/** A store on a stand-in worker (nothing runs), as the learner's page's store but headless. */
function headlessStore(): AppStore {
  const port: SimulationPort = { post() {}, listen() {}, terminate() {} };
  const debriefPort: DebriefPort = { post() {}, listen() {}, terminate() {} };
  return createAppStore({
    createPort: () => port,
    createDebriefPort: () => debriefPort,
    libraryDirectory: '/lib/',
    fetchText: async () => '[]',
  });
}

function memoryStorage(): Storage {
  const items = new Map<string, string>();
  return {
    get length() {
      return items.size;
    },
    clear: () => items.clear(),
    getItem: (key) => items.get(key) ?? null,
    key: (i) => [...items.keys()][i] ?? null,
    removeItem: (key) => void items.delete(key),
    setItem: (key, value) => void items.set(key, String(value)),
  };
}

describe('the learner’s page: the speed locked to the class’s', () => {
  // The page's WebSocket is ws's here, for the rest of this file (its closing sockets still report
  // after the test ends; each test file has its own globals).
  beforeAll(() => void vi.stubGlobal('WebSocket', WebSocket));

  it('locks setSpeed (the control and the keys) while learners may not choose, and over a reload and a restart', async () => {
    const stops: (() => void)[] = [];
    try {
      let c = await start();
      const storage = memoryStorage();
      const store = headlessStore();
      const link = (port: number) => {
        const states: { link: string }[] = [];
        stops.push(
          linkLearnerToClass(store, {
            code: c.code,
            name: 'Ana',
            url: `ws://127.0.0.1:${port}/classroom/ws`,
            storage,
            startupSettled: async () => {},
            onState: (s) => states.push(s),
          }),
        );
        return states;
      };
      const states = link(c.port);
      await expect.poll(() => store.getState().screen).toBe('briefing');
      // Free: the learner's own choice holds.
      store.getState().setSpeed(600);
      expect(store.getState()).toMatchObject({ speed: 600, speedLock: null });

      const con = await consoleOf(c);
      con.send({ type: 'speed', speed: 120 });
      con.send({ type: 'ownSpeed', on: false });
      await expect.poll(() => store.getState().speedLock).toMatch(/instructor/);
      expect(store.getState().speed).toBe(120);
      store.getState().setSpeed(600);
      expect(store.getState().speed).toBe(120);
      // The instructor's speed still comes through, and stays locked.
      con.send({ type: 'speed', speed: 30 });
      await expect.poll(() => store.getState().speed).toBe(30);
      store.getState().setSpeed(1);
      expect(store.getState().speed).toBe(30);
      expect(states.at(-1)!.link).toBe('connected');

      // A reload (the link ends, the page's speed is its own again) across a server restart: the
      // new link, rejoining as the same learner, locks it to the class's speed once more.
      stops.pop()!();
      expect(store.getState().speedLock).toBe(null);
      store.getState().setSpeed(600);
      expect(store.getState().speed).toBe(600);
      await server.stop();
      c = await start();
      link(c.port);
      await expect.poll(() => store.getState().speedLock).toMatch(/instructor/);
      expect(store.getState().speed).toBe(30);
      store.getState().setSpeed(600);
      expect(store.getState().speed).toBe(30);
      expect(c.store.learners(1)).toHaveLength(1);

      // Free again: the learner chooses.
      const con2 = await consoleOf(c);
      con2.send({ type: 'ownSpeed', on: true });
      await expect.poll(() => store.getState().speedLock).toBe(null);
      store.getState().setSpeed(600);
      expect(store.getState().speed).toBe(600);
    } finally {
      stops.forEach((stop) => stop());
    }
  });
});

describe('the class debrief: mistakes, the zip, a responsive relay', () => {
  it('classMistakes counts learners per mistake and takes the median of their times', () => {
    const scenario = parseScenario(TUTORIAL, 'hlm-tutorial.yaml');
    const objective = scenario.objectives![0]!;
    const result = (mistakes: { id: string; atS: number | null }[]) => ({
      number: 1,
      name: '',
      endS: 0,
      survived: true,
      cpc: 1 as const,
      brainLost: 0,
      score: null,
      objectivesMet: [],
      brainLine: [],
      flagged: null,
      mistakes,
    });
    const mistakes = classMistakes(scenario, [
      result([{ id: 'reoxygenated-warm', atS: 100 }]),
      result([
        { id: 'reoxygenated-warm', atS: 300 },
        { id: `objective:${objective.id}`, atS: null },
      ]),
      result([{ id: 'reoxygenated-warm', atS: 200 }]),
    ]);
    expect(mistakes).toEqual([
      {
        id: 'reoxygenated-warm',
        text: MISTAKE_RULES['reoxygenated-warm'],
        learners: 3,
        medianS: 200,
      },
      {
        id: `objective:${objective.id}`,
        text: `Objective missed: ${objective.text}`,
        learners: 1,
        medianS: null,
      },
    ]);
  });

  it('exports a zip of run logs that replay with `coldboot debrief`, and answers while it replays', async () => {
    let replaying: (() => void) | undefined;
    const started = new Promise<void>((resolve) => (replaying = resolve));
    const c = await start((line) => {
      if (line.includes('replaying')) replaying!();
    });
    const a = await joinClass(c, 'Ana');
    const b = await joinClass(c, 'Ben');
    const full = learnerActions(2 * 3600);
    a.learner.send({ type: 'actions', from: 0, actions: full.slice(0, 200) });
    await expect
      .poll(async () => (await a.learner.next('ack')).received)
      .toBe(Math.min(200, full.length));
    for (let from = 200; from < full.length; from += 200) {
      const mark = a.learner.messages.length;
      a.learner.send({ type: 'actions', from, actions: full.slice(from, from + 200) });
      await a.learner.next('ack', mark);
    }
    const mine = learnerActions(600);
    b.learner.send({ type: 'actions', from: 0, actions: mine });
    await b.learner.next('ack');
    a.learner.send({ type: 'status', status: status({ tS: 2 * 3600, state: 'paused' }) });
    b.learner.send({ type: 'status', status: status({ tS: 600, state: 'paused' }) });
    const con = await consoleOf(c);
    con.send({ type: 'end' });

    // While the runs are replayed, a learner's upload is acknowledged (a round trip) before the
    // class debrief is done.
    await started;
    const mark = b.learner.messages.length;
    b.learner.send({ type: 'actions', from: mine.length, actions: [] });
    await b.learner.next('ack', mark);
    const ackedBeforeDebrief = !con.messages.some((m) => m.type === 'classDebrief');
    const { debrief } = (await con.next('classDebrief')) as unknown as {
      debrief: {
        zip: string;
        zipName: string;
        mistakes: { id: string; learners: number }[];
        learners: { number: number; endS: number; mistakes: { id: string }[] }[];
      };
    };
    expect(ackedBeforeDebrief).toBe(true);

    const files = unzipSync(new Uint8Array(Buffer.from(debrief.zip, 'base64')));
    expect(Object.keys(files).sort()).toEqual(
      ['hlm-tutorial.yaml', 'learner-1.json', 'learner-2.json', 'results.csv'].sort(),
    );
    const folder = join(server.dataDir, `session-1-${c.code}`);
    expect(readFileSync(join(folder, debrief.zipName))).toEqual(Buffer.from(debrief.zip, 'base64'));
    const out = mkdtempSync(join(tmpdir(), 'coldboot-zip-'));
    try {
      for (const [name, bytes] of Object.entries(files)) writeFileSync(join(out, name), bytes);
      expect(strFromU8(files['results.csv']!)).toBe(
        readFileSync(join(folder, 'results.csv'), 'utf8'),
      );
      for (const l of debrief.learners) {
        let text = '';
        const code = await main(
          [
            'debrief',
            join(out, 'hlm-tutorial.yaml'),
            join(out, `learner-${l.number}.json`),
            '--format',
            'json',
          ],
          { stdout: (t) => (text += t), stderr: () => {} },
        );
        expect(code).toBe(0);
        const cli = JSON.parse(text) as {
          endS: number;
          teachingPoints: { id: string }[];
          grade?: { objectives: { id: string; met: boolean }[] };
        };
        expect(cli.endS).toBe(l.endS);
        // The class debrief's mistakes are the CLI debrief's mistake rules and missed objectives.
        const expected = new Set([
          ...cli.teachingPoints.map((p) => p.id).filter((id) => id in MISTAKE_RULES),
          ...(cli.grade?.objectives ?? []).filter((o) => !o.met).map((o) => `objective:${o.id}`),
        ]);
        expect(new Set(l.mistakes.map((m) => m.id))).toEqual(expected);
      }
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
    const counted = new Map<string, number>();
    for (const l of debrief.learners)
      for (const m of l.mistakes) counted.set(m.id, (counted.get(m.id) ?? 0) + 1);
    expect(new Map(debrief.mistakes.map((m) => [m.id, m.learners]))).toEqual(counted);
  });
});
