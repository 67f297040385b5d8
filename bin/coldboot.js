#!/usr/bin/env node
// The coldboot command line: the JavaScript built from src/cli/ into dist-cli/ (scripts/buildCli.ts;
// `npm ci` builds it, and so do `npm run build` and `npm run build:cli`).
let cli;
try {
  cli = await import('../dist-cli/coldboot.js');
} catch (error) {
  if (error?.code !== 'ERR_MODULE_NOT_FOUND' || !String(error.message).includes('dist-cli'))
    throw error;
  process.stderr.write(
    'coldboot: the command line is not built (no dist-cli/coldboot.js): run `npm run build:cli`\n',
  );
  process.exit(1);
}
// When the program reading our output goes away (`coldboot run … | head`), stop quietly, as Unix
// tools do, instead of dying on an unhandled EPIPE.
process.stdout.on('error', (error) => {
  if (error.code === 'EPIPE') process.exit(0);
  throw error;
});
process.exitCode = await cli.main(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
});
