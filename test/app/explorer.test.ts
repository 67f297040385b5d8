// The model explorer's logic, without a DOM: the Markdown subset renderer (parsed trees, and the
// React elements rendered to static HTML), doc/model.md cut into tabs, the parameter table (search,
// units, checking an override against its range) and the validation table's JSON.

import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import {
  Markdown,
  inlineText,
  isExternalHref,
  parseInline,
  parseMarkdown,
  renderBlocks,
  slugify,
  type Block,
} from '../../src/app/explorer/markdown.tsx';
import {
  explorerTabs,
  linkTarget,
  splitSections,
  withoutParameterTables,
} from '../../src/app/explorer/modelDoc.ts';
import {
  GROUP_NAMES,
  allRows,
  checkOverride,
  displayUnit,
  displayValue,
  filterRows,
  formatNumber,
  formatRange,
  groupRows,
  isOverridden,
  matchesByGroup,
  nameWords,
  overriddenCount,
  parseNumber,
  sectionRows,
  sectionTitles,
  withOverride,
  withoutOverride,
} from '../../src/app/explorer/parameters.ts';
import { filterCases, parseValidationTable } from '../../src/app/explorer/validationTable.ts';
import { allParameters, parameterGroups, parameterValues } from '../../models/parameters/index.ts';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const MODEL_DOC = readFileSync(`${ROOT}doc/model.md`, 'utf8');

function html(source: string, options: Parameters<typeof renderBlocks>[1] = {}): string {
  return renderToStaticMarkup(createElement(Markdown, { source, ...options }));
}

describe('Markdown: blocks', () => {
  it('parses headings with GitHub anchors', () => {
    expect(parseMarkdown('## Cells: what a learner needs at 2 a.m.\n### A *b* `c`')).toEqual([
      {
        type: 'heading',
        level: 2,
        text: 'Cells: what a learner needs at 2 a.m.',
        id: 'cells-what-a-learner-needs-at-2-am',
      },
      { type: 'heading', level: 3, text: 'A *b* `c`', id: 'a-b-c' },
    ]);
    expect(slugify('Heart-lung machine and bedside devices')).toBe(
      'heart-lung-machine-and-bedside-devices',
    );
  });

  it('joins the lines of a paragraph and splits paragraphs at blank lines', () => {
    expect(parseMarkdown('one\ntwo\n\nthree')).toEqual([
      { type: 'paragraph', text: 'one\ntwo' },
      { type: 'paragraph', text: 'three' },
    ]);
  });

  it('keeps fenced code verbatim, with its language, and drops HTML comments', () => {
    const blocks = parseMarkdown(
      'text\n```mermaid\nA --> B\n  **not bold** <b>\n```\n<!-- hidden -->\n<!--\nmore\n-->\nafter',
    );
    expect(blocks).toEqual([
      { type: 'paragraph', text: 'text' },
      { type: 'code', lang: 'mermaid', text: 'A --> B\n  **not bold** <b>' },
      { type: 'paragraph', text: 'after' },
    ]);
  });

  it('parses nested lists, continuation lines and code inside items', () => {
    const blocks = parseMarkdown(
      [
        '- **First.** starts',
        '  and goes on',
        '',
        '  ```',
        '  x = 1',
        '  ```',
        '',
        '  still the first item.',
        '- Second:',
        '  - nested a;',
        '  - nested b',
        '',
        '1. one',
        '2. two',
        '',
        'After.',
      ].join('\n'),
    );
    expect(blocks.map((b) => b.type)).toEqual(['list', 'list', 'paragraph']);
    const [bullets, numbers] = blocks as [
      Extract<Block, { type: 'list' }>,
      Extract<Block, { type: 'list' }>,
    ];
    expect(bullets.ordered).toBe(false);
    expect(bullets.items).toHaveLength(2);
    expect(bullets.items[0]).toEqual([
      { type: 'paragraph', text: '**First.** starts\nand goes on' },
      { type: 'code', lang: '', text: 'x = 1' },
      { type: 'paragraph', text: 'still the first item.' },
    ]);
    expect(bullets.items[1]![1]).toMatchObject({ type: 'list', items: [[{}], [{}]] });
    expect(numbers).toMatchObject({ ordered: true, start: 1 });
    expect(numbers.items).toHaveLength(2);
  });

  it('does not take "14.3 mL" at the start of a line for a list', () => {
    expect(parseMarkdown('A rate of\n14.3 mL of gas.')).toEqual([
      { type: 'paragraph', text: 'A rate of\n14.3 mL of gas.' },
    ]);
  });

  it('parses tables with alignment and escaped pipes', () => {
    const [table] = parseMarkdown(
      '| a | b | c |\n| --- | :-: | --: |\n| `x` | \\|y\\| | 3 |\n| short |',
    );
    expect(table).toEqual({
      type: 'table',
      header: ['a', 'b', 'c'],
      align: [null, 'center', 'right'],
      rows: [
        ['`x`', '\\|y\\|', '3'],
        ['short', '', ''],
      ],
    });
  });

  it('parses all of doc/model.md, with its tables and code', () => {
    const blocks = parseMarkdown(MODEL_DOC);
    expect(blocks.filter((b) => b.type === 'heading').length).toBeGreaterThanOrEqual(12);
    expect(blocks.some((b) => b.type === 'table')).toBe(true);
    expect(blocks.some((b) => b.type === 'code' && b.lang === 'mermaid')).toBe(true);
  });
});

