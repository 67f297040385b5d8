// The live classroom's server, in-process on a free port with real WebSocket clients (ws): who may
// send what, hostile and malformed messages refused without taking the session down, action logs
// held once each, instructor commands relayed and redelivered, a restart with the same data folder
// carrying on, and the class debrief's CSV.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import {
  MAX_NAME_LENGTH,
  checkActions,
  cleanName,
  parseClientMessage,
  rateLimiter,
} from '../../src/classroom/protocol.ts';
import { csvField } from '../../src/classroom/classDebrief.ts';
import {
  TUTORIAL,
  client,
  consoleOf,
  joinClass,
  learnerActions,
  useTestServer,
} from './clients.ts';

const server = useTestServer();
const { start, logged } = server;

describe('classroom messages', () => {
  it('refuses what is not exactly one of ours', () => {
    const bad = [
      'not json',
      '[]',
      '"join"',
      JSON.stringify({ type: 'frobnicate' }),
      JSON.stringify({ type: 'join', code: 'ABC', name: 'x', extra: 1 }),
      JSON.stringify({ type: 'join', code: 5, name: 'x' }),
      JSON.stringify({ type: 'pace', op: 'explode' }),
      JSON.stringify({ type: 'speed', speed: 1e9 }),
      JSON.stringify({ type: 'inject', to: 'all', action: { do: 'rm -rf' } }),
      JSON.stringify({ type: 'inject', to: 'all', action: { do: 'fault', kind: 'gremlins' } }),
      JSON.stringify({ type: 'actions', from: -1, actions: [] }),
      JSON.stringify({ type: 'status', status: { screen: 'run' } }),
      JSON.stringify({ type: 'actions', from: 0, actions: new Array(201).fill({}) }),
      JSON.stringify({ type: 'console', token: 'x'.repeat(500) }),
      'x'.repeat(70_000),
    ];
    for (const text of bad) expect(() => parseClientMessage(text), text.slice(0, 60)).toThrow();
    expect(parseClientMessage(JSON.stringify({ type: 'pace', op: 'pause' }))).toEqual({
      type: 'pace',
      op: 'pause',
    });
    expect(
      parseClientMessage(
        JSON.stringify({ type: 'inject', to: 'all', action: { do: 'fault', kind: 'venous-kink' } }),
      ),
    ).toEqual({ type: 'inject', to: 'all', action: { do: 'fault', kind: 'venous-kink' } });
  });

  it('checks actions as run logs check theirs, in time order', () => {
    const scenario = { title: 'T', hash: `sha256:${'a'.repeat(64)}` };
    const actions = learnerActions(120);
    expect(checkActions(actions, scenario, 0)).toEqual(actions);
    expect(() => checkActions([...actions].reverse(), scenario, 0)).toThrow(/earlier|no earlier/);
    expect(() => checkActions(actions, scenario, 99_999)).toThrow(/earlier than the last/);
    expect(() =>
      checkActions([{ atS: 0, source: 'learner', action: { do: 'eval', code: '1' } }], scenario, 0),
    ).toThrow(/actions/);
  });

  it('cleans names: control characters out, space folded, length limited', () => {
    expect(cleanName('  Ana\u0000\u202e  Lopez\n')).toBe('Ana Lopez');
    expect(cleanName('x'.repeat(100))).toHaveLength(MAX_NAME_LENGTH);
    expect(cleanName('<script>alert(1)</script>')).toBe('<script>alert(1)</script>'); // shown as text
  });

  it('limits the rate', () => {
    let t = 0;
    const limiter = rateLimiter(3, 1, () => t);
    expect([limiter.take(), limiter.take(), limiter.take(), limiter.take()]).toEqual([
      true,
      true,
      true,
      false,
    ]);
    t = 1000;
    expect(limiter.take()).toBe(true);
  });

  it('guards CSV fields against formulas', () => {
    expect(csvField('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField(3)).toBe('3');
  });
});

describe('the classroom server', () => {
  it('lets learners join, relays the instructor and keeps each action once', async () => {
    const c = await start();
    const { learner, welcome } = await joinClass(c, 'Ana\u0007');
    expect(welcome.name).toBe('Ana');
    expect((welcome.scenario as { text: string }).text).toBe(TUTORIAL);
    expect(welcome.received).toBe(0);
    const con = await consoleOf(c);

    const actions = learnerActions();
    learner.send({ type: 'actions', from: 0, actions: actions.slice(0, 3) });
    expect((await learner.next('ack')).received).toBe(3);
    // A resend (the ack was lost) overlapping what is held: nothing counted twice.
    const mark = learner.messages.length;
    learner.send({ type: 'actions', from: 0, actions });
    expect((await learner.next('ack', mark)).received).toBe(actions.length);
    // Ahead of what is held: told where to send from.
    const mark2 = learner.messages.length;
    learner.send({ type: 'actions', from: actions.length + 5, actions: actions.slice(0, 1) });
    expect((await learner.next('ack', mark2)).received).toBe(actions.length);
    expect(c.store.actions(1, welcome.learnerId as string)).toEqual(actions);

    learner.send({
      type: 'status',
      status: {
        screen: 'run',
        state: 'running',
        tS: 300,
        brainC: 30.5,
        coreC: 31,
        rhythm: 'ventricular fibrillation',
        viable: 0.99,
        alarms: ['low-flow'],
      },
    });
    await expect
      .poll(() =>
        con.messages.some(
          (m) =>
            m.type === 'learners' &&
            (m.learners as { status: { alarms: string[] } | null }[]).some(
              (l) => l.status?.alarms[0] === 'low-flow',
            ),
        ),
      )
      .toBe(true);

    con.send({ type: 'pace', op: 'pause' });
    con.send({
      type: 'inject',
      to: welcome.learnerId,
      action: { do: 'fault', kind: 'venous-kink' },
    });
    await expect.poll(() => learner.messages.filter((m) => m.type === 'command').length).toBe(2);
    const commands = learner.messages.filter((m) => m.type === 'command');
    expect(commands.map((m) => m.seq)).toEqual([1, 2]);
    expect(commands[1]!.command).toEqual({
      kind: 'apply',
      action: { do: 'fault', kind: 'venous-kink' },
    });
    // The learner hears nothing of the console's roster or of anyone else.
    expect(learner.messages.map((m) => m.type)).not.toContain('learners');
  });

  it('never lets a learner act as the instructor', async () => {
    const c = await start();
    const { learner } = await joinClass(c);
    const other = await joinClass(c, 'Ben');
    const before = other.learner.messages.length;
    for (const m of [
      { type: 'pace', op: 'start' },
      { type: 'speed', speed: 600 },
      { type: 'inject', to: 'all', action: { do: 'cardiacArrest', rhythm: 'vf' } },
      { type: 'end' },
      { type: 'console', token: c.token },
    ]) {
      learner.send(m);
    }
    await expect.poll(() => learner.messages.filter((m) => m.type === 'refused').length).toBe(5);
    expect(c.store.session(1).started).toBe(false);
    expect(c.store.session(1).ended).toBe(false);
    expect(other.learner.messages.slice(before).filter((m) => m.type === 'command')).toEqual([]);
    expect(learner.ws.readyState).toBe(WebSocket.OPEN);
    expect(c.store.events(1).filter((e) => e.kind === 'refused').length).toBeGreaterThanOrEqual(5);

    // A wrong token is refused and the connection closed.
    const impostor = await client(c.port);
    impostor.send({ type: 'console', token: 'f'.repeat(48) });
    expect((await impostor.next('refused')).fatal).toBe(true);
    expect(await impostor.closed).toBe(1008);
    // Nor can someone rejoin as another learner without their secret.
    const thief = await client(c.port);
    thief.send({
      type: 'join',
      code: c.code,
      name: 'x',
      learnerId: other.welcome.learnerId,
      secret: '0'.repeat(48),
    });
    expect((await thief.next('refused')).reason).toBe('not this learner');
  });

  it('refuses hostile and malformed messages and carries on', async () => {
    const c = await start();
    const { learner, welcome } = await joinClass(c);
    const hostile = await client(c.port);
    hostile.send('{"type":"join","code":');
    hostile.send(Buffer.from([0, 1, 2, 3]));
    hostile.send(`{"type":"join","code":"${c.code}","name":"x","__proto__":{"admin":true}}`);
    hostile.send({ type: 'actions', from: 0, actions: [] }); // before joining
    await expect.poll(() => hostile.messages.filter((m) => m.type === 'refused').length).toBe(4);
    // Actions that are not actions, or out of order, are refused; the log stays as it was.
    learner.send({
      type: 'actions',
      from: 0,
      actions: [{ atS: 0, source: 'learner', action: { do: 'nope' } }],
    });
    learner.send({
      type: 'actions',
      from: 0,
      actions: [{ atS: -5, source: 'learner', action: { do: 'ventilate', fio2: 1 } }],
    });
    await expect.poll(() => learner.messages.filter((m) => m.type === 'refused').length).toBe(2);
    expect(c.store.actionCount(1, welcome.learnerId as string)).toBe(0);
    // A message over the size limit closes that connection only.
    const big = await client(c.port);
    big.send('x'.repeat(200_000));
    expect(await big.closed).toBe(1009);
    // A flood is refused past the rate limit, then closed.
    const flood = await client(c.port);
    for (let i = 0; i < 300; i++) flood.send({ type: 'applied', upTo: 1 });
    expect(await flood.closed).toBe(1008);
    // The session carries on.
    const con = await consoleOf(c);
    con.send({ type: 'pace', op: 'start' });
    await expect.poll(() => learner.messages.some((m) => m.type === 'command')).toBe(true);
    expect(logged.some((l) => l.includes('refused'))).toBe(true);
  });

  it('carries on after a restart with the same data folder', async () => {
    let c = await start();
    const { code, token } = c;
    const { learner, welcome } = await joinClass(c, 'Ana');
    const actions = learnerActions();
    learner.send({ type: 'actions', from: 0, actions });
    await learner.next('ack');
    const con = await consoleOf(c);
    con.send({ type: 'pace', op: 'start' });
    con.send({ type: 'inject', to: 'all', action: { do: 'message', text: 'Check the line' } });
    await expect.poll(() => learner.messages.filter((m) => m.type === 'command').length).toBe(2);
    learner.send({ type: 'applied', upTo: 1 }); // the message was not yet applied
    await new Promise((r) => setTimeout(r, 100));
    await server.stop();

    c = await start();
    expect(c.resumed).toBe(true);
    expect([c.code, c.token]).toEqual([code, token]);
    const back = await client(c.port);
    back.send({
      type: 'join',
      code,
      name: 'Ana',
      learnerId: welcome.learnerId,
      secret: welcome.secret,
      applied: 1,
    });
    const again = await back.next('welcome');
    expect(again.learnerId).toBe(welcome.learnerId);
    expect(again.received).toBe(actions.length);
    expect((again.session as { started: boolean }).started).toBe(true);
    // Only the command not yet applied comes again.
    const resent = await back.next('command');
    expect(resent.seq).toBe(2);
    expect(back.messages.filter((m) => m.type === 'command')).toHaveLength(1);
    const con2 = await consoleOf(c);
    const roster = con2.messages.find((m) => m.type === 'console')!.learners as {
      name: string;
      actionCount: number;
    }[];
    expect(roster).toMatchObject([{ name: 'Ana', actionCount: actions.length }]);
  });

  it('ends with a class debrief and a CSV of results', async () => {
    const c = await start();
    const a = await joinClass(c, 'Ana');
    const b = await joinClass(c, '=cmd|x');
    const actions = learnerActions(240);
    a.learner.send({ type: 'actions', from: 0, actions });
    await a.learner.next('ack');
    for (const l of [a, b])
      l.learner.send({
        type: 'status',
        status: {
          screen: 'run',
          state: 'paused',
          tS: 240,
          brainC: 30,
          coreC: 30,
          rhythm: '',
          viable: 1,
          alarms: [],
        },
      });
    const con = await consoleOf(c);
    con.send({ type: 'end' });
    const { debrief } = (await con.next('classDebrief')) as unknown as {
      debrief: {
        learners: { number: number; endS: number; flagged: string | null }[];
        csv: string;
      };
    };
    expect(debrief.learners.map((l) => l.number)).toEqual([1, 2]);
    expect(debrief.learners[0]!.endS).toBe(240);
    expect(debrief.learners[0]!.flagged).toBeNull();
    const lines = debrief.csv.trim().split('\n');
    expect(lines[0]).toMatch(/^learner,name,end_s,survived/);
    expect(lines[2]).toContain("'=cmd|x");
    const folder = join(server.dataDir, `session-1-${c.code}`);
    expect(readFileSync(join(folder, 'results.csv'), 'utf8')).toBe(debrief.csv);
    expect(JSON.parse(readFileSync(join(folder, 'learner-1.json'), 'utf8')).actions).toHaveLength(
      actions.length,
    );
    expect(a.learner.messages.some((m) => (m.command as { kind?: string })?.kind === 'end')).toBe(
      true,
    );
    // An ended class takes nobody new.
    const late = await client(c.port);
    late.send({ type: 'join', code: c.code, name: 'Late' });
    expect((await late.next('refused')).reason).toBe('this class has ended');
  });

  it('serves the app, never outside it', async () => {
    const c = await start();
    const base = `http://127.0.0.1:${c.port}`;
    expect(await (await fetch(`${base}/?class=${c.code}`)).text()).toContain('ColdBoot');
    expect((await fetch(`${base}/..%2f..%2fetc/passwd`)).status).toBeGreaterThanOrEqual(400);
    expect((await fetch(`${base}/classroom/qr.svg`)).headers.get('content-type')).toBe(
      'image/svg+xml',
    );
    expect((await fetch(`${base}/`, { method: 'POST' })).status).toBe(405);
  });
});
