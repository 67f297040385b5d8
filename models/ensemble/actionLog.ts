// Reads a learner's action log for an ensemble: `{ "actions": [ { "atS": 600, "action": { "do":
// "ventilate", "fio2": 1 } }, ... ] }`, or the bare array (as Simulation.log() returns it). Entries
// whose source is "scenario" are dropped, because the scenario's timeline replays them. Each action is
// checked with the scenario format's own rules, so a bad log gets the same kind of message as a bad
// scenario: file, field, expected, found.

import type { Action } from '../core/actions.ts';
import { ScenarioError, type ScenarioIssue } from '../scenario/errors.ts';
import { validateScenario } from '../scenario/load.ts';
import { describeFound } from '../scenario/schema.ts';
import type { Scenario } from '../scenario/types.ts';
import type { ReplayAction } from './member.ts';

const SOURCES = ['scenario', 'learner', 'instructor'] as const;

/**
 * Validates parsed JSON as an action log for `scenario`; throws a ScenarioError naming `fileName` and
 * the field (e.g. `actions[3].action.fio2`) on any problem.
 */
export function parseActionLog(
  data: unknown,
  fileName: string,
  scenario: Scenario,
): ReplayAction[] {
  const fail = (path: string, expected: string, found: string): never => {
    throw new ScenarioError(fileName, [{ path, expected, found }]);
  };
  let entries: unknown;
  let prefix: string;
  if (Array.isArray(data)) {
    entries = data;
    prefix = '';
  } else if (typeof data === 'object' && data !== null && 'actions' in data) {
    entries = (data as { actions: unknown }).actions;
    prefix = 'actions';
    if (!Array.isArray(entries)) fail('actions', 'a list of actions', describeFound(entries));
  } else {
    return fail(
      '',
      'an action log: { "actions": [ { "atS": seconds, "action": { "do": ... } } ] } or a list of such entries',
      describeFound(data),
    );
  }

  const kept: { index: number; atS: number; source: 'learner' | 'instructor'; action: object }[] =
    [];
  (entries as unknown[]).forEach((entry, index) => {
    const at = `${prefix}[${index}]`;
    if (typeof entry !== 'object' || entry === null || Array.isArray(entry)) {
      fail(at, 'an entry { "atS": seconds, "action": { "do": ... } }', describeFound(entry));
    }
    const { atS, source, action } = entry as { atS?: unknown; source?: unknown; action?: unknown };
    if (source !== undefined && !(SOURCES as readonly unknown[]).includes(source)) {
      fail(`${at}.source`, 'scenario, learner or instructor', describeFound(source));
    }
    if (source === 'scenario') return;
    if (typeof atS !== 'number' || !Number.isFinite(atS) || atS < 0) {
      fail(`${at}.atS`, 'a simulated time in seconds (a number ≥ 0)', describeFound(atS));
    }
    if (typeof action !== 'object' || action === null || Array.isArray(action)) {
      fail(
        `${at}.action`,
        'an action such as { "do": "ventilate", "fio2": 1 }',
        describeFound(action),
      );
    }
    if ('at' in (action as object)) {
      fail(`${at}.action.at`, 'no "at" inside the action (its time is "atS")', 'an "at" field');
    }
    kept.push({
      index,
      atS: atS as number,
      source: source === 'instructor' ? 'instructor' : 'learner',
      action: action as object,
    });
  });

  // The scenario format's rules check every action (names, fields, ranges, time within the end).
  try {
    validateScenario(
      {
        format: scenario.format,
        title: 'action log',
        briefing: 'action log',
        patient: scenario.patient,
        start: scenario.start,
        timeline: kept.map((k) => ({ at: k.atS, ...k.action })),
        end: { at: scenario.end.atS },
      },
      fileName,
    );
  } catch (error) {
    if (!(error instanceof ScenarioError)) throw error;
    throw new ScenarioError(
      fileName,
      error.issues.map((issue) => renameIssue(issue, kept, prefix)),
    );
  }
  // Stable sort: actions at the same time keep their order.
  return kept
    .map((k) => ({ atS: k.atS, source: k.source, action: k.action as Action }))
    .sort((a, b) => a.atS - b.atS);
}

/** Turns `timeline[i].field` of the check into `actions[k].action.field` of the log file. */
function renameIssue(
  issue: ScenarioIssue,
  kept: readonly { index: number }[],
  prefix: string,
): ScenarioIssue {
  const match = /^timeline\[(\d+)\](?:\.(.*))?$/.exec(issue.path);
  if (!match) return { path: issue.path, expected: issue.expected, found: issue.found };
  const at = `${prefix}[${kept[Number(match[1])]!.index}]`;
  const field = match[2];
  const path =
    field === undefined ? `${at}.action` : field === 'at' ? `${at}.atS` : `${at}.action.${field}`;
  return { path, expected: issue.expected, found: issue.found };
}
