// public/validation.json (the validation table shown in the app's model explorer) and doc/validation.md
// are both written by `npm run validate`. This test fails when one was regenerated without the other,
// or edited by hand: run `npm run validate`.

import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { ValidationJson } from '../../scripts/validationJson.ts';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const markdown = readFileSync(`${ROOT}doc/validation.md`, 'utf8');
const json = JSON.parse(readFileSync(`${ROOT}public/validation.json`, 'utf8')) as ValidationJson;

/** The cells of a Markdown table row, with `\|` unescaped. */
function cells(line: string): string[] {
  return line
    .trim()
    .replace(/^\|/, '')
    .replace(/\|$/, '')
    .split(/(?<!\\)\|/)
    .map((cell) => cell.trim().replace(/\\\|/g, '|'));
}

/** The summary table of doc/validation.md: one record per case, keyed by its header. */
function markdownTable(): Record<string, string>[] {
  const lines = markdown.split('\n');
  const start = lines.findIndex((line) => line.startsWith('| case |'));
  if (start < 0) throw new Error('doc/validation.md has no table with a "case" column');
  const headers = cells(lines[start]!);
  const rows: Record<string, string>[] = [];
  for (const line of lines.slice(start + 2)) {
    if (!line.startsWith('|')) break;
    const values = cells(line);
    rows.push(Object.fromEntries(headers.map((h, i) => [h, values[i] ?? ''])));
  }
  return rows;
}

describe('public/validation.json (else run npm run validate)', () => {
  const table = markdownTable();

  it('has the cases of doc/validation.md, in the same order', () => {
    expect(table.length).toBeGreaterThan(0);
    expect(json.cases.map((c) => c.id)).toEqual(table.map((row) => row.case));
  });

  it('has the same in-range flags', () => {
    expect(json.cases.map((c) => [c.id, c.inRange])).toEqual(
      table.map((row) => [row.case, row['in range'] === 'yes']),
    );
  });

  it('has the same published, acceptable and model values and ratings', () => {
    expect(
      json.cases.map((c) => [c.id, c.publishedText, c.acceptableText, c.modelText, c.rating]),
    ).toEqual(table.map((row) => [row.case, row.published, row.acceptable, row.model, row.rating]));
  });

  it('has the same summary line', () => {
    expect(markdown).toContain(`**Summary:** ${json.summary}.`);
  });

  it('is well formed', () => {
    expect(json.format).toBe('coldboot/validation@1');
    for (const c of json.cases) {
      expect(c.acceptable).toHaveLength(2);
      expect(c.acceptable[0]).toBeLessThanOrEqual(c.acceptable[1]);
      expect(typeof c.quantity).toBe('string');
      if (c.model !== null && c.inRange) {
        expect(c.model).toBeGreaterThanOrEqual(c.acceptable[0]);
        expect(c.model).toBeLessThanOrEqual(c.acceptable[1]);
      }
    }
  });
});
