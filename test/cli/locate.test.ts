// src/cli/locate.ts: the checkout and the worker threads' entry points are found the same from the
// sources (src/cli/*.ts) and from the build (dist-cli/*.js, one folder less deep).
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  BUILT_IN_SCENARIOS,
  PROJECT_ROOT,
  findProjectRoot,
  workerEntry,
} from '../../src/cli/locate.ts';

const ROOT = join(import.meta.dirname, '..', '..');

describe('where the command line finds its files', () => {
  it('finds the checkout from the sources and from dist-cli/', () => {
    expect(PROJECT_ROOT).toBe(findProjectRoot(ROOT));
    expect(findProjectRoot(join(ROOT, 'src', 'cli'))).toBe(PROJECT_ROOT);
    expect(findProjectRoot(join(ROOT, 'dist-cli'))).toBe(PROJECT_ROOT);
    expect(existsSync(join(BUILT_IN_SCENARIOS, 'hlm-tutorial.yaml'))).toBe(true);
  });

  it('starts a built worker from its file, a source one through tsx', () => {
    const built = workerEntry(
      'ensembleWorker',
      pathToFileURL(join(ROOT, 'dist-cli', 'chunk-X.js')).href,
    );
    expect(built.eval).toBe(false);
    expect(String(built.code)).toBe(
      pathToFileURL(join(ROOT, 'dist-cli', 'ensembleWorker.js')).href,
    );
    const source = workerEntry(
      'ensembleWorker',
      pathToFileURL(join(ROOT, 'src', 'cli', 'ensemblePool.ts')).href,
    );
    expect(source.eval).toBe(true);
    expect(source.code).toContain('tsx');
    expect(source.code).toContain(
      pathToFileURL(join(ROOT, 'src', 'cli', 'ensembleWorker.ts')).href,
    );
  });
});
