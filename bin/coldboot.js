#!/usr/bin/env node
// The coldboot command line. Loads the TypeScript sources through tsx, so `npx coldboot` always runs
// the code in this checkout.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../src/cli/main.ts');
process.exitCode = await main(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
});
