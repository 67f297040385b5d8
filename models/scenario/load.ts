// Scenario loading: text (YAML or JSON) → validated Scenario, or a ScenarioError listing every problem
// with file, line, field path, what was expected and what was found. Nothing in a file is ever
// executed: YAML is read as plain data (core schema, no custom tags, bounded aliases).

import { LineCounter, isMap, isSeq, parseDocument, type Node } from 'yaml';
import type { Action, TimedAction } from '../core/actions.ts';
import { ScenarioError, type ScenarioIssue } from './errors.ts';
import {
  MAX_SCENARIO_DURATION_S,
  OBJECTIVE_CHECKS,
  actionFieldNames,
  scenarioSchema,
  type RawEntry,
} from './scenarioSchema.ts';
import { formatClock } from '../core/clock.ts';
import {
  INVALID,
  didYouMean,
  formatPath,
  type Path,
  type Schema,
  type ValidationContext,
} from './schema.ts';
import type {
  ActionFieldTest,
  Condition,
  ExpertRun,
  Objective,
  ObjectiveCheck,
  Scenario,
  TimeSpan,
  TimelineEntry,
  TriggerEntry,
} from './types.ts';

/** Largest scenario file accepted, bytes. */
export const MAX_SCENARIO_BYTES = 256 * 1024;

/** A file read as plain data, with the line of each field path when the text is YAML or JSON. */
export interface DataFile {
  readonly data: unknown;
  readonly lineOf: (path: Path) => number | undefined;
}

/**
 * Reads YAML or JSON text as plain data: refuses files over `maxBytes`, syntax errors, duplicate keys,
 * alias bombs and empty files, each as a ScenarioError naming the file (and line).
 */
