// The layer rules of eslint.config.js: a wrong import fails `npm run lint`. Each case lints a small
// text as if it were a file at that path and expects the rule to name the layer it breaks.

import { ESLint } from 'eslint';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const eslint = new ESLint({ cwd: ROOT });

async function messagesOf(path: string, text: string): Promise<string[]> {
  const [result] = await eslint.lintText(text, { filePath: `${ROOT}${path}` });
  return (result?.messages ?? [])
    .filter((m) => m.ruleId === 'no-restricted-imports')
    .map((m) => m.message);
}

describe('the layer rules', () => {
  it('forbid models/ to import from src/', async () => {
    const found = await messagesOf(
      'models/engine/probe.ts',
      "import { main } from '../../src/cli/main.ts';\nexport const x = main;\n",
    );
    expect(found.join('\n')).toContain('models/ must not import from src/');
  });

  it('forbid models/physiology to import models/scenario', async () => {
    const found = await messagesOf(
      'models/physiology/probe.ts',
      "import { parseScenario } from '../scenario/load.ts';\nexport const x = parseScenario;\n",
    );
    expect(found.join('\n')).toContain('models/physiology must not import models/scenario');
  });

  it('forbid the physiology to import the engine that steps it', async () => {
    const found = await messagesOf(
      'models/physiology/probe.ts',
      "import { stepPatient } from '../engine/patient.ts';\nexport const x = stepPatient;\n",
    );
    expect(found.join('\n')).toContain('models/physiology must not import models/engine');
  });

  it('forbid the core (state layout, actions) to import the physiology or the devices', async () => {
    const physiology = await messagesOf(
      'models/core/probe.ts',
      "import { stepThermal } from '../physiology/thermal.ts';\nexport const x = stepThermal;\n",
    );
    const devices = await messagesOf(
      'models/core/probe.ts',
      "import { FAULT_TABLE } from '../devices/faults.ts';\nexport const x = FAULT_TABLE;\n",
    );
    expect(physiology.join('\n')).toContain('models/core must not import models/physiology');
    expect(devices.join('\n')).toContain('models/core must not import models/devices');
  });

  it('let the engine name a scenario type but not run scenario code', async () => {
    const typeOnly = await messagesOf(
      'models/engine/probe.ts',
      "import type { Scenario } from '../scenario/types.ts';\nexport type X = Scenario;\n",
    );
    const value = await messagesOf(
      'models/engine/probe.ts',
      "import { parseScenario } from '../scenario/load.ts';\nexport const x = parseScenario;\n",
    );
    expect(typeOnly).toEqual([]);
    expect(value.join('\n')).toContain('models/engine must not import models/scenario');
  });

  it('forbid the class server to import the React app', async () => {
    const found = await messagesOf(
      'src/classroom/probe.ts',
      "import { App } from '../app/App.tsx';\nexport const x = App;\n",
    );
    expect(found.join('\n')).toContain('src/classroom must not import the React app');
  });

  it('forbid the store to import the React app', async () => {
    const found = await messagesOf(
      'src/state/probe.ts',
      "import { App } from '../app/App.tsx';\nexport const x = App;\n",
    );
    expect(found.join('\n')).toContain('src/state and src/worker must not import the React app');
  });

  it('keep every d3 module out of models/ (house rule), d3-array as well as d3-selection', async () => {
    const pure = await messagesOf(
      'models/ensemble/probe.ts',
      "import { median } from 'd3-array';\nexport const x = median;\n",
    );
    const dom = await messagesOf(
      'models/ensemble/probe.ts',
      "import { select } from 'd3-selection';\nexport const x = select;\n",
    );
    expect(pure.join('\n')).toContain('must not import d3');
    expect(dom.join('\n')).toContain('must not import d3');
  });
});
