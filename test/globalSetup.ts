// Before the unit tests: build the command line into dist-cli/ (scripts/buildCli.ts, about a
// second), so the tests that spawn bin/coldboot.js run the sources as they are, not an older build.
import { buildCli } from '../scripts/buildCli.ts';

export default async function setup(): Promise<void> {
  await buildCli();
}
