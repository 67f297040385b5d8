// Reading input files for the command line: a missing or oversized file is reported like a schema
// problem (file, what was expected, what was found), never as a stack trace.

import { readFileSync, statSync } from 'node:fs';
import { basename } from 'node:path';
import { ScenarioError } from '../../models/index.ts';

/** The text of a file and the name to use in messages; refuses files larger than maxBytes. */
export function readInputFile(
  path: string,
  what: string,
  maxBytes: number,
): { readonly name: string; readonly text: string } {
  const name = basename(path);
  let size: number;
  try {
    size = statSync(path).size;
  } catch {
    throw new ScenarioError(path, [
      { path: '', expected: `a readable ${what}`, found: 'no such file' },
    ]);
  }
  if (size > maxBytes) {
    throw new ScenarioError(name, [
      {
        path: '',
        expected: `a file of at most ${formatBytes(maxBytes)}`,
        found: formatBytes(size),
      },
    ]);
  }
  return { name, text: readFileSync(path, 'utf8') };
}

function formatBytes(bytes: number): string {
  const mib = 1024 * 1024;
  return bytes >= mib ? `${Math.ceil(bytes / mib)} MiB` : `${Math.ceil(bytes / 1024)} KiB`;
}