describe('Markdown: inline', () => {
  it('parses code, bold, italics and links', () => {
    expect(parseInline('a `b*c*` **bold _it_** [link](#x) end')).toEqual([
      { type: 'text', text: 'a ' },
      { type: 'code', text: 'b*c*' },
      { type: 'text', text: ' ' },
      {
        type: 'strong',
        children: [
          { type: 'text', text: 'bold ' },
          { type: 'em', children: [{ type: 'text', text: 'it' }] },
        ],
      },
      { type: 'text', text: ' ' },
      { type: 'link', href: '#x', children: [{ type: 'text', text: 'link' }] },
      { type: 'text', text: ' end' },
    ]);
  });

  it('leaves snake_case, lone stars and brackets alone', () => {
    for (const text of [
      'T_blood and T_heart',
      '2 * 3 * 4',
      '2*x*y',
      '[read] and [recall]',
      'a ** b',
    ]) {
      expect(inlineText(parseInline(text))).toBe(text);
      expect(parseInline(text).every((n) => n.type === 'text')).toBe(true);
    }
  });

  it('reads backslash escapes', () => {
    expect(parseInline('\\*not em\\* a \\| b')).toEqual([{ type: 'text', text: '*not em* a | b' }]);
  });

  it('keeps **[read]** tags bold', () => {
    expect(parseInline('**[read]**: seen')).toEqual([
      { type: 'strong', children: [{ type: 'text', text: '[read]' }] },
      { type: 'text', text: ': seen' },
    ]);
  });
});