export function readDataFile(
  text: string,
  fileName: string,
  options: { readonly maxBytes: number; readonly emptyExpected: string },
): DataFile {
  const bytes = utf8ByteLength(text);
  if (bytes > options.maxBytes) {
    throw new ScenarioError(fileName, [
      {
        path: '',
        expected: `a file of at most ${formatSize(options.maxBytes)}`,
        found: formatSize(bytes, true),
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
      { path: '', expected: options.emptyExpected, found: 'an empty file' },
    ]);
  }
  const lineOf = (path: Path): number | undefined => {
    const node = nodeAt(doc.contents as Node | null, path);
    const offset = node?.range?.[0];
    return offset === undefined ? undefined : lineCounter.linePos(offset).line;
  };
  return { data, lineOf };
}

/** "256 KiB"; with `roundUp`, sizes just over a limit read as over it ("257 KiB"). */
function formatSize(bytes: number, roundUp = false): string {
  if (bytes >= 1024 * 1024 && bytes % (1024 * 1024) === 0) return `${bytes / (1024 * 1024)} MiB`;
  return `${roundUp ? Math.ceil(bytes / 1024) : Math.round(bytes / 1024)} KiB`;
}

export function parseScenario(text: string, fileName: string): Scenario {
  const { data, lineOf } = readDataFile(text, fileName, {
    maxBytes: MAX_SCENARIO_BYTES,
    emptyExpected: 'a scenario (format, title, briefing, patient, start, end)',
  });
  return validateScenario(data, fileName, lineOf);
}

/** Collects issues found after the schema check (fields that depend on each other). */
function issueCollector(
  issues: ScenarioIssue[],
  lineOf: (path: Path) => number | undefined,
): (path: Path, expected: string, found: string) => void {
  return (path, expected, found) => {
    const line = lineOf(path);
    issues.push({
      path: formatPath(path),
      expected,
      found,
      ...(line !== undefined ? { line } : {}),
    });
  };
}

/** The engine actions of a validated entry: one action, or a message and a pause for a prompt. */
function entryActions(entry: RawEntry): Action[] {
  const { at: _at, when: _when, repeat: _repeat, note: _note, source: _source, ...rest } = entry;
  if (rest.do === 'prompt') return [{ do: 'message', text: String(rest.text) }, { do: 'pause' }];
  return [rest as unknown as Action];
}

/**
 * Validates plain data against a file format's schema. Throws a ScenarioError naming the file with
 * every issue the schema found; otherwise returns the validated value and the (empty) list of issues
 * for the checks that follow the schema to add to.
 */
export function validateFile<T>(
  schema: Schema<T>,
  data: unknown,
  fileName: string,
  lineOf: (path: Path) => number | undefined,
): { readonly result: T; readonly issues: ScenarioIssue[] } {
  const issues: ScenarioIssue[] = [];
  const ctx: ValidationContext = { issues, lineOf };
  const result = schema.validate(data, [], ctx);
  if (result === INVALID || issues.length > 0) throw new ScenarioError(fileName, issues);
  return { result, issues };
}

/** Validates already-parsed data (e.g. from JSON.parse) as a scenario. */
export function validateScenario(
  data: unknown,
  fileName: string,
  lineOf: (path: Path) => number | undefined = () => undefined,
): Scenario {
  const { result, issues } = validateFile(scenarioSchema, data, fileName, lineOf);
  const issue = issueCollector(issues, lineOf);

  // End: at a time, on a condition, or both.
  if (result.end.at === undefined && result.end.when === undefined)
    issue(['end'], 'a time "at", a condition "when", or both', 'neither');
  if (result.end.at !== undefined && result.end.at <= 0)
    issue(['end', 'at'], 'a time after 0:00', '0:00');
  const endS = result.end.at ?? MAX_SCENARIO_DURATION_S;
  const noLaterThanEnd = `a time no later than the end (${formatClock(endS)})`;

  // Timeline: timed entries and triggers.
  const timeline: TimelineEntry[] = [];
  const triggers: TriggerEntry[] = [];
  ((result.timeline ?? []) as RawEntry[]).forEach((entry, index) => {
    const actions = entryActions(entry);
    const extra = {
      ...(entry.note !== undefined ? { note: entry.note } : {}),
      ...(entry.do === 'prompt' ? { prompt: true as const } : {}),
    };
    if (entry.at !== undefined) {
      if (entry.at > endS) issue(['timeline', index, 'at'], noLaterThanEnd, formatClock(entry.at));
      if (entry.repeat !== undefined)
        issue(
          ['timeline', index, 'repeat'],
          '"repeat" only on a trigger (an entry with "when")',
          '"repeat" on an entry with "at"',
        );
      for (const action of actions) timeline.push({ atS: entry.at, action, ...extra });
    } else if (entry.when !== undefined) {
      triggers.push({ when: entry.when, actions, repeat: entry.repeat ?? false, ...extra });
    }
  });

  // History before time zero.
  const history: TimelineEntry[] = ((result.start.history ?? []) as RawEntry[]).map((entry) => ({
    atS: entry.at!,
    action: entryActions(entry)[0]!,
    ...(entry.note !== undefined ? { note: entry.note } : {}),
  }));

  const objectives = (result.objectives ?? []).map((raw, index) =>
    objectiveOf(raw as RawObjective, ['objectives', index], endS, issue),
  );
  const seen = new Map<string, number>();
  objectives.forEach((objective, index) => {
    const first = seen.get(objective.id);
    if (first !== undefined)
      issue(
        ['objectives', index, 'id'],
        'an id no other objective has',
        `"${objective.id}" (also objectives[${first}])`,
      );
    else seen.set(objective.id, index);
  });

  let expert: ExpertRun | undefined;
  if (result.expert !== undefined) {
    const actions: TimedAction[] = [];
    (result.expert.actions as RawEntry[]).forEach((entry, index) => {
      if (entry.at! > endS)
        issue(['expert', 'actions', index, 'at'], noLaterThanEnd, formatClock(entry.at!));
      actions.push({ atS: entry.at!, source: 'learner', action: entryActions(entry)[0]! });
    });
    actions.sort((a, b) => a.atS - b.atS);
    expert = {
      actions,
      ...(result.expert.note !== undefined ? { note: result.expert.note } : {}),
    };
  }

  if (issues.length > 0) throw new ScenarioError(fileName, issues);
  // Stable sorts keep file order for entries at the same time.
  timeline.sort((a, b) => a.atS - b.atS);
  history.sort((a, b) => a.atS - b.atS);
  const { history: _history, ...start } = result.start;
  return {
    format: result.format,
    title: result.title,
    ...(result.summary !== undefined ? { summary: result.summary } : {}),
    ...(result.level !== undefined ? { level: result.level } : {}),
    briefing: result.briefing,
    ...(result.teachingNotes !== undefined ? { teachingNotes: result.teachingNotes } : {}),
    ...(result.instructorNotes !== undefined ? { instructorNotes: result.instructorNotes } : {}),
    patient: result.patient,
    start,
    ...(history.length > 0 ? { history } : {}),
    timeline,
    ...(triggers.length > 0 ? { triggers } : {}),
    ...(objectives.length > 0 ? { objectives } : {}),
    ...(expert !== undefined ? { expert } : {}),
    end: { atS: endS, ...(result.end.when !== undefined ? { when: result.end.when } : {}) },
  };
}

/** An objective as the schema validates it (one check field present). */
interface RawObjective {
  readonly id: string;
  readonly text: string;
  readonly weight?: number;
  readonly reach?: Condition;
  readonly avoid?: Condition;
  readonly do?: string;
  readonly notDo?: string;
  readonly order?: string[];
  readonly atEnd?: Condition;
  readonly where?: Record<string, ActionFieldTest>;
  readonly onlyWhen?: Condition;
  readonly after?: number;
  readonly before?: number;
  readonly note?: string;
}

function objectiveOf(
  raw: RawObjective,
  path: Path,
  endS: number,
  issue: (path: Path, expected: string, found: string) => void,
): Objective {
  const kind = OBJECTIVE_CHECKS.find((k) => raw[k] !== undefined)!;
  const only = (fieldName: keyof RawObjective, allowed: readonly string[]): void => {
    if (raw[fieldName] !== undefined && !allowed.includes(kind))
      issue(
        [...path, fieldName],
        `"${fieldName}" only with ${allowed.map((a) => `a "${a}"`).join(' or ')} check`,
        `"${fieldName}" with a "${kind}" check`,
      );
  };
  only('where', ['do', 'notDo']);
  only('onlyWhen', ['do']);
  only('after', ['reach', 'avoid', 'do', 'notDo']);
  only('before', ['reach', 'avoid', 'do', 'notDo']);
  if (raw.before !== undefined && raw.before > endS)
    issue(
      [...path, 'before'],
      `a time no later than the end (${formatClock(endS)})`,
      formatClock(raw.before),
    );
  if (raw.after !== undefined && raw.before !== undefined && !(raw.after < raw.before))
    issue(
      [...path, 'before'],
      `a time later than "after" (${formatClock(raw.after)})`,
      formatClock(raw.before),
    );
  const actionName = raw.do ?? raw.notDo;
  if (raw.where !== undefined && actionName !== undefined) {
    const fields = actionFieldNames(actionName) ?? [];
    for (const key of Object.keys(raw.where)) {
      if (!fields.includes(key))
        issue(
          [...path, 'where', key],
          fields.length > 0
            ? `a field of ${actionName}: ${fields.map((f) => `"${f}"`).join(', ')}`
            : `nothing: ${actionName} has no fields`,
          `"${key}"${didYouMean(key, fields)}`,
        );
    }
  }
  if (raw.order !== undefined) {
    const dup = raw.order.find((name, i) => raw.order!.indexOf(name) !== i);
    if (dup !== undefined)
      issue([...path, 'order'], 'each action at most once', `"${dup}" more than once`);
  }
  const span: TimeSpan = {
    ...(raw.after !== undefined ? { afterS: raw.after } : {}),
    ...(raw.before !== undefined ? { beforeS: raw.before } : {}),
  };
  const check: ObjectiveCheck =
    kind === 'reach'
      ? { kind, condition: raw.reach!, span }
      : kind === 'avoid'
        ? { kind, condition: raw.avoid!, span }
        : kind === 'do'
          ? {
              kind,
              action: raw.do!,
              ...(raw.where !== undefined ? { where: raw.where } : {}),
              ...(raw.onlyWhen !== undefined ? { onlyWhen: raw.onlyWhen } : {}),
              span,
            }
          : kind === 'notDo'
            ? {
                kind,
                action: raw.notDo!,
                ...(raw.where !== undefined ? { where: raw.where } : {}),
                span,
              }
            : kind === 'order'
              ? { kind, actions: raw.order! }
              : { kind, condition: raw.atEnd! };
  return {
    id: raw.id,
    text: raw.text,
    weight: raw.weight ?? 1,
    check,
    ...(raw.note !== undefined ? { note: raw.note } : {}),
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
