// Reading input files for the command line: a missing, oversized or unreadable file, a directory, a
// device or a pipe is reported like a schema problem (file, what was expected, what was found), never
// as a stack trace and never by waiting for ever: only regular files are read, and never more than
// the limit (a file larger than its size said is cut off at the limit and refused).

import { closeSync, constants, fstatSync, openSync, readSync, type Stats } from 'node:fs';
import { basename } from 'node:path';
import { ScenarioError } from '../../models/index.ts';

/** The text of a file and the name to use in messages; refuses files larger than maxBytes. */
export function readInputFile(
  path: string,
  what: string,
  maxBytes: number,
): { readonly name: string; readonly text: string } {
  const name = basename(path);
  const refuse = (found: string, file = name): never => {
    throw new ScenarioError(file, [{ path: '', expected: `a readable ${what}`, found }]);
  };
  let fd: number;
  try {
    // Non-blocking, so that opening a named pipe with no writer returns at once (it is refused below).
    fd = openSync(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  } catch (error) {
    return refuse(problemOf(error), path);
  }
  try {
    const stats = fstatSync(fd);
    if (!stats.isFile()) return refuse(`${kindOf(stats)}, not a regular file`);
    if (stats.size > maxBytes) throw tooLarge(name, maxBytes, formatBytes(stats.size));
    // Sized from the file, and grown up to the limit if it holds more than its size said (it grew,
    // or the system reports no size).
    let buffer = Buffer.alloc(Math.min(maxBytes, stats.size) + 1);
    let length = 0;
    for (;;) {
      if (length === buffer.length) {
        if (length > maxBytes) throw tooLarge(name, maxBytes, `more than ${formatBytes(maxBytes)}`);
        const bigger = Buffer.alloc(Math.min(maxBytes + 1, 2 * buffer.length + 64 * 1024));
        buffer.copy(bigger);
        buffer = bigger;
      }
      let read: number;
      try {
        read = readSync(fd, buffer, length, buffer.length - length, null);
      } catch (error) {
        return refuse(problemOf(error));
      }
      if (read === 0) return { name, text: buffer.toString('utf8', 0, length) };
      length += read;
    }
  } finally {
    closeSync(fd);
  }
}

function tooLarge(name: string, maxBytes: number, found: string): ScenarioError {
  return new ScenarioError(name, [
    { path: '', expected: `a file of at most ${formatBytes(maxBytes)}`, found },
  ]);
}

/** What a path is, in words, when it is not a regular file. */
function kindOf(stats: Stats): string {
  if (stats.isDirectory()) return 'a directory';
  if (stats.isFIFO()) return 'a named pipe';
  if (stats.isCharacterDevice() || stats.isBlockDevice()) return 'a device';
  if (stats.isSocket()) return 'a socket';
  return 'something other than a file';
}

function problemOf(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  if (code === 'ENOENT') return 'no such file';
  if (code === 'EACCES' || code === 'EPERM') return 'a file this user may not read';
  if (code === 'EISDIR') return 'a directory, not a regular file';
  return `a file that could not be read (${typeof code === 'string' ? code : String(error)})`;
}

function formatBytes(bytes: number): string {
  const mib = 1024 * 1024;
  return bytes >= mib ? `${Math.ceil(bytes / mib)} MiB` : `${Math.ceil(bytes / 1024)} KiB`;
}
