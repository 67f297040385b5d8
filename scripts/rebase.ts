// npm run rebase: regenerates the golden-trace baselines under test/golden/ from the current model, on
// purpose (after a model change that is meant to change results). Prints what changed for each
// scenario, so the change can be reviewed before it is committed.

import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, dirname, relative } from 'node:path';
import { parseScenario } from '../models/index.ts';
import {
  compareGolden,
  goldenFromJson,
  goldenToJson,
  goldenTrace,
} from '../models/scenario/golden.ts';
import { ROOT, goldenCases, readText } from '../test/golden/goldenFiles.ts';

let changed = 0;
for (const c of goldenCases()) {
  const trace = goldenTrace(parseScenario(readText(c.scenarioPath), basename(c.scenarioPath)));
  const where = relative(ROOT, c.baselinePath);
  if (existsSync(c.baselinePath)) {
    const baseline = goldenFromJson(readFileSync(c.baselinePath, 'utf8'));
    const differences = compareGolden(baseline, trace);
    const text = goldenToJson(trace);
    if (differences.length === 0 && readFileSync(c.baselinePath, 'utf8') === text) {
      process.stdout.write(`${c.name}: unchanged\n`);
      continue;
    }
    process.stdout.write(
      `${c.name}: updated ${where}${differences.length > 0 ? '' : ' (within tolerances)'}\n`,
    );
    for (const d of differences) process.stdout.write(`    ${d}\n`);
  } else {
    process.stdout.write(`${c.name}: created ${where}\n`);
  }
  mkdirSync(dirname(c.baselinePath), { recursive: true });
  writeFileSync(c.baselinePath, goldenToJson(trace));
  changed++;
}
process.stdout.write(`${changed} baseline${changed === 1 ? '' : 's'} written\n`);
