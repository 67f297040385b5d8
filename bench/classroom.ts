// Load benchmark of the live classroom (figures, not a test): starts `coldboot classroom` as its own
// process (on a stub app, a fresh data folder), connects N simulated learners (ws clients in this
// process) and the console, and for a while has every learner send a status every second and an
// action every few seconds (as a class at 600× does), while the console sends a message to everyone
// every two seconds, and follows one learner live. Prints the relay latency (console → every learner, and a learner's upload →
// its ack) at p50/p95 and the server's memory (RSS from /proc).
//
//   npx tsx bench/classroom.ts [learners=300] [seconds=30]
//
// BENCH_CPU_PROF=<folder> runs the server with Node's --cpu-prof, writing its profile there.

import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { WebSocket } from 'ws';
import { buildCli } from '../scripts/buildCli.ts';
import { CLASSROOM_WS_PATH } from '../src/classroom/protocol.ts';
import { mb, ms, percentile } from './stats.ts';

const LEARNERS = Number(process.argv[2] ?? 300);
const SECONDS = Number(process.argv[3] ?? 30);
const ROOT = fileURLToPath(new URL('..', import.meta.url));

function rssOf(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? Number.NaN);
  return kb * 1024;
}

async function main(): Promise<void> {
  await buildCli(); // the server is the built command line, bin/coldboot.js
  const data = mkdtempSync(join(tmpdir(), 'coldboot-class-bench-'));
  const dist = mkdtempSync(join(tmpdir(), 'coldboot-class-dist-'));
  writeFileSync(join(dist, 'index.html'), '<!doctype html><title>stub</title>');
  const prof = process.env.BENCH_CPU_PROF;
  const server = spawn(
    process.execPath,
    [
      ...(prof ? ['--cpu-prof', `--cpu-prof-dir=${prof}`] : []),
      join(ROOT, 'bin/coldboot.js'),
      'classroom',
      '--port',
      '0',
      '--data',
      data,
      '--dist',
      dist,
    ],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
  let out = '';
  const info = await new Promise<{ port: number; code: string; token: string }>((resolve) => {
    server.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const m = /http:\/\/[^:]+:(\d+)\/\?class=(\w+)[\s\S]*\?console#(\w+)/.exec(out);
      if (m) resolve({ port: Number(m[1]), code: m[2]!, token: m[3]! });
    });
  });
  const url = `ws://127.0.0.1:${info.port}${CLASSROOM_WS_PATH}`;
  const open = (ws: WebSocket) => new Promise((r) => ws.once('open', r));

  const relay: number[] = [];
  const acks: number[] = [];
  const sentAt = new Map<string, number>();
  const learners: { ws: WebSocket; count: number; t: number; pending: number | null }[] = [];
  for (let i = 0; i < LEARNERS; i++) {
    const ws = new WebSocket(url);
    await open(ws);
    const learner = { ws, count: 0, t: 0, pending: null as number | null };
    ws.on('message', (raw) => {
      const m = JSON.parse(String(raw)) as {
        type: string;
        command?: { kind: string; action?: { text?: string } };
        seq?: number;
      };
      if (m.type === 'command' && m.command?.action?.text) {
        const at = sentAt.get(m.command.action.text);
        if (at !== undefined) relay.push(performance.now() - at);
        ws.send(JSON.stringify({ type: 'applied', upTo: m.seq }));
      } else if (m.type === 'ack' && learner.pending !== null) {
        acks.push(performance.now() - learner.pending);
        learner.pending = null;
      }
    });
    ws.send(JSON.stringify({ type: 'join', code: info.code, name: `Learner ${i + 1}` }));
    learners.push(learner);
  }
  const console_ = new WebSocket(url);
  await open(console_);
  console_.send(JSON.stringify({ type: 'console', token: info.token }));
  // The console follows the first learner (their trend and log, as the drill-down does).
  console_.on('message', (raw) => {
    const m = JSON.parse(String(raw)) as { type: string; learners?: { id: string }[] };
    if (m.type === 'console' && m.learners?.[0])
      console_.send(JSON.stringify({ type: 'watch', learner: m.learners[0].id }));
  });
  const rssStart = rssOf(server.pid!);

  // Each learner on its own second (real pages are not in step with one another).
  const timers = learners.map((l) =>
    setTimeout(() => {
      const tick = () => {
        l.t += 600; // 600× play: ten simulated minutes a second
        l.ws.send(
          JSON.stringify({
            type: 'status',
            status: {
              screen: 'run',
              state: 'running',
              tS: l.t,
              brainC: 30 + Math.random(),
              coreC: 30,
              rhythm: 'sinus rhythm',
              viable: 0.98,
              alarms: [],
            },
          }),
        );
        if (Math.random() < 0.3 && l.pending === null) {
          l.pending = performance.now();
          l.ws.send(
            JSON.stringify({
              type: 'actions',
              from: l.count,
              actions: [{ atS: l.t, source: 'learner', action: { do: 'ventilate', fio2: 1 } }],
            }),
          );
          l.count += 1;
        }
      };
      tick();
      timers.push(setInterval(tick, 1000));
    }, Math.random() * 1000),
  );
  let n = 0;
  const messageTimer = setInterval(() => {
    const text = `bench ${++n}`;
    sentAt.set(text, performance.now());
    console_.send(JSON.stringify({ type: 'inject', to: 'all', action: { do: 'message', text } }));
  }, 2000);
  let rssMax = rssStart;
  const memoryTimer = setInterval(() => (rssMax = Math.max(rssMax, rssOf(server.pid!))), 500);

  await new Promise((r) => setTimeout(r, SECONDS * 1000));
  timers.forEach((t) => clearInterval(t));
  clearInterval(messageTimer);
  clearInterval(memoryTimer);
  console.log(`classroom: ${LEARNERS} learners, ${SECONDS} s`);
  console.log(
    `  console → every learner: p50 ${ms(percentile(relay, 50), 1)}, p95 ${ms(percentile(relay, 95), 1)} (${relay.length} deliveries)`,
  );
  console.log(
    `  upload → ack:            p50 ${ms(percentile(acks, 50), 1)}, p95 ${ms(percentile(acks, 95), 1)} (${acks.length} uploads)`,
  );
  console.log(`  server memory (RSS):     ${mb(rssStart)} after joining, ${mb(rssMax)} at most`);
  for (const l of learners) l.ws.terminate();
  console_.terminate();
  server.kill('SIGTERM');
  await new Promise((r) => server.once('exit', r));
  rmSync(data, { recursive: true, force: true });
  rmSync(dist, { recursive: true, force: true });
}

await main();
