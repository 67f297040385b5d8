// Scenario loading: text (YAML or JSON) → validated Scenario, or a ScenarioError listing every problem
// with file, line, field path, what was expected and what was found. Nothing in a file is ever
// executed: YAML is read as plain data (core schema, no custom tags, bounded aliases).

import { LineCounter, isMap, isSeq, parseDocument, type Node } from 'yaml';
import type { Action } from '../engine/actions.ts';
import { ScenarioError, type ScenarioIssue } from './errors.ts';
import { scenarioSchema } from './scenarioSchema.ts';
import { formatClock } from '../engine/clock.ts';
import { INVALID, type Path, type ValidationContext } from './schema.ts';
import type { Scenario, TimelineEntry } from './types.ts';

/** Largest scenario file accepted, bytes. */
export const MAX_SCENARIO_BYTES = 256 * 1024;

export function parseScenario(text: string, fileName: string): Scenario {
  const bytes = utf8ByteLength(text);
  if (bytes > MAX_SCENARIO_BYTES) {
    throw new ScenarioError(fileName, [
      {
        path: '',
        expected: `a file of at most ${MAX_SCENARIO_BYTES / 1024} KiB`,
        found: `${Math.ceil(bytes / 1024)} KiB`,
      },
    ]);
  }
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, {
    lineCounter,
    schema: 'core',
    prettyErrors: true,
    uniqueKeys: true,
    strict: true,
  });
  if (doc.errors.length > 0) {
    throw new ScenarioError(
      fileName,
      doc.errors.slice(0, 10).map((error) => ({
        path: '',
        expected: 'valid YAML or JSON',
        found: (error.message.split('\n')[0] ?? 'a syntax error').replace(
          / at line \d+, column \d+:?$/,
          '',
        ),
        ...(error.linePos?.[0] ? { line: error.linePos[0].line } : {}),
      })),
    );
  }
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: 100 });
  } catch (error) {
    throw new ScenarioError(fileName, [
      {
        path: '',
        expected: 'valid YAML or JSON',
        found: error instanceof Error ? error.message : String(error),
      },
    ]);
  }
  if (data === null || data === undefined) {
    throw new ScenarioError(fileName, [
      {
        path: '',
        expected: 'a scenario (format, title, briefing, patient, start, end)',
        found: 'an empty file',
      },
    ]);
  }
  const lineOf = (path: Path): number | undefined => {
    const node = nodeAt(doc.contents as Node | null, path);
    const offset = node?.range?.[0];
    return offset === undefined ? undefined : lineCounter.linePos(offset).line;
  };
  return validateScenario(data, fileName, lineOf);
}

/** Validates already-parsed data (e.g. from JSON.parse) as a scenario. */
export function validateScenario(
  data: unknown,
  fileName: string,
  lineOf: (path: Path) => number | undefined = () => undefined,
): Scenario {
  const issues: ScenarioIssue[] = [];
  const ctx: ValidationContext = { issues, lineOf };
  const result = scenarioSchema.validate(data, [], ctx);
  if (result === INVALID || issues.length > 0) throw new ScenarioError(fileName, issues);

  const endS = result.end.at;
  const timeline: TimelineEntry[] = [];
  (result.timeline ?? []).forEach((entry, index) => {
    const { at, ...action } = entry;
    if (at > endS) {
      issues.push({
        path: `timeline[${index}].at`,
        expected: `a time no later than the end (${formatClock(endS)})`,
        found: formatClock(at),
        ...(lineOf(['timeline', index, 'at']) !== undefined
          ? { line: lineOf(['timeline', index, 'at'])! }
          : {}),
      });
    }
    timeline.push({ atS: at, action: action as Action });
  });
  if (endS <= 0) {
    issues.push({ path: 'end.at', expected: 'a time after 0:00', found: '0:00' });
  }
  if (issues.length > 0) throw new ScenarioError(fileName, issues);
  // Stable sort keeps file order for entries at the same time.
  timeline.sort((a, b) => a.atS - b.atS);
  return {
    format: result.format,
    title: result.title,
    briefing: result.briefing,
    patient: result.patient,
    start: result.start,
    timeline,
    end: { atS: endS },
  };
}

/** The YAML node at a path, or the deepest existing ancestor. */
function nodeAt(root: Node | null, path: Path): Node | null {
  let node: Node | null = root;
  for (const part of path) {
    if (node === null) return null;
    let next: Node | null = null;
    if (typeof part === 'number' && isSeq(node)) {
      next = (node.items[part] as Node | undefined) ?? null;
    } else if (typeof part === 'string' && isMap(node)) {
      const pair = node.items.find(
        (item) => (item.key as { value?: unknown } | null)?.value === part,
      );
      next = (pair?.value as Node | undefined) ?? (pair?.key as Node | undefined) ?? null;
    }
    if (next === null) return node;
    node = next;
  }
  return node;
}

/** Length of a string in UTF-8 bytes (without TextEncoder, which pure ES2022 lacks). */
function utf8ByteLength(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) bytes += 1;
    else if (code < 0x800) bytes += 2;
    else if (code >= 0xd800 && code <= 0xdbff) {
      bytes += 4; // a surrogate pair is one 4-byte code point
      i++;
    } else bytes += 3;
  }
  return bytes;
}