describe('Markdown: React elements', () => {
  it('renders the subset as HTML elements', () => {
    const out = html(
      '## Title\n\nSome **bold**, _it_ and `code`.\n\n- a\n- b\n\n```\nx < y\n```\n\n| h |\n| - |\n| c |',
      { headingOffset: 1, idPrefix: 'p-' },
    );
    expect(out).toContain('<h3 id="p-title" class="md-heading">Title</h3>');
    expect(out).toContain('<p>Some <strong>bold</strong>, <em>it</em> and <code>code</code>.</p>');
    expect(out).toContain('<ul><li><p>a</p></li><li><p>b</p></li></ul>');
    expect(out).toContain('<code>x &lt; y</code>');
    expect(out).toContain('<th scope="col">h</th>');
    expect(out).toContain('<td>c</td>');
  });

  it('never renders raw HTML: tags and scripts come out as text', () => {
    const out = html(
      '<script>alert(1)</script>\n\n<img src=x onerror="alert(2)"> **<b>x</b>** `<i>`\n\n| <svg onload=alert(3)> |\n| - |',
    );
    expect(out).not.toMatch(/<script|<img|<b>|<i>|<svg/);
    expect(out).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(out).toContain('&lt;img src=x onerror=&quot;alert(2)&quot;&gt;');
  });

  it('opens only http(s) and mailto links, in a new tab; javascript: is text', () => {
    expect(isExternalHref('https://example.org')).toBe(true);
    expect(isExternalHref('javascript:alert(1)')).toBe(false);
    const out = html('[ok](https://example.org/a) [bad](javascript:alert(1)) [doc](other.md)');
    expect(out).toContain(
      '<a href="https://example.org/a" target="_blank" rel="noopener noreferrer">ok</a>',
    );
    expect(out).not.toMatch(/href="javascript/i);
    expect(out).toContain('<span class="md-doc-link" title="javascript:alert(1)">bad</span>');
    expect(out).toContain('<span class="md-doc-link" title="other.md">doc</span>');
  });

  it('draws in-document links as links when a navigator can follow them', () => {
    const out = html('[Oxygen](#oxygen) [other](uncertainty.md)', {
      idPrefix: 'x-',
      onNavigate: () => true,
      canNavigate: (href) => href.startsWith('#'),
    });
    expect(out).toContain('<a href="#x-oxygen">Oxygen</a>');
    expect(out).toContain('<span class="md-doc-link" title="uncertainty.md">other</span>');
  });

  it('draws a link to a section not on the page (another tab) as a button, not a dead anchor', () => {
    const out = html('[Oxygen](#oxygen) [Heat](#heat)', {
      idPrefix: 'x-',
      onNavigate: () => true,
      isOnPage: (href) => href === '#heat',
    });
    expect(out).toContain('<a href="#x-heat">Heat</a>');
    expect(out).not.toContain('href="#x-oxygen"');
    expect(out).toMatch(/<button type="button" class="md-link"[^>]*>Oxygen<\/button>/);
  });
});

describe('doc/model.md in tabs', () => {
  const tabs = explorerTabs(MODEL_DOC);

  it('has an overview, one tab per parameter group, sources and limits, and validation', () => {
    const ids = tabs.map((t) => t.id);
    expect(ids[0]).toBe('overview');
    expect(ids.slice(-2)).toEqual(['notes', 'validation']);
    expect([...ids.slice(1, -2)].sort()).toEqual([...GROUP_NAMES].sort());
    for (const group of GROUP_NAMES) {
      const tab = tabs.find((t) => t.id === group)!;
      expect(tab.sections.length, group).toBeGreaterThan(0);
    }
    expect(tabs.find((t) => t.id === 'thermal')!.sections[0]!.title).toBe('Heat');
    expect(tabs.find((t) => t.id === 'validation')!.sections[0]!.title).toMatch(/^Validation/);
  });

  it('takes the generated parameter tables out of the text', () => {
    for (const tab of tabs) {
      for (const section of tab.sections) {
        expect(section.body).not.toContain('<!-- parameters:');
        expect(section.body).not.toMatch(/^\w+ parameters:$/m);
      }
    }
    const { text, groups } = withoutParameterTables(
      'before\n\nHeat parameters:\n\n<!-- parameters:thermal:start -->\n| a |\n<!-- parameters:thermal:end -->\n\nafter',
    );
    expect(groups).toEqual(['thermal']);
    expect(text).toBe('before\n\nafter');
  });

  it('keeps headings inside fenced code in their section', () => {
    const { sections } = splitSections(
      '# T\n\nintro\n\n## A\n\n```\n## not a heading\n```\n\n## B\n',
    );
    expect(sections.map((s) => s.title)).toEqual(['A', 'B']);
    expect(sections[0]!.body).toContain('## not a heading');
  });

  it('follows in-document links to the tab that holds the heading', () => {
    expect(linkTarget(tabs, '#oxygen')).toEqual({ tab: 'oxygen', anchor: 'oxygen' });
    expect(linkTarget(tabs, '#cells-what-a-learner-needs-at-2-am')?.tab).toBe('cells');
    expect(linkTarget(tabs, 'validation.md')).toEqual({ tab: 'validation', anchor: null });
    expect(linkTarget(tabs, 'uncertainty.md')).toBeNull();
    expect(linkTarget(tabs, '#no-such-heading')).toBeNull();
    expect(linkTarget(tabs, 'https://example.org/#oxygen')).toBeNull();
  });

  it('finds every in-document link of doc/model.md', () => {
    const anchors = [...MODEL_DOC.matchAll(/\]\((#[^)]+)\)/g)].map((m) => m[1]!);
    expect(anchors.length).toBeGreaterThan(0);
    for (const href of anchors) expect(linkTarget(tabs, href), href).not.toBeNull();
  });
});

describe('parameter table', () => {
  it('has every parameter once, with its group', () => {
    const rows = allRows();
    expect(rows.map((r) => r.name).sort()).toEqual(Object.keys(allParameters).sort());
    for (const group of GROUP_NAMES) {
      expect(groupRows(group).map((r) => r.name)).toEqual(Object.keys(parameterGroups[group]));
    }
  });

  it('searches names (also as words), descriptions, units and sources', () => {
    const rows = groupRows('circulation');
    expect(filterRows(rows, '')).toHaveLength(rows.length);
    expect(nameWords('restingHeartRateAdultBpm')).toBe('resting heart rate adult bpm');
    expect(filterRows(rows, 'resting heart rate').map((r) => r.name)).toContain(
      'restingHeartRateAdultBpm',
    );
    expect(filterRows(rows, 'RESTINGMAP').map((r) => r.name)).toEqual(['restingMapMmHg']);
    expect(
      filterRows(rows, 'mmHg').every((r) =>
        /mmhg/i.test(`${r.name} ${r.unit} ${r.description} ${r.source}`),
      ),
    ).toBe(true);
    expect(filterRows(rows, 'Zafren').map((r) => r.name)).toContain('heartRateQ10');
    expect(filterRows(rows, 'no such thing at all')).toEqual([]);
    const counts = matchesByGroup('selfCheckHalfTempC');
    expect(counts.cells).toBe(1);
    expect(counts.thermal).toBe(0);
  });

  it('groups rows under the section titles of doc/model.md', () => {
    const titles = sectionTitles(MODEL_DOC, 'thermal');
    expect(titles.get('bloodDensityKgPerL')).toBe('Blood');
    const sections = sectionRows(groupRows('thermal'), titles);
    expect(sections[0]!.title).toBe('Blood');
    expect(sections.reduce((n, s) => n + s.rows.length, 0)).toBe(groupRows('thermal').length);
    // A group without titles (body) is one untitled section.
    expect(sectionRows(groupRows('body'), sectionTitles(MODEL_DOC, 'body'))).toHaveLength(1);
  });

  it('reads numbers as typed', () => {
    expect(parseNumber(' 36.5 ')).toBe(36.5);
    expect(parseNumber('−2')).toBe(-2);
    expect(parseNumber('1 200')).toBe(1200);
    expect(parseNumber('1e-3')).toBe(0.001);
    expect(parseNumber('.5')).toBe(0.5);
    for (const bad of ['', 'abc', '1,5', '3 °C', '--1', 'Infinity', '0x10']) {
      expect(parseNumber(bad), bad).toBeNaN();
    }
  });

  it('accepts an override inside the range, ends included, and refuses one outside it', () => {
    const row = groupRows('cells').find((r) => r.name === 'selfCheckHalfTempC')!;
    expect(row).toMatchObject({ unit: '°C', min: 10, max: 32 });
    expect(checkOverride(row, '15', 'C')).toEqual({ ok: true, value: 15 });
    expect(checkOverride(row, '10', 'C')).toEqual({ ok: true, value: 10 });
    expect(checkOverride(row, '32', 'C')).toEqual({ ok: true, value: 32 });
    const low = checkOverride(row, '9.9', 'C');
    expect(low.ok).toBe(false);
    expect(!low.ok && low.message).toBe(
      '9.9 is outside the plausible range: enter a value from 10–32 °C.',
    );
    expect(checkOverride(row, '', 'C')).toEqual({
      ok: false,
      message: 'Enter a number from 10–32 °C.',
    });
    expect(checkOverride(row, 'abc', 'C').ok).toBe(false);
    // Every accepted value is one the engine takes.
    const check = checkOverride(row, '31.5', 'C');
    expect(check.ok && parameterValues({ [row.name]: check.value }).selfCheckHalfTempC).toBe(31.5);
  });

  it('shows temperatures in °F and converts an override back to °C', () => {
    const row = groupRows('cells').find((r) => r.name === 'selfCheckHalfTempC')!;
    expect(displayUnit(row, 'F')).toBe('°F');
    expect(displayValue(row, 25, 'F')).toBe('77');
    expect(formatRange(row, 'F')).toBe('50–89.6 °F');
    expect(checkOverride(row, '59', 'F')).toEqual({ ok: true, value: 15 });
    expect(checkOverride(row, '89.6', 'F')).toEqual({ ok: true, value: 32 });
    expect(checkOverride(row, '50', 'F')).toEqual({ ok: true, value: 10 });
    expect(checkOverride(row, '90', 'F').ok).toBe(false);
    // Not temperatures: unchanged.
    const flow = groupRows('circulation').find((r) => r.unit === 'mmHg')!;
    expect(displayUnit(flow, 'F')).toBe('mmHg');
    expect(displayValue(flow, flow.value, 'F')).toBe(String(flow.value));
    expect(formatRange({ unit: '1', min: 0.1, max: 0.5 }, 'C')).toBe('0.1–0.5');
  });

  it('accepts every default value and both ends of every range, in °C and °F', () => {
    for (const row of allRows()) {
      for (const unit of ['C', 'F'] as const) {
        for (const x of [row.min, row.value, row.max]) {
          const check = checkOverride(row, displayValue(row, x, unit), unit);
          expect(check.ok, `${row.name} ${x} ${unit}`).toBe(true);
          if (check.ok) expect(check.value).toBeCloseTo(x, 9);
        }
      }
    }
  });

  it('formats numbers without float noise or exponents', () => {
    expect(formatNumber((37 * 9) / 5 + 32)).toBe('98.6');
    expect(formatNumber(0.00036)).toBe('0.00036');
    expect(formatNumber(2450000)).toBe('2450000');
    expect(formatNumber(1e-7)).toBe('0.0000001');
  });

  it('keeps overrides as a plain record, without values equal to the default', () => {
    const row = groupRows('cells').find((r) => r.name === 'selfCheckHalfTempC')!;
    const other = { otherParameter: 1 };
    const set = withOverride(other, row, 15);
    expect(set).toEqual({ otherParameter: 1, selfCheckHalfTempC: 15 });
    expect(other).toEqual({ otherParameter: 1 });
    expect(isOverridden(set, row)).toBe(true);
    expect(overriddenCount(set, 'cells')).toBe(1);
    expect(withOverride(set, row, row.value)).toEqual(other);
    expect(withoutOverride(set, row.name)).toEqual(other);
    expect(withoutOverride(other, row.name)).toBe(other);
    expect(isOverridden({ selfCheckHalfTempC: row.value }, row)).toBe(false);
  });
});

describe('validation table JSON', () => {
  const json: unknown = JSON.parse(readFileSync(`${ROOT}public/validation.json`, 'utf8'));

  it('reads public/validation.json', () => {
    const table = parseValidationTable(json);
    expect(table.cases.length).toBeGreaterThan(10);
    expect(table.summary).toMatch(/cases/);
    expect(filterCases(table.cases, '', true).every((c) => !c.inRange)).toBe(true);
    expect(filterCases(table.cases, 'severinghaus').length).toBeGreaterThan(0);
  });

  it('says what is wrong with a malformed file', () => {
    expect(() => parseValidationTable([])).toThrow(/list of cases/);
    expect(() => parseValidationTable({ cases: [{ id: '1' }] })).toThrow(/case 1 .*"source"/);
  });
});
