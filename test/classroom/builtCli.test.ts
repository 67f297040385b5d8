// `coldboot classroom` as a class runs it: bin/coldboot.js (the JavaScript built into dist-cli/ by
// test/globalSetup.ts) started as its own process on a free port, serving a stub app; a learner
// joins and uploads a log, the console ends the class, and the class debrief comes back (replayed
// on the built debrief worker threads). Then Ctrl-C (SIGINT) stops the server.

import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { client, learnerActions } from './clients.ts';

const BIN = join(import.meta.dirname, '..', '..', 'bin', 'coldboot.js');
const folders: string[] = [];
let server: ChildProcessWithoutNullStreams | undefined;

afterEach(() => {
  server?.kill('SIGKILL');
  server = undefined;
  for (const f of folders.splice(0)) rmSync(f, { recursive: true, force: true });
});

describe('coldboot classroom from the built command line', () => {
  it('serves the app and a class, debriefs it, and stops on Ctrl-C', async () => {
    const data = mkdtempSync(join(tmpdir(), 'coldboot-class-'));
    const dist = mkdtempSync(join(tmpdir(), 'coldboot-dist-'));
    folders.push(data, dist);
    writeFileSync(join(dist, 'index.html'), '<!doctype html><title>ColdBoot stub</title>');
    const child = spawn(
      process.execPath,
      [BIN, 'classroom', '--port', '0', '--data', data, '--dist', dist],
      { stdio: 'pipe' },
    );
    server = child;
    let out = '';
    const info = await new Promise<{ port: number; code: string; token: string }>(
      (resolve, reject) => {
        child.stdout.on('data', (chunk: Buffer) => {
          out += chunk.toString();
          const m = /http:\/\/[^:]+:(\d+)\/\?class=(\w+)[\s\S]*\?console#(\w+)/.exec(out);
          if (m) resolve({ port: Number(m[1]), code: m[2]!, token: m[3]! });
        });
        child.once('exit', (code) => reject(new Error(`classroom exited (${code}): ${out}`)));
      },
    );
    const page = await fetch(`http://127.0.0.1:${info.port}/?class=${info.code}`);
    expect(await page.text()).toContain('ColdBoot stub');

    const learner = await client(info.port);
    learner.send({ type: 'join', code: info.code, name: 'Ana' });
    await learner.next('welcome');
    const actions = learnerActions(240);
    learner.send({ type: 'actions', from: 0, actions });
    await learner.next('ack');
    const con = await client(info.port);
    con.send({ type: 'console', token: info.token });
    await con.next('console');
    con.send({ type: 'end' });
    const { debrief } = (await con.next('classDebrief')) as unknown as {
      debrief: { learners: { endS: number }[]; csv: string };
    };
    expect(debrief.learners).toHaveLength(1);
    expect(debrief.csv.split('\n')[0]).toContain(',brain_lost_fraction,');
    learner.ws.close();
    con.ws.close();

    const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
    child.kill('SIGINT');
    expect(await exited).toBe(0);
    server = undefined;
  });
});
