// `coldboot classroom`: starts the live classroom server (src/classroom/server.ts) and prints what the
// instructor needs: the join address, the join code, a QR code for the projector's audience, and
// the console's address with its secret token. Runs until Ctrl-C.

import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { numberFlag, parseArgs } from './args.ts';
import { EXIT_OK, UsageError, type CliIo } from './io.ts';

export async function classroomCommand(
  argv: readonly string[],
  io: CliIo,
  /** Resolves when the server should stop (default: Ctrl-C or SIGTERM). */
  stopped: Promise<unknown> = new Promise((r) => {
    process.once('SIGINT', r);
    process.once('SIGTERM', r);
  }),
): Promise<number> {
  const args = parseArgs(argv, ['port', 'host', 'data', 'scenario', 'dist'], ['new']);
  if (args.positional.length > 0)
    throw new UsageError(`classroom takes options only, found ${args.positional.join(' ')}`);
  const port = numberFlag(
    args,
    'port',
    8080,
    (n) => Number.isInteger(n) && n >= 0 && n < 65536,
    'a port 0-65535',
  );
  const host = args.flags.get('host')?.at(-1) ?? '127.0.0.1';
  const dataDir = resolve(args.flags.get('data')?.at(-1) ?? 'classroom-data');
  const { DEFAULT_DIST, readScenarioSource, startClassroom } =
    await import('../classroom/server.ts');
  const distDir = resolve(args.flags.get('dist')?.at(-1) ?? DEFAULT_DIST);
  if (!existsSync(join(distDir, 'index.html')))
    throw new UsageError(`no built app in ${distDir}: run \`npm run build\` first`);
  const scenario = args.flags.get('scenario')?.at(-1);
  if (scenario !== undefined) {
    try {
      readScenarioSource(scenario);
    } catch (error) {
      throw new UsageError(`--scenario: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  const classroom = await startClassroom({
    port,
    host,
    dataDir,
    distDir,
    fresh: args.flags.has('new'),
    ...(scenario !== undefined ? { scenario } : {}),
    log: (line) => io.stderr(`${line}\n`),
  });
  const { default: QRCode } = await import('qrcode');
  const qr = await QRCode.toString(classroom.joinUrl, { type: 'terminal', small: true });
  io.stdout(
    [
      `ColdBoot live classroom: ${classroom.title}${classroom.resumed ? ' (resumed)' : ''}`,
      '',
      `  Learners open   ${classroom.joinUrl}`,
      `  Join code       ${classroom.code}`,
      '',
      qr,
      `  Your console    ${classroom.consoleUrl}`,
      '                  (keep this address to yourself: it lets its holder run the class)',
      `  Session data    ${dataDir}`,
      '',
      'Ctrl-C stops the server; start it again with the same --data to carry on.',
      '',
    ].join('\n'),
  );
  await stopped;
  await classroom.close();
  return EXIT_OK;
}
