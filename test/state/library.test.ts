import { describe, expect, it } from 'vitest';
import {
  formatDuration,
  isRunLogText,
  isScenarioFileName,
  parseLibraryIndex,
  scenarioParam,
  urlWithScenario,
} from '../../src/state/library.ts';

describe('scenario library index', () => {
  it('reads entries with every field, and tolerates missing optional ones', () => {
    const entries = parseLibraryIndex([
      {
        file: 'a.yaml',
        title: 'A',
        summary: 'First',
        level: 'advanced',
        durationS: 3600,
      },
      { file: 'b.yml', title: 'B' },
      { file: 'c.json', title: 'C', level: 'expert', durationS: -5, summary: 42 },
    ]);
    expect(entries).toEqual([
      { file: 'a.yaml', title: 'A', summary: 'First', level: 'advanced', durationS: 3600 },
      { file: 'b.yml', title: 'B' },
      { file: 'c.json', title: 'C' },
    ]);
  });

  it('skips entries without a safe file name or a title, and duplicates', () => {
    const entries = parseLibraryIndex({
      scenarios: [
        null,
        'x.yaml',
        { file: '../secret.yaml', title: 'Up' },
        { file: 'dir/x.yaml', title: 'Path' },
        { file: 'x.txt', title: 'Text' },
        { file: 'x.yaml' },
        { file: 'x.yaml', title: 'X' },
        { file: 'x.yaml', title: 'X again' },
      ],
    });
    expect(entries).toEqual([{ file: 'x.yaml', title: 'X' }]);
  });

  it('refuses something that is not a list', () => {
    expect(() => parseLibraryIndex({ nope: true })).toThrow(/list/);
    expect(() => parseLibraryIndex('text')).toThrow(/list/);
  });

  it('accepts only plain scenario file names in links', () => {
    expect(isScenarioFileName('skier-under-ice.yaml')).toBe(true);
    expect(isScenarioFileName('Case_2.JSON')).toBe(true);
    for (const bad of [
      '',
      '../x.yaml',
      '/x.yaml',
      'a/b.yaml',
      'x.yaml.exe',
      '.hidden.yaml',
      'index.json',
    ])
      expect(isScenarioFileName(bad), bad).toBe(false);
  });
});

describe('scenario links', () => {
  it('reads ?scenario= from a query string', () => {
    expect(scenarioParam('?scenario=skier.yaml')).toBe('skier.yaml');
    expect(scenarioParam('?a=1&scenario=x%20y.yaml')).toBe('x y.yaml');
    expect(scenarioParam('?scenario=')).toBeNull();
    expect(scenarioParam('')).toBeNull();
  });

  it('sets and removes the parameter, keeping others and dropping the fragment', () => {
    expect(urlWithScenario('http://h/app/?lang=en#x', 'a.yaml')).toBe(
      'http://h/app/?lang=en&scenario=a.yaml',
    );
    expect(urlWithScenario('http://h/app/?scenario=a.yaml', null)).toBe('http://h/app/');
    expect(urlWithScenario('http://h/?scenario=a.yaml', 'b.yaml')).toBe(
      'http://h/?scenario=b.yaml',
    );
  });
});

describe('library helpers', () => {
  it('writes durations in words', () => {
    expect(formatDuration(undefined)).toBe('');
    expect(formatDuration(0)).toBe('');
    expect(formatDuration(20)).toBe('1 min');
    expect(formatDuration(45 * 60)).toBe('45 min');
    expect(formatDuration(3 * 3600)).toBe('3 h');
    expect(formatDuration(5400)).toBe('1 h 30 min');
  });

  it('tells a run log from a scenario by its format', () => {
    expect(isRunLogText('{\n  "format": "coldboot/run-log@1",\n  "actions": []\n}')).toBe(true);
    expect(isRunLogText('format: coldboot/run-log@1\n')).toBe(true);
    expect(isRunLogText('format: coldboot/scenario@1\ntitle: x\n')).toBe(false);
    expect(isRunLogText('{"format":"coldboot/scenario@1"}')).toBe(false);
  });
});
